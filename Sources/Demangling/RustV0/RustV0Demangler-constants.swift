/// `<const>`: the values of const generic arguments and array lengths.
extension RustV0Demangler {
    /// Parses and prints a constant.
    ///
    /// ```
    /// <const> = <basic-type> <const-data>   // integers, bool, char
    ///         | "p"                         // placeholder, shown as _
    ///         | <backref>
    /// ```
    ///
    /// The grammar's other constants (`e` str, `R`/`Q` references, `A` arrays, `T` tuples, `V`
    /// ADTs) are not printed by LLVM, so here too they make the name undemangleable.
    mutating func constant() throws(Invalid) {
        try enter()
        defer { leave() }

        let tag = try next()
        switch tag {
        case UInt8(ascii: "a"), UInt8(ascii: "s"), UInt8(ascii: "l"), UInt8(ascii: "x"),
             UInt8(ascii: "n"), UInt8(ascii: "i"), UInt8(ascii: "h"), UInt8(ascii: "t"),
             UInt8(ascii: "m"), UInt8(ascii: "y"), UInt8(ascii: "o"), UInt8(ascii: "j"):
            try integerConstant()
        case UInt8(ascii: "b"):
            try boolConstant()
        case UInt8(ascii: "c"):
            try charConstant()
        case UInt8(ascii: "p"):
            try emit("_")
        case UInt8(ascii: "B"):
            guard let resume = try enterBackref() else { return }
            defer { position = resume }
            try constant()
        default:
            throw Invalid()
        }
    }

    /// `["n"] <hex-number>`: decimal when it fits in 64 bits, else `0x` and the hex digits.
    private mutating func integerConstant() throws(Invalid) {
        if consume("n") { try emit("-") }
        let number = try hexNumber()
        if number.digits.count <= 16 {
            try emitDecimal(number.value)
        } else {
            try emit("0x")
            try emit(bytes: number.digits)
        }
    }

    /// `"0_"` is false, `"1_"` true.
    private mutating func boolConstant() throws(Invalid) {
        let number = try hexNumber()
        if number.digits.elementsEqual("0".utf8) {
            try emit("false")
        } else if number.digits.elementsEqual("1".utf8) {
            try emit("true")
        } else {
            throw Invalid()
        }
    }

    /// A code point in hex, printed as a Rust char literal: printable ASCII as itself, the
    /// usual escapes, everything else `'\u{…}'` with the mangled digits.
    private mutating func charConstant() throws(Invalid) {
        let number = try hexNumber()
        guard number.digits.count <= 6 else { throw Invalid() }
        try emit("'")
        switch number.value {
        case 0x09: try emit("\\t")
        case 0x0D: try emit("\\r")
        case 0x0A: try emit("\\n")
        case 0x5C: try emit("\\\\")
        case 0x22: try emit("\"")
        case 0x27: try emit("\\'")
        case 0x20...0x7E: try emit(byte: UInt8(number.value))
        default:
            try emit("\\u{")
            try emit(bytes: number.digits)
            try emit("}")
        }
        try emit("'")
    }
}
