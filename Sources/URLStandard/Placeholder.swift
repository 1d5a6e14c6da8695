public enum URLStandardPlaceholder {}
