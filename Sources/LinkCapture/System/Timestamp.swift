#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A moment in UTC, to the millisecond: when a capture was made.
public struct Timestamp: Sendable, Hashable, Comparable {
    /// Seconds since 1970-01-01T00:00:00Z.
    public var seconds: Int
    public var milliseconds: Int

    public init(seconds: Int, milliseconds: Int = 0) {
        self.seconds = seconds
        self.milliseconds = milliseconds
    }

    /// The system clock now.
    public static func now() -> Timestamp {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Timestamp(seconds: Int(time.tv_sec), milliseconds: Int(time.tv_nsec) / 1_000_000)
    }

    /// Milliseconds from `self` to `later`.
    public func milliseconds(until later: Timestamp) -> Int {
        (later.seconds - seconds) * 1000 + later.milliseconds - milliseconds
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        (lhs.seconds, lhs.milliseconds) < (rhs.seconds, rhs.milliseconds)
    }

    private var fields: tm {
        var time = time_t(seconds)
        var fields = tm()
        gmtime_r(&time, &fields)
        return fields
    }

    private static func padded(_ value: Int32, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// `2026-05-20T10:11:12.345Z`.
    public var iso8601: String {
        let f = fields
        return "\(Self.padded(f.tm_year + 1900, 4))-\(Self.padded(f.tm_mon + 1, 2))-\(Self.padded(f.tm_mday, 2))"
            + "T\(Self.padded(f.tm_hour, 2)):\(Self.padded(f.tm_min, 2)):\(Self.padded(f.tm_sec, 2))"
            + ".\(Self.padded(Int32(milliseconds), 3))Z"
    }

    /// `20260520-101112.345`: sorts as time does and fits in a file name.
    public var folderStamp: String {
        let f = fields
        return "\(Self.padded(f.tm_year + 1900, 4))\(Self.padded(f.tm_mon + 1, 2))\(Self.padded(f.tm_mday, 2))"
            + "-\(Self.padded(f.tm_hour, 2))\(Self.padded(f.tm_min, 2))\(Self.padded(f.tm_sec, 2))"
            + ".\(Self.padded(Int32(milliseconds), 3))"
    }
}
