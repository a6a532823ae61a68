import FuzzChecks
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// libFuzzer's entry point for programs that keep their own `main` (the Swift runtime's):
/// parses libFuzzer's flags from `argc`/`argv` and calls `callback` with each input.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// The body of every `LLVMFuzzerTestOneInput`: runs `target`'s check and turns a finding
/// into a trap, which libFuzzer reports as a crash and saves the input for.
public func runCheck(_ target: FuzzChecks.Target, _ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    do {
        try FuzzChecks.check(target, UnsafeRawBufferPointer(start: size > 0 ? data : nil, count: size))
    } catch {
        fatalError("fuzz-\(target.rawValue): \(error)")
    }
    return 0
}

/// Hands the process to libFuzzer, which runs the inputs and flags of the command line.
public func runFuzzer(_ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
    var argc = CommandLine.argc
    var argv = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv, callback))
}
