/// `<path>` and `<generic-arg>`: crate roots, nested paths, impls, trait paths and generic
/// arguments.
extension RustV0Demangler {
    /// Parses and prints a path.
    ///
    /// ```
    /// <path> = "C" <identifier>                    // crate root
    ///        | "M" <impl-path> <type>              // <T> (inherent impl)
    ///        | "X" <impl-path> <type> <path>       // <T as Trait> (trait impl)
    ///        | "Y" <type> <path>                   // <T as Trait> (trait definition)
    ///        | "N" <namespace> <path> <identifier> // ...::ident (nested path)
    ///        | "I" <path> {<generic-arg>} "E"      // ...<T, U> (generic arguments)
    ///        | <backref>
    /// ```
    ///
    /// In a type, generic arguments are printed `Path<T>`, elsewhere `path::<T>`. With
    /// `leaveOpen` the closing `>` of trailing generic arguments is left off so that a `dyn`
    /// trait can add its associated-type bindings; the result says whether that happened.
    @discardableResult
    mutating func path(inType: Bool, leaveOpen: Bool = false) throws(Invalid) -> Bool {
        try enter()
        defer { leave() }

        switch try next() {
        case UInt8(ascii: "C"):
            _ = try optionalBase62(tag: "s")
            try emit(identifier: try identifier())
        case UInt8(ascii: "M"):
            try implPath(inType: inType)
            try emit("<")
            try type()
            try emit(">")
        case UInt8(ascii: "X"):
            try implPath(inType: inType)
            try emit("<")
            try type()
            try emit(" as ")
            try path(inType: true)
            try emit(">")
        case UInt8(ascii: "Y"):
            try emit("<")
            try type()
            try emit(" as ")
            try path(inType: true)
            try emit(">")
        case UInt8(ascii: "N"):
            try nestedPath(inType: inType)
        case UInt8(ascii: "I"):
            try path(inType: inType)
            // `::` before generic arguments is optional in a type, and omitted there.
            if !inType { try emit("::") }
            try emit("<")
            var count = 0
            while !consume("E") {
                if count > 0 { try emit(", ") }
                try genericArgument()
                count += 1
            }
            if leaveOpen { return true }
            try emit(">")
        case UInt8(ascii: "B"):
            guard let resume = try enterBackref() else { return false }
            defer { position = resume }
            return try path(inType: inType, leaveOpen: leaveOpen)
        default:
            throw Invalid()
        }
        return false
    }

    /// `"N" <namespace> <path> <identifier>`, the `N` consumed. Upper-case namespaces are
    /// special and shown in braces (`{closure#0}`, `{shim:vtable#0}`); lower-case ones are
    /// implementation details, shown only by their identifier.
    private mutating func nestedPath(inType: Bool) throws(Invalid) {
        let namespace = try next()
        guard Self.isLower(namespace) || Self.isUpper(namespace) else { throw Invalid() }
        try path(inType: inType)
        let disambiguator = try optionalBase62(tag: "s")
        let name = try identifier()

        if Self.isUpper(namespace) {
            try emit("::{")
            switch namespace {
            case UInt8(ascii: "C"): try emit("closure")
            case UInt8(ascii: "S"): try emit("shim")
            default: try emit(byte: namespace)
            }
            if !name.bytes.isEmpty {
                try emit(":")
                try emit(identifier: name)
            }
            try emit("#")
            try emitDecimal(disambiguator)
            try emit("}")
        } else if !name.bytes.isEmpty {
            try emit("::")
            try emit(identifier: name)
        }
    }

    /// `<impl-path> = [<disambiguator>] <path>`: the path of the item containing an impl,
    /// which is parsed but not shown.
    private mutating func implPath(inType: Bool) throws(Invalid) {
        let wasPrinting = printing
        printing = false
        defer { printing = wasPrinting }
        _ = try optionalBase62(tag: "s")
        try path(inType: inType)
    }

    /// `<generic-arg> = <lifetime> | <type> | "K" <const>`.
    private mutating func genericArgument() throws(Invalid) {
        if consume("L") {
            try emitLifetime(try base62())
        } else if consume("K") {
            try constant()
        } else {
            try type()
        }
    }
}
