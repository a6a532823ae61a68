// swift-tools-version:6.0
// wasm-undef: see README.md. Targets are listed in data-flow order:
// bytes → WasmDecoding → LinkModel → Findings → Reporting → TerminalUI → executables.
import PackageDescription

let package = Package(
    name: "wasm-undef",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "wasm-undef", targets: ["wasm-undef"]),
        .library(name: "WasmDecoding", targets: ["WasmDecoding"]),
        .library(name: "LinkModel", targets: ["LinkModel"]),
        .library(name: "Reporting", targets: ["Reporting"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // Bytes in, typed values out: push parser, lazy section readers, archives.
        .target(name: "WasmDecoding"),

        // Output shared by every command and the TUI export: aligned tables, JSON, and the
        // escaping that keeps input-derived names from driving the terminal.
        .target(name: "TextFormatting"),

        // wasm-ld's view of a link: options, resolution, liveness, per-symbol outcomes.
        .target(name: "LinkModel", dependencies: ["WasmDecoding", "Demangling"]),

        // Text and JSON renderings of a link prediction (shared by the CLI and the TUI export).
        .target(name: "Reporting", dependencies: ["LinkModel", "TextFormatting"]),

        // Analyses that explain undefined symbols: near-miss names, libraries not linked.
        .target(name: "Findings", dependencies: ["WasmDecoding", "Demangling"]),

        // Opened inputs over time: file watching, fingerprints, reload with reuse of what
        // did not change.
        .target(name: "Workspace", dependencies: ["WasmDecoding"]),

        // Symbol-name demangling (Itanium C++ through the C++ runtime, Rust legacy and v0 in Swift).
        .target(
            name: "CDemangle",
            linkerSettings: [
                // `__cxa_demangle` lives in the C++ runtime, which Swift does not always link.
                .linkedLibrary("stdc++", .when(platforms: [.linux])),
                .linkedLibrary("c++", .when(platforms: [.macOS])),
            ]
        ),
        .target(name: "Demangling", dependencies: ["CDemangle"]),

        // The executable: argument parsing and wiring only.
        .executableTarget(
            name: "wasm-undef",
            dependencies: [
                "WasmDecoding",
                "TextFormatting",
                "LinkModel",
                "Reporting",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // The demo's C sources and build script; DemoFiles.swift embeds what they build.
            exclude: ["Demo/src"]
        ),

        // Fixture building (clang, wasm-ld, llvm-nm from the Swift toolchain) shared by the tests.
        .target(name: "TestSupport", dependencies: ["WasmDecoding"], path: "Tests/TestSupport"),
        .testTarget(name: "WasmDecodingTests", dependencies: ["WasmDecoding", "TestSupport"]),
        .testTarget(name: "TextFormattingTests", dependencies: ["TextFormatting"]),
        .testTarget(
            name: "LinkModelTests",
            dependencies: ["LinkModel", "Reporting", "WasmDecoding", "TestSupport"],
            exclude: ["Cases", "RealLinks"]
        ),
        .testTarget(name: "FindingsTests", dependencies: ["Findings", "TestSupport"]),
        .testTarget(name: "WorkspaceTests", dependencies: ["Workspace", "TestSupport"]),
        .testTarget(name: "DemanglingTests", dependencies: ["Demangling"], exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
