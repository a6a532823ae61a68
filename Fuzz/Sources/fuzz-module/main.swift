import FuzzChecks
import FuzzDriver

// libFuzzer calls this with each input; see FuzzChecks.module for what is checked.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    runCheck(.module, data, size)
}

runFuzzer(fuzzTestOneInput)
