import Findings
import LinkModel
import Reporting
import SourceLocations
import SourcePatching

extension ReportCommand {
    /// `--fix KIND`: the text fix-its from the findings' plan, or a patch against the sources
    /// the references' DWARF names.
    func fixItText(_ fix: FixIt.Language, prediction: LinkPrediction, findings: LinkFindings, resolved: ResolvedLink) throws -> String {
        let plan = FixPlan(prediction: prediction, findings: findings)
        guard fix.isPatch else { return FixIt.render(fix, plan: plan) }
        let sources = try sourceLines.locate(prediction, in: resolved, force: true) ?? SourceReferences()
        let patch = SourcePatcher.patch(plan, sources: sources, language: fix == .rustPatch ? .rust : .c,
                                        options: SourcePatcher.Options(renameNearMisses: renameNearMisses),
                                        files: FileSystemSources())
        return SourcePatchText.render(patch)
    }
}
