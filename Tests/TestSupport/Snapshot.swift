import Foundation
import Testing

/// Compares `actual` with the snapshot file `__Snapshots__/<test file>/<name>.txt` that sits
/// beside the calling test file, and records an issue showing the differing lines if they
/// differ.
///
/// Run with `RECORD_SNAPSHOTS=1` to write (or rewrite) the files instead, as
/// swift-argument-parser's `assertSnapshot` does; review the diff and commit them. A missing
/// file is an issue unless recording.
public func assertSnapshot(
    _ actual: String,
    named name: String,
    filePath: String = #filePath,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let testFile = URL(fileURLWithPath: filePath)
    let directory = testFile.deletingLastPathComponent()
        .appendingPathComponent("__Snapshots__")
        .appendingPathComponent(testFile.deletingPathExtension().lastPathComponent)
    let file = directory.appendingPathComponent(name + ".txt")

    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: file)
        } catch {
            Issue.record("could not record snapshot \(file.path): \(error)", sourceLocation: sourceLocation)
        }
        return
    }
    guard let data = FileManager.default.contents(atPath: file.path) else {
        Issue.record(
            "no snapshot at \(file.path); run with RECORD_SNAPSHOTS=1 to record it. Actual:\n\(actual)",
            sourceLocation: sourceLocation
        )
        return
    }
    let expected = String(decoding: data, as: UTF8.self)
    guard expected != actual else { return }
    let message = "snapshot \(name) differs (- expected, + actual; RECORD_SNAPSHOTS=1 re-records):\n"
        + lineDiff(expected: expected, actual: actual)
    Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
}

/// The lines that differ, position by position, with a line of context before each run.
func lineDiff(expected: String, actual: String) -> String {
    let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var output: [String] = []
    var previousDiffered = false
    for index in 0..<max(old.count, new.count) {
        let before = index < old.count ? String(old[index]) : nil
        let after = index < new.count ? String(new[index]) : nil
        if before == after {
            previousDiffered = false
            continue
        }
        if !previousDiffered, index > 0, index - 1 < old.count {
            output.append("  \(index): " + old[index - 1])
        }
        if let before { output.append("- \(index + 1): " + before) }
        if let after { output.append("+ \(index + 1): " + after) }
        previousDiffered = true
    }
    return output.joined(separator: "\n")
}
