#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import LinkCapture
import Synchronization

/// The real linker, running: started with the wrapper's own standard input, output and error
/// and environment, so what it reads and prints is untouched; signals that would stop the
/// wrapper are passed on to it.
struct LinkerProcess {
    let pid: pid_t

    /// How the linker ended.
    enum Termination {
        case exited(Int32)
        case signalled(Int32)
    }

    /// The running linker's process id, for the signal handlers (0: none).
    private static let running = Atomic<Int32>(0)

    /// Starts `linker` with `arguments`: the wrapper's own `argv[1...]` exactly as the caller
    /// passed them (raw C strings, so bytes that are not UTF-8 survive).
    static func start(_ linker: RealLinker, arguments: UnsafeBufferPointer<UnsafeMutablePointer<CChar>?>) throws(SpawnError) -> LinkerProcess {
        var owned = ([linker.path] + linker.leadingArguments).map { strdup($0) }
        defer { for pointer in owned { free(pointer) } }
        var argv: [UnsafeMutablePointer<CChar>?] = owned
        argv += arguments
        argv.append(nil)
        owned.append(nil)

        // Signals that arrive before the linker's id is known are held, then passed on.
        var forwarded = sigset_t(), original = sigset_t()
        sigemptyset(&forwarded)
        for signal in forwardedSignals { sigaddset(&forwarded, signal) }
        sigprocmask(SIG_BLOCK, &forwarded, &original)
        defer { sigprocmask(SIG_SETMASK, &original, nil) }
        for signal in forwardedSignals {
            Glibc.signal(signal) { received in
                let pid = LinkerProcess.running.load(ordering: .relaxed)
                if pid > 0 { kill(pid, received) }
            }
        }
        // The linker starts with the signal mask the wrapper was given, not the one held here.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setsigmask(&attributes, &original)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))

        var pid: pid_t = 0
        let result = argv.withUnsafeBufferPointer { argvPointer in
            withCurrentEnvironment { environment in
                posix_spawn(&pid, linker.path, nil, &attributes, argvPointer.baseAddress!, environment)
            }
        }
        guard result == 0 else {
            for signal in forwardedSignals { Glibc.signal(signal, SIG_DFL) }
            throw SpawnError(path: linker.path, reason: String(cString: strerror(result)))
        }
        running.store(pid, ordering: .relaxed)
        return LinkerProcess(pid: pid)
    }

    /// Signals that end a process by default and that a build tool sends to "the linker".
    private static let forwardedSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]

    /// Waits for the linker to end.
    func wait() -> Termination {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            if errno != EINTR { return .exited(127) }
        }
        LinkerProcess.running.store(0, ordering: .relaxed)
        // <sys/wait.h>'s macros, which Swift does not import.
        let signal = status & 0x7f
        if signal == 0 { return .exited((status >> 8) & 0xff) }
        return .signalled(signal)
    }

    /// Ends the wrapper as the linker ended: the same exit status, or the same signal.
    static func end(like termination: Termination) -> Never {
        switch termination {
        case .exited(let code):
            exit(code)
        case .signalled(let number):
            Glibc.signal(number, SIG_DFL)
            var unblock = sigset_t()
            sigemptyset(&unblock)
            sigaddset(&unblock, number)
            sigprocmask(SIG_UNBLOCK, &unblock, nil)
            raise(number)
            // A signal whose default is not to end the process: the shell's convention.
            exit(128 + number)
        }
    }
}

/// The linker could not be started.
struct SpawnError: Error {
    var path: String
    var reason: String
}
