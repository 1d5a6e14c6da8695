import CJavaScriptCore

// Images and canvas: <img>, Image(), the 2D context and the origin-clean flag (to be written).
extension Realm {
    func installImageHostFunctions() {}
    func imageElementInserted(_ el: JSValueRef) {}
    func imageAttributeChanged(_ el: JSValueRef, _ name: String) {}
}
