/// wasm-ld 21's option table and LLVM `OptTable`'s matching rule, so that a pasted command line
/// splits into options and inputs exactly as the linker splits it.
///
/// The rule: every option whose prefix + name starts the argument is a candidate; candidates
/// are tried longest name first, and the first that accepts the argument wins. A flag accepts
/// only an exact match, a joined option anything after its name, a separate option an exact
/// match plus the next argument, joined-or-separate either. That is why `-export-all` (the
/// flag is `--export-all` only) becomes `-e xport-all`, an entry point named `xport-all`, in
/// the real linker too.
struct OptionTable {
    enum Kind {
        case flag
        case joined
        case separate
        case joinedOrSeparate
        case commaJoined
    }

    struct Option {
        let id: OptionID
        let prefixes: [String]
        let name: String
        let kind: Kind
    }

    /// Both `--name` and `-name`.
    private static let both = ["--", "-"]
    private static let double = ["--"]
    private static let single = ["-"]

    /// Every option of `wasm-ld --help` (LLD 21), with the prefixes Options.td gives it.
    static let options: [Option] = {
        var list: [Option] = []
        func add(_ id: OptionID, _ prefixes: [String], _ name: String, _ kind: Kind) {
            list.append(Option(id: id, prefixes: prefixes, name: name, kind: kind))
        }
        /// `F<name>` / `FF<name>`.
        func flag(_ id: OptionID, _ name: String, _ prefixes: [String] = both) { add(id, prefixes, name, .flag) }
        /// `B<name>`: `--name` and `--no-name`.
        func bool(_ on: OptionID, _ off: OptionID, _ name: String, _ prefixes: [String] = both) {
            add(on, prefixes, name, .flag)
            add(off, prefixes, "no-" + name, .flag)
        }
        /// `Eq<name>` / `EEq<name>`: `--name value` and `--name=value`.
        func eq(_ id: OptionID, _ name: String, _ prefixes: [String] = both) {
            add(id, prefixes, name, .separate)
            add(id, prefixes, name + "=", .joined)
        }
        func joined(_ id: OptionID, _ name: String, _ prefixes: [String] = double) { add(id, prefixes, name, .joined) }

        flag(.bsymbolic, "Bsymbolic")
        flag(.bdynamic, "Bdynamic")
        flag(.bstatic, "Bstatic")
        flag(.buildID, "build-id")
        joined(.buildID, "build-id=", both)
        bool(.colorDiagnostics, .colorDiagnostics, "color-diagnostics")
        joined(.colorDiagnostics, "color-diagnostics=", both)
        flag(.compressRelocations, "compress-relocations")
        bool(.demangle, .noDemangle, "demangle")
        flag(.emitRelocs, "emit-relocs")
        flag(.errorUnresolvedSymbols, "error-unresolved-symbols")
        bool(.exportDynamic, .noExportDynamic, "export-dynamic")
        flag(.endLib, "end-lib")
        flag(.startLib, "start-lib")
        add(.entry, both, "entry", .separate)
        joined(.entry, "entry=", both)
        add(.entry, single, "e", .joinedOrSeparate)
        eq(.errorLimit, "error-limit", double)
        bool(.fatalWarnings, .noFatalWarnings, "fatal-warnings")
        bool(.gcSections, .noGCSections, "gc-sections")
        bool(.ignored, .ignored, "merge-data-segments", double)
        flag(.help, "help")
        add(.library, single, "l", .joinedOrSeparate)
        add(.library, both, "library", .separate)
        joined(.library, "library=", both)
        add(.libraryPath, single, "L", .joinedOrSeparate)
        add(.libraryPath, both, "library-path", .separate)
        joined(.libraryPath, "library-path=", both)
        add(.machine, single, "m", .joinedOrSeparate)
        eq(.ignoredWithValue, "mllvm")
        eq(.ignoredWithValue, "Map")
        add(.output, single, "o", .joinedOrSeparate)
        add(.ignoredWithValue, single, "O", .joinedOrSeparate)
        bool(.pie, .noPie, "pie")
        bool(.ignored, .ignored, "print-gc-sections")
        flag(.ignored, "print-map")
        add(.ignored, single, "M", .flag)
        flag(.relocatable, "relocatable")
        add(.relocatable, single, "r", .flag)
        eq(.ignoredWithValue, "reproduce", double)
        eq(.ignoredWithValue, "rsp-quoting")
        flag(.shared, "shared")
        flag(.ignored, "strip-all")
        add(.ignored, single, "s", .flag)
        flag(.ignored, "strip-debug")
        add(.ignored, single, "S", .flag)
        eq(.ignoredWithValue, "threads")
        flag(.ignored, "trace")
        add(.ignored, single, "t", .flag)
        eq(.ignoredWithValue, "trace-symbol")
        add(.ignoredWithValue, single, "y", .joinedOrSeparate)
        eq(.undefined, "undefined")
        add(.undefined, single, "u", .joinedOrSeparate)
        eq(.unresolvedSymbols, "unresolved-symbols")
        add(.version, single, "v", .flag)
        add(.version, single, "V", .flag)
        flag(.ignored, "verbose")
        flag(.version, "version")
        flag(.warnUnresolvedSymbols, "warn-unresolved-symbols")
        eq(.wrap, "wrap")
        add(.z, single, "z", .joinedOrSeparate)

        flag(.allowUndefined, "allow-undefined")
        flag(.importUndefined, "import-undefined")
        joined(.allowUndefinedFile, "allow-undefined-file=", both)
        add(.allowUndefinedFile, single, "allow-undefined-file", .separate)
        bool(.allowMultipleDefinition, .noAllowMultipleDefinition, "allow-multiple-definition")
        eq(.export, "export")
        eq(.exportIfDefined, "export-if-defined")
        flag(.exportAll, "export-all", double)
        flag(.exportTable, "export-table", double)
        flag(.ignored, "growable-table", double)
        joined(.ignoredWithValue, "global-base=")
        eq(.ignoredWithValue, "keep-section")
        flag(.importMemory, "import-memory", double)
        joined(.importMemory, "import-memory=")
        flag(.ignored, "export-memory", double)
        joined(.ignoredWithValue, "export-memory=")
        flag(.sharedMemory, "shared-memory", double)
        eq(.ignoredWithValue, "soname")
        flag(.importTable, "import-table", double)
        joined(.ignoredWithValue, "initial-heap=")
        joined(.ignoredWithValue, "initial-memory=")
        joined(.ignoredWithValue, "max-memory=")
        flag(.ignored, "no-growable-memory", double)
        flag(.noEntry, "no-entry", double)
        flag(.ignored, "stack-first", double)
        joined(.ignoredWithValue, "table-base=")
        joined(.ignoredWithValue, "page-size=")
        eq(.ignoredWithValue, "rpath")
        flag(.noinhibitExec, "noinhibit-exec")
        flag(.ignored, "no-shlib-sigcheck", double)
        bool(.wholeArchive, .noWholeArchive, "whole-archive")
        joined(.ignoredWithValue, "why-extract=")
        bool(.checkFeatures, .noCheckFeatures, "check-features", double)
        add(.ignoredWithValue, both, "features=", .commaJoined)
        add(.ignoredWithValue, both, "extra-features=", .commaJoined)
        flag(.bdynamic, "call_shared")
        flag(.bdynamic, "dy")
        flag(.bstatic, "dn")
        flag(.bstatic, "non_shared")
        flag(.bstatic, "static")
        add(.exportDynamic, single, "E", .flag)
        add(.ignored, single, "i", .flag)
        joined(.ignoredWithValue, "lto-O")
        joined(.ignoredWithValue, "lto-CGO")
        joined(.ignoredWithValue, "lto-partitions=")
        joined(.ignoredWithValue, "lto-obj-path=")
        flag(.ignored, "disable-verify")
        flag(.ignored, "save-temps")
        joined(.ignoredWithValue, "thinlto-cache-dir=")
        eq(.ignoredWithValue, "thinlto-cache-policy", double)
        joined(.ignoredWithValue, "thinlto-jobs=")
        flag(.ignored, "thinlto-emit-imports-files", double)
        flag(.ignored, "thinlto-emit-index-files", double)
        flag(.ignored, "thinlto-index-only", double)
        joined(.ignoredWithValue, "thinlto-index-only=")
        joined(.ignoredWithValue, "thinlto-object-suffix-replace=")
        joined(.ignoredWithValue, "thinlto-prefix-replace=")
        flag(.ignored, "lto-debug-pass-manager", double)
        flag(.experimentalPic, "experimental-pic", double)
        return list
    }()

    /// Options indexed by the first character of their name, each list longest name first.
    private static let byFirstCharacter: [Character: [Option]] = {
        var index: [Character: [Option]] = [:]
        for option in options {
            guard let first = option.name.first else { continue }
            index[first, default: []].append(option)
        }
        for key in index.keys {
            index[key]?.sort { $0.name.count > $1.name.count }
        }
        return index
    }()

    /// One parsed argument.
    enum Parsed: Equatable {
        case input(String)
        case option(OptionID, value: String?, spelling: [String])
        case unknown(String)
        case missingValue(String)
    }

    /// Splits `arguments` as wasm-ld's `OptTable::ParseArgs` does.
    static func parse(_ arguments: [String]) -> [Parsed] {
        var result: [Parsed] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            guard argument.hasPrefix("-"), argument != "-" else {
                result.append(.input(argument))
                continue
            }
            var accepted = false
            for (option, prefix) in candidates(for: argument) {
                let matchLength = prefix.count + option.name.count
                let exact = argument.count == matchLength
                let rest = String(argument.dropFirst(matchLength))
                switch option.kind {
                case .flag:
                    guard exact else { continue }
                    result.append(.option(option.id, value: nil, spelling: [argument]))
                case .joined, .commaJoined:
                    result.append(.option(option.id, value: rest, spelling: [argument]))
                case .separate:
                    guard exact else { continue }
                    guard index < arguments.count else {
                        result.append(.missingValue(argument))
                        return result
                    }
                    result.append(.option(option.id, value: arguments[index], spelling: [argument, arguments[index]]))
                    index += 1
                case .joinedOrSeparate:
                    if exact {
                        guard index < arguments.count else {
                            result.append(.missingValue(argument))
                            return result
                        }
                        result.append(.option(option.id, value: arguments[index], spelling: [argument, arguments[index]]))
                        index += 1
                    } else {
                        result.append(.option(option.id, value: rest, spelling: [argument]))
                    }
                }
                accepted = true
                break
            }
            if !accepted { result.append(.unknown(argument)) }
        }
        return result
    }

    /// Options whose prefix + name starts `argument`, longest name first.
    private static func candidates(for argument: String) -> [(Option, String)] {
        var found: [(Option, String)] = []
        for prefix in ["--", "-"] where argument.hasPrefix(prefix) {
            let body = argument.dropFirst(prefix.count)
            guard let first = body.first, let list = byFirstCharacter[first] else { continue }
            for option in list where option.prefixes.contains(prefix) && body.hasPrefix(option.name) {
                found.append((option, prefix))
            }
        }
        // Longest name first; for equal names the longer prefix ("--") first.
        return found.enumerated().sorted { lhs, rhs in
            let left = lhs.element.0.name.count, right = rhs.element.0.name.count
            return left != right ? left > right : lhs.offset < rhs.offset
        }.map(\.element)
    }
}

/// What an option means to the model. Options that do not change which undefined symbols wasm-ld
/// reports or imports are `ignored`/`ignoredWithValue`: they are listed in every report.
enum OptionID: Equatable {
    case allowUndefined, importUndefined, allowUndefinedFile
    case unresolvedSymbols, warnUnresolvedSymbols, errorUnresolvedSymbols
    case fatalWarnings, noFatalWarnings
    case export, exportIfDefined, exportAll, exportDynamic, noExportDynamic, exportTable
    case entry, noEntry
    case gcSections, noGCSections
    case importMemory, importTable, sharedMemory
    case errorLimit
    case allowMultipleDefinition, noAllowMultipleDefinition, z, noinhibitExec
    case undefined
    case library, libraryPath
    case wholeArchive, noWholeArchive, startLib, endLib
    case bstatic, bdynamic
    case demangle, noDemangle
    case output, machine
    case experimentalPic, checkFeatures, noCheckFeatures
    case shared, pie, noPie, relocatable
    case wrap
    case help, version
    case bsymbolic, buildID, colorDiagnostics, compressRelocations, emitRelocs
    case ignored, ignoredWithValue
}
