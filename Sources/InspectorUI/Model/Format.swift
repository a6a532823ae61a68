/// Number spellings shared by the panes and the detail view.
public enum Format {
    /// `12 B`, `1.6 KiB`, `70.9 MiB`.
    public static func size(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes) B" }
        let units = ["KiB", "MiB", "GiB", "TiB"]
        var value = Double(bytes) / 1024
        var unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10) \(units[unit])"
    }

    /// `89,060`.
    public static func count(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return value < 0 ? "-" + result : result
    }

    /// `0x2943`.
    public static func hex(_ value: Int) -> String {
        "0x" + String(value, radix: 16)
    }

    /// `value` in `width` hex digits, zero-padded.
    public static func hex(_ value: Int, digits width: Int) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    /// `1 error`, `2 errors`.
    public static func plural(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(Format.count(count)) " + (count == 1 ? singular : plural ?? singular + "s")
    }
}
