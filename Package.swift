// swift-tools-version:6.0
// wasm-undef: see README.md. Targets are listed in data-flow order:
// bytes → WasmDecoding → LinkModel → Findings → Reporting → TerminalUI → executables.
import PackageDescription

let package = Package(
    name: "wasm-undef",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "wasm-undef", targets: ["wasm-undef"]),
        .executable(name: "wasm-undef-ld", targets: ["wasm-undef-ld"]),
        .library(name: "WasmDecoding", targets: ["WasmDecoding"]),
        .library(name: "LinkModel", targets: ["LinkModel"]),
        .library(name: "Reporting", targets: ["Reporting"]),
        // For the libFuzzer package in Fuzz/ (which depends on this one by path).
        .library(name: "FuzzChecks", targets: ["FuzzChecks"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // Bytes in, typed values out: push parser, lazy section readers, archives.
        .target(name: "WasmDecoding"),

        // Output shared by every command and the TUI export: aligned tables, JSON, and the
        // escaping that keeps input-derived names from driving the terminal.
        .target(name: "TextFormatting", dependencies: ["TerminalText"]),

        // wasm-ld's view of a link: options, resolution, liveness, per-symbol outcomes.
        .target(name: "LinkModel", dependencies: ["WasmDecoding", "Demangling"]),

        // References placed in the source (DWARF of the referencing objects, call sites in a
        // linked module) and the crates they belong to; read only when asked.
        .target(name: "SourceLocations", dependencies: ["WasmDecoding", "LinkModel", "Demangling", "TextFormatting"]),

        // Text and JSON renderings of a link prediction (shared by the CLI and the TUI export).
        // Analyses that explain undefined symbols: near-miss names, libraries not linked.
        .target(name: "Findings", dependencies: ["WasmDecoding", "Demangling", "LinkModel", "TextFormatting"]),

        // Source patches from the fix plan: the Rust extern-block scanner, C prototypes, edits
        // by line (reads the crate's sources through a `SourceFiles` seam).
        .target(name: "SourcePatching", dependencies: ["LinkModel", "Findings", "SourceLocations", "TextFormatting"]),

        .target(name: "Reporting", dependencies: ["WasmDecoding", "LinkModel", "Findings", "SourceLocations", "SourcePatching", "TextFormatting"]),


        // Real links captured by wasm-undef-ld: the link.json manifest, copying the files a
        // link reads, reading a capture back as a link whose files keep their original names.
        .target(name: "LinkCapture", dependencies: ["LinkModel", "WasmDecoding", "TextFormatting"]),

        // Work started at once on a thread of its own (on another core when asked; the GNU
        // affinity calls Swift's Glibc module does not show are in the C part).
        .target(name: "CCoreAffinity"),
        .target(name: "BackgroundThreads", dependencies: ["CCoreAffinity"]),

        // The one load pipeline (open, walk sections, link or module, resolve, predict,
        // findings, in typed stages), inputs over time (file watching, reuse of what did not
        // change) and the I/O of the findings (scanning library folders).
        .target(name: "Workspace", dependencies: ["WasmDecoding", "LinkModel", "Findings", "BackgroundThreads"]),

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

        // Terminal-safe text (escaping of controls and bidi overrides) and display width, shared by
        // the CLI's text output and the TUI.
        .target(name: "TerminalText", exclude: ["Width/generate-width-table.sh"]),
        // The TUI as values: cell grid, drawing, keys, keymap, list and text-input models. No I/O.
        .target(name: "TerminalUI", dependencies: ["TerminalText"]),
        // ncursesw through a C shim; libncursesw5-dev is the only system dependency.
        // No pkgConfig: its -D_XOPEN_SOURCE flags are refused by SwiftPM with a warning on every
        // build; the shim defines NCURSES_WIDECHAR itself and the headers are in the default path.
        .systemLibrary(name: "CNcursesw", providers: [.apt(["libncursesw5-dev"])]),
        // The only code that touches the terminal: blits a CellGrid, reads keys, mouse, resize, signals.
        .target(name: "NcursesBackend", dependencies: ["CNcursesw", "TerminalText", "TerminalUI", "BackgroundThreads"]),
        // The inspector as a value: panes, keymap, reducer and pure render of a link or module,
        // and the rows built from the load pipeline's stages. No I/O.
        .target(
            name: "InspectorUI",
            dependencies: ["TerminalUI", "TerminalText", "WasmDecoding", "LinkModel", "Findings", "Reporting", "Demangling", "Workspace", "SourceLocations"]
        ),
        // The inspector's run loop: loading through the pipeline on a background thread,
        // effects, file watching, ncurses.
        .target(name: "InspectorTerminal", dependencies: ["InspectorUI", "NcursesBackend", "TerminalUI", "Workspace", "BackgroundThreads", "LinkModel", "SourceLocations"]),

        // The bundled demo link's files (C sources and the script that embeds what they build).
        .target(name: "DemoLink", exclude: ["src"]),

        // The executable: argument parsing and wiring only.
        .executableTarget(
            name: "wasm-undef",
            dependencies: [
                "WasmDecoding",
                "TextFormatting",
                "LinkModel",
                "Reporting",
                "SourceLocations",
                "SourcePatching",
                "Findings",
                "Workspace",
                "LinkCapture",
                "InspectorUI",
                "InspectorTerminal",
                "NcursesBackend",
                "Demangling",
                "DemoLink",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // The linker wrapper: records a real link into a capture, then runs the real linker.
        .executableTarget(name: "wasm-undef-ld", dependencies: ["LinkCapture"]),

        // Wasm binaries and archives encoded byte by byte (the one LEB128 encoder), for the
        // tests and the fuzz checks.
        .target(name: "WasmBytes"),

        // The properties the fuzzers check, shared with the fuzz regression tests.
        .target(name: "FuzzChecks", dependencies: ["WasmDecoding", "LinkModel", "WasmBytes"]),

        // Fixture building (clang, wasm-ld, llvm-nm from the Swift toolchain) shared by the tests.
        .target(name: "TestSupport", dependencies: ["BackgroundThreads"], path: "Tests/TestSupport"),
        .testTarget(name: "WasmDecodingTests", dependencies: ["WasmDecoding", "WasmBytes", "Workspace", "TestSupport", "FuzzChecks"]),
        .testTarget(name: "TextFormattingTests", dependencies: ["TextFormatting"]),
        .testTarget(
            name: "LinkModelTests",
            dependencies: ["LinkModel", "WasmDecoding", "TestSupport"],
            exclude: ["Cases", "RealLinks"]
        ),
        // Captures: manifest, file lists, the store; end to end, clang and rustc linking through
        // the built wasm-undef-ld, compared with wasm-ld alone, and `report --capture`.
        .testTarget(
            name: "CaptureTests",
            dependencies: ["LinkCapture", "LinkModel", "WasmDecoding", "TextFormatting", "TestSupport", "wasm-undef-ld", "wasm-undef"]
        ),
        // Source lines (DWARF against llvm-dwarfdump and llvm-symbolizer), crates and source
        // patches, on crates and C programs built at test time.
        .testTarget(
            name: "SourceLinesTests",
            dependencies: ["SourceLocations", "SourcePatching", "Reporting", "Findings", "LinkModel", "WasmDecoding", "Workspace", "TestSupport"]
        ),
        // The report's text and JSON, how findings appear in them, and the fix-its (compiled).
        .testTarget(name: "ReportingTests", dependencies: ["Reporting", "Findings", "LinkModel", "WasmDecoding", "Workspace", "DemoLink", "TestSupport"]),
        .testTarget(name: "FindingsTests", dependencies: ["Findings", "LinkModel", "WasmDecoding", "Workspace", "TestSupport"]),
        // The built wasm-undef run as a user runs it.
        .testTarget(name: "CommandLineTests", dependencies: ["TestSupport"]),
        .testTarget(name: "WorkspaceTests", dependencies: ["Workspace", "LinkModel", "WasmDecoding", "WasmBytes", "Findings", "TestSupport"]),
        .testTarget(name: "DemanglingTests", dependencies: ["Demangling", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "TerminalTextTests", dependencies: ["TerminalText"]),
        .testTarget(
            name: "TerminalUITests", dependencies: ["TerminalUI", "TestSupport"], exclude: ["__Snapshots__"]
        ),
        // Test fixture, not a product: draws a grid with NcursesBackend, echoes keys, quits on q.
        .executableTarget(name: "tui-harness", dependencies: ["NcursesBackend", "TerminalUI", "BackgroundThreads"], path: "Tests/tui-harness"),
        .testTarget(name: "NcursesBackendTests", dependencies: ["NcursesBackend", "CNcursesw", "TerminalUI"]),
        // End-to-end: runs tui-harness in tmux (keys, mouse, resize, signals, NO_COLOR, restore).
        .testTarget(name: "TerminalEndToEndTests", dependencies: ["TestSupport", "tui-harness"]),
        // The inspector's screens (snapshots), reducer and keymap, on the demo link.
        .testTarget(
            name: "InspectorUITests",
            dependencies: [
                "InspectorUI", "InspectorTerminal", "TerminalUI", "WasmDecoding", "LinkModel", "Findings", "Reporting", "SourceLocations", "Workspace",
                "DemoLink", "TestSupport",
            ],
            exclude: ["__Snapshots__"]
        ),
        // End-to-end: the built wasm-undef in tmux (keys, export, allow list, restore).
        .testTarget(name: "InspectorEndToEndTests", dependencies: ["TestSupport", "wasm-undef"]),
    ],
    swiftLanguageModes: [.v6]
)
