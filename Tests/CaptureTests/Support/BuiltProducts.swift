import Foundation
import TestSupport

/// The executables the capture tests run.
enum BuiltProducts {
    static let packageRoot = BuiltProduct.packageRoot
    static var wrapper: URL { get throws { try BuiltProduct.named("wasm-undef-ld") } }
    static var cli: URL { get throws { try BuiltProduct.named("wasm-undef") } }
}
