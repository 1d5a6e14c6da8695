public enum ScenarioFormatPlaceholder {}
