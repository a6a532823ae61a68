import Foundation

/// The judges of source locations: Debian's `llvm-dwarfdump-19` (found on PATH by that
/// name; `.ci/run` installs the `llvm-19` package) and the Swift toolchain's LLVM 21
/// `llvm-symbolizer`.
public enum DwarfOracles {
    /// `llvm-dwarfdump-19`, or nil when it is not installed.
    public static let dwarfdump: URL? = {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent("llvm-dwarfdump-19")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }()

    public static var symbolizer: URL? { Toolchain.tool("llvm-symbolizer") }

    /// One row of `llvm-dwarfdump --debug-line`'s matrix.
    public struct Row: Hashable, Sendable, CustomStringConvertible {
        public var address: UInt64
        public var line: UInt32
        public var column: UInt32
        public var file: UInt32
        public var endSequence: Bool
        public var description: String { "0x\(String(address, radix: 16)) \(line):\(column) file \(file)\(endSequence ? " end" : "")" }

        public init(address: UInt64, line: UInt32, column: UInt32, file: UInt32, endSequence: Bool) {
            self.address = address
            self.line = line
            self.column = column
            self.file = file
            self.endSequence = endSequence
        }
    }

    /// A line program as `llvm-dwarfdump --debug-line` prints it: its version, file names
    /// (number → path as printed, directory joined) and rows.
    public struct LineProgram: Sendable {
        public var offset: Int
        public var version: Int
        public var rows: [Row]
    }

    /// Every line program of `file` (an object or a module).
    public static func lineTables(_ file: String) throws -> [LineProgram] {
        guard let dwarfdump else { throw ToolMissing(tool: "llvm-dwarfdump-19") }
        let result = try Run.program(dwarfdump, ["--debug-line", file])
        guard result.status == 0 else { throw FixtureError(message: "llvm-dwarfdump-19 failed: \(result.stderr)") }
        var programs: [LineProgram] = []
        for line in result.stdout.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("debug_line[0x"), let end = line.firstIndex(of: "]") {
                let hex = line[line.index(line.startIndex, offsetBy: 13)..<end]
                programs.append(LineProgram(offset: Int(hex, radix: 16) ?? -1, version: 0, rows: []))
            } else if line.contains("version: "), let value = line.split(separator: " ").last, !programs.isEmpty, programs[programs.count - 1].version == 0 {
                programs[programs.count - 1].version = Int(value) ?? 0
            } else if line.hasPrefix("0x"), !programs.isEmpty {
                let fields = line.split(separator: " ", omittingEmptySubsequences: true)
                guard fields.count >= 4, let address = UInt64(fields[0].dropFirst(2), radix: 16),
                      let number = UInt32(fields[1]), let column = UInt32(fields[2]), let file = UInt32(fields[3]) else { continue }
                programs[programs.count - 1].rows.append(Row(address: address, line: number, column: column, file: file,
                                                             endSequence: line.hasSuffix("end_sequence")))
            }
        }
        return programs
    }

    /// `llvm-symbolizer --obj=file` for each address: `(function, path:line:column)`, the
    /// first frame of each answer.
    public static func symbolize(_ file: String, addresses: [UInt64]) throws -> [(function: String, location: String)] {
        guard let symbolizer else { throw ToolMissing(tool: "llvm-symbolizer") }
        let input = addresses.map { "0x" + String($0, radix: 16) }.joined(separator: "\n") + "\n"
        let result = try Run.program(symbolizer, ["--obj=" + file, "--no-inlines", "--demangle"], input: Data(input.utf8))
        guard result.status == 0 else { throw FixtureError(message: "llvm-symbolizer failed: \(result.stderr)") }
        let blocks = result.stdout.components(separatedBy: "\n\n").filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        return blocks.map { block in
            let lines = block.split(separator: "\n").map(String.init)
            return (lines.first ?? "", lines.count > 1 ? lines[1] : "")
        }
    }
}
