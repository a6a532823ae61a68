import TextFormatting

/// `link.json` in and out.
///
/// ```json
/// { "schema": "wasm-undef.capture/1",
///   "created": "2026-05-20T10:11:12.345Z",
///   "invoked_as": "/home/me/bin/wasm-undef-ld",
///   "working_directory": "/home/me/app",
///   "arguments": ["-m", "wasm32", "/tmp/main-1b9176.o", "-lc", "-o", "app.wasm"],
///   "expanded_arguments": ["-m", "wasm32", "/tmp/main-1b9176.o", "-lc", "-o", "app.wasm"],
///   "linker": {"path": "/usr/bin/wasm-ld", "leading_arguments": [], "program_name": "wasm-ld", "found_by": "PATH"},
///   "output": "app.wasm",
///   "digest_algorithm": "xxh64",
///   "files": [{"path": "/tmp/main-1b9176.o", "original": "/tmp/main-1b9176.o", "role": "input",
///              "library": null, "crate": null, "stored": "files/00-main-1b9176.o", "size": 412,
///              "digest": "9f2c…", "error": null}],
///   "missing_libraries": [], "problems": [],
///   "result": {"exit_status": 1, "signal": null, "milliseconds": 14} }
/// ```
extension CaptureManifest {
    /// The manifest as a JSON document.
    public var json: String {
        var json = JSONWriter()
        json.object { json in
            json.field("schema", Self.schema)
            json.field("created", created)
            json.field("invoked_as", invokedAs)
            json.field("working_directory", workingDirectory)
            json.field("arguments", strings: arguments)
            json.field("expanded_arguments", strings: expandedArguments)
            if let linker {
                json.object("linker") { json in
                    json.field("path", linker.path)
                    json.field("leading_arguments", strings: linker.leadingArguments)
                    json.field("program_name", linker.programName)
                    json.field("found_by", linker.foundBy)
                }
            } else {
                json.field("linker", nil as String?)
            }
            json.field("output", output)
            json.field("digest_algorithm", Self.digestAlgorithm)
            json.array("files") { json in
                for file in files {
                    json.object { json in
                        json.field("path", file.path)
                        json.field("original", FileSystem.absolute(file.path, from: workingDirectory))
                        json.field("role", file.role.rawValue)
                        json.field("library", file.library)
                        json.field("crate", file.crateName)
                        json.field("stored", file.stored)
                        json.field("size", file.size)
                        json.field("digest", file.digest)
                        json.field("error", file.error)
                    }
                }
            }
            json.field("missing_libraries", strings: missingLibraries)
            json.field("problems", strings: problems)
            if let result {
                json.object("result") { json in
                    json.field("exit_status", result.exitStatus)
                    json.field("signal", result.signal)
                    json.field("milliseconds", result.milliseconds)
                }
            } else {
                json.field("result", nil as String?)
            }
        }
        return json.document
    }

    /// Reads a manifest; `path` names it in errors.
    public init(json text: String, path: String) throws(CaptureError) {
        let document: JSONValue
        do {
            document = try JSONValue.parse(text)
        } catch {
            throw .malformed(path, error.description)
        }
        guard document["schema"]?.string == Self.schema else {
            throw .malformed(path, "schema is not \(Self.schema)")
        }
        func string(_ value: JSONValue?, _ name: String) throws(CaptureError) -> String {
            guard let text = value?.string else { throw .malformed(path, "\(name) is not a string") }
            return text
        }
        func optionalString(_ value: JSONValue?, _ name: String) throws(CaptureError) -> String? {
            guard let value, !value.isNull else { return nil }
            return try string(value, name)
        }
        func optionalInt(_ value: JSONValue?, _ name: String) throws(CaptureError) -> Int? {
            guard let value, !value.isNull else { return nil }
            guard let number = value.int else { throw .malformed(path, "\(name) is not an integer") }
            return number
        }
        func strings(_ value: JSONValue?, _ name: String) throws(CaptureError) -> [String] {
            guard let values = value?.array else { throw .malformed(path, "\(name) is not an array") }
            var result: [String] = []
            for element in values { result.append(try string(element, name)) }
            return result
        }

        var linker: RealLinker?
        if let entry = document["linker"], !entry.isNull {
            linker = RealLinker(path: try string(entry["path"], "linker.path"),
                                leadingArguments: try strings(entry["leading_arguments"], "linker.leading_arguments"),
                                foundBy: try optionalString(entry["found_by"], "linker.found_by") ?? "")
        }
        var files: [CapturedFile] = []
        for entry in document["files"]?.array ?? [] {
            let roleName = try string(entry["role"], "files[].role")
            guard let role = CapturedFile.Role(rawValue: roleName) else { throw .malformed(path, "unknown file role \(roleName)") }
            files.append(CapturedFile(
                path: try string(entry["path"], "files[].path"), role: role,
                library: try optionalString(entry["library"], "files[].library"),
                stored: try optionalString(entry["stored"], "files[].stored"),
                size: try optionalInt(entry["size"], "files[].size"),
                digest: try optionalString(entry["digest"], "files[].digest"),
                error: try optionalString(entry["error"], "files[].error")))
        }
        var result: LinkResult?
        if let entry = document["result"], !entry.isNull {
            result = LinkResult(exitStatus: try optionalInt(entry["exit_status"], "result.exit_status"),
                                signal: try optionalInt(entry["signal"], "result.signal"),
                                milliseconds: try optionalInt(entry["milliseconds"], "result.milliseconds") ?? 0)
        }
        self.init(
            created: try string(document["created"], "created"),
            invokedAs: try optionalString(document["invoked_as"], "invoked_as") ?? "",
            workingDirectory: try string(document["working_directory"], "working_directory"),
            arguments: try strings(document["arguments"], "arguments"),
            expandedArguments: try strings(document["expanded_arguments"], "expanded_arguments"),
            linker: linker,
            output: try optionalString(document["output"], "output"),
            files: files,
            missingLibraries: try strings(document["missing_libraries"] ?? .array([]), "missing_libraries"),
            problems: try strings(document["problems"] ?? .array([]), "problems"),
            result: result)
    }
}
