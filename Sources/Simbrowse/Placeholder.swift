import URLStandard
import HTMLDOM
import ScenarioFormat
public enum SimbrowsePlaceholder {}
