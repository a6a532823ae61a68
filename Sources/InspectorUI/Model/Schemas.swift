/// The columns of each pane.
public enum Schemas {
    /// Sections: index, input (when there are several), name, offset, size, count.
    public static func sections(multipleInputs: Bool) -> TableSchema {
        var columns = [
            Column("#", width: 2, trailing: true, valueSlot: 0, priority: 5),
            Column("name", width: 8, flexible: true, weight: 2),
            Column("offset", width: 6, trailing: true, valueSlot: 1, priority: 3),
            Column("size", width: 7, trailing: true, valueSlot: 2),
            Column("count", width: 5, trailing: true, valueSlot: 3, priority: 4),
        ]
        if multipleInputs {
            columns.insert(Column("input", width: 7, flexible: true, weight: 2, priority: 2), at: 1)
        }
        return TableSchema(columns: columns, nameColumn: multipleInputs ? 2 : 1)
    }

    /// Defined symbols of a link: name, kind, binding, defining input, size, flags.
    public static let definedInLink = TableSchema(
        columns: [
            Column("name", width: 16, flexible: true, weight: 3),
            Column("kind", width: 5),
            Column("binding", width: 6, priority: 4),
            Column("input", width: 7, flexible: true, weight: 1, priority: 2),
            Column("size", width: 5, trailing: true, valueSlot: 0, priority: 3),
            Column("flags", width: 5, flexible: true, weight: 1, priority: 5),
        ],
        nameColumn: 0, markWidth: 2)

    /// Defined elements of a linked module: name, kind, type, flags (and input, for several).
    public static func definedInModule(multipleInputs: Bool) -> TableSchema {
        var columns = [
            Column("name", width: 16, flexible: true, weight: 3),
            Column("kind", width: 5),
            Column("type", width: 8, flexible: true, weight: 1, priority: 2),
            Column("flags", width: 5, priority: 3),
        ]
        if multipleInputs { columns.append(Column("input", width: 7, flexible: true, weight: 1, priority: 4)) }
        return TableSchema(columns: columns, nameColumn: 0, markWidth: 2)
    }

    /// A linked module's imports as its undefined interface: name, kind, type, module, what it is.
    public static let undefinedInModule = TableSchema(
        columns: [
            Column("name", width: 16, flexible: true, weight: 3),
            Column("kind", width: 5),
            Column("type", width: 8, flexible: true, weight: 1, priority: 2),
            Column("module", width: 6, flexible: true, weight: 1, priority: 1),
            Column("what it is", width: 10, flexible: true, weight: 2),
        ],
        nameColumn: 0, markWidth: 2)

    /// Undefined symbols: name, kind, type, explicit import, referenced by, outcome.
    public static let undefined = TableSchema(
        columns: [
            Column("name", width: 16, flexible: true, weight: 3),
            Column("kind", width: 9),
            Column("type", width: 8, flexible: true, weight: 1, priority: 2),
            Column("import name", width: 6, flexible: true, weight: 1, priority: 4),
            Column("referenced by", width: 8, flexible: true, weight: 1, priority: 3),
            Column("outcome", width: 10, flexible: true, weight: 2),
        ],
        nameColumn: 0, markWidth: 3)

    /// Undefined symbols with source lines (`--source-lines` data from the inputs' DWARF): the
    /// first use's `file:line:column` after who references it.
    public static let undefinedWithSources: TableSchema = {
        var schema = undefined
        schema.columns.insert(Column("source", width: 10, flexible: true, weight: 2, priority: 3), at: schema.columns.count - 1)
        return schema
    }()

    /// Imports: module.name, kind, type, symbol (or, for a module, what the entry is).
    public static let imports = TableSchema(
        columns: [
            Column("import", width: 12, flexible: true, weight: 2),
            Column("kind", width: 5),
            Column("type", width: 8, flexible: true, weight: 1, priority: 1),
            Column("symbol", width: 6, flexible: true, weight: 1, priority: 2),
        ],
        nameColumn: 0, markWidth: 2)

    /// A linked module's import section: module.name, kind, type, what an `env` function is.
    public static let importsInModule = TableSchema(
        columns: [
            Column("import", width: 12, flexible: true, weight: 2),
            Column("kind", width: 5),
            Column("type", width: 8, flexible: true, weight: 1, priority: 1),
            Column("what it is", width: 6, flexible: true, weight: 1, priority: 2),
        ],
        nameColumn: 0, markWidth: 2)

    /// Findings: severity, what kind of finding, the message.
    public static let findings = TableSchema(
        columns: [
            Column("severity", width: 7, priority: 2),
            Column("category", width: 8, priority: 1),
            Column("message", width: 20, flexible: true, weight: 6),
        ],
        nameColumn: nil, markWidth: 2)
}
