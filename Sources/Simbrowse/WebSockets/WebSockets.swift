import CJavaScriptCore

// WebSockets (to be written).
extension Realm {
    func installWebSocketHostFunctions() {}
}
