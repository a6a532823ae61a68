#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Calls `body` with the process's environment block, to hand it unchanged to the real linker
/// (an empty block when the process has none).
func withCurrentEnvironment<Result>(_ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) -> Result) -> Result {
    let block: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = environ
    if let block { return body(UnsafePointer(block)) }
    let empty: [UnsafeMutablePointer<CChar>?] = [nil]
    return empty.withUnsafeBufferPointer { body($0.baseAddress!) }
}
