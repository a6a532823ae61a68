#if canImport(Glibc)
import Glibc
#endif
import Testing
import Workspace

/// The I/O of the findings: library files found in search folders and catalogued.
@Suite("Libraries not linked")
struct LibraryCatalogTests {
    static let folder = "/usr/lib/wasm32-wasi"

    @Test("a library on a search path is found through its symbol index, with the flag to add",
          .enabled(if: access(folder + "/libc.a", F_OK) == 0, "Debian's wasi-libc is not installed (apt-get install wasi-libc)"))
    func wasiLibc() throws {
        let folder = Self.folder
        let catalog = LibraryFolders.catalog(folders: [folder], linkSearchFolders: [folder])
        let printf = try #require(catalog.definitions(of: "printf").first)
        #expect(printf.linkFlag == "-lc")
        #expect(printf.displayName == "libc.a(printf.o)")
        #expect(catalog.definitions(of: "definitely_not_in_libc").isEmpty)
        let crt = try #require(catalog.definitions(of: "_start").first)
        #expect(crt.linkFlag.hasSuffix("crt1-command.o") || crt.linkFlag.hasSuffix("crt1.o"))
    }
}
