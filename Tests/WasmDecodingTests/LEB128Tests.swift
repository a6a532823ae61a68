import Testing
@testable import WasmDecoding

@Suite("LEB128")
struct LEB128Tests {
    func reader(_ bytes: [UInt8]) -> BinaryReader { ByteStorage(copying: bytes).window.reader() }

    @Test("unsigned 32-bit values decode, including the 5-byte maximum")
    func unsigned32() throws {
        var r = reader([0x00, 0x7f, 0x80, 0x01, 0xe5, 0x8e, 0x26, 0xff, 0xff, 0xff, 0xff, 0x0f])
        #expect(try r.readVarUInt32() == 0)
        #expect(try r.readVarUInt32() == 127)
        #expect(try r.readVarUInt32() == 128)
        #expect(try r.readVarUInt32() == 624_485)
        #expect(try r.readVarUInt32() == UInt32.max)
        #expect(r.isAtEnd)
    }

    @Test("an unsigned 32-bit LEB with bits past 32 is rejected with its offset")
    func unsignedTooLarge() {
        var r = reader([0x00, 0xff, 0xff, 0xff, 0xff, 0x1f])
        _ = try? r.readVarUInt32()
        #expect(throws: DecodeError.integerTooLarge(at: 1, bits: 32)) { try r.readVarUInt32() }
    }

    @Test("an overlong LEB is rejected, an unterminated one asks for more input")
    func overlongAndUnterminated() {
        var overlong = reader([0x80, 0x80, 0x80, 0x80, 0x80, 0x00])
        #expect(throws: DecodeError.overlongLEB(at: 0, bits: 32)) { try overlong.readVarUInt32() }
        var unterminated = reader([0x80, 0x80])
        do {
            _ = try unterminated.readVarUInt32()
            Issue.record("expected an error")
        } catch {
            #expect(error.isUnexpectedEnd)
            #expect(error.offset == 0)
        }
    }

    @Test("signed values sign-extend at every width")
    func signed() throws {
        var r = reader([0x7f, 0x80, 0x7f, 0xc0, 0xbb, 0x78, 0xff, 0xff, 0xff, 0xff, 0x07, 0x80, 0x80, 0x80, 0x80, 0x78])
        #expect(try r.readVarInt32() == -1)
        #expect(try r.readVarInt32() == -128)
        #expect(try r.readVarInt32() == -123_456)
        #expect(try r.readVarInt32() == Int32.max)
        #expect(try r.readVarInt32() == Int32.min)
        var wide = reader([0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7f])
        #expect(try wide.readVarInt64() == Int64.min)
    }

    @Test("a signed 32-bit LEB whose unused bits disagree with the sign is rejected")
    func signedUnusedBits() {
        var r = reader([0xff, 0xff, 0xff, 0xff, 0x4f])
        #expect(throws: DecodeError.integerTooLarge(at: 0, bits: 32)) { try r.readVarInt32() }
    }
}
