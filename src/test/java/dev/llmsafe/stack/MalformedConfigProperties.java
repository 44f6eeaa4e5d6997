package dev.llmsafe.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Thousands of broken configurations: each must be rejected with an {@link InvalidConfigException} naming every
 * broken key, and nothing else may ever escape the validator.
 */
class MalformedConfigProperties {

    @Property(tries = 1500)
    void everyMalformedConfigIsRejectedNamingEachBrokenKey(
            @ForAll("breakages") List<Tuple.Tuple2<String, String>> breaks) {
        Map<String, String> config = ValidConfig.review(42);
        Map<String, String> broken = new LinkedHashMap<>();
        breaks.forEach(t -> broken.put(t.get1(), t.get2()));
        config.putAll(broken);

        Throwable thrown = catchThrowable(() -> ValidConfig.read("pr-42", config));

        assertThat(thrown).isInstanceOf(InvalidConfigException.class);
        var problems = ((InvalidConfigException) thrown).problems();
        for (String key : broken.keySet()) {
            assertThat(problems).as("a problem naming %s", key).anySatisfy(p -> {
                assertThat(p.key()).isEqualTo(key);
                assertThat(p.fix()).isNotBlank();
                assertThat(p.describe()).startsWith("llm-safe:" + key + " = ");
            });
        }
        assertThat(thrown.getMessage()).contains("stack pr-42 has");
    }

    @Provide
    Arbitrary<List<Tuple.Tuple2<String, String>>> breakages() {
        return Arbitraries.oneOf(List.of(
                        broken("kind", s -> StackKind.parse(s).isEmpty()),
                        broken(
                                "gcpProject",
                                s -> !StackSettingsReader.GCP_PROJECT.matcher(s).matches()),
                        broken(
                                "gcpRegion",
                                s -> !StackSettingsReader.GCP_REGION.matcher(s).matches()),
                        broken(
                                "githubOwner",
                                s -> !StackSettingsReader.GITHUB_OWNER
                                        .matcher(s)
                                        .matches()),
                        broken(
                                "githubRepository",
                                s -> !StackSettingsReader.GITHUB_REPO.matcher(s).matches()),
                        broken("repositoryId", s -> !isPositiveId(s)),
                        broken("ownerId", s -> !isPositiveId(s)),
                        broken("prNumber", s -> !s.equals("42")),
                        broken("branch", s -> !GitRefs.isValidBranch(s)),
                        broken(
                                "commitSha",
                                s -> !StackSettingsReader.COMMIT_SHA.matcher(s).matches()),
                        brokenOptional("stateNoncurrentVersionDays", s -> !isIntIn(s, 1, 3650)),
                        brokenOptional("stateMaxNoncurrentVersions", s -> !isIntIn(s, 1, 1000)),
                        brokenOptional(
                                "stateBucket",
                                s -> !PlatformSettingsReader.BUCKET.matcher(s).matches()),
                        // Refused whatever the value: the environment names' one home is policy.yaml.
                        Combinators.combine(
                                        Arbitraries.of(StackSettingsReader.ENVIRONMENT_KEYS),
                                        text().filter(s -> !s.isBlank()))
                                .as(Tuple::of),
                        structured("deployerRoles"),
                        structured("labels"),
                        Combinators.combine(
                                        Arbitraries.just("stateBucketAdopt"),
                                        text().filter(s -> !s.isBlank() && !isBool(s)))
                                .as(Tuple::of),
                        Combinators.combine(
                                        Arbitraries.strings()
                                                .alpha()
                                                .ofMinLength(3)
                                                .ofMaxLength(12)
                                                .map(s -> "unknown" + s),
                                        text())
                                .as(Tuple::of)))
                .list()
                .ofMinSize(1)
                .ofMaxSize(4)
                .uniqueElements(Tuple.Tuple2::get1);
    }

    private static Arbitrary<Tuple.Tuple2<String, String>> broken(String key, Predicate<String> invalid) {
        return Combinators.combine(Arbitraries.just(key), text().filter(s -> s.isBlank() || invalid.test(s)))
                .as(Tuple::of);
    }

    /** Optional keys: blank means "use the default", so only non-blank invalid text breaks them. */
    private static Arbitrary<Tuple.Tuple2<String, String>> brokenOptional(String key, Predicate<String> invalid) {
        return Combinators.combine(Arbitraries.just(key), text().filter(s -> !s.isBlank() && invalid.test(s)))
                .as(Tuple::of);
    }

    /** Objects given as lists or as broken JSON: never a valid map. */
    private static Arbitrary<Tuple.Tuple2<String, String>> structured(String key) {
        Arbitrary<String> value = Arbitraries.oneOf(List.of(
                text().map(s -> "[" + s),
                text().map(s -> "{" + s + "\"").filter(s -> !s.endsWith("}\"")),
                Arbitraries.just("[\"roles/run.developer\"]")));
        return Combinators.combine(Arbitraries.just(key), value).as(Tuple::of);
    }

    /** Hostile text: control characters, unicode, JSON punctuation, very long runs. */
    private static Arbitrary<String> text() {
        return Arbitraries.oneOf(List.of(
                Arbitraries.strings().ofMinLength(1).ofMaxLength(80),
                Arbitraries.strings()
                        .withChars("0123456789-_./:{}[]\"', \t\n\u0000\u00e9\u4e2d")
                        .ofMinLength(1)
                        .ofMaxLength(40),
                Arbitraries.strings().alpha().numeric().ofMinLength(200).ofMaxLength(400),
                Arbitraries.of(
                        "",
                        " ",
                        "-1",
                        "0",
                        "1e3",
                        "true",
                        "null",
                        "[]",
                        "{}",
                        "us-central1-a",
                        "PR-42",
                        "\u202eevil",
                        "../../etc")));
    }

    private static boolean isPositiveId(String s) {
        String t = s.trim();
        return t.matches("[0-9]{1,18}") && Long.parseLong(t) > 0;
    }

    private static boolean isIntIn(String s, int min, int max) {
        String t = s.trim();
        return t.matches("-?[0-9]{1,9}") && Integer.parseInt(t) >= min && Integer.parseInt(t) <= max;
    }

    private static boolean isBool(String s) {
        return s.trim().equals("true") || s.trim().equals("false");
    }
}
