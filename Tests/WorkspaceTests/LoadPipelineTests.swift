import Foundation
import LinkModel
import Testing
import TestSupport
import WasmDecoding
import Workspace
import WasmBytes

/// The one load pipeline every front end goes through: one rule for link or module, each
/// input opened once, the stages in order.
@Suite("Load pipeline")
struct LoadPipelineTests {
    /// A linked module (no `linking` section) importing `env.imported: () -> ()`.
    static let module: [UInt8] = {
        var builder = ModuleBuilder()
        builder.section(1, WasmBytes.vector([WasmBytes.voidFunctionType]))
        builder.section(2, WasmBytes.vector([WasmBytes.functionImport(module: "env", name: "imported")]))
        return builder.bytes
    }()

    static let app = "extern int helper(void);\nint _start(void) { return helper(); }\n"

    /// A folder holding `files` (name → bytes).
    static func folder(_ files: [String: [UInt8]]) throws -> TemporaryDirectory {
        let folder = try TemporaryDirectory()
        for (name, bytes) in files { try Data(bytes).write(to: folder.file(name)) }
        return folder
    }

    static func object(_ source: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: try Fixtures.object(source)))
    }

    /// Loads `files` in `folder` with `stages`, collecting the stages (progress left out).
    static func load(_ files: [String], in folder: TemporaryDirectory, stages: LoadStages = .all,
                     reuse: ReuseStore? = nil) -> (result: LoadResult, stages: [String]) {
        var seen: [String] = []
        let source = LoadSource(options: LinkOptions(files: files), locations: FileLocations(workingDirectory: folder.url.path))
        let result = LoadPipeline(source, stages: stages, reuse: reuse).run { stage in
            if let label = label(stage) { seen.append(label) }
        }
        return (result, seen)
    }

    static func label(_ stage: LoadStage) -> String? {
        switch stage {
        case .progress: nil
        case .opened(_, let kind): "opened \(kind)"
        case .sections: "sections"
        case .resolved: "resolved"
        case .defined: "defined"
        case .findings: "findings"
        case .moduleImports(let imports): "imports \(imports.count)"
        case .moduleSymbols(let symbols): "names \(symbols.count)"
        case .failed(let failure): "failed \(failure.message)"
        case .incomplete(let failure): "incomplete \(failure.message)"
        case .statistics: "statistics"
        case .finished: "finished"
        }
    }

    @Test("inputs that are all linked modules are modules: their imports are read, nothing is linked")
    func modulesAlone() throws {
        let folder = try Self.folder(["a.wasm": Self.module, "b.wasm": Self.module])
        let (result, stages) = Self.load(["a.wasm", "b.wasm"], in: folder)
        #expect(result.failure == nil)
        #expect(result.kind == .module)
        #expect(result.resolved == nil)
        #expect(result.moduleImports.map { "\($0.input) \($0.entry.module).\($0.entry.name) \($0.type)" }
                == ["0 env.imported () -> void", "1 env.imported () -> void"])
        #expect(stages == ["opened module", "sections", "imports 2", "names 1", "names 1", "statistics", "finished"])
    }

    @Test("a linked module among objects makes a link, and the link model rejects the module as wasm-ld does",
          arguments: [LoadStages.all, [.prediction], [.prediction, .findings]])
    func mixedInputs(stages: LoadStages) throws {
        let folder = try Self.folder(["app.o": try Self.object(Self.app), "lib.wasm": Self.module])
        let (result, seen) = Self.load(["app.o", "lib.wasm"], in: folder, stages: stages)
        #expect(result.kind == .link)
        let failure = try #require(result.failure)
        #expect(failure.message == "lib.wasm: not a relocatable wasm file (no linking section): a linked module cannot be linked again")
        #expect(!failure.isIncomplete)
        #expect(seen.suffix(3) == ["failed \(failure.message)", "statistics", "finished"])
    }

    @Test("a sections-only load lists mixed inputs without linking them")
    func mixedInputsListed() throws {
        let folder = try Self.folder(["app.o": try Self.object(Self.app), "lib.wasm": Self.module])
        let (result, seen) = Self.load(["app.o", "lib.wasm"], in: folder, stages: .sections)
        #expect(result.failure == nil)
        #expect(result.kind == .link)
        #expect(result.sections.map { "\($0.input) \($0.listing.path) \($0.listing.kind)" } == ["0 app.o object", "1 lib.wasm module"])
        #expect(seen == ["opened link", "sections", "statistics", "finished"])
    }

    @Test("an archive holding a module member (a wasm-wrapped lib.rmeta) is still linked")
    func moduleMember() throws {
        var archive = ArchiveBuilder()
        archive.member("helper.o", try Self.object("int helper(void) { return 4; }\n"))
        archive.member("lib.rmeta", Self.module)
        let folder = try Self.folder(["app.o": try Self.object(Self.app), "libhelper.rlib": archive.bytes])
        let (result, _) = Self.load(["app.o", "libhelper.rlib"], in: folder)
        #expect(result.failure == nil)
        #expect(result.kind == .link)
        let prediction = try #require(result.prediction)
        #expect(prediction.linkOK)
        #expect(result.sections.map { $0.listing.member ?? "-" } == ["-", "helper.o", "lib.rmeta"])
    }

    @Test("each input is opened once: the link model reads the bytes the load opened", arguments: [false, true])
    func openedOnce(session: Bool) throws {
        let folder = try Self.folder(["app.o": try Self.object(Self.app + "int helper(void) { return 1; }\n")])
        let (result, _) = Self.load(["app.o"], in: folder, reuse: session ? ReuseStore() : nil)
        let resolved = try #require(result.resolved)
        let opened = try #require(result.inputs.first?.file?.storage)
        let declaration = try #require(resolved.declarations(of: "helper").first)
        #expect(declaration.entryBytes.storage === opened)
    }

    @Test("a link's stages arrive in order, each once")
    func linkStages() throws {
        let folder = try Self.folder(["app.o": try Self.object(Self.app)])
        let (result, stages) = Self.load(["app.o"], in: folder)
        #expect(result.failure == nil)
        #expect(result.prediction?.undefined.map(\.name) == ["helper"])
        #expect(stages == ["opened link", "sections", "resolved", "defined", "findings", "statistics", "finished"])
    }

    @Test("a missing input stops the load as incomplete, worded as wasm-ld words it")
    func missingInput() throws {
        let folder = try Self.folder([:])
        let (result, stages) = Self.load(["missing.o"], in: folder, reuse: ReuseStore())
        let failure = try #require(result.failure)
        #expect(failure.isIncomplete)
        #expect(failure.message == "cannot open missing.o: No such file or directory")
        #expect(stages == ["incomplete \(failure.message)", "finished"])
    }

    @Test("an input a capture has no copy of is a failure, not an incomplete input")
    func noCopy() throws {
        let folder = try Self.folder([:])
        let source = LoadSource(options: LinkOptions(files: ["gone.o"]),
                                locations: FileLocations(workingDirectory: folder.url.path, redirectsOnly: true))
        let result = LoadPipeline(source, stages: .all).run()
        let failure = try #require(result.failure)
        #expect(!failure.isIncomplete)
        #expect(failure.message == "cannot open gone.o: No such file or directory")
    }
}
