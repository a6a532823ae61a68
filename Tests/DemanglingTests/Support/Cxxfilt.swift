import Foundation

/// llvm-cxxfilt as an oracle: every name through one process, one name a line.
enum Cxxfilt {
    /// What `cxxfilt` prints for each of `names`, in order.
    static func demangle(_ names: [String], cxxfilt: URL) throws -> [String] {
        let scratch = try ScratchDirectory()
        let input = scratch.url.appendingPathComponent("names.txt")
        try Data((names.joined(separator: "\n") + "\n").utf8).write(to: input)
        // -n: never strip a leading underscore, whatever the default target says.
        let output = try ExternalTool.run(cxxfilt, ["-n"], input: input)
        var lines = output.standardOutput.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        guard output.status == 0, lines.count == names.count else {
            throw OracleError(message: "llvm-cxxfilt printed \(lines.count) lines for \(names.count) names (status \(output.status))")
        }
        return lines
    }

    struct OracleError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
