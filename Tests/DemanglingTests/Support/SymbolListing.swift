import Foundation

/// Symbol names read from object files, archives, rlibs and wasm modules with the toolchain's
/// `llvm-nm`, each with the text `llvm-nm -C` (the toolchain's newer LLVM) prints for it.
struct SymbolListing {
    struct Entry: Hashable {
        var name: String
        /// What `llvm-nm -C` printed: the newer LLVM's demangling, or the name itself.
        var newerLLVM: String
    }

    /// Unique entries, in a stable order.
    private(set) var entries: [Entry] = []
    private var seen: Set<String> = []

    /// Lists `files` with `nm`. Lines that are not one mangled-name word (archive member
    /// headers, blank lines, and names with characters llvm-cxxfilt would split the line at)
    /// are left out; see `isSingleWord`.
    init(files: [URL], nm: URL) throws {
        for file in files {
            let plain = try ExternalTool.run(nm, ["--format=just-symbols", file.path]).standardOutput
            let demangled = try ExternalTool.run(nm, ["-C", "--format=just-symbols", file.path]).standardOutput
            let names = plain.split(separator: "\n", omittingEmptySubsequences: false)
            let texts = demangled.split(separator: "\n", omittingEmptySubsequences: false)
            guard names.count == texts.count else {
                throw ListingError(file: file, message: "llvm-nm and llvm-nm -C listed different numbers of lines")
            }
            for (name, text) in zip(names, texts) where Self.isSingleWord(name) {
                add(Entry(name: String(name), newerLLVM: String(text)))
            }
        }
    }

    init(entries: [Entry]) {
        for entry in entries { add(entry) }
    }

    private mutating func add(_ entry: Entry) {
        if seen.insert(entry.name).inserted { entries.append(entry) }
    }

    /// Whether llvm-cxxfilt reads the line as one word: it splits lines at every character
    /// other than letters, digits, `_`, `$` and `.`, and demangles the pieces one by one.
    static func isSingleWord<S: StringProtocol>(_ line: S) -> Bool {
        !line.isEmpty && line.utf8.allSatisfy { byte in
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "$") || byte == UInt8(ascii: ".")
        }
    }

    struct ListingError: Error, CustomStringConvertible {
        var file: URL
        var message: String
        var description: String { "\(file.path): \(message)" }
    }
}
