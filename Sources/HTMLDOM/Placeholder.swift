public enum HTMLDOMPlaceholder {}
