import LinkModel
import WasmDecoding

/// Opens one input the user named, for the load pipeline and for the listing commands:
/// `-` from standard input (through the push parser), anything else through
/// `InputFile.open`, the one read-or-map policy. A failure is worded as wasm-ld words it
/// (`cannot open a.o: No such file or directory`).
public enum InputOpener {
    /// - Parameters:
    ///   - path: the input as named.
    ///   - locations: where named files are read from (a captured link's copies).
    ///   - keep: a session keeps the bytes while the file may change (see `InputFile.open`).
    ///   - populate: fault a mapping's pages in at once (a reload).
    ///   - standardInput: the descriptor `-` is read from.
    ///   - progress: called while standard input arrives (see `StandardInput.read`).
    /// - Throws: `LoadFailure`; a file that cannot be opened is `isIncomplete` (a build may be
    ///   between writing and renaming it), one `locations` has no copy of is not.
    public static func open(_ path: String, locations: FileLocations = FileLocations(), keep: Bool = false,
                            populate: Bool = false, standardInput: Int32 = 0,
                            progress: (ModuleStream) -> Void = { _ in }) throws(LoadFailure) -> InputFile {
        if path == "-" {
            do {
                return try StandardInput.read(descriptor: standardInput, progress: progress)
            } catch {
                throw LoadFailure(error)
            }
        }
        guard let location = locations.location(of: path) else {
            throw LoadFailure(LinkModelError.unreadable(path, FileLocations.missingReason))
        }
        do {
            return try InputFile.open(path: location, name: path, keep: keep, populate: populate)
        } catch {
            var failure = LoadFailure(LinkModelError(error))
            failure.isIncomplete = true
            throw failure
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension InputOpener {
    /// Fails, as `open` would, when `path` cannot be read, without opening it (the TUI
    /// checks its inputs before it takes the terminal; the load opens them).
    public static func checkReadable(_ path: String, locations: FileLocations = FileLocations()) throws(LoadFailure) {
        guard let location = locations.location(of: path) else {
            throw LoadFailure(LinkModelError.unreadable(path, FileLocations.missingReason))
        }
        guard access(location, R_OK) == 0 else {
            throw LoadFailure(LinkModelError.unreadable(path, String(cString: strerror(errno))))
        }
    }
}
