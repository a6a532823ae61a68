#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import BackgroundThreads

/// Timestamps for `Benchmarks/`: with `WASM_UNDEF_BENCHMARK_LOG=FILE`, the app appends one
/// line per milestone (`first-frame`, `sections`, `defined 8192`, `loaded`, `key j 1.234`):
/// the wall-clock time in nanoseconds since the epoch (comparable with `date +%s%N` in the
/// shell that started it: the one place a wall clock is read), the event, and for keys the
/// milliseconds from reading the key to the redrawn frame being handed to the terminal
/// (measured, as every duration in wasm-undef, with `ContinuousClock`).
struct BenchmarkLog {
    private let descriptor: Int32

    init?(path: String?) {
        guard let path, !path.isEmpty else { return nil }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return nil }
        self.descriptor = descriptor
    }

    static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }

    /// Milliseconds from `start` to `end`.
    static func milliseconds(_ start: ContinuousClock.Instant, _ end: ContinuousClock.Instant) -> Double {
        start.duration(to: end).milliseconds
    }

    func record(_ event: String) {
        var line = "\(Self.now()) \(event)\n"
        line.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            _ = write(descriptor, base, bytes.count)
        }
    }

    func close() {
        _ = Glibc.close(descriptor)
    }
}
