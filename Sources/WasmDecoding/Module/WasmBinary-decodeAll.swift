extension WasmBinary {
    /// Decodes every section this library knows, item by item, and for a relocatable object
    /// its symbols and every relocation: what the fuzzers and the robustness tests drive to
    /// reach every decoder path. Returns the number of items decoded.
    @discardableResult
    public func decodeAll() throws(DecodeError) -> Int {
        var items = 0
        func count<T>(_ vector: SectionVector<T>?) throws(DecodeError) {
            guard let vector else { return }
            try vector.forEach { _ in items += 1 }
        }
        try count(typeSection())
        try count(importSection())
        try count(functionSection())
        try count(tableSection())
        try count(memorySection())
        try count(globalSection())
        try count(exportSection())
        try count(elementSection())
        try count(codeSection())
        try count(dataSection())
        try count(tagSection())
        _ = try startFunction()
        _ = try dataCount()
        if let names = try nameSection() {
            _ = try names.moduleName()
            for kind in NameSection.Kind.allCases {
                try count(names.nameMap(kind))
                if let indirect = try names.indirectNameMap(kind) {
                    try indirect.forEach { association throws(DecodeError) in
                        items += 1
                        try association.names.forEach { _ in items += 1 }
                    }
                }
            }
        }
        items += try producersSection()?.fields.count ?? 0
        items += try targetFeaturesSection()?.features.count ?? 0
        items += try dylinkSection()?.neededLibraries.count ?? 0
        if isRelocatable {
            let object = try ObjectFile(self)
            items += object.symbols.count
            for group in try object.relocationGroups() {
                items += try object.relocations(in: group).count
            }
        } else {
            for (_, relocations) in try relocationSections() { try count(relocations.entries) }
        }
        return items
    }
}
