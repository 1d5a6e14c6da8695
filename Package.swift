// swift-tools-version:6.0
import PackageDescription

// Layers, bottom up:
//   C*              tiny system-library targets, one per C library (no Swift code)
//   URLStandard     WHATWG URL parser, Origin, URLSearchParams (pure Swift + libidn2 for UTS #46)
//   HTMLDOM         the document tree: parsed by libxml2, serialised, fragment parsing, simple selectors
//   ScenarioFormat  the scenario file format, decoded with JSON-path errors
//   Simbrowse       the engine: browser, windows, scripts (JavaScriptCore), origin checker, fetch, report
//   simbrowse       the CLI
let package = Package(
    name: "simbrowse",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Simbrowse", targets: ["Simbrowse"]),
        .executable(name: "simbrowse", targets: ["SimbrowseCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CJavaScriptCore", pkgConfig: "javascriptcoregtk-4.1",
                       providers: [.apt(["libjavascriptcoregtk-4.1-dev"])]),
        .systemLibrary(name: "CPSL", pkgConfig: "libpsl", providers: [.apt(["libpsl-dev"])]),
        .systemLibrary(name: "CIDN2", pkgConfig: "libidn2", providers: [.apt(["libidn2-dev"])]),
        .systemLibrary(name: "CSPNG", pkgConfig: "spng", providers: [.apt(["libspng-dev"])]),
        .target(name: "URLStandard", dependencies: ["CIDN2"]),
        .target(name: "HTMLDOM", dependencies: ["CLibXML2"]),
        .target(name: "ScenarioFormat"),
        .target(name: "Simbrowse", dependencies: ["URLStandard", "HTMLDOM", "ScenarioFormat", "CJavaScriptCore", "CPSL", "CSPNG"],
                resources: [.copy("JS")]),
        .executableTarget(name: "SimbrowseCLI", dependencies: [
            "Simbrowse", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "URLStandardTests", dependencies: ["URLStandard"], resources: []),
        .testTarget(name: "HTMLDOMTests", dependencies: ["HTMLDOM"]),
        .testTarget(name: "ScenarioFormatTests", dependencies: ["ScenarioFormat"]),
        .testTarget(name: "SimbrowseTests", dependencies: ["Simbrowse"]),
    ],
    swiftLanguageModes: [.v5]
)
