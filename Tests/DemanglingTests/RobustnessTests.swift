import Foundation
import Testing
import Demangling
import TestSupport

/// Hostile and broken names: mutations of real names, and names crafted to blow up. Nothing
/// may crash, hang or take long; a crash fails the whole test run.
@Suite("Robustness", .timeLimit(.minutes(2)))
struct RobustnessTests {
    /// Real names of every scheme, the seeds of the mutations.
    static let seeds = [
        "_ZN5mylib4initEv",
        "_ZNSt3__16vectorIiNS_9allocatorIiEEE9push_backEOi",
        "_ZZ4mainENKUliE0_clEi",
        "_ZZ7counterIiERivE5calls",
        "_Z1fIiEDTcl1gfp_EET_",
        "_Z3foov.constprop.0.isra.1",
        "_ZNSt3__210unique_ptrINS_14__shared_countENS_22__release_shared_countEEC2B8ne190106ILb1EvEEPS1_",
        "_ZNSt3__224__barrier_algorithm_base9__state_tUt_C2Ev",
        "_ZTv0_n24_N1A1fEv",
        // Longer than 256 bytes: demangled on the helper thread with a large stack.
        "_ZN" + String(repeating: "3abc", count: 70) + "IiEEvT_",
        "_ZN60_$LT$alloc..string..String$u20$as$u20$core..fmt..Display$GT$3fmt17h0123456789abcdefE.llvm.12",
        "_ZN4core3ptr85drop_in_place$LT$std..rt..lang_start$LT$$LP$$RP$$GT$..$u7b$$u7b$closure$u7d$$u7d$$GT$17h0123456789abcdefE",
        "_RNvMs1_Cs2o3gBukAfb0_7v0namesINtB5_4WrapIBs_ThAtj3_RmEEE3getB5_",
        "_RINvCs2o3gBukAfb0_7v0names2idINtNtCsgEmfK2I1SDS_4core6option6OptionFG0_RL1_hQL0_SRL1_eERL1_hEEB2_",
        "_RINvCs2o3gBukAfb0_7v0names11dyn_genericDG_INtNtNtCsgEmfK2I1SDS_4core3ops8function2FnTRL0_hEEp6OutputbEL_EB2_",
        "_RNvMs4_Cs2o3gBukAfb0_7v0namesINtB5_3BigKoffffffffffffffffffffffffffffffff_Kxn8000000000000000_E3valB5_",
        "_RNvMs3_Cs2o3gBukAfb0_7v0namesINtB5_5FlagsKb0_Kc1f600_Kl0_E4showB5_",
        "_RNvMs5_Cs2o3gBukAfb0_7v0namesINtB5_u9and_jja2shEu7obk301zB5_",
        "_RINvNtCs2o3gBukAfb0_7v0namesu7gfs105bu7bbrz78bcEB4_",
        "_RNCNvNtCslNYArtu3iFV_5alloc3fmt6format0Cs2o3gBukAfb0_7v0names",
    ]

    /// How many mutated names each fuzz-style test tries: `DEMANGLING_FUZZ_ROUNDS`, or 20,000.
    static let rounds = ProcessInfo.processInfo.environment["DEMANGLING_FUZZ_ROUNDS"].flatMap { Int($0) } ?? 20_000

    /// Bytes mutations insert: the mangling alphabets, plus a few that never occur.
    static let alphabet = Array("_ZRNCMXYIEBKLGDFPOQRSTAUpuvzs0123456789abcdefhjlmnoxyt.$\u{0}\u{7f}é".utf8)

    @Test("seeded mutations of real names never crash and stay fast")
    func mutations() {
        var random = SplitMix64(seed: 0x5eed_de4a_6b1e)
        let clock = ContinuousClock()
        var slowest = Duration.zero
        var slowestName = ""
        var demangled = 0
        let total = clock.measure {
            for round in 0..<Self.rounds {
                let name = Self.mutate(Self.seeds[round % Self.seeds.count], random: &random)
                let start = clock.now
                if Demangler.demangle(name) != nil { demangled += 1 }
                _ = Demangler.demangle(name, style: .readableRust)
                let elapsed = clock.now - start
                if elapsed > slowest { (slowest, slowestName) = (elapsed, name) }
            }
        }
        print("demangling robustness: \(Self.rounds) mutations in \(total), \(demangled) still demangle, slowest \(slowest): \(slowestName)")
        #expect(demangled > Self.rounds / 20, "mutations should not all be broken beyond repair")
    }

    @Test("a backreference chain that doubles the output each level is cut off")
    func exponentialBackreferences() {
        // Each tuple holds two backreferences to the previous tuple: 2^60 leaves if followed.
        var body = Array("INvC1a1f".utf8)
        var previous = body.count
        body += Array("h".utf8)
        for _ in 0..<60 {
            let start = body.count
            let reference = Array("B\(Self.base62(previous))".utf8)
            body += Array("T".utf8) + reference + reference + Array("E".utf8)
            previous = start
        }
        body += Array("E".utf8)
        let name = "_R" + String(decoding: body, as: UTF8.self)
        // A hang here is caught by the suite's time limit; the result must be a refusal.
        #expect(Demangler.demangle(name) == nil)
    }

    @Test("backreferences to themselves and forward are rejected", arguments: [
        "_RNvB_3foo", "_RNvB0_3foo", "_RINvC1a1fB9_E", "_RINvC1a1fBzzzzzzzzzzzzzzzzzzzz_E",
    ])
    func badBackreferences(name: String) {
        #expect(Demangler.demangle(name) == nil)
    }

    @Test("nesting beyond LLVM's limit of 500 is rejected, and within it fits a 512 KiB stack")
    func deepNesting() {
        func nested(_ levels: Int) -> String {
            // Each generic type is two levels (a path and a type).
            "_RINvC7mycrate3foo" + String(repeating: "INtC1a1S", count: levels / 2) + "h"
                + String(repeating: "E", count: levels / 2) + "E"
        }
        let accepted = nested(496), rejected = nested(520)
        // Sanitizers (.ci/sanitizers) make every frame several times larger.
        let stack = ProcessInfo.processInfo.environment["WASM_UNDEF_SANITIZER"] == nil ? 512 * 1024 : 8 * 1024 * 1024
        let results = onThread(stackSize: stack) {
            (Demangler.demangle(accepted) != nil, Demangler.demangle(rejected) == nil)
        }
        #expect(results?.0 == true)
        #expect(results?.1 == true)
        let slices = "_RINvC7mycrate3foo" + String(repeating: "S", count: 100_000) + "hE"
        #expect(Demangler.demangle(slices) == nil)
    }

    @Test("huge numbers, binders, lengths and Punycode are rejected without overflow", arguments: [
        "_RNvC99999999999999999999999mycrate3foo",
        "_RNvCs99999999999999999999999_7mycrate3foo",
        "_RINvC1a1fFGzzzzzzzzzzzz_EuE",
        "_RINvC1a1fFGq_RL0_hEuE",
        "_RNvCu20_zzzzzzzzzzzzzzzzzzzz3foo",
        "_RNvCu12_999999999999999",
        "_ZN99999999999999999999999mylibE",
        "_Z1f" + String(repeating: "P", count: 5_000) + "v",
    ])
    func hugeValues(name: String) {
        #expect(Demangler.demangle(name) == nil)
    }

    @Test("large but well-formed binders and constants are printed as LLVM prints them")
    func largeValues() {
        #expect(Demangler.demangle("_RINvC1a1fFG9_RL0_hEuE")
            == "a::f::<for<'a, 'b, 'c, 'd, 'e, 'f, 'g, 'h, 'i, 'j, 'k> fn(&'k u8)>")
        #expect(Demangler.demangle("_RINvC1a1fKj99999999999999999999999999999999999999_E")
            == "a::f::<0x99999999999999999999999999999999999999>")
        // Thirty bound lifetimes: `'a`…`'z`, then `'z1`…`'z4`; the name must be long enough to
        // refer to them all, so the crate name is padded.
        let crate = String(repeating: "a", count: 40)
        let lifetimes = (0..<30).map { $0 < 26 ? "'" + String(UnicodeScalar(UInt8(97 + $0))) : "'z\($0 - 25)" }
        #expect(Demangler.demangle("_RINvC40\(crate)1fFGs_RL0_hRLt_hEuE")
            == "\(crate)::f::<for<\(lifetimes.joined(separator: ", "))> fn(&'z4 u8, &'a u8)>")
    }

    @Test("a legacy Rust name with many dots is demangled without quadratic blowup")
    func manyDots() {
        let element = String(repeating: "a..", count: 2_000) + "b"
        let name = "_ZN3foo\(element.utf8.count)\(element)17h0123456789abcdefE.llvm.1"
        #expect(Demangler.demangle(name, style: .readableRust)?.hasSuffix("::b::h0123456789abcdef (.llvm.1)") == true)
    }

    @Test("demangling from many threads at once gives the same results")
    func concurrentUse() async {
        let expected = Self.seeds.map { Demangler.demangle($0) }
        await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<8 {
                group.addTask { Self.seeds.map { Demangler.demangle($0) } == expected }
            }
            for await same in group { #expect(same) }
        }
    }

    // MARK: - Helpers

    static func mutate(_ seed: String, random: inout SplitMix64) -> String {
        var bytes = Array(seed.utf8)
        for _ in 0..<(1 + Int(random.next() % 4)) {
            let position = Int(random.next() % UInt64(bytes.count + 1))
            switch random.next() % 6 {
            case 0: bytes = Array(bytes[..<position])                                         // truncate
            case 1 where position < bytes.count:                                                // replace
                bytes[position] = alphabet[Int(random.next() % UInt64(alphabet.count))]
            case 2: bytes.insert(alphabet[Int(random.next() % UInt64(alphabet.count))], at: position) // insert
            case 3 where position < bytes.count: bytes.remove(at: position)                    // delete
            case 4:                                                                             // duplicate a run
                let length = Int(random.next() % 12)
                let end = min(bytes.count, position + length)
                bytes.insert(contentsOf: bytes[position..<end], at: end)
            default:                                                                            // splice another seed
                let other = Array(seeds[Int(random.next() % UInt64(seeds.count))].utf8)
                let cut = Int(random.next() % UInt64(other.count))
                bytes = Array(bytes[..<position]) + other[cut...]
            }
            if bytes.isEmpty { bytes = Array(seed.utf8) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func base62(_ value: Int) -> String {
        // v0 base-62 numbers are offset by one: 0 is `_`, 1 is `0_`.
        guard value > 0 else { return "_" }
        let digits = Array("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
        var number = value - 1
        var text = ""
        repeat {
            text = String(digits[number % 62]) + text
            number /= 62
        } while number > 0
        return text + "_"
    }

    /// Runs `body` on a thread with the given stack size and returns its result.
    func onThread<Result: Sendable>(stackSize: Int, _ body: @escaping @Sendable () -> Result) -> Result? {
        let box = ResultBox<Result>()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.value = body()
            done.signal()
        }
        thread.stackSize = stackSize
        thread.start()
        done.wait()
        return box.value
    }
}

/// The thread's result, handed over after the semaphore.
private final class ResultBox<Value>: @unchecked Sendable {
    var value: Value?
}

