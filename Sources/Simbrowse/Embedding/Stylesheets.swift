import CJavaScriptCore

// Stylesheets and the CSSOM: <link rel=stylesheet>, <style>, cssRules (to be written).
extension Realm {
    func installStyleHostFunctions() {}
    func linkElementInserted(_ el: JSValueRef) {}
    func linkAttributeChanged(_ el: JSValueRef, _ name: String) {}
    func styleElementInserted(_ el: JSValueRef) {}
}
