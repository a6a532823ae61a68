/// Every duration wasm-undef measures (load statistics, key-to-frame times, input timeouts)
/// comes from one clock, `ContinuousClock`; a wall clock is read only where a date is
/// written down (a capture's manifest, the benchmark log's stamps).
extension Duration {
    /// The duration in milliseconds.
    public var milliseconds: Double {
        let parts = components
        return Double(parts.seconds) * 1000 + Double(parts.attoseconds) / 1e15
    }
}
