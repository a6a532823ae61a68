import FuzzChecks
import FuzzDriver

// libFuzzer calls this with each input; see FuzzChecks.link for what is checked.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    runCheck(.link, data, size)
}

runFuzzer(fuzzTestOneInput)
