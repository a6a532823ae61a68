import Testing
import WasmDecoding

@Suite("Content digests")
struct ContentDigestTests {
    func digest(_ bytes: [UInt8]) -> UInt64 { bytes.withUnsafeBytes { ContentDigest.digest($0) } }

    @Test("matches the xxHash64 reference values (seed 0)")
    func referenceValues() {
        #expect(digest([]) == 0xEF46_DB37_51D8_E999)
        #expect(digest(Array("a".utf8)) == 0xD24E_C4F1_A98C_6E5B)
        #expect(digest(Array("abc".utf8)) == 0x44BC_2CF5_AD77_0999)
        #expect(digest(Array("Nobody inspects the spammish repetition".utf8)) == 0xFBCE_A83C_8A37_8BF1)
    }

    @Test("a one-byte change anywhere changes the digest")
    func sensitivity() {
        let base = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        let reference = digest(base)
        for position in stride(from: 0, to: base.count, by: 37) {
            var changed = base
            changed[position] ^= 1
            #expect(digest(changed) != reference)
        }
    }
}
