/// Shell quoting for paths printed as part of a command to copy and paste.
public enum ShellQuoting {
    /// `path` as is when the shell would read it back unchanged, else in single quotes.
    public static func quoted(_ path: String) -> String {
        let plain = !path.isEmpty && path.unicodeScalars.allSatisfy { scalar in
            (scalar.value >= 0x30 && scalar.value <= 0x39) || (scalar.value >= 0x41 && scalar.value <= 0x5a)
                || (scalar.value >= 0x61 && scalar.value <= 0x7a) || "._+-/=:,@%".unicodeScalars.contains(scalar)
        }
        if plain { return path }
        return "'" + path.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }
}
