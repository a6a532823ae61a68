/// Where `FuzzChecks.stream` cuts its input, read from the input's first bytes so that the
/// fuzzer mutates the cuts along with the module.
///
/// Byte 0: bits 0–2 the number of cuts, bit 7 "feed one byte at a time". Then two bytes per
/// cut, a little-endian position taken modulo the module's length plus one. The rest is the
/// module. An empty input is an empty module fed whole.
struct StreamSplit: Sendable, CustomStringConvertible {
    var oneByteAtATime = false
    var cuts: [Int] = []
    /// Where the module starts in the input.
    var moduleStart = 0

    init(_ bytes: UnsafeRawBufferPointer) {
        guard let control = bytes.first else { return }
        oneByteAtATime = control & 0x80 != 0
        let cutCount = Int(control & 0x07)
        var position = 1
        while cuts.count < cutCount, position + 2 <= bytes.count {
            cuts.append(Int(bytes[position]) | Int(bytes[position + 1]) << 8)
            position += 2
        }
        moduleStart = position
    }

    /// The end of each chunk for a module of `count` bytes, ascending, the last one `count`.
    func chunkEnds(count: Int) -> [Int] {
        guard count > 0 else { return [] }
        if oneByteAtATime { return Array(1...count) }
        var ends = Set(cuts.map { $0 % (count + 1) })
        ends.insert(count)
        ends.remove(0)
        return ends.sorted()
    }

    var description: String {
        oneByteAtATime ? "single bytes" : cuts.isEmpty ? "one chunk" : "chunks cut at \(cuts)"
    }
}
