import Demangling
import Foundation

/// `Demangler.demangle(name) ?? name` against an oracle's text for the same names, with every
/// difference either explained by a `KnownDifference` or reported.
struct Comparison {
    struct Difference {
        var name: String
        var ours: String
        var oracle: String
    }

    let oracle: KnownDifference.Oracle
    private(set) var total = 0
    private(set) var agreeing = 0
    private(set) var explained: [KnownDifference: [Difference]] = [:]
    private(set) var unexplained: [Difference] = []

    /// Compares `names` with `oracleTexts`; `llvm14Texts` (llvm-cxxfilt 14's texts for the
    /// same names) help classify differences from a newer LLVM.
    init(oracle: KnownDifference.Oracle, names: [String], oracleTexts: [String], llvm14Texts: [String]) {
        self.oracle = oracle
        for ((name, text), llvm14) in zip(zip(names, oracleTexts), llvm14Texts) {
            let ours = Demangler.demangle(name) ?? name
            total += 1
            if ours == text {
                agreeing += 1
            } else if let known = KnownDifference.classify(
                name: name, ours: ours, oracle: text, from: oracle, llvm14: llvm14) {
                explained[known, default: []].append(Difference(name: name, ours: ours, oracle: text))
            } else {
                unexplained.append(Difference(name: name, ours: ours, oracle: text))
            }
        }
    }

    /// `demangling (corpus): 41234/41240 agree with llvm-cxxfilt 14; 6 known differences: …`.
    func summary(_ label: String) -> String {
        var text = "demangling (\(label)): \(agreeing)/\(total) agree with \(oracle.name)"
        let knownCount = explained.values.reduce(0) { $0 + $1.count }
        if knownCount > 0 {
            let parts = explained.sorted { $0.key.rawValue < $1.key.rawValue }
                .map { "\($0.key.rawValue) \($0.value.count)" }
            text += "; \(knownCount) known differences (\(parts.joined(separator: ", ")))"
        }
        if !unexplained.isEmpty {
            text += "; \(unexplained.count) UNEXPLAINED"
        }
        return text
    }

    /// The first unexplained differences, for the failure message.
    func unexplainedReport(limit: Int = 25) -> String {
        unexplained.prefix(limit).map { "  \($0.name)\n    ours:   \($0.ours)\n    oracle: \($0.oracle)" }
            .joined(separator: "\n")
    }

    /// Writes all differences as tab-separated `category, name, ours, oracle` lines.
    func write(to folder: URL, label: String) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var lines: [String] = []
        for (known, differences) in explained {
            lines += differences.map { [known.rawValue, $0.name, $0.ours, $0.oracle].joined(separator: "\t") }
        }
        lines += unexplained.map { ["UNEXPLAINED", $0.name, $0.ours, $0.oracle].joined(separator: "\t") }
        let file = folder.appendingPathComponent("\(label) vs \(oracle.name).tsv".replacingOccurrences(of: "/", with: "-"))
        try Data((lines.sorted().joined(separator: "\n") + "\n").utf8).write(to: file)
    }
}
