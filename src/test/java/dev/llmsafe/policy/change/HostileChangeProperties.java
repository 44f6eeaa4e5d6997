package dev.llmsafe.policy.change;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmsafe.policy.Fixtures;
import dev.llmsafe.policy.HostileText;
import dev.llmsafe.policy.PolicyEngine;
import dev.llmsafe.policy.PolicyFile;
import dev.llmsafe.policy.PolicyReport;
import dev.llmsafe.policy.Verdict;
import dev.llmsafe.policy.input.InputException;
import dev.llmsafe.policy.report.MarkdownReport;
import dev.llmsafe.policy.report.SarifReport;
import dev.llmsafe.policy.report.TextReport;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Hostile diffs and paths end in a verdict or a clear input error, never another exception. */
class HostileChangeProperties {
    private static final PolicyFile POLICY = Fixtures.policy("aiIdentities: [code-agent]\n");
    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";

    @Property(tries = 1000)
    void hostileChangesEndInAVerdict(@ForAll("changes") ChangeSet change) {
        PolicyEngine engine = PolicyEngine.withAllRules();
        PolicyReport report = engine.evaluate(Fixtures.change(POLICY, change));
        assertThat(report.verdicts()).noneMatch(v -> v.status() == Verdict.Status.ERROR);
        assertThat(TextReport.render(report).codePoints()).noneMatch(cp -> cp < 0x20 && cp != '\n');
        String markdown = MarkdownReport.render(report);
        assertThat(markdown.length()).isLessThanOrEqualTo(MarkdownReport.LIMIT);
        assertThat(markdown).doesNotContain("\u202E").doesNotContain("<b>");
        assertThat(SarifReport.render(report, engine.rules(), "Pulumi.yaml", "1.0.0"))
                .contains("\"version\" : \"2.1.0\"");
    }

    @Property(tries = 1000)
    void rawGitOutputIsParsedOrRejected(@ForAll("rawDiffs") String raw) {
        try {
            List<GitRawDiffParser.Entry> entries = GitRawDiffParser.parse(raw);
            assertThat(entries).allSatisfy(e -> assertThat(e.path()).isNotEmpty());
        } catch (InputException e) {
            assertThat(e.getMessage()).startsWith("git diff --raw: ");
        }
        try {
            GitLogParser.parse(raw);
        } catch (InputException e) {
            assertThat(e.getMessage()).startsWith("git log: ");
        }
    }

    @Provide
    static Arbitrary<ChangeSet> changes() {
        Arbitrary<FileStatus> status = Arbitraries.of(FileStatus.class);
        Arbitrary<String> mode = Arbitraries.of("100644", "100755", "120000", "160000", "000000");
        Arbitrary<String> content = Arbitraries.oneOf(
                HostileText.words(),
                Arbitraries.of(
                        "<project><dependencies><dependency><version>[1,2)</version></dependency></dependencies></project>",
                        "distributionUrl=http://x\n",
                        "packages:\n  a: b@latest\n",
                        "jobs: {x: {steps: [{uses: a/b@v1}]}}",
                        "export AWS_ACCESS_KEY_ID=x",
                        "<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><project>&e;</project>"));
        Arbitrary<ChangedFile> file = Combinators.combine(
                        status, HostileText.paths(), HostileText.paths(), mode, mode, content.injectNull(0.2))
                .as((st, oldPath, path, oldMode, newMode, text) -> ChangedFile.builder(st, path)
                        .oldPath(oldPath)
                        .oldMode(oldMode)
                        .newMode(newMode)
                        .content(text)
                        .build());
        Arbitrary<CommitInfo> commit = Combinators.combine(
                        Arbitraries.just(SHA),
                        HostileText.words(),
                        HostileText.words(),
                        HostileText.words(),
                        HostileText.words(),
                        HostileText.words(),
                        HostileText.words())
                .as((sha, an, ae, cn, ce, message, trailer) -> CommitInfo.builder(sha)
                        .author(an, ae)
                        .committer(cn, ce)
                        .message(message)
                        .trailers(List.of(new dev.llmsafe.identity.Trailer("Co-authored-by", trailer)))
                        .build());
        Arbitrary<Set<String>> labels =
                Arbitraries.of("ai-assisted", "bug", "", "AI-ASSISTED ").set().ofMaxSize(2);
        return Combinators.combine(file.list().ofMaxSize(6), commit.list().ofMaxSize(3), labels)
                .as((files, commits, l) -> new ChangeSet("a..b", files, commits, l));
    }

    @Provide
    static Arbitrary<String> rawDiffs() {
        Arbitrary<String> header = Combinators.combine(
                        Arbitraries.of("100644", "120000", "000000", "1234567", "x"),
                        Arbitraries.of("100644", "120000"),
                        Arbitraries.of(SHA, "0".repeat(40), "zz"),
                        Arbitraries.of(SHA, "f".repeat(64)),
                        Arbitraries.of("A", "M", "D", "R100", "C050", "T", "U", "X", "R", ""))
                .as((a, b, c, d, e) -> ":" + a + " " + b + " " + c + " " + d + " " + e);
        Arbitrary<String> piece =
                Arbitraries.oneOf(header, HostileText.paths(), Arbitraries.of("\0", "\u001f", "\n", ""));
        return piece.list().ofMaxSize(12).map(l -> String.join("\0", l));
    }
}
