/// A demangler for Rust's v0 symbol names (`_R…`), printing what LLVM's `RustDemangle`
/// prints (llvm-cxxfilt, llvm-nm -C, and lld's diagnostics).
///
/// Grammar: <https://rust-lang.github.io/rfcs/2603-rust-symbol-name-mangling-v0.html> and
/// <https://doc.rust-lang.org/rustc/symbol-mangling/v0.html>. Parsing and printing happen in
/// one pass over the bytes after `_R`; a backreference re-parses the bytes it points at.
///
/// Where the grammar allows more than LLVM prints, LLVM's choice wins, because the point is to
/// show the name the way the linker will: constants other than integers, `bool`, `char` and
/// `_` (string, reference, array, tuple and ADT constants) make the whole name undemangleable,
/// and an encoding version after `_R` is not accepted.
///
/// Hostile input cannot crash it, recurse without bound or run for long: every index is
/// checked, nesting is limited as in LLVM (500 levels), and the work and output are capped
/// (`maximumSteps`, `maximumOutput`), which only a crafted name can reach: a backreference
/// chain can double the output with every few input bytes.
struct RustV0Demangler {
    /// Why a name is not a v0 name. The demangler only ever reports "no".
    struct Invalid: Error {}

    /// Nesting limit for paths, types and constants; the same as LLVM's.
    static let maximumDepth = 500
    /// Output bytes after which a name counts as hostile.
    static let maximumOutput = 1 << 20
    /// Paths, types and constants parsed (backreferences included) after which a name counts
    /// as hostile.
    static let maximumSteps = 1 << 20

    /// The bytes after `_R`, up to the first `.`.
    let input: [UInt8]
    /// Index of the next byte of `input` to read.
    var position = 0
    /// Current nesting of paths, types and constants.
    var depth = 0
    /// Paths, types and constants parsed so far.
    var steps = 0
    /// Lifetimes bound by the enclosing `for<…>` binders, for De Bruijn indices.
    var boundLifetimes = 0
    /// False while parsing parts that are not shown (impl paths, the instantiating crate).
    var printing = true
    /// UTF-8 of the demangled name so far.
    var output: [UInt8] = []

    init(input: [UInt8]) {
        self.input = input
    }

    /// Demangles `name` if it is a complete v0 symbol name.
    ///
    /// `<symbol-name> = "_R" <path> [<instantiating-crate>]`, optionally followed by a
    /// `.`-suffix added by LLVM (`.llvm.123`), which is shown as ` (.llvm.123)`.
    static func demangle(_ name: String) -> String? {
        let bytes = Array(name.utf8)
        guard bytes.count > 2, bytes[0] == UInt8(ascii: "_"), bytes[1] == UInt8(ascii: "R") else {
            return nil
        }
        let body = bytes[2...]
        let dot = body.firstIndex(of: UInt8(ascii: "."))
        var demangler = RustV0Demangler(input: Array(body[..<(dot ?? body.endIndex)]))
        do {
            try demangler.path(inType: false)
            if !demangler.isAtEnd {
                // The instantiating crate is parsed for validity but not shown.
                demangler.printing = false
                try demangler.path(inType: false)
                demangler.printing = true
            }
            guard demangler.isAtEnd else { return nil }
            if let dot {
                try demangler.emit(" (")
                try demangler.emit(bytes: body[dot...])
                try demangler.emit(")")
            }
        } catch {
            return nil
        }
        return String(decoding: demangler.output, as: UTF8.self)
    }
}

// MARK: - Nesting and output

extension RustV0Demangler {
    /// Counts one more level of nesting and one more step; call `leave()` when done.
    mutating func enter() throws(Invalid) {
        guard depth < Self.maximumDepth, steps < Self.maximumSteps else { throw Invalid() }
        depth += 1
        steps += 1
    }

    mutating func leave() {
        depth -= 1
    }

    mutating func emit(_ text: String) throws(Invalid) {
        guard printing else { return }
        try emit(bytes: text.utf8)
    }

    mutating func emit<Bytes: Collection<UInt8>>(bytes: Bytes) throws(Invalid) {
        guard printing else { return }
        guard output.count + bytes.count <= Self.maximumOutput else { throw Invalid() }
        output.append(contentsOf: bytes)
    }

    mutating func emit(byte: UInt8) throws(Invalid) {
        try emit(bytes: CollectionOfOne(byte))
    }

    mutating func emitDecimal(_ value: UInt64) throws(Invalid) {
        try emit(String(value))
    }
}
