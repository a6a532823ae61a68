/// An outer attribute `#[…]` as written: its name and the tokens inside.
struct RustAttribute: Sendable, Hashable {
    /// `link`, `link_name`, `cfg`, `doc`…
    var name: String
    /// Byte range from `#` to `]`.
    var range: Range<Int>
    /// `#[link_name = "…"]`'s value; `#[link(name = "…")]`'s `name`.
    var value: String?
    /// `#[link(wasm_import_module = "…")]`'s module.
    var wasmImportModule: String?
    /// Whether a `cfg` is certainly false for wasm32-unknown-unknown.
    var excludesWasm = false
}

/// An item of an `extern` block: a function or a static.
public struct RustExternItem: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case function, staticItem }
    public var kind: Kind
    /// The Rust name.
    public var identifier: String
    /// The symbol it links to: `#[link_name]` if given, else the identifier.
    public var symbol: String
    var hasLinkName: Bool
    /// Bytes of its `#[link_name = "…"]`, if any.
    var linkNameRange: Range<Int>?
    /// Bytes from the first attribute (or the item itself) to the `;`.
    var range: Range<Int>
    /// Whether a `#[cfg]` on it keeps it out of a wasm32 build.
    var excludedFromWasm: Bool
}

/// An `extern "ABI" { … }` block (also `unsafe extern`), wherever it sits (nested modules,
/// function bodies), with its outer attributes and items.
public struct RustExternBlock: Sendable, Hashable {
    /// Bytes from the first outer attribute (or `unsafe`/`extern`) to the closing brace.
    var range: Range<Int>
    /// Bytes of the header, from `unsafe`/`extern` through `{`.
    var headerRange: Range<Int>
    /// Offset of the first token of the block proper (`unsafe` or `extern`).
    var keywordStart: Int
    var attributes: [RustAttribute]
    public var items: [RustExternItem]
    /// The module its `#[link(wasm_import_module)]` names, if any.
    public var wasmImportModule: String? { attributes.lazy.compactMap(\.wasmImportModule).first }
    /// Whether a `#[cfg]` on the block keeps it out of a wasm32 build.
    var excludedFromWasm: Bool { attributes.contains { $0.excludesWasm } }
}

/// Finds the `extern` blocks of a Rust source file.
public enum RustExternScanner {
    public static func blocks(in bytes: [UInt8]) -> [RustExternBlock] {
        let tokens = RustLexer.tokens(bytes)
        var blocks: [RustExternBlock] = []
        var index = 0
        while index < tokens.count {
            defer { index += 1 }
            guard tokens[index].isWord("extern") else { continue }
            var next = index + 1
            if next < tokens.count, tokens[next].kind == .literal { next += 1 }
            guard next < tokens.count, tokens[next].is("{"), let close = matching(tokens, from: next) else { continue }
            var first = index
            if first > 0, tokens[first - 1].isWord("unsafe") { first -= 1 }
            let keywordStart = tokens[first].range.lowerBound
            let (attributes, attributesStart) = outerAttributes(tokens, before: first)
            let items = self.items(tokens, from: next + 1, to: close)
            blocks.append(RustExternBlock(
                range: (attributesStart ?? keywordStart)..<tokens[close].range.upperBound,
                headerRange: keywordStart..<tokens[next].range.upperBound, keywordStart: keywordStart,
                attributes: attributes, items: items))
        }
        return blocks
    }

    /// The index of the token closing the bracket at `open`.
    static func matching(_ tokens: [RustToken], from open: Int) -> Int? {
        var depth = 0
        var index = open
        while index < tokens.count {
            let token = tokens[index]
            if token.is("{") || token.is("(") || token.is("[") { depth += 1 }
            if token.is("}") || token.is(")") || token.is("]") {
                depth -= 1
                if depth == 0 { return index }
            }
            index += 1
        }
        return nil
    }

    /// The outer attributes that end just before token `index`, and where the first starts.
    static func outerAttributes(_ tokens: [RustToken], before index: Int) -> ([RustAttribute], Int?) {
        var attributes: [RustAttribute] = []
        var position = index - 1
        var start: Int? = nil
        while position >= 1, tokens[position].is("]") {
            // Back to the matching `[`.
            var depth = 0
            var open = position
            while open >= 0 {
                if tokens[open].is("]") || tokens[open].is(")") || tokens[open].is("}") { depth += 1 }
                if tokens[open].is("[") || tokens[open].is("(") || tokens[open].is("{") {
                    depth -= 1
                    if depth == 0 { break }
                }
                open -= 1
            }
            guard open >= 1, tokens[open].is("["), tokens[open - 1].is("#") else { break }
            attributes.insert(attribute(tokens, hash: open - 1, close: position), at: 0)
            start = tokens[open - 1].range.lowerBound
            position = open - 2
        }
        return (attributes, start)
    }

    /// Decodes `#[ … ]` between tokens `hash` and `close`.
    static func attribute(_ tokens: [RustToken], hash: Int, close: Int) -> RustAttribute {
        let inner = Array(tokens[(hash + 2)..<close])
        var attribute = RustAttribute(name: inner.first?.text ?? "", range: tokens[hash].range.lowerBound..<tokens[close].range.upperBound)
        func value(after key: String) -> String? {
            for (offset, token) in inner.enumerated() where token.isWord(key) {
                if offset + 2 < inner.count, inner[offset + 1].is("="), inner[offset + 2].kind == .literal {
                    return RustLexer.stringValue(inner[offset + 2].text)
                }
            }
            return nil
        }
        switch attribute.name {
        case "link_name":
            if inner.count >= 3, inner[1].is("="), inner[2].kind == .literal { attribute.value = RustLexer.stringValue(inner[2].text) }
        case "link":
            attribute.value = value(after: "name")
            attribute.wasmImportModule = value(after: "wasm_import_module")
        case "cfg":
            var position = 1
            if position < inner.count, inner[position].is("(") {
                position += 1
                attribute.excludesWasm = CfgPredicate.evaluate(inner, &position) == false
            }
        default:
            break
        }
        return attribute
    }

    /// The items between the braces of a block (`from`…`to` exclusive of the braces).
    static func items(_ tokens: [RustToken], from start: Int, to end: Int) -> [RustExternItem] {
        var items: [RustExternItem] = []
        var index = start
        while index < end {
            let itemStart = index
            var attributes: [RustAttribute] = []
            while index + 1 < end, tokens[index].is("#"), tokens[index + 1].is("["), let close = matching(tokens, from: index + 1) {
                attributes.append(attribute(tokens, hash: index, close: close))
                index = close + 1
            }
            // To the `;` that ends the item, at this depth.
            var semicolon = index
            while semicolon < end, !tokens[semicolon].is(";") {
                if tokens[semicolon].is("{") || tokens[semicolon].is("(") || tokens[semicolon].is("["),
                   let close = matching(tokens, from: semicolon) {
                    semicolon = close + 1
                } else {
                    semicolon += 1
                }
            }
            guard semicolon < end else { break }
            let words = tokens[index..<semicolon]
            var kind: RustExternItem.Kind? = nil
            var identifier: String? = nil
            if let fn = words.firstIndex(where: { $0.isWord("fn") }), fn + 1 < semicolon, tokens[fn + 1].kind == .identifier {
                kind = .function
                identifier = tokens[fn + 1].text
            } else if let stat = words.firstIndex(where: { $0.isWord("static") }) {
                var name = stat + 1
                if name < semicolon, tokens[name].isWord("mut") { name += 1 }
                if name < semicolon, tokens[name].kind == .identifier {
                    kind = .staticItem
                    identifier = tokens[name].text
                }
            }
            if let kind, let identifier {
                let linkName = attributes.first { $0.name == "link_name" }
                items.append(RustExternItem(
                    kind: kind, identifier: identifier, symbol: linkName?.value ?? identifier, hasLinkName: linkName != nil,
                    linkNameRange: linkName?.range,
                    range: tokens[itemStart].range.lowerBound..<tokens[semicolon].range.upperBound,
                    excludedFromWasm: attributes.contains { $0.excludesWasm }))
            }
            index = semicolon + 1
        }
        return items
    }
}

/// `cfg(…)` predicates judged for `wasm32-unknown-unknown`: true, false, or nil when the
/// answer depends on something else (features, `debug_assertions`).
enum CfgPredicate {
    /// Evaluates the predicate at `position`, leaving `position` after it.
    static func evaluate(_ tokens: [RustToken], _ position: inout Int) -> Bool? {
        guard position < tokens.count else { return nil }
        let head = tokens[position]
        position += 1
        if ["all", "any", "not"].contains(head.text), position < tokens.count, tokens[position].is("(") {
            position += 1
            var values: [Bool?] = []
            while position < tokens.count, !tokens[position].is(")") {
                values.append(evaluate(tokens, &position))
                if position < tokens.count, tokens[position].is(",") { position += 1 }
            }
            position += 1
            switch head.text {
            case "not": return values.first.flatMap { $0.map { !$0 } }
            case "all": return values.contains(false) ? false : values.contains(where: { $0 == nil }) ? nil : true
            default: return values.contains(true) ? true : values.contains(where: { $0 == nil }) ? nil : false
            }
        }
        if position + 1 < tokens.count, tokens[position].is("="), tokens[position + 1].kind == .literal {
            let value = RustLexer.stringValue(tokens[position + 1].text) ?? ""
            position += 2
            switch head.text {
            case "target_arch": return value == "wasm32"
            case "target_family": return value == "wasm"
            case "target_os": return value == "unknown" || value == "none" ? true : (["wasi", "emscripten"].contains(value) ? nil : false)
            case "target_pointer_width": return value == "32"
            case "target_endian": return value == "little"
            default: return nil
            }
        }
        switch head.text {
        case "unix", "windows", "test": return false
        case "target_family": return nil
        default: return nil
        }
    }
}
