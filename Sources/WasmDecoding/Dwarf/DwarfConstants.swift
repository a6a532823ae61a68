/// The DWARF constants the readers use (DWARF 5, §7.5–7.22), by their spec names.
///
/// <https://dwarfstd.org/doc/DWARF5.pdf>, chapter 7, "Data Representation".
enum DW {
    // §7.5.4, Table 7.3: tags.
    static let tagClassType: UInt64 = 0x02
    static let tagEnumerationType: UInt64 = 0x04
    static let tagStructureType: UInt64 = 0x13
    static let tagUnionType: UInt64 = 0x17
    static let tagInlinedSubroutine: UInt64 = 0x1d
    static let tagCompileUnit: UInt64 = 0x11
    static let tagSubprogram: UInt64 = 0x2e
    static let tagVariable: UInt64 = 0x34
    static let tagNamespace: UInt64 = 0x39
    static let tagPartialUnit: UInt64 = 0x3c

    // §7.5.4, Table 7.5: attributes.
    static let atName: UInt64 = 0x03
    static let atStmtList: UInt64 = 0x10
    static let atLowPC: UInt64 = 0x11
    static let atHighPC: UInt64 = 0x12
    static let atLanguage: UInt64 = 0x13
    static let atCompDir: UInt64 = 0x1b
    static let atProducer: UInt64 = 0x25
    static let atAbstractOrigin: UInt64 = 0x31
    static let atDeclFile: UInt64 = 0x3a
    static let atDeclLine: UInt64 = 0x3b
    static let atDeclaration: UInt64 = 0x3c
    static let atSpecification: UInt64 = 0x47
    static let atDeclColumn: UInt64 = 0x39
    static let atLinkageName: UInt64 = 0x6e
    static let atStrOffsetsBase: UInt64 = 0x72
    static let atAddrBase: UInt64 = 0x73
    static let atMIPSLinkageName: UInt64 = 0x2007

    // §7.5.6, Table 7.6: forms.
    static let formAddr: UInt64 = 0x01
    static let formBlock2: UInt64 = 0x03
    static let formBlock4: UInt64 = 0x04
    static let formData2: UInt64 = 0x05
    static let formData4: UInt64 = 0x06
    static let formData8: UInt64 = 0x07
    static let formString: UInt64 = 0x08
    static let formBlock: UInt64 = 0x09
    static let formBlock1: UInt64 = 0x0a
    static let formData1: UInt64 = 0x0b
    static let formFlag: UInt64 = 0x0c
    static let formSData: UInt64 = 0x0d
    static let formStrp: UInt64 = 0x0e
    static let formUData: UInt64 = 0x0f
    static let formRefAddr: UInt64 = 0x10
    static let formRef1: UInt64 = 0x11
    static let formRef2: UInt64 = 0x12
    static let formRef4: UInt64 = 0x13
    static let formRef8: UInt64 = 0x14
    static let formRefUData: UInt64 = 0x15
    static let formIndirect: UInt64 = 0x16
    static let formSecOffset: UInt64 = 0x17
    static let formExprloc: UInt64 = 0x18
    static let formFlagPresent: UInt64 = 0x19
    static let formStrx: UInt64 = 0x1a
    static let formAddrx: UInt64 = 0x1b
    static let formRefSup4: UInt64 = 0x1c
    static let formStrpSup: UInt64 = 0x1d
    static let formData16: UInt64 = 0x1e
    static let formLineStrp: UInt64 = 0x1f
    static let formRefSig8: UInt64 = 0x20
    static let formImplicitConst: UInt64 = 0x21
    static let formLoclistx: UInt64 = 0x22
    static let formRnglistx: UInt64 = 0x23
    static let formRefSup8: UInt64 = 0x24
    static let formStrx1: UInt64 = 0x25
    static let formStrx2: UInt64 = 0x26
    static let formStrx3: UInt64 = 0x27
    static let formStrx4: UInt64 = 0x28
    static let formAddrx1: UInt64 = 0x29
    static let formAddrx2: UInt64 = 0x2a
    static let formAddrx3: UInt64 = 0x2b
    static let formAddrx4: UInt64 = 0x2c
    static let formGNUAddrIndex: UInt64 = 0x1f01
    static let formGNUStrIndex: UInt64 = 0x1f02
    static let formGNURefAlt: UInt64 = 0x1f20
    static let formGNUStrpAlt: UInt64 = 0x1f21

    // §7.5.1, Table 7.2: unit types (DWARF 5).
    static let unitCompile: UInt8 = 0x01
    static let unitType: UInt8 = 0x02
    static let unitPartial: UInt8 = 0x03
    static let unitSkeleton: UInt8 = 0x04
    static let unitSplitCompile: UInt8 = 0x05
    static let unitSplitType: UInt8 = 0x06

    // §7.22, Tables 7.25–7.27: line number opcodes and content types.
    static let lnsCopy: UInt8 = 1
    static let lnsAdvancePC: UInt8 = 2
    static let lnsAdvanceLine: UInt8 = 3
    static let lnsSetFile: UInt8 = 4
    static let lnsSetColumn: UInt8 = 5
    static let lnsNegateStmt: UInt8 = 6
    static let lnsSetBasicBlock: UInt8 = 7
    static let lnsConstAddPC: UInt8 = 8
    static let lnsFixedAdvancePC: UInt8 = 9
    static let lnsSetPrologueEnd: UInt8 = 10
    static let lnsSetEpilogueBegin: UInt8 = 11
    static let lnsSetISA: UInt8 = 12
    static let lneEndSequence: UInt8 = 1
    static let lneSetAddress: UInt8 = 2
    static let lneDefineFile: UInt8 = 3
    static let lneSetDiscriminator: UInt8 = 4
    static let lnctPath: UInt64 = 1
    static let lnctDirectoryIndex: UInt64 = 2
}
