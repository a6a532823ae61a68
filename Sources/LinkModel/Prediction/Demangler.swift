#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Symbol names as wasm-ld prints them (`maybeDemangleSymbol`): `__main_argc_argv` is always
/// `main`; otherwise Itanium C++ names are demangled unless `--no-demangle`.
///
/// The Itanium demangler is the C++ runtime's `__cxa_demangle`, found at run time (the Swift
/// runtime already links the C++ standard library). Rust v0 (`_R…`) names are left as they
/// are: LLVM would demangle them, so without `--no-demangle` a Rust diagnostic's name can
/// differ (rustc passes `--no-demangle`, so Rust links are unaffected).
public enum Demangler {
    private typealias CXADemangle = @convention(c) (
        UnsafePointer<CChar>?, UnsafeMutablePointer<CChar>?, UnsafeMutablePointer<Int>?, UnsafeMutablePointer<Int32>?
    ) -> UnsafeMutablePointer<CChar>?

    private static let cxaDemangle: CXADemangle? = {
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "__cxa_demangle") else { return nil }
        return unsafeBitCast(symbol, to: CXADemangle.self)
    }()

    /// The demangled Itanium name, or nil if `name` is not one (or no demangler is available).
    public static func itanium(_ name: String) -> String? {
        // LLVM's isItaniumEncoding: one to four underscores, then Z.
        guard let z = name.firstIndex(where: { $0 != "_" }), name[z] == "Z" else { return nil }
        let underscores = name.distance(from: name.startIndex, to: z)
        guard underscores >= 1, underscores <= 4, let cxaDemangle else { return nil }
        var status: Int32 = 0
        let result = name.withCString { cxaDemangle($0, nil, nil, &status) }
        guard let result else { return nil }
        defer { free(result) }
        return status == 0 ? String(cString: result) : nil
    }

    /// The name wasm-ld prints for `name`.
    public static func display(_ name: String, demangle: Bool) -> String {
        if name == "__main_argc_argv" { return "main" }
        guard demangle else { return name }
        return itanium(name) ?? name
    }
}
