package dev.llmsafe.policy.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Poms whose versions come through properties that profiles may set, in any order of their elements. When
 * dependency-pins passes a pom, the version Maven takes is exact under every set of active profiles: none,
 * each alone and all together, the later profile's properties winning as in Maven's profile injection.
 */
class PomProfileProperties {
    private static final String[] NAMES = {"v", "w", "base"};
    private static final String[] VALUES = {
        "1.0.0", "2.3.4", "LATEST", "1.0-SNAPSHOT", "[1.0,2.0)", "${w}", "${base}", "${base}.1", "RELEASE"
    };
    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]*)}");

    record Pom(String xml, Map<String, String> properties, List<Map<String, String>> profiles) {}

    @Property(tries = 1000)
    void aPassedPomIsExactUnderEveryProfileSet(@ForAll("poms") Pom pom) {
        boolean passes = PomPins.check("pom.xml", pom.xml()).isEmpty();
        int n = pom.profiles().size();
        boolean allExact = true;
        for (int set = 0; set < 1 << n; set++) {
            Map<String, String> effective = new LinkedHashMap<>(pom.properties());
            for (int i = 0; i < n; i++) {
                if ((set & 1 << i) != 0) {
                    effective.putAll(pom.profiles().get(i));
                }
            }
            String version = interpolate("${v}", effective);
            allExact &= version != null && PomPins.inexact(version) == null;
        }
        if (passes) {
            assertThat(allExact).as(pom.xml()).isTrue();
        }
        if (pom.profiles().stream().allMatch(Map::isEmpty) && allExact) {
            assertThat(passes)
                    .as("a pom without profile properties and exact versions passes:\n" + pom.xml())
                    .isTrue();
        }
        Statistics.collect(
                passes ? "passes" : allExact ? "refused, exact under every profile set" : "refused, not exact");
    }

    /** Maven's interpolation: properties put in until none is left, or null when one is undefined or loops. */
    private static String interpolate(String text, Map<String, String> properties) {
        String current = text;
        for (int i = 0; i < 20 && current.contains("${"); i++) {
            Matcher m = PROPERTY.matcher(current);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String value = properties.get(m.group(1));
                if (value == null) {
                    return null;
                }
                m.appendReplacement(out, Matcher.quoteReplacement(value));
            }
            m.appendTail(out);
            current = out.toString();
        }
        return current.contains("${") ? null : current;
    }

    @Provide
    static Arbitrary<Pom> poms() {
        return Arbitraries.longs().map(seed -> {
            Random r = new Random(seed);
            Map<String, String> properties = properties(r, 1 + r.nextInt(3));
            List<Map<String, String>> profiles = new ArrayList<>();
            for (int i = 0, n = r.nextInt(3); i < n; i++) {
                profiles.add(r.nextInt(3) == 0 ? Map.of() : properties(r, 1 + r.nextInt(2)));
            }
            StringBuilder xml =
                    new StringBuilder("<project>\n  <modelVersion>4.0.0</modelVersion>\n  <version>1.0.0</version>\n");
            List<String> parts = new ArrayList<>(List.of(
                    "  <properties>" + tags(properties) + "</properties>\n",
                    "  <dependencies><dependency>" + dependency(r) + "</dependency></dependencies>\n"));
            if (!profiles.isEmpty()) {
                StringBuilder p = new StringBuilder("  <profiles>\n");
                for (int i = 0; i < profiles.size(); i++) {
                    String id = "<id>p" + i + "</id>";
                    String props = "<properties>" + tags(profiles.get(i)) + "</properties>";
                    String activation =
                            r.nextBoolean() ? "<activation><activeByDefault>true</activeByDefault></activation>" : "";
                    p.append("    <profile>")
                            .append(r.nextBoolean() ? id + activation + props : props + activation + id)
                            .append("</profile>\n");
                }
                parts.add(p.append("  </profiles>\n").toString());
            }
            Collections.shuffle(parts, r);
            parts.forEach(xml::append);
            return new Pom(xml.append("</project>\n").toString(), properties, profiles);
        });
    }

    private static String dependency(Random r) {
        List<String> fields = new ArrayList<>(
                List.of("<groupId>org.example</groupId>", "<artifactId>lib</artifactId>", "<version>${v}</version>"));
        if (r.nextBoolean()) {
            fields.add("<scope>compile</scope>");
        }
        Collections.shuffle(fields, r);
        return String.join("", fields);
    }

    private static Map<String, String> properties(Random r, int n) {
        Map<String, String> out = new LinkedHashMap<>();
        if (r.nextInt(4) != 0) {
            out.put("v", VALUES[r.nextInt(VALUES.length)]);
        }
        for (int i = 0; i < n; i++) {
            out.put(NAMES[1 + r.nextInt(NAMES.length - 1)], VALUES[r.nextInt(VALUES.length)]);
        }
        return out;
    }

    private static String tags(Map<String, String> properties) {
        StringBuilder out = new StringBuilder();
        properties.forEach((k, v) -> out.append('<')
                .append(k)
                .append('>')
                .append(v)
                .append("</")
                .append(k)
                .append('>'));
        return out.toString();
    }
}
