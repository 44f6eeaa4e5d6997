package dev.llmsafe.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmsafe.identity.ActorKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the jq/sha256sum recipe exactly as docs/auditor-guide.md prints it, on a log the real store wrote and
 * on tampered copies, so the guide and the code cannot drift apart. Needs bash, jq and sha256sum.
 */
class AuditorGuideRecipeTest {
    private static final Pattern RECIPE =
            Pattern.compile("## Verify the chain with jq and sha256sum.*?```bash\\n(.*?)```", Pattern.DOTALL);
    private static String recipe;

    @TempDir
    Path dir;

    Path log;
    List<String> lines;

    @BeforeAll
    static void readRecipe() throws IOException, InterruptedException {
        Path guide = Path.of(System.getProperty("llmsafe.projectDir", ".")).resolve("docs/auditor-guide.md");
        Matcher m = RECIPE.matcher(Files.readString(guide, StandardCharsets.UTF_8));
        assertThat(m.find())
                .as("docs/auditor-guide.md has the recipe in a ```bash block")
                .isTrue();
        recipe = m.group(1);
        for (String tool : new String[] {"bash", "jq", "sha256sum"}) {
            Process p;
            try {
                p = new ProcessBuilder(tool, "--version")
                        .redirectErrorStream(true)
                        .start();
            } catch (IOException e) {
                fail(tool + " is not on PATH: this test runs the auditor guide's recipe with it. Install it "
                        + "(Debian/Ubuntu: apt-get install -y " + tool + "); .ci/run installs jq where missing.");
                return;
            }
            p.getInputStream().readAllBytes();
            assertThat(p.waitFor()).as(tool + " --version").isZero();
        }
    }

    @BeforeEach
    void writeLog() throws IOException {
        log = dir.resolve("audit.jsonl");
        LocalFileStore store = new LocalFileStore(log, TestLogs.CLOCK);
        for (int i = 1; i <= 11; i++) {
            store.append(TestLogs.draft(i));
        }
        ObjectNode awkward = AuditJson.MAPPER.createObjectNode();
        awkward.put(
                "text", "tab\t quote\" backslash\\ newline\n del\u007f e\u0301 \u00e9 \u20ac \ud83d\ude00 </script>");
        awkward.put("decimal", 0.1);
        awkward.put("big", 1e21);
        awkward.put("negative", -42);
        awkward.putNull("nothing");
        awkward.putObject("nested").putArray("list").add(true).add(false).add(" spaced   words ");
        store.append(new RecordDraft(
                "ai.activity",
                new Actor("ai", "agent-bot", "claude", "opus"),
                Subject.builder().pr(7).build(),
                awkward));
        lines = TestLogs.lines(log);
    }

    private record Run(int exit, String output) {}

    private Run recipe(Path file, String... args) throws IOException, InterruptedException {
        Path script = dir.resolve("verify-audit-log.sh");
        Files.writeString(script, recipe, StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>(List.of("bash", script.toString(), file.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out);
    }

    private Path tampered(List<String> changed) throws IOException {
        Path file = dir.resolve("tampered.jsonl");
        Files.writeString(file, String.join("\n", changed) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void acceptsTheLogTheStoreWroteAndPrintsTheSameHeadAsLlmsafeVerify() throws Exception {
        VerifyResult java = new LocalFileStore(log).verify(List.of());
        assertThat(java.intact()).isTrue();
        Run run = recipe(log);
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output().trim()).isEqualTo("OK: 12 records, head 12:" + java.headHash());
        assertThat(recipe(log, "5:" + RecordCodec.parse(lines.get(4)).hash()).exit())
                .isZero();
    }

    @Test
    void rejectsEveryTamperingTheJavaVerifierRejects() throws Exception {
        String hash12 = RecordCodec.parse(lines.get(11)).hash();
        AuditRecord six = RecordCodec.parse(lines.get(5));
        ObjectNode changed = six.payload().deepCopy().put("note", "rewritten");
        String rewritten = new String(
                RecordCodec.seal(
                                new RecordDraft(six.kind(), six.actor(), six.subject(), changed),
                                6,
                                six.prev(),
                                TestLogs.CLOCK.instant())
                        .line(),
                StandardCharsets.UTF_8);

        List<List<String>> cases = new ArrayList<>();
        cases.add(with(3, lines.get(3).replace("note-4", "note-5")));
        List<String> deleted = new ArrayList<>(lines);
        deleted.remove(4);
        cases.add(deleted);
        List<String> swapped = new ArrayList<>(lines);
        swapped.set(2, lines.get(3));
        swapped.set(3, lines.get(2));
        cases.add(swapped);
        List<String> duplicated = new ArrayList<>(lines);
        duplicated.add(7, lines.get(6));
        cases.add(duplicated);
        cases.add(with(5, rewritten));
        cases.add(with(11, lines.get(11).replace("\":", "\": "))); // same content, re-serialised
        for (List<String> tamperedLines : cases) {
            Path file = tampered(tamperedLines);
            assertThat(new LocalFileStore(file).verify(List.of()).intact()).isFalse();
            Run run = recipe(file);
            assertThat(run.exit()).as(run.output()).isEqualTo(1);
            assertThat(run.output()).startsWith("FAIL");
        }

        Path truncated = tampered(lines.subList(0, 10));
        assertThat(recipe(truncated).exit())
                .as("a shorter log alone looks intact")
                .isZero();
        Run cut = recipe(truncated, "12:" + hash12);
        assertThat(cut.exit()).isEqualTo(1);
        assertThat(cut.output()).contains("before checkpoint");

        String all = String.join("\n", lines) + "\n";
        Path torn = dir.resolve("torn.jsonl");
        Files.writeString(torn, all.substring(0, all.length() - 9), StandardCharsets.UTF_8);
        Run tornRun = recipe(torn);
        assertThat(tornRun.exit()).isEqualTo(1);
        assertThat(tornRun.output()).contains("torn line");
    }

    @Test
    void aLogRewrittenWithEveryLaterHashRecomputedPassesAloneAndFailsAgainstACheckpoint() throws Exception {
        String checkpoint7 = "7:" + RecordCodec.parse(lines.get(6)).hash();
        String checkpoint11 = "11:" + RecordCodec.parse(lines.get(10)).hash();
        assertThat(recipe(log, checkpoint7, checkpoint11).exit())
                .as("every checkpoint of the intact log matches")
                .isZero();

        List<String> rewritten = new ArrayList<>(lines);
        String prev = RecordCodec.parse(lines.get(3)).hash();
        for (int i = 4; i < lines.size(); i++) {
            AuditRecord r = RecordCodec.parse(lines.get(i));
            ObjectNode payload = i == 4 ? r.payload().deepCopy().put("note", "rewritten") : r.payload();
            var sealed = RecordCodec.seal(
                    new RecordDraft(r.kind(), r.actor(), r.subject(), payload),
                    r.seq(),
                    prev,
                    java.time.Instant.parse(r.time()));
            rewritten.set(i, new String(sealed.line(), StandardCharsets.UTF_8));
            prev = sealed.record().hash();
        }
        Path file = tampered(rewritten);
        assertThat(recipe(file).exit())
                .as("a consistently recomputed chain looks intact alone")
                .isZero();
        assertThat(new LocalFileStore(file).verify(List.of()).intact()).isTrue();
        Run against = recipe(file, checkpoint11, checkpoint7);
        assertThat(against.exit()).isEqualTo(1);
        assertThat(against.output()).contains("does not match checkpoint " + checkpoint11);
        assertThat(new LocalFileStore(file)
                        .verify(List.of(Checkpoint.parse(checkpoint7)))
                        .failure()
                        .orElseThrow()
                        .reason())
                .isEqualTo(BreakReason.CHECKPOINT_MISMATCH);
    }

    @Test
    void anArgumentThatIsNoCheckpointIsBadInput() throws Exception {
        Run run = recipe(log, "5-abc");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.output()).contains("not a checkpoint");
    }

    private List<String> with(int index, String line) {
        List<String> copy = new ArrayList<>(lines);
        copy.set(index, line);
        return copy;
    }

    @Test
    void theActorOfTheAwkwardRecordRoundTrips() throws IOException {
        AuditRecord last = RecordCodec.parse(lines.get(11));
        assertThat(last.actor()).isEqualTo(new Actor(ActorKind.AI.value(), "agent-bot", "claude", "opus"));
        assertThat(last.payload().get("text").asText()).contains("\ud83d\ude00").contains("\u007f");
    }
}
