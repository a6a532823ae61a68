// swift-tools-version:6.0
// libFuzzer targets for wasm-undef's decoder. A package of its own because the fuzzer
// instrumentation (-sanitize=fuzzer) breaks ordinary executables, and an executable with a
// fuzzer `main` would break `swift build` of the main package. Build and run with run.sh.
import PackageDescription

/// One fuzz target: an executable whose main hands `FuzzChecks.check(target, …)` to libFuzzer.
func fuzzTarget(_ name: String) -> Target {
    .executableTarget(
        name: name,
        dependencies: ["FuzzDriver", .product(name: "FuzzChecks", package: "wasm-undef")])
}

let package = Package(
    name: "wasm-undef-fuzz",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "wasm-undef", path: ".."),
    ],
    targets: [
        // The entry into libFuzzer (LLVMFuzzerRunDriver), shared by every target.
        .target(name: "FuzzDriver", dependencies: [.product(name: "FuzzChecks", package: "wasm-undef")]),
        fuzzTarget("fuzz-module"),
        fuzzTarget("fuzz-object"),
        fuzzTarget("fuzz-archive"),
        fuzzTarget("fuzz-stream"),
        fuzzTarget("fuzz-link"),
    ],
    swiftLanguageModes: [.v6]
)
