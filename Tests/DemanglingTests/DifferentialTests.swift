import Foundation
import Testing
import Demangling
import TestSupport

/// Demangler against llvm-cxxfilt on real names: the corpus's libraries and names built at test
/// time from the fixtures. Every difference must be one of the `KnownDifference`s.
@Suite("Demangling agrees with LLVM")
struct DifferentialTests {
    @Test(
        "every symbol of the corpus demangles as llvm-cxxfilt prints it",
        .enabled(if: Corpus.directory != nil, Comment(rawValue: Corpus.absence)),
        .enabled(if: ExternalTool.cxxfilt != nil, "llvm-cxxfilt not on PATH"),
        .enabled(if: ExternalTool.nm != nil, "no llvm-nm beside swift")
    )
    func corpus() throws {
        let cxxfilt = try #require(ExternalTool.cxxfilt), nm = try #require(ExternalTool.nm)
        let files = try Corpus.inputFiles()
        try #require(!files.isEmpty, "no objects, archives, rlibs or wasm modules in the corpus")
        let listing = try SymbolListing(files: files, nm: nm)
        try check(listing, label: "corpus, \(files.count) files", cxxfilt: cxxfilt)
    }

    @Test(
        "v0 names rustc mangles demangle as llvm-cxxfilt prints them",
        .enabled(if: ExternalTool.rustc != nil, "rustc not on PATH"),
        .enabled(if: ExternalTool.cxxfilt != nil, "llvm-cxxfilt not on PATH"),
        .enabled(if: ExternalTool.nm != nil, "no llvm-nm beside swift")
    )
    func rustV0() throws {
        let cxxfilt = try #require(ExternalTool.cxxfilt), nm = try #require(ExternalTool.nm)
        let rustc = try #require(ExternalTool.rustc)
        let scratch = try ScratchDirectory()
        let object = try Fixtures.rustObject("v0names.rs", rustc: rustc, in: scratch)
        let listing = try SymbolListing(files: [object], nm: nm)
        let v0 = listing.entries.filter { $0.name.hasPrefix("_R") }
        try #require(v0.count > 200, "expected a rich set of v0 names, got \(v0.count)")
        let version = try ExternalTool.run(rustc, ["--version"]).standardOutput
            .split(separator: " ").dropFirst().first.map(String.init) ?? "?"
        try check(SymbolListing(entries: v0), label: "rustc \(version) v0 fixture", cxxfilt: cxxfilt)
    }

    @Test(
        "v0 names with constants LLVM cannot print are rejected as llvm-cxxfilt rejects them",
        .enabled(if: ExternalTool.rustc != nil, "rustc not on PATH"),
        .enabled(if: ExternalTool.cxxfilt != nil, "llvm-cxxfilt not on PATH"),
        .enabled(if: ExternalTool.nm != nil, "no llvm-nm beside swift")
    )
    func rustV0UnstableConstants() throws {
        let cxxfilt = try #require(ExternalTool.cxxfilt), nm = try #require(ExternalTool.nm)
        let rustc = try #require(ExternalTool.rustc)
        let scratch = try ScratchDirectory()
        let object: URL
        do {
            // Stable rustc builds nightly features when asked this way; a rustc that rejects
            // the fixture's features makes this test moot, not failed.
            object = try Fixtures.rustObject(
                "v0names-unstable.rs", rustc: rustc, in: scratch, environment: ["RUSTC_BOOTSTRAP": "1"])
        } catch {
            let reason = "\(error)".split(separator: "\n").dropFirst().first { $0.hasPrefix("error") } ?? ""
            try Test.cancel(Comment(rawValue: "this rustc does not build the fixture: \(reason)"))
        }
        let listing = try SymbolListing(files: [object], nm: nm)
        let v0 = listing.entries.filter { $0.name.hasPrefix("_R") }
        try check(SymbolListing(entries: v0), label: "rustc v0 unstable constants", cxxfilt: cxxfilt)
        let rejected = v0.filter { Demangler.demangle($0.name) == nil }
        #expect(rejected.count >= 5, "str, ADT, tuple and array constants should make names undemangleable")
    }

    @Test(
        "C++ names clang mangles demangle as llvm-cxxfilt prints them",
        .enabled(if: ExternalTool.clangxx != nil, "no clang++ beside swift"),
        .enabled(if: ExternalTool.cxxfilt != nil, "llvm-cxxfilt not on PATH"),
        .enabled(if: ExternalTool.nm != nil, "no llvm-nm beside swift")
    )
    func itanium() throws {
        let cxxfilt = try #require(ExternalTool.cxxfilt), nm = try #require(ExternalTool.nm)
        let clangxx = try #require(ExternalTool.clangxx)
        let scratch = try ScratchDirectory()
        let object = try Fixtures.cxxObject("itanium.cpp", clangxx: clangxx, in: scratch)
        let listing = try SymbolListing(files: [object], nm: nm)
        try #require(listing.entries.filter { $0.name.hasPrefix("_Z") }.count > 80)
        try check(listing, label: "clang C++ fixture", cxxfilt: cxxfilt)
    }

    @Test(
        "mutated v0 names are accepted, rejected and printed as llvm-cxxfilt does",
        .enabled(if: ExternalTool.cxxfilt != nil, "llvm-cxxfilt not on PATH")
    )
    func mutatedRustV0() throws {
        let cxxfilt = try #require(ExternalTool.cxxfilt)
        var random = SplitMix64(seed: 0xfeed_0f_0b_ad)
        let seeds = RobustnessTests.seeds.filter { $0.hasPrefix("_R") }
        var names: [String] = []
        while names.count < RobustnessTests.rounds {
            let name = RobustnessTests.mutate(seeds[names.count % seeds.count], random: &random)
            // Keep names llvm-cxxfilt reads as one word and that still look like v0 names.
            if name.hasPrefix("_R"), SymbolListing.isSingleWord(name) { names.append(name) }
        }
        let llvm14 = try Cxxfilt.demangle(names, cxxfilt: cxxfilt)
        var agreeing = 0, demangled = 0
        var differences: [String] = []
        for (name, text) in zip(names, llvm14) {
            let ours = Demangler.demangle(name)
            if ours != nil { demangled += 1 }
            if (ours ?? name) == text {
                agreeing += 1
            } else if differences.count < 20 {
                differences.append("  \(name)\n    ours:   \(ours ?? name)\n    oracle: \(text)")
            }
        }
        print("demangling (mutated v0 names): \(agreeing)/\(names.count) agree with llvm-cxxfilt 14 (\(demangled) demangle)")
        #expect(agreeing == names.count, "differences:\n\(differences.joined(separator: "\n"))")
    }

    /// Compares with llvm-cxxfilt (the reference) and with the toolchain's `llvm-nm -C`, prints
    /// both agreement counts, and records every unexplained difference.
    private func check(_ listing: SymbolListing, label: String, cxxfilt: URL) throws {
        let names = listing.entries.map(\.name)
        let llvm14 = try Cxxfilt.demangle(names, cxxfilt: cxxfilt)
        let reference = Comparison(oracle: .llvm14, names: names, oracleTexts: llvm14, llvm14Texts: llvm14)
        let newer = Comparison(
            oracle: .newerLLVM, names: names, oracleTexts: listing.entries.map(\.newerLLVM), llvm14Texts: llvm14)
        let elapsed = ContinuousClock().measure {
            for name in names { _ = Demangler.demangle(name) }
        }
        print(reference.summary(label) + " (\(names.count) names demangled in \(elapsed))")
        print(newer.summary(label))
        // DEMANGLING_DIFFERENCES=FOLDER writes every difference, explained or not, for study.
        if let folder = ProcessInfo.processInfo.environment["DEMANGLING_DIFFERENCES"] {
            try reference.write(to: URL(fileURLWithPath: folder), label: label)
            try newer.write(to: URL(fileURLWithPath: folder), label: label)
        }
        #expect(reference.unexplained.isEmpty, "differences from llvm-cxxfilt:\n\(reference.unexplainedReport())")
        #expect(newer.unexplained.isEmpty, "differences from llvm-nm -C:\n\(newer.unexplainedReport())")
    }
}
