import Testing
import TestSupport
@testable import SourcePatching

/// The Rust `extern`-block scanner on generated, oddly formatted sources: comments and
/// strings that look like blocks, attributes on lines of their own or inline, doc comments,
/// `#[cfg]` for and against wasm32, `unsafe extern`, statics, nested modules, CRLF. Each
/// source is generated together with the blocks it holds; the scanner must find exactly
/// those, and the line the patch inserts the import attribute at must make that block (and
/// only it) import from "env".
@Suite("The extern-block scanner on oddly formatted sources")
struct ExternScannerPropertyTests {
    struct Expected: Equatable, CustomStringConvertible {
        var symbols: [String]
        var excludedItems: [Bool]
        var excluded: Bool
        var description: String { "\(excluded ? "cfg-out " : "")\(zip(symbols, excludedItems).map { $1 ? "!" + $0 : $0 })" }
    }

    struct Generator {
        var random: SplitMix64
        var counter = 0

        mutating func pick<T>(_ options: [T]) -> T { options[Int(random.next() % UInt64(options.count))] }
        mutating func chance(_ percent: UInt64) -> Bool { random.next() % 100 < percent }

        mutating func name() -> String {
            counter += 1
            return pick(["host_now", "match", "fetch", "_start_it", "ünïcode"]) + "_\(counter)"
        }

        /// Noise that must never be read as code (inside a block: comments only).
        mutating func decoy(inBlock: Bool = false) -> String {
            if inBlock { return pick(["// extern \"C\" { fn decoy(); }", "/* } fn decoy(); /* { */ */", "//! inner } doc", ""]) }
            return pick([
                "// extern \"C\" { fn decoy(); }",
                "/* extern \"C\" { fn decoy(); } /* nested */ */",
                "const S: &str = \"extern \\\"C\\\" { fn decoy(); }\";",
                "const R: &str = r#\"extern \"C\" { fn decoy(); }\"#;",
                "const B: &[u8] = br##\"}\"# extern \"C\" {\"##;",
                "const C: char = '{';",
                "fn lifetime<'a>(x: &'a str) -> &'a str { x }",
                "",
            ])
        }

        mutating func cfg(forWasm: Bool) -> String {
            forWasm ? pick(["#[cfg(target_arch = \"wasm32\")]", "#[cfg(any(unix, target_family = \"wasm\"))]", "#[cfg(not(windows))]"])
                : pick(["#[cfg(not(target_arch = \"wasm32\"))]", "#[cfg(all(unix, target_os = \"linux\"))]", "#[cfg(windows)]"])
        }

        mutating func block(indent: String) -> (String, Expected) {
            var lines: [String] = []
            var expected = Expected(symbols: [], excludedItems: [], excluded: false)
            if chance(30) {
                let forWasm = chance(60)
                lines.append(indent + cfg(forWasm: forWasm))
                expected.excluded = !forWasm
            }
            if chance(30) { lines.append(indent + "#[link(name = \"native\")]") }
            if chance(20) { lines.append(indent + "/// A block.") }
            let abi = pick(["extern \"C\"", "unsafe extern \"C\"", "extern", "extern \"C\"  "])
            let brace = chance(30) ? "\n" + indent + "{" : " {"
            lines.append(indent + abi + brace)
            for _ in 0..<(1 + Int(random.next() % 4)) {
                let symbol = name()
                var identifier = symbol
                var attributes: [String] = []
                var excluded = false
                if chance(25) {
                    identifier = "local_" + symbol.replacingOccurrences(of: "ü", with: "u").replacingOccurrences(of: "ï", with: "i")
                    attributes.append(chance(50) ? "#[link_name = \"\(symbol)\"]" : "#[link_name=r\"\(symbol)\"]")
                }
                if chance(20) {
                    excluded = chance(50)
                    attributes.append(cfg(forWasm: !excluded))
                }
                if chance(20) { lines.append(indent + "    " + decoy(inBlock: true)) }
                if chance(30) { lines.append(indent + "    /// Docs with a } brace.") }
                let inline = chance(30)
                // A raw identifier names the same symbol as the plain one.
                if identifier == symbol && chance(20) { identifier = "r#" + symbol }
                let item = chance(25)
                    ? "pub static \(chance(50) ? "mut " : "")\(identifier): i32;"
                    : "pub \(chance(20) ? "safe " : "")fn \(identifier)(a: i32, f: extern \"C\" fn(i32) -> i32)\(chance(50) ? " -> (i32)" : "");"
                if inline {
                    lines.append(indent + "    " + (attributes + [item]).joined(separator: " "))
                } else {
                    lines += attributes.map { indent + "    " + $0 }
                    lines.append(indent + "    " + item)
                }
                expected.symbols.append(symbol)
                expected.excludedItems.append(excluded)
            }
            lines.append(indent + "}")
            return (lines.joined(separator: "\n"), expected)
        }

        mutating func source() -> (String, [Expected]) {
            var parts: [String] = []
            var expected: [Expected] = []
            var depth = 0
            for _ in 0..<(1 + Int(random.next() % 4)) {
                parts.append(decoy())
                if chance(30) {
                    parts.append(String(repeating: "    ", count: depth) + "mod m\(counter) {")
                    depth += 1
                }
                let (text, block) = block(indent: String(repeating: "    ", count: depth))
                parts.append(text)
                expected.append(block)
                if depth > 0 && chance(40) {
                    depth -= 1
                    parts.append(String(repeating: "    ", count: depth) + "}")
                }
            }
            parts += (0..<depth).reversed().map { String(repeating: "    ", count: $0) + "}" }
            parts.append("extern crate core;")
            parts.append("pub extern \"C\" fn defined() -> i32 { 0 }")
            let text = parts.joined(separator: "\n") + "\n"
            return (chance(40) ? text.replacingOccurrences(of: "\n", with: "\r\n") : text, expected)
        }
    }

    static func found(_ blocks: [RustExternBlock]) -> [Expected] {
        blocks.map { Expected(symbols: $0.items.map(\.symbol), excludedItems: $0.items.map(\.excludedFromWasm), excluded: $0.excludedFromWasm) }
    }

    @Test("finds exactly the generated blocks, items, link names and cfgs", arguments: 0..<300)
    func scanner(seed: UInt64) {
        var generator = Generator(random: SplitMix64(seed: seed))
        let (source, expected) = generator.source()
        let blocks = RustExternScanner.blocks(in: Array(source.utf8))
        #expect(Self.found(blocks) == expected, "seed \(seed):\n\(source)")
    }

    @Test("the attribute line the patch inserts makes exactly that block import from env", arguments: 0..<150)
    func insertion(seed: UInt64) throws {
        var generator = Generator(random: SplitMix64(seed: seed &+ 1_000))
        let (source, expected) = generator.source()
        let text = SourceText(path: "lib.rs", text: source)
        let blocks = RustExternScanner.blocks(in: text.bytes)
        try #require(blocks.count == expected.count)
        for (index, block) in blocks.enumerated() where text.startsLine(block.range.lowerBound) {
            let line = text.lineIndex(ofOffset: block.range.lowerBound)
            var lines = (0..<text.lineCount).map { text.line($0) }
            lines.insert(text.indentation(ofLine: line) + "#[link(wasm_import_module = \"env\")]" + text.newline, at: line)
            let rescanned = RustExternScanner.blocks(in: Array(lines.joined().utf8))
            #expect(Self.found(rescanned) == expected, "seed \(seed)")
            #expect(rescanned.map { $0.wasmImportModule } == blocks.indices.map { $0 == index ? "env" : nil }, "seed \(seed) block \(index)")
        }
    }

    @Test("cfg predicates are judged for wasm32-unknown-unknown")
    func cfgPredicates() {
        func judge(_ text: String) -> Bool? {
            let tokens = RustLexer.tokens(Array(text.utf8))
            var position = 0
            return CfgPredicate.evaluate(tokens, &position)
        }
        #expect(judge("target_arch = \"wasm32\"") == true)
        #expect(judge("not(target_arch = \"wasm32\")") == false)
        #expect(judge("any(unix, windows)") == false)
        #expect(judge("all(target_family = \"wasm\", feature = \"x\")") == nil)
        #expect(judge("any(feature = \"x\", target_arch = \"wasm32\")") == true)
    }
}
