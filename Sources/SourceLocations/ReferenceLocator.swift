import Demangling
import LinkModel
import WasmDecoding

/// Places every reference to a link's undefined symbols in the source: the DWARF of each
/// referencing object (relocated, as in the object) is read once, only for the objects that
/// have such references, and only when asked. Nothing here runs on the `report` path unless
/// source lines are requested.
public enum ReferenceLocator {
    /// Where crates come from: `$CARGO_HOME` and `cargo metadata`, when known.
    public struct CargoContext: Sendable {
        public var cargoHome: String?
        public var metadata: CargoMetadata?

        public init(cargoHome: String?, metadata: CargoMetadata? = nil) {
            self.cargoHome = cargoHome
            self.metadata = metadata
        }
    }

    /// Source references for `symbols` (a prediction's `undefined`, say) of `resolved`.
    public static func locate(_ symbols: [UndefinedSymbol], in resolved: ResolvedLink,
                              cargo: CargoContext = CargoContext(cargoHome: nil)) -> SourceReferences {
        let inputs = Set(symbols.flatMap { $0.referencedBy.map(\.input) })
        let binaries = resolved.binaries(ofInputs: inputs)
        var indexes: [String: DwarfIndex?] = [:]
        var result = SourceReferences()
        var withoutDebugInfo: Set<String> = []
        for symbol in symbols {
            var located: [SourceReference] = []
            located.reserveCapacity(symbol.referencedBy.count)
            for reference in symbol.referencedBy {
                var position: SourcePosition? = nil
                let codeOffset = reference.section == "code" ? reference.offset : nil
                if let codeOffset {
                    if indexes[reference.input] == nil {
                        indexes[reference.input] = index(of: reference.input, binary: binaries[reference.input], into: &result)
                    }
                    if var index = indexes[reference.input] ?? nil {
                        do {
                            position = try index.location(at: UInt64(codeOffset))
                        } catch {
                            result.unreadable.append((reference.input, error))
                        }
                        indexes[reference.input] = index
                    }
                    if position == nil { withoutDebugInfo.insert(reference.input) }
                }
                located.append(SourceReference(
                    input: reference.input, member: reference.member,
                    function: position?.function ?? reference.function.map(demangled), section: reference.section,
                    codeOffset: codeOffset, position: position, crate: CrateOrigin.crateName(of: reference)))
            }
            result.bySymbol[symbol.name] = located
            var declarations: [DwarfDeclaration] = []
            for input in Set(symbol.referencedBy.map(\.input)) {
                guard let index = indexes[input] ?? nil else { continue }
                declarations += index.declarations(named: symbol.name).filter { $0.declFile != nil && !declarations.contains($0) }
            }
            if !declarations.isEmpty { result.declarations[symbol.name] = declarations }
        }
        result.inputsWithoutDebugInfo = withoutDebugInfo.sorted()
        result.crates = crates(of: symbols, located: result, cargo: cargo)
        return result
    }

    /// The origin of every crate the references come from, judged by the first source file
    /// of its code.
    static func crates(of symbols: [UndefinedSymbol], located: SourceReferences, cargo: CargoContext) -> [String: CrateOrigin] {
        var firstSource: [String: (library: String, source: String?)] = [:]
        for symbol in symbols {
            for (reference, source) in zip(symbol.referencedBy, located.references(of: symbol.name)) {
                guard let crate = source.crate else { continue }
                if firstSource[crate] == nil || firstSource[crate]?.source == nil {
                    firstSource[crate] = (reference.path, source.position?.path)
                }
            }
        }
        var result: [String: CrateOrigin] = [:]
        for (crate, first) in firstSource {
            result[crate] = CrateOrigin.classify(name: crate, sourcePath: first.source, libraryPath: first.library,
                                                 cargoHome: cargo.cargoHome, metadata: cargo.metadata)
            if result[crate]?.directory == nil, let source = first.source {
                result[crate]?.directory = located.bySymbol.values.lazy.flatMap { $0 }
                    .first { $0.crate == crate && $0.position?.path == source }?.position?.directory
            }
        }
        return result
    }

    /// The DWARF of one object, or nil when it has none (or it cannot be read: recorded).
    static func index(of input: String, binary: WasmBinary?, into result: inout SourceReferences) -> DwarfIndex? {
        guard let binary else { return nil }
        do {
            let sections = try DwarfSections(binary: binary, object: try ObjectFile(binary))
            guard sections.hasLineInfo else { return nil }
            return try DwarfIndex(sections)
        } catch {
            result.unreadable.append((input, error))
            return nil
        }
    }

    /// A symbol name as people read it: demangled, without a Rust hash.
    public static func demangled(_ name: String) -> String {
        guard var text = Demangler.demangle(name, style: .readableRust) else { return name }
        // `…::h0123456789abcdef`: the hash of a legacy Rust name says nothing to a reader.
        let tail = text.suffix(19)
        if tail.count == 19, tail.hasPrefix("::h"), tail.dropFirst(3).allSatisfy(\.isHexDigit) {
            text.removeLast(19)
        }
        return text
    }
}
