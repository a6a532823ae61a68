import WasmDecoding

extension ResolvedLink {
    /// The section walks of the loaded objects wasm-ld names `inputs` (`a.o`,
    /// `libc.a(printf.o)`): for readers of what resolution never decodes, such as the DWARF
    /// that places a reference in the source. The walks are the current bytes of this load.
    public func binaries(ofInputs inputs: Set<String>) -> [String: WasmBinary] {
        var result: [String: WasmBinary] = [:]
        for fileID in linker.objectFiles {
            let file = linker.files[fileID]
            if inputs.contains(file.name), let binary = file.binary { result[file.name] = binary }
        }
        return result
    }
}
