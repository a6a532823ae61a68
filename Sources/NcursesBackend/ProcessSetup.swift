import Glibc

/// Process-wide setup for a program that will run a TUI.
public enum ProcessSetup {
    /// Makes sure a Swift runtime crash never waits for a key: re-executes the program with
    /// `SWIFT_BACKTRACE=interactive=no` when `SWIFT_BACKTRACE` is not set.
    ///
    /// The backtracer reads `SWIFT_BACKTRACE` when the runtime loads, before `main`, so a
    /// `setenv` in `main` is too late (measured); on a terminal its default is to offer an
    /// interactive session after a crash, which under curses means a frozen screen waiting
    /// for a key. Call this first thing in `main`, before any thread or output. It keeps a
    /// value the user set, and it does nothing if the re-exec fails (the program goes on).
    public static func disableInteractiveBacktraces() {
        guard getenv("SWIFT_BACKTRACE") == nil else { return }
        setenv("SWIFT_BACKTRACE", "interactive=no", 1)
        #if os(Linux)
        let arguments = CommandLine.arguments.map { strdup($0) } + [nil]
        execv("/proc/self/exe", arguments)
        for argument in arguments { free(argument) }
        #endif
    }
}
