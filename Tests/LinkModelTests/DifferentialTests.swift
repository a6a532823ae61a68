import Foundation
import LinkModel
import Testing
import TestSupport

/// The judge: every case of `Cases/` is compiled with the toolchain's clang, linked by the real
/// wasm-ld under each flag set, and wasm-ld's exit status, diagnostics and import section are
/// compared with the model's prediction for the same command line.
@Suite("Predictions agree with wasm-ld", .enabled(if: Toolchain.wasmLD != nil && Toolchain.clang != nil, "no clang and wasm-ld beside swift"))
struct DifferentialTests {
    /// Every case, or why the corpus could not be read: a malformed case fails
    /// `corpusPresent`, it never drops out.
    static let loaded = Result { try LinkCase.all() }
    /// The cases this machine can build (Rust cases need a rustc for wasm32: `rustCases` says
    /// when they do not run).
    static let cases = ((try? loaded.get()) ?? []).filter { $0.unavailable == nil }

    @Test("every case folder is a well-formed case, and the corpus is there", .tags(.differential))
    func corpusPresent() throws {
        #expect(try Self.loaded.get().count >= 100)
    }

    @Test("the Rust cases run", .tags(.differential),
          .enabled(if: RustCompiler.wasm32 != nil, "no rustc with the wasm32 target (set RUSTC): the Rust cases are not run"))
    func rustCases() throws {
        #expect(Self.cases.contains { !$0.rustObjects.isEmpty })
    }

    @Test("prediction equals wasm-ld for every flag set", .tags(.differential), arguments: cases)
    func agreesWithWasmLD(_ linkCase: LinkCase) throws {
        let directory = try linkCase.build()
        let output = try TemporaryDirectory(prefix: "wasm-undef-link-\(linkCase.name)")
        for (index, flags) in linkCase.flagSets.enumerated() {
            let arguments = linkCase.link + flags
            let outputPath = output.file("out\(index).wasm").path
            let observed = try LinkObservation.link(arguments, in: directory, output: outputPath)
            let prediction: LinkPrediction
            do {
                prediction = try LinkModel.predict(arguments: arguments + ["-o", outputPath], workingDirectory: directory)
            } catch {
                Issue.record("\(linkCase.name) [\(flags.joined(separator: " "))]: the model failed: \(error)\nwasm-ld: \(observed)")
                continue
            }
            let predicted = LinkObservation(prediction: prediction)
            #expect(observed.agrees(with: prediction),
                    "\(linkCase.name) [\(flags.joined(separator: " "))]\n--- wasm-ld\n\(observed)--- predicted\n\(predicted)")
        }
    }
}

extension Tag {
    @Tag static var differential: Self
}
