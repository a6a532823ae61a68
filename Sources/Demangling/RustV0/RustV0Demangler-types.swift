/// `<type>`, `<fn-sig>` and `<dyn-bounds>`.
extension RustV0Demangler {
    /// The one-letter `<basic-type>` names, indexed by letter (`a` i8 … `z` !). Letters that
    /// are not basic types are empty.
    private static let basicTypes: [String] = [
        "i8", "bool", "char", "f64", "str", "f32", "", "u8", "isize", "usize", "", "i32", "u32",
        "i128", "u128", "_", "", "", "i16", "u16", "()", "...", "", "i64", "u64", "!",
    ]

    /// The printed name of basic type `tag`, or nil when `tag` is not one.
    static func basicType(_ tag: UInt8) -> String? {
        guard isLower(tag) else { return nil }
        let name = basicTypes[Int(tag - UInt8(ascii: "a"))]
        return name.isEmpty ? nil : name
    }

    /// Parses and prints a type.
    ///
    /// ```
    /// <type> = <basic-type>
    ///        | <path>                      // named type
    ///        | "A" <type> <const>          // [T; N]
    ///        | "S" <type>                  // [T]
    ///        | "T" {<type>} "E"            // (T1, T2, T3, ...)
    ///        | "R" [<lifetime>] <type>     // &T
    ///        | "Q" [<lifetime>] <type>     // &mut T
    ///        | "P" <type>                  // *const T
    ///        | "O" <type>                  // *mut T
    ///        | "F" <fn-sig>                // fn(...) -> ...
    ///        | "D" <dyn-bounds> <lifetime> // dyn Trait<Assoc = X> + Send + 'a
    ///        | <backref>
    /// ```
    mutating func type() throws(Invalid) {
        try enter()
        defer { leave() }

        let start = position
        let tag = try next()
        if let name = Self.basicType(tag) {
            try emit(name)
            return
        }
        switch tag {
        case UInt8(ascii: "A"):
            try emit("[")
            try type()
            try emit("; ")
            try constant()
            try emit("]")
        case UInt8(ascii: "S"):
            try emit("[")
            try type()
            try emit("]")
        case UInt8(ascii: "T"):
            try emit("(")
            var count = 0
            while !consume("E") {
                if count > 0 { try emit(", ") }
                try type()
                count += 1
            }
            // A one-element tuple keeps its comma: `(T,)`.
            if count == 1 { try emit(",") }
            try emit(")")
        case UInt8(ascii: "R"), UInt8(ascii: "Q"):
            try emit("&")
            if consume("L") {
                let lifetime = try base62()
                if lifetime != 0 {
                    try emitLifetime(lifetime)
                    try emit(" ")
                }
            }
            if tag == UInt8(ascii: "Q") { try emit("mut ") }
            try type()
        case UInt8(ascii: "P"):
            try emit("*const ")
            try type()
        case UInt8(ascii: "O"):
            try emit("*mut ")
            try type()
        case UInt8(ascii: "F"):
            try functionSignature()
        case UInt8(ascii: "D"):
            try dynBounds()
            guard consume("L") else { throw Invalid() }
            let lifetime = try base62()
            if lifetime != 0 {
                try emit(" + ")
                try emitLifetime(lifetime)
            }
        case UInt8(ascii: "B"):
            guard let resume = try enterBackref() else { return }
            defer { position = resume }
            try type()
        default:
            position = start
            try path(inType: true)
        }
    }

    /// `<fn-sig> = [<binder>] ["U"] ["K" <abi>] {<type>} "E" <type>`, printed
    /// `for<'a> unsafe extern "C" fn(A, B) -> R`; a `()` result is left out.
    private mutating func functionSignature() throws(Invalid) {
        let outerLifetimes = boundLifetimes
        defer { boundLifetimes = outerLifetimes }
        try optionalBinder()
        if consume("U") { try emit("unsafe ") }
        if consume("K") {
            try emit("extern \"")
            if consume("C") {
                try emit("C")
            } else {
                // `<abi> = <undisambiguated-identifier>`, with `-` mangled as `_` ("C-unwind").
                let abi = try identifier()
                guard !abi.isPunycode else { throw Invalid() }
                try emit(bytes: abi.bytes.lazy.map { $0 == UInt8(ascii: "_") ? UInt8(ascii: "-") : $0 })
            }
            try emit("\" ")
        }
        try emit("fn(")
        var count = 0
        while !consume("E") {
            if count > 0 { try emit(", ") }
            try type()
            count += 1
        }
        try emit(")")
        if !consume("u") {
            try emit(" -> ")
            try type()
        }
    }

    /// `<dyn-bounds> = [<binder>] {<dyn-trait>} "E"`, printed `dyn for<'a> A + B`.
    private mutating func dynBounds() throws(Invalid) {
        let outerLifetimes = boundLifetimes
        defer { boundLifetimes = outerLifetimes }
        try emit("dyn ")
        try optionalBinder()
        var count = 0
        while !consume("E") {
            if count > 0 { try emit(" + ") }
            try dynTrait()
            count += 1
        }
    }

    /// `<dyn-trait> = <path> {"p" <undisambiguated-identifier> <type>}`: a trait with its
    /// associated-type bindings, printed inside the trait's generic arguments
    /// (`Iterator<Item = u8>`). Like LLVM, binding names are printed as mangled.
    private mutating func dynTrait() throws(Invalid) {
        var isOpen = try path(inType: true, leaveOpen: true)
        while consume("p") {
            try emit(isOpen ? ", " : "<")
            isOpen = true
            try emit(bytes: try identifier().bytes)
            try emit(" = ")
            try type()
        }
        if isOpen { try emit(">") }
    }
}
