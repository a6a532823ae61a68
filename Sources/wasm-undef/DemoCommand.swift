import ArgumentParser
import DemoLink
import TextFormatting

/// `wasm-undef demo [DIR]`: writes the bundled demo link's files, to try every command on.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Write the bundled demo link (app.o, mylib.o, libcompress.a) to a folder.",
        discussion: """
            The demo shows each way an undefined symbol goes wrong: a typo (mylibraryinit for \
            mylibrary_init), a library left off the link line (libcompress.a), an explicit host \
            import, an undefined data symbol, a weak reference, and import_module without \
            import_name. Its link line is: app.o mylib.o
            """
    )

    @Argument(help: "Folder to write the files to (created if missing).")
    var folder: String = "wasm-undef-demo"

    @Flag(help: "Replace files that already exist.")
    var force = false

    func run() throws {
        try SafeFileWriter.createDirectory(folder)
        for file in DemoLink.files {
            let path = folder + "/" + file.name
            try SafeFileWriter.write(file.bytes, to: path, overwrite: force)
            emit(TerminalSafe.escape(path) + "\n")
        }
    }
}
