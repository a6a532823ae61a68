/// What an input (a file, or an archive member) holds, from its first bytes.
public enum InputKind: Sendable, Hashable, CustomStringConvertible {
    /// A relocatable wasm object (has a `linking` section).
    case object
    /// A linked wasm module.
    case module
    /// A component-model binary.
    case component
    /// An `ar` archive.
    case archive
    /// LLVM bitcode (LTO inputs): not modelled.
    case llvmBitcode
    /// Rust crate metadata (`lib.rmeta` in an rlib).
    case rustMetadata
    /// A wasm-ld `#STUB` library (text).
    case stubLibrary
    /// Anything else.
    case unknown

    /// `object`, `module`, `archive`, … as reports print it.
    public var description: String {
        switch self {
        case .object: "object"
        case .module: "module"
        case .component: "component"
        case .archive: "archive"
        case .llvmBitcode: "llvm-bitcode"
        case .rustMetadata: "rust-metadata"
        case .stubLibrary: "stub-library"
        case .unknown: "unknown"
        }
    }

    /// Whether wasm-undef decodes this kind.
    public var isWasm: Bool { self == .object || self == .module || self == .component }

    /// Classifies bytes. A wasm binary is an object when a section walk finds `linking`
    /// (headers only; a malformed binary classifies as a module and fails when decoded).
    public static func classify(_ window: ByteWindow, name: String? = nil) -> InputKind {
        let head = window.slice(relative: 0..<min(8, window.count)).bytes
        if head.starts(with: ModuleHeader.magic) {
            guard head.count >= 8 else { return .module }
            if head[6] == 1, head[7] == 0 { return .component }
            return hasLinkingSection(window) ? .object : .module
        }
        if Archive.hasSignature(window) { return .archive }
        if head.starts(with: [0x42, 0x43, 0xc0, 0xde]) || head.starts(with: [0xde, 0xc0, 0x17, 0x0b]) { return .llvmBitcode }
        if head.starts(with: Array("rust".utf8)) || name == "lib.rmeta" || (name?.hasSuffix(".rmeta") ?? false) { return .rustMetadata }
        if head.starts(with: Array("#STUB".utf8)) { return .stubLibrary }
        return .unknown
    }

    private static func hasLinkingSection(_ window: ByteWindow) -> Bool {
        guard let binary = try? WasmBinary(window) else { return false }
        return binary.isRelocatable
    }
}
