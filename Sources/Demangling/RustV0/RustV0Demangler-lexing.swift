/// The v0 grammar's terminals: single bytes, numbers, identifiers, backreferences and
/// lifetimes.
extension RustV0Demangler {
    /// `<identifier>` without its disambiguator: the bytes, and whether they are Punycode.
    struct Identifier {
        var bytes: ArraySlice<UInt8>
        var isPunycode: Bool
    }

    var isAtEnd: Bool { position == input.count }

    /// The next byte, without consuming it; nil at the end.
    func peek() -> UInt8? {
        position < input.count ? input[position] : nil
    }

    /// Consumes and returns the next byte.
    mutating func next() throws(Invalid) -> UInt8 {
        guard position < input.count else { throw Invalid() }
        defer { position += 1 }
        return input[position]
    }

    /// Consumes the next byte if it is `ascii`.
    mutating func consume(_ ascii: Unicode.Scalar) -> Bool {
        guard peek() == UInt8(ascii: ascii) else { return false }
        position += 1
        return true
    }

    /// `<base-62-number> = {<0-9a-zA-Z>} "_"`; `_` is 0, `0_` is 1, `z_` is 36, `10_` is 63.
    mutating func base62() throws(Invalid) -> UInt64 {
        if consume("_") { return 0 }
        var value: UInt64 = 0
        while true {
            let byte = try next()
            if byte == UInt8(ascii: "_") { break }
            guard let digit = Self.base62Digit(byte) else { throw Invalid() }
            let (shifted, overflow) = value.multipliedReportingOverflow(by: 62)
            let (sum, carry) = shifted.addingReportingOverflow(digit)
            guard !overflow, !carry else { throw Invalid() }
            value = sum
        }
        return try Self.increment(value)
    }

    /// A base-62 number introduced by `tag` (disambiguators `s…_`, binders `G…_`): 0 when the
    /// tag is absent, else the number plus one.
    mutating func optionalBase62(tag: Unicode.Scalar) throws(Invalid) -> UInt64 {
        guard consume(tag) else { return 0 }
        return try Self.increment(try base62())
    }

    /// `<decimal-number> = "0" | <1-9> {<0-9>}`.
    mutating func decimal() throws(Invalid) -> UInt64 {
        guard let first = peek(), Self.isDigit(first) else { throw Invalid() }
        if first == UInt8(ascii: "0") {
            position += 1
            return 0
        }
        var value: UInt64 = 0
        while let byte = peek(), Self.isDigit(byte) {
            let (shifted, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, carry) = shifted.addingReportingOverflow(UInt64(byte - UInt8(ascii: "0")))
            guard !overflow, !carry else { throw Invalid() }
            value = sum
            position += 1
        }
        return value
    }

    /// `<hex-number> = "0_" | <1-9a-f> {<0-9a-f>} "_"`: the digits, and their value when they
    /// fit in 64 bits (it wraps beyond, where callers print the digits instead).
    mutating func hexNumber() throws(Invalid) -> (digits: ArraySlice<UInt8>, value: UInt64) {
        let start = position
        guard let first = peek(), Self.hexDigit(first) != nil else { throw Invalid() }
        if consume("0") {
            guard consume("_") else { throw Invalid() }
            return (input[start..<start + 1], 0)
        }
        var value: UInt64 = 0
        while !consume("_") {
            guard let digit = Self.hexDigit(try next()) else { throw Invalid() }
            value = value &* 16 &+ digit
        }
        return (input[start..<position - 1], value)
    }

    /// `<undisambiguated-identifier> = ["u"] <decimal-number> ["_"] <bytes>`.
    mutating func identifier() throws(Invalid) -> Identifier {
        let isPunycode = consume("u")
        let length = try decimal()
        // The `_` separates the length from bytes that start with a digit or `_`.
        _ = consume("_")
        guard length <= UInt64(input.count - position) else { throw Invalid() }
        let end = position + Int(length)
        let bytes = input[position..<end]
        guard bytes.allSatisfy(Self.isIdentifierByte) else { throw Invalid() }
        position = end
        return Identifier(bytes: bytes, isPunycode: isPunycode)
    }

    /// Prints an identifier, decoding Punycode. Like LLVM, Punycode is only checked when it is
    /// printed.
    mutating func emit(identifier: Identifier) throws(Invalid) {
        guard printing else { return }
        if identifier.isPunycode {
            guard let decoded = Punycode.decode(identifier.bytes) else { throw Invalid() }
            try emit(bytes: decoded)
        } else {
            try emit(bytes: identifier.bytes)
        }
    }

    /// `<backref> = "B" <base-62-number>`, the `B` already consumed. Returns the position to
    /// resume at after parsing the target, or nil when nothing is printed: then, as in LLVM,
    /// the target is not parsed again.
    mutating func enterBackref() throws(Invalid) -> Int? {
        let target = try base62()
        guard target < UInt64(position) else { throw Invalid() }
        guard printing else { return nil }
        let resume = position
        position = Int(target)
        return resume
    }

    /// Prints lifetime `index`: 0 is the erased `'_`, others are De Bruijn indices into the
    /// enclosing binders, named `'a`…`'z`, then `'z1`, `'z2`….
    mutating func emitLifetime(_ index: UInt64) throws(Invalid) {
        if index == 0 {
            try emit("'_")
            return
        }
        guard index - 1 < UInt64(boundLifetimes) else { throw Invalid() }
        let distance = UInt64(boundLifetimes) - index
        try emit("'")
        if distance < 26 {
            try emit(byte: UInt8(ascii: "a") + UInt8(distance))
        } else {
            try emit("z")
            try emitDecimal(distance - 26 + 1)
        }
    }

    /// `<binder> = "G" <base-62-number>`: binds that many more lifetimes, printed `for<'a, 'b> `.
    mutating func optionalBinder() throws(Invalid) {
        let count = try optionalBase62(tag: "G")
        guard count > 0 else { return }
        // Every bound lifetime takes at least a byte to refer to; more than the input could
        // refer to only inflates the output.
        let room = input.count - boundLifetimes
        guard room > 0, count < UInt64(room) else { throw Invalid() }
        try emit("for<")
        for index in 0..<count {
            boundLifetimes += 1
            if index > 0 { try emit(", ") }
            try emitLifetime(1)
        }
        try emit("> ")
    }

    private static func increment(_ value: UInt64) throws(Invalid) -> UInt64 {
        let (sum, overflow) = value.addingReportingOverflow(1)
        guard !overflow else { throw Invalid() }
        return sum
    }

    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    static func isLower(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")
    }

    static func isUpper(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")
    }

    /// Identifiers are `[0-9A-Za-z_]`; anything else is Punycode-encoded by rustc.
    static func isIdentifierByte(_ byte: UInt8) -> Bool {
        isDigit(byte) || isLower(byte) || isUpper(byte) || byte == UInt8(ascii: "_")
    }

    static func hexDigit(_ byte: UInt8) -> UInt64? {
        if isDigit(byte) { return UInt64(byte - UInt8(ascii: "0")) }
        if byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f") {
            return UInt64(byte - UInt8(ascii: "a") + 10)
        }
        return nil
    }

    private static func base62Digit(_ byte: UInt8) -> UInt64? {
        if isDigit(byte) { return UInt64(byte - UInt8(ascii: "0")) }
        if isLower(byte) { return UInt64(byte - UInt8(ascii: "a") + 10) }
        if isUpper(byte) { return UInt64(byte - UInt8(ascii: "A") + 36) }
        return nil
    }
}
