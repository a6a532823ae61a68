import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif
import LinkModel
import SourceLocations
import WasmDecoding

/// `--source-lines` and what it needs: where each reference to an undefined symbol is in
/// the source (DWARF), and which crate it belongs to. Off unless asked: nothing of it runs on
/// the plain `report` path.
struct SourceLineOptions: ParsableArguments {
    @Flag(name: .customLong("source-lines"), help: "Place every reference to an undefined symbol in the source (file:line:column and function, from the inputs' DWARF) and name the crate of each Rust library.")
    var enabled = false

    @Option(name: .customLong("cargo-metadata"), help: ArgumentHelp("The output of `cargo metadata --format-version 1` for the workspace: crates are then told apart as workspace members, registry and path dependencies, with the dependency path.", valueName: "file"))
    var cargoMetadata: String?

    /// The references of `prediction`'s undefined symbols, or nil when not asked for.
    func locate(_ prediction: LinkPrediction, in resolved: ResolvedLink, force: Bool = false) throws -> SourceReferences? {
        guard enabled || force else { return nil }
        return ReferenceLocator.locate(prediction.undefined, in: resolved, cargo: try cargoContext())
    }

    func cargoContext() throws -> ReferenceLocator.CargoContext {
        var metadata: CargoMetadata? = nil
        if let cargoMetadata {
            let text: String
            do {
                text = String(decoding: try ByteStorage.read(path: cargoMetadata).window.bytes, as: UTF8.self)
            } catch {
                throw ToolError(message: error.description)
            }
            do {
                metadata = try CargoMetadata(json: text)
            } catch {
                throw ToolError(message: "\(cargoMetadata): not cargo metadata's JSON: \(error)")
            }
        }
        return ReferenceLocator.CargoContext(cargoHome: Self.cargoHome, metadata: metadata)
    }

    /// `$CARGO_HOME`, else `$HOME/.cargo`.
    static var cargoHome: String? {
        if let home = getenv("CARGO_HOME").map({ String(cString: $0) }), !home.isEmpty { return home }
        return getenv("HOME").map { String(cString: $0) + "/.cargo" }
    }
}
