import Testing
@testable import TestSupport

@Suite("Snapshot helper")
struct SnapshotHelperTests {
    @Test("a snapshot that differs from its file is an issue")
    func mismatchIsAnIssue() {
        withKnownIssue {
            assertSnapshot("not the layout\n", named: "pane-layout-ascii", filePath: "\(#filePath)".replacingOccurrences(
                of: "SnapshotHelperTests.swift", with: "DrawingSnapshotTests.swift"))
        }
    }

    @Test("the diff lists differing lines with the line before them")
    func lineDiff() {
        let diff = TestSupport.lineDiff(expected: "a\nb\nc\nd\n", actual: "a\nB\nc\nd\ne\n")
        #expect(diff == """
              1: a
            - 2: b
            + 2: B
              4: d
            - 5: \("")
            + 5: e
            + 6: \("")
            """)
    }
}
