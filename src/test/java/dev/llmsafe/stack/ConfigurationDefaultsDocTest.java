package dev.llmsafe.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmsafe.cli.CliRun;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The default column of docs/configuration.md says what the validator falls back to: the constants beside the
 * Args (StateBackendArgs, AuditTrailArgs, CloudRunAppArgs, ...), as the readers record them in
 * {@link ConfigReader#defaults()}, for every stack kind. A cell names the value ({@code `30`}, {@code 8080}), a
 * template of other keys ({@code `<gcpProject>-pulumi-state`}, {@code `appName`}), values per kind
 * ({@code 0 (review, staging), 1 (production)}), or says there is none.
 */
class ConfigurationDefaultsDocTest {
    /** What a cell says when the validator has no fallback value. */
    private static final Pattern NO_DEFAULT = Pattern.compile("(none|required|automatic|not a stack key)\\b.*|");
    /**
     * Defaults computed after reading, where the reader cannot record them: a preview's image tag is its commit
     * ({@code RuntimeSettings.Image#reference}).
     */
    private static final Map<String, String> DERIVED = Map.of("imageTag", "the commit id");

    private static final Pattern PER_KIND = Pattern.compile("([^\\s,()]+) \\(([a-z, ]+)\\)");
    private static final Pattern TEMPLATE = Pattern.compile("<([A-Za-z]+)>");
    private static final Pattern KEY_REFERENCE = Pattern.compile("`([A-Za-z]+)`");

    /** Stack kind to (key to default) as the readers recorded them; and kind to the config read. */
    private static final Map<String, Map<String, Object>> RECORDED = new TreeMap<>();

    private static final Map<String, Map<String, String>> CONFIGS = new TreeMap<>();
    /** Key to its default column's cell, for every table with such a column. */
    private static final Map<String, String> DOCUMENTED = new TreeMap<>();

    @BeforeAll
    static void readBoth() throws Exception {
        CONFIGS.put("platform", ValidConfig.platform());
        CONFIGS.put("review", ValidConfig.review(42));
        for (String kind : List.of("staging", "production")) {
            var config = ValidConfig.platform();
            config.put("kind", kind);
            CONFIGS.put(kind, config);
        }
        CONFIGS.forEach((kind, config) -> {
            ConfigReader in = new ConfigReader(YamlStackConfig.of(config));
            StackSettingsReader.read(in, kind.equals("review") ? "pr-42" : kind, PolicyFacts.defaults());
            RECORDED.put(kind, in.defaults());
        });
        List<String> lines = Files.readAllLines(CliRun.projectDir().resolve("docs/configuration.md"));
        int column = -1;
        for (String line : lines) {
            if (!line.startsWith("|")) {
                column = -1;
                continue;
            }
            List<String> cells = cells(line);
            if (cells.get(0).equals("key")) {
                column = cells.indexOf("default");
            } else if (column > 0 && cells.get(0).matches("`[A-Za-z]+`")) {
                DOCUMENTED.put(cells.get(0).replace("`", ""), cells.get(column));
            }
        }
    }

    @Test
    void everyRecordedDefaultIsTheDocumentedOne() {
        List<String> wrong = new ArrayList<>();
        RECORDED.forEach((kind, defaults) -> defaults.forEach((key, value) -> {
            String cell = DOCUMENTED.get(key);
            if (cell == null) {
                wrong.add(key + " (" + kind + "): defaults to " + shown(value) + " but has no documented default");
                return;
            }
            for (String expected : values(value)) {
                if (!says(resolve(cell, kind), kind, expected)) {
                    wrong.add(key + " (" + kind + "): defaults to " + expected + " but the doc says '" + cell + "'");
                }
            }
        }));
        assertThat(wrong).isEmpty();
        assertThat(RECORDED.get("platform"))
                .as("the platform's defaults are recorded")
                .containsKeys("stateNoncurrentVersionDays", "auditRetentionDays", "auditLogBucket");
    }

    @Test
    void aDocumentedDefaultIsOneTheValidatorHas() {
        List<String> unbacked = new ArrayList<>();
        DOCUMENTED.forEach((key, cell) -> {
            boolean recorded = RECORDED.values().stream().anyMatch(d -> d.containsKey(key));
            if (!recorded && !NO_DEFAULT.matcher(cell).matches() && !cell.equals(DERIVED.get(key))) {
                unbacked.add(key + ": the doc says '" + cell + "' but the validator has no default");
            }
        });
        assertThat(unbacked).isEmpty();
        assertThat(DOCUMENTED)
                .as("default cells read from docs/configuration.md")
                .hasSizeGreaterThan(60);
    }

    @Test
    void theCheckCatchesAWrongDefault() {
        assertThat(says("`30`", "platform", "30")).isTrue();
        assertThat(says("`31`", "platform", "30")).isFalse();
        assertThat(says("`300`", "platform", "30")).isFalse();
        assertThat(says("0 (review, staging), 1 (production)", "production", "1"))
                .isTrue();
        assertThat(says("0 (review, staging), 1 (production)", "staging", "1")).isFalse();
        assertThat(says(resolve("`<gcpProject>-pulumi-state`", "platform"), "platform", "acme-shop-prod-pulumi-state"))
                .isTrue();
    }

    /** Templates {@code <key>} and references {@code `key`} replaced by the key's value in that kind's config. */
    private static String resolve(String cell, String kind) {
        String out = replace(TEMPLATE, cell, kind, false);
        return replace(KEY_REFERENCE, out, kind, true);
    }

    private static String replace(Pattern pattern, String cell, String kind, boolean backticked) {
        Matcher m = pattern.matcher(cell);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String key = m.group(1);
            String value = CONFIGS.get(kind).get(key);
            Object fallback = RECORDED.get(kind).get(key);
            String known = value != null ? value : fallback == null ? null : shown(fallback);
            String replacement = known == null || !isKey(key) ? m.group() : backticked ? "`" + known + "`" : known;
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        return m.appendTail(out).toString();
    }

    private static boolean isKey(String name) {
        return DOCUMENTED.containsKey(name) || CONFIGS.values().stream().anyMatch(c -> c.containsKey(name));
    }

    /** Whether the cell says {@code expected} for this kind: per kind where it lists kinds, else anywhere. */
    static boolean says(String cell, String kind, String expected) {
        String plain = cell.replace("`", "");
        Matcher perKind = PER_KIND.matcher(plain);
        Map<String, String> byKind = new LinkedHashMap<>();
        while (perKind.find()) {
            for (String k : perKind.group(2).split(",\\s*")) {
                byKind.put(k.trim(), perKind.group(1));
            }
        }
        if (!byKind.isEmpty()
                && Set.of("platform", "review", "staging", "production").containsAll(byKind.keySet())) {
            return expected.equals(byKind.get(kind));
        }
        return Pattern.compile("(?i)(^|[\\s(])" + Pattern.quote(expected) + "($|[\\s),;.])")
                .matcher(plain)
                .find();
    }

    private static List<String> values(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(ConfigurationDefaultsDocTest::shown).toList();
        }
        return List.of(shown(value));
    }

    private static String shown(Object value) {
        if (value instanceof Double d) {
            return d == Math.rint(d) ? Long.toString(d.longValue()) : d.toString();
        }
        return String.valueOf(value);
    }

    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        for (String cell : line.substring(1, line.lastIndexOf('|')).split("\\|", -1)) {
            cells.add(cell.trim());
        }
        return cells;
    }
}
