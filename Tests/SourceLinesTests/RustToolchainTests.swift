import Foundation
import LinkModel
import Reporting
import SourceLocations
import Testing
import TestSupport

/// Source lines from every Rust compiler on the machine, DWARF 4 and 5: rustup's stable 1.95
/// (`RUSTC_BOOTSTRAP=1`, `-C dwarf-version=5`), nightly 1.97, and Debian's rustc 1.63 (LLVM 14).
/// Each reference's position must be what llvm-symbolizer says for its code offset.
@Suite("Rust objects of every toolchain place their references as llvm-symbolizer does",
       .enabled(if: Toolchain.clang != nil && DwarfOracles.symbolizer != nil && DwarfOracles.dwarfdump != nil,
                "needs clang, llvm-symbolizer and llvm-dwarfdump-19"))
struct RustToolchainTests {
    static let crateSource = RustPrelude.noCore + "\n" + calls

    /// Debian's rustc 1.63 has a real `core`: the same calls without `no_core`.
    static let stdSource = """
        #![no_std]
        """ + calls

    /// The calls both sources make (line numbers count from here: the prelude comes first).
    static let calls = """
        pub mod host {
            extern "C" {
                pub fn host_now() -> i32;
                pub fn host_log(value: i32);
            }
        }

        #[no_mangle]
        pub extern "C" fn run() -> i32 {
            unsafe {
                host::host_log(
                    host::host_now());
                host::host_now()
            }
        }
        """

    struct Variant: CustomTestStringConvertible, Sendable {
        var label: String
        var rustc: [String]
        var environment: [String: String]
        var source: String
        var dwarfVersion: Int
        var testDescription: String { label }
    }

    static var variants: [Variant] {
        var result: [Variant] = []
        if Cargo.stable {
            result.append(Variant(label: "stable 1.95, DWARF 5", rustc: ["rustup", "run", "stable", "rustc", "-C", "dwarf-version=5"],
                                  environment: ["RUSTC_BOOTSTRAP": "1"], source: crateSource, dwarfVersion: 5))
            result.append(Variant(label: "stable 1.95, DWARF 4", rustc: ["rustup", "run", "stable", "rustc"],
                                  environment: ["RUSTC_BOOTSTRAP": "1"], source: crateSource, dwarfVersion: 4))
        }
        if Cargo.nightly {
            result.append(Variant(label: "nightly 1.97", rustc: ["rustup", "run", "nightly", "rustc"], environment: [:],
                                  source: crateSource, dwarfVersion: 4))
        }
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/rustc") {
            result.append(Variant(label: "Debian rustc 1.63", rustc: ["/usr/bin/rustc"], environment: [:], source: stdSource, dwarfVersion: 4))
        }
        return result
    }

    /// Compiles the variant's source to one object (`--emit obj`), with or without `-g`, and
    /// places the references of the link that exports `run`.
    static func locate(_ variant: Variant, debug: Bool) throws -> (object: String, prediction: LinkPrediction, sources: SourceReferences) {
        let folder = try TemporaryDirectory(prefix: "wasm-undef-rustc")
        TemporaryDirectory.keep(folder)
        let source = folder.file("hostlib.rs")
        try variant.source.write(to: source, atomically: true, encoding: .utf8)
        var environment = ProcessInfo.processInfo.environment
        environment.merge(variant.environment) { $1 }
        let object = folder.file("hostlib.o").path
        let rustc = debug ? variant.rustc + ["-g"] : variant.rustc.filter { $0 != "dwarf-version=5" && $0 != "-C" }
        let compile = try Run.program(URL(fileURLWithPath: "/usr/bin/env"),
                                      rustc + ["--target", "wasm32-unknown-unknown", "--crate-type", "rlib", "--crate-name", "hostlib",
                                               "-C", "panic=abort", "--emit", "obj", "-o", object, source.path],
                                      environment: environment, directory: folder.url)
        guard compile.status == 0 else { throw FixtureError(message: "\(variant.label): \(compile.stderr)") }
        var options = LinkOptions(files: [object], policy: .error, allowFile: nil)
        options.exports = ["run"]
        let resolved = try ResolvedLink.resolve(options)
        let prediction = resolved.predict()
        return (object, prediction, ReferenceLocator.locate(prediction.undefined, in: resolved))
    }

    @Test("file:line:column of every reference", arguments: variants)
    func references(_ variant: Variant) throws {
        let (object, prediction, sources) = try Self.locate(variant, debug: true)
        #expect(try DwarfOracles.lineTables(object).map(\.version) == [variant.dwarfVersion])
        var count = 0
        for symbol in prediction.undefined {
            let located = sources.references(of: symbol.name)
            let offsets = located.compactMap(\.codeOffset).map(UInt64.init)
            let answers = try DwarfOracles.symbolize(object, addresses: offsets)
            for (reference, answer) in zip(located, answers) {
                let position = try #require(reference.position)
                #expect("\(position.path):\(position.line):\(position.column)" == answer.location, "\(variant.label) \(symbol.name)")
                #expect(reference.function == "hostlib::run")
                count += 1
            }
        }
        #expect(count == 3)
        #expect(sources.inputsWithoutDebugInfo.isEmpty)
    }

    @Test("without debug info: function names stay, and the report says so once")
    func withoutDebugInfo() throws {
        let variant = try #require(Self.variants.first, "no rustc")
        let (object, prediction, sources) = try Self.locate(variant, debug: false)
        #expect(sources.inputsWithoutDebugInfo == [object])
        #expect(sources.references(of: "host_now").allSatisfy { $0.position == nil && $0.function == "run" })
        let text = Report.sourceLinesText(prediction, sources)
        #expect(text.components(separatedBy: "build with debug info for source lines").count == 2)
    }
}
