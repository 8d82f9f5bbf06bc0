// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "qrconform",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "qrconform", targets: ["qrconform"]),
        .library(name: "QRConformance", targets: ["QRConformance"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // The centre's service (`qrconform serve`, Sources/QRService): HTTP server, routes generated from openapi.yaml.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-openapi-generator", from: "1.14.3"),
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.13.4"),
        .package(url: "https://github.com/hummingbird-project/swift-openapi-hummingbird", from: "2.1.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        .systemLibrary(name: "CZBar", pkgConfig: "zbar", providers: [.apt(["libzbar-dev"])]),
        .systemLibrary(name: "CLibPNG", pkgConfig: "libpng", providers: [.apt(["libpng-dev"])]),
        // Headers only: libtesseract is opened with dlopen when text is first read (Sources/CTesseract/shim.h), so
        // runs that read no text do not pay for loading it and its 56 libraries. apt: libtesseract-dev.
        .systemLibrary(name: "CTesseract"),
        .systemLibrary(name: "CInflate", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // Inflates PNG image data several times faster than zlib (Sources/QRImaging/PNGDirectDecoder.swift).
        .systemLibrary(name: "CDeflate", pkgConfig: "libdeflate", providers: [.apt(["libdeflate-dev"])]),
        // zxing-cpp, the second decoder of the scannability ladder: C++ behind one C function (Sources/CZXingShim).
        .systemLibrary(name: "CZXing", pkgConfig: "zxing", providers: [.apt(["libzxing-dev"])]),
        .target(name: "CZXingShim", dependencies: ["CZXing"]),
        // The bottom of the graph: the one error value (`QRError`) and the one exit-status mapping; no dependencies.
        .target(name: "QRErrors"),
        // The pixel loops (measurement, the text-line finder's morphology) are optimized in debug builds too: unoptimized
        // they take seconds per screenshot, which the display tests and `make vectors` pay dozens of times.
        .target(name: "QRSymbol", swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]),
        // The screen text's pure part (text-line finding from the pixels, the asterisk detector, words and lines),
        // optimized in debug builds too for the same reason as QRSymbol.
        .target(
            name: "QRText", dependencies: ["QRSymbol"],
            swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]),
        // The scannability ladder's camera model (pixel loops over every rung): optimised in debug builds too, so
        // `swift test` and `certify` under a debug build run it in seconds rather than minutes.
        .target(
            name: "QRCamera", dependencies: ["QRSymbol"],
            swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]),
        .target(
            name: "QRImaging",
            dependencies: [
                "QRText",
                "CZBar", "CLibPNG", "CInflate", "CDeflate", "CTesseract", "CZXingShim", "QRCamera", "QRErrors",
                "QRSymbol",
            ]),
        .target(
            name: "QRConformance",
            dependencies: [
                "QRText", "QRErrors", "QRSymbol", "QRCamera", .product(name: "Crypto", package: "swift-crypto"),
            ],
            plugins: ["EmbedSpecs"]
        ),
        .executableTarget(name: "SpecEmbedder"),
        .plugin(name: "EmbedSpecs", capability: .buildTool(), dependencies: ["SpecEmbedder"]),
        .target(
            name: "QRConformanceReports",
            dependencies: ["QRText", "QRConformance", "QRSymbol"]
        ),
        .target(
            name: "QRHarness",
            dependencies: [
                "QRText", "QRErrors", "QRImaging", "QRCamera", "QRSymbol", "QRConformance", "QRConformanceReports",
            ]
        ),
        .target(
            name: "QRRegister",
            dependencies: [
                "QRConformance", "QRConformanceReports", "QRErrors", "QRSymbol",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        // The run facades the command line (and a service) call: check, certification, reproduction, recertification.
        .target(
            name: "QRRun",
            dependencies: [
                "QRHarness", "QRRegister", "QRErrors", "QRImaging", "QRCamera", "QRSymbol", "QRConformance",
                "QRConformanceReports",
            ]
        ),
        // `qrconform serve`: the centre's HTTP service over the register and the run facades. Its routes and types are
        // generated from Sources/QRService/openapi.yaml by swift-openapi-generator's build plugin.
        .target(
            name: "QRService",
            dependencies: [
                "QRRun", "QRRegister", "QRHarness", "QRConformance", "QRConformanceReports", "QRErrors", "QRImaging",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "OpenAPIHummingbird", package: "swift-openapi-hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            plugins: [.plugin(name: "OpenAPIGenerator", package: "swift-openapi-generator")]
        ),
        .executableTarget(
            name: "qrconform",
            dependencies: [
                "QRService", "QRRun", "QRHarness", "QRRegister", "QRImaging", "QRCamera", "QRConformance",
                "QRConformanceReports",
                "QRErrors",
                "QRSymbol", .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "QRSymbolTests", dependencies: ["QRText", "QRSymbol", "QRImaging", "QRTestSupport"]),
        .testTarget(name: "QRCameraTests", dependencies: ["QRCamera", "QRSymbol"]),
        .testTarget(
            name: "QRImagingTests",
            dependencies: ["QRText", "QRImaging", "QRCamera", "QRErrors", "QRSymbol", "QRTestSupport"],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "QRConformanceTests",
            dependencies: [
                "QRText",
                "QRConformance", "QRCamera", "QRErrors", "QRSymbol", "QRTestSupport",
                .product(name: "Crypto", package: "swift-crypto"),
            ]),
        .testTarget(name: "QRConformanceReportsTests", dependencies: ["QRText", "QRConformanceReports", "QRSymbol"]),
        .target(name: "QRTestSupport", path: "Tests/QRTestSupport"),
        .testTarget(
            name: "QRHarnessTests",
            dependencies: [
                "QRHarness", "QRImaging", "QRCamera", "QRErrors", "QRSymbol", "QRConformance", "QRTestSupport",
            ]),
        .testTarget(name: "qrconformTests", dependencies: ["QRSymbol", "QRTestSupport", "QRRegister"]),
        .testTarget(
            name: "QRRegisterTests",
            dependencies: ["QRRegister", "QRConformance", "QRConformanceReports", "QRErrors", "QRTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)

// The libFuzzer targets (`make fuzz`): linked only with -sanitize=fuzzer, whose runtime provides `main`, so the target
// exists only when the fuzz build asks for it and a plain `swift build` never tries to link it.
if Context.environment["QRCONFORM_FUZZ"] == "1" {
    package.products.append(.executable(name: "qrfuzz", targets: ["qrfuzz"]))
    package.targets.append(.target(name: "CLibFuzzer"))
    package.targets.append(
        .executableTarget(
            name: "qrfuzz", dependencies: ["CLibFuzzer", "QRHarness", "QRImaging", "QRConformance"],
            // libFuzzer's runtime provides `main`, so only this target is parsed as a library and linked with it: the
            // build-tool SpecEmbedder gets the same -Xswiftc flags and needs its own `main`.
            swiftSettings: [.unsafeFlags(["-parse-as-library"])],
            linkerSettings: [.unsafeFlags(["-sanitize=fuzzer"])]))
}
