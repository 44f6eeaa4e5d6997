package dev.llmsafe.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmsafe.policy.Finding;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * References disguised the ways their targets still accept: letters in any case (DNS, GitHub owners and
 * package names compare without it), full-width forms and invisible characters (which resolvers map or drop),
 * and Maven coordinates in any element order, built from properties, or set by a profile. Each is found at
 * its line; the same disguises of allowed names find nothing.
 */
class ForbiddenReferenceProperties {
    /** Forbidden names matched without regard to case, and allowed look-alikes. */
    private static final String[] FORBIDDEN = {
        "s3.eu-west-1.amazonaws.com",
        "aws-actions/configure-aws-credentials",
        "hashicorp/vault-action",
        "AWS_SECRET_ACCESS_KEY",
        "software.amazon.awssdk",
        "com.amazonaws",
        "boto3",
        "VAULT_TOKEN"
    };

    private static final String[] ALLOWED = {
        "storage.googleapis.com",
        "google-github-actions/auth",
        "hashicorp/terraform",
        "GOOGLE_CREDENTIALS",
        "com.google.cloud",
        "requests",
        "RAILWAY_TOKEN"
    };
    private static final String[][] FORBIDDEN_COORDINATES = {
        {"com.pulumi", "aws"},
        {"software.amazon.awssdk", "s3"},
        {"com.amazonaws", "aws-java-sdk-core"},
        {"com.pulumi", "vault"},
        {"org.springframework.vault", "spring-vault-core"}
    };
    private static final String[][] ALLOWED_COORDINATES = {
        {"com.pulumi", "gcp"}, {"com.google.cloud", "google-cloud-storage"}, {"info.picocli", "picocli"}
    };

    record Case(String path, String text, int line, boolean forbidden) {}

    @Property(tries = 1000)
    void aDisguisedReferenceIsFoundAtItsLineAndAnAllowedNameIsNot(@ForAll("cases") Case c) {
        List<Finding> found = new ArrayList<>();
        ForbiddenReferencesRule.scan(c.path(), true, c.text(), found);
        if (c.forbidden()) {
            assertThat(found)
                    .as(c.text())
                    .anySatisfy(f -> assertThat(f.location().line()).isEqualTo(c.line()));
        } else {
            assertThat(found).as(c.text()).isEmpty();
        }
        Statistics.collect(
                (c.path().endsWith("pom.xml") ? "pom " : "text ") + (c.forbidden() ? "forbidden" : "allowed"));
    }

    @Provide
    static Arbitrary<Case> cases() {
        return Arbitraries.longs().map(seed -> {
            Random r = new Random(seed);
            boolean forbidden = r.nextBoolean();
            return r.nextBoolean() ? text(r, forbidden) : pom(r, forbidden);
        });
    }

    private static Case text(Random r, boolean forbidden) {
        String name = disguise(
                r, (forbidden ? FORBIDDEN : ALLOWED)[r.nextInt(forbidden ? FORBIDDEN.length : ALLOWED.length)]);
        int before = r.nextInt(4);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < before; i++) {
            text.append("echo step ").append(i).append(r.nextBoolean() ? "\r\n" : "\n");
        }
        text.append(List.of("run: ", "url = \"https://", "  - uses: ", "export ", "import ")
                        .get(r.nextInt(5)))
                .append(name)
                .append(List.of("", "\"", " # note", "@0123456789abcdef").get(r.nextInt(4)))
                .append('\n');
        return new Case("scripts/x.sh", text.toString(), before + 1, forbidden);
    }

    private static Case pom(Random r, boolean forbidden) {
        String[] coordinate = (forbidden ? FORBIDDEN_COORDINATES : ALLOWED_COORDINATES)
                [r.nextInt(forbidden ? FORBIDDEN_COORDINATES.length : ALLOWED_COORDINATES.length)];
        StringBuilder properties = new StringBuilder();
        StringBuilder profile = new StringBuilder();
        String group = split(r, coordinate[0], "g", properties, profile);
        String artifact = split(r, coordinate[1], "a", properties, profile);
        List<String> fields = new ArrayList<>(List.of(
                "<groupId>" + group + "</groupId>",
                "<artifactId>" + artifact + "</artifactId>",
                "<version>1.0.0</version>"));
        if (r.nextBoolean()) {
            fields.add("<scope>runtime</scope>");
        }
        Collections.shuffle(fields, r);
        String kind = r.nextBoolean() ? "dependencies><dependency" : "build><plugins><plugin";
        String open = "<" + kind.replace("><", "><") + ">";
        String close = "</" + String.join("></", reverse(kind.split("><"))) + ">";
        String xml =
                "<project>\n  <properties>" + properties + "</properties>\n  <profiles><profile><id>p</id><properties>"
                        + profile + "</properties></profile></profiles>\n  " + open + "\n    " + String.join("", fields)
                        + "\n  " + close + "\n</project>\n";
        return new Case("svc/pom.xml", xml, 4, forbidden);
    }

    /** The text as a literal, or built from property pieces, some of them set only by a profile. */
    private static String split(Random r, String text, String prefix, StringBuilder properties, StringBuilder profile) {
        if (r.nextInt(3) == 0) {
            return text;
        }
        int cut = 1 + r.nextInt(text.length() - 1);
        String[] pieces = {text.substring(0, cut), text.substring(cut)};
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pieces.length; i++) {
            String name = prefix + i;
            StringBuilder where = r.nextInt(4) == 0 ? profile : properties;
            where.append('<')
                    .append(name)
                    .append('>')
                    .append(pieces[i])
                    .append("</")
                    .append(name)
                    .append('>');
            out.append("${").append(name).append('}');
        }
        return out.toString();
    }

    /** Random case, full-width letters and invisible characters, each of which its target ignores. */
    private static String disguise(Random r, String name) {
        StringBuilder out = new StringBuilder();
        for (char ch : name.toCharArray()) {
            char c = r.nextInt(3) == 0
                    ? (Character.isUpperCase(ch) ? Character.toLowerCase(ch) : Character.toUpperCase(ch))
                    : ch;
            if (r.nextInt(12) == 0 && c >= '!' && c <= '~') {
                c = (char) (c - '!' + '\uFF01'); // the full-width form
            }
            out.append(c);
            if (r.nextInt(15) == 0) {
                out.append(List.of("\u200B", "\u200D", "\u2060", "\uFEFF", "\u00AD")
                        .get(r.nextInt(5)));
            }
        }
        return out.toString().toLowerCase(Locale.ROOT).equals(out.toString()) && r.nextBoolean()
                ? out.toString().toUpperCase(Locale.ROOT)
                : out.toString();
    }

    private static List<String> reverse(String[] parts) {
        List<String> out = new ArrayList<>(List.of(parts));
        Collections.reverse(out);
        return out;
    }
}
