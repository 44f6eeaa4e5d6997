package dev.llmsafe.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmsafe.policy.rules.PublicAccessRule;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The registry holds every rule the project has: a rule class written and not registered would never run, and
 * nothing else would notice. The rules package is read from the compiled classes, so a new rule needs no entry
 * here.
 */
class RuleRegistryTest {
    private static final String RULES_PACKAGE = PublicAccessRule.class.getPackageName();

    /** Every concrete {@link Rule} compiled into the rules package, nested classes included. */
    static Set<Class<?>> ruleClasses() throws IOException, URISyntaxException {
        Path root = Path.of(PublicAccessRule.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        Path dir = root.resolve(RULES_PACKAGE.replace('.', '/'));
        try (Stream<Path> files = Files.list(dir)) {
            List<String> names = files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".class"))
                    .map(n -> RULES_PACKAGE + "." + n.substring(0, n.length() - ".class".length()))
                    .toList();
            return names.stream()
                    .map(RuleRegistryTest::load)
                    .filter(c -> Rule.class.isAssignableFrom(c)
                            && !c.isInterface()
                            && !Modifier.isAbstract(c.getModifiers())
                            && !c.isAnonymousClass())
                    .collect(Collectors.toSet());
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, RuleRegistryTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(name + " is listed in the compiled classes but cannot be loaded", e);
        }
    }

    @Test
    void everyRuleOfTheRulesPackageIsRegistered() throws Exception {
        Set<Class<?>> registered =
                RuleRegistry.all().stream().map(Object::getClass).collect(Collectors.toSet());
        Set<Class<?>> found = ruleClasses();
        assertThat(found).as("rule classes compiled in " + RULES_PACKAGE).isNotEmpty();
        assertThat(registered)
                .as("RuleRegistry.all() lists every rule of " + RULES_PACKAGE)
                .containsAll(found);
    }

    @Test
    void everyRegisteredRuleHasAUniqueKebabIdAndADescription() {
        assertThat(RuleRegistry.ids()).hasSize(RuleRegistry.all().size());
        assertThat(RuleRegistry.all()).allSatisfy(r -> {
            assertThat(r.id()).matches("[a-z]+(-[a-z]+)*");
            assertThat(r.description()).isNotBlank().doesNotContain("\n").endsWith(".");
        });
    }

    @Test
    void everyRuleTakesItsIdFromTheConstantOnItsClass() throws Exception {
        for (Class<?> c : ruleClasses()) {
            Object id = c.getField("ID").get(null);
            Rule rule = RuleRegistry.all().stream()
                    .filter(c::isInstance)
                    .findFirst()
                    .orElseThrow();
            assertThat(rule.id()).as(c.getSimpleName() + ".ID").isEqualTo(id);
        }
    }

    /** Main code names a rule by its constant: a literal would go stale when the id changes, silently. */
    @Test
    void noMainSourceSpellsARuleIdButItsRule() throws IOException {
        Path main = Path.of("src/main/java");
        try (Stream<Path> files = Files.walk(main)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file);
                for (String id : RuleRegistry.ids()) {
                    String declaration = "String ID = \"" + id + "\";";
                    String rest = text.replace(declaration, "");
                    assertThat(rest)
                            .as(main.relativize(file) + " spells the id " + id + "; use the rule's ID")
                            .doesNotContain("\"" + id + "\"");
                }
            }
        }
    }

    /** An alias that were also a rule's id would name two guarantees; one that stood for no rule would suppress nothing. */
    @Test
    void aliasesNameNoRuleAndStandForSeveralRegisteredRules() {
        assertThat(RuleRegistry.aliases()).isNotEmpty().allSatisfy((alias, rules) -> {
            assertThat(RuleRegistry.ids()).as(alias).doesNotContain(alias).containsAll(rules);
            assertThat(rules).as(alias).hasSizeGreaterThan(1).doesNotHaveDuplicates();
            assertThat(RuleRegistry.resolve(alias)).isEqualTo(rules);
        });
        assertThat(RuleRegistry.resolve(PublicAccessRule.ID)).containsExactly(PublicAccessRule.ID);
    }
}
