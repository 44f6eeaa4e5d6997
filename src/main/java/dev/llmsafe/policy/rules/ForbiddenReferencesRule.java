package dev.llmsafe.policy.rules;

import dev.llmsafe.identity.ActorClassifier;
import dev.llmsafe.policy.EnforcementLevel;
import dev.llmsafe.policy.Finding;
import dev.llmsafe.policy.Judgement;
import dev.llmsafe.policy.Location;
import dev.llmsafe.policy.PathNormalizer;
import dev.llmsafe.policy.PolicyInput;
import dev.llmsafe.policy.Rule;
import dev.llmsafe.policy.RuleCategory;
import dev.llmsafe.policy.build.PomPins;
import dev.llmsafe.policy.change.ChangedFile;
import dev.llmsafe.policy.workflow.Workflow;
import dev.llmsafe.policy.workflow.WorkflowSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * This project runs on GCP, Railway and GitHub only: no reference to AWS or HashiCorp Vault (credential
 * variables, key ids, SDKs, endpoints, actions, providers, resource types) may appear in the files of a
 * change, except in files policy.yaml allowlists with a reason. Bare product names in prose are not
 * references; the patterns match what a program or workflow would actually use.
 */
public final class ForbiddenReferencesRule implements Rule {
    /** The rule's id in policy.yaml, suppressions and reports. */
    public static final String ID = "forbidden-references";

    private static final int MAX_PER_FILE = 20;
    private static final String FIX = "this project runs on GCP, Railway and GitHub only; remove it, or allowlist the "
            + "file in policy.yaml with a reason";

    record Reference(String what, Pattern pattern) {}

    /**
     * Names that DNS, GitHub, registries and package managers compare without regard to case are matched so;
     * key ids, tokens and Pulumi type tokens are case-sensitive where they are used.
     */
    static final List<Reference> REFERENCES = List.of(
            anyCase(
                    "an AWS credentials variable",
                    "\\bAWS_(ACCESS_KEY_ID|SECRET_ACCESS_KEY|SESSION_TOKEN|SECURITY_TOKEN|PROFILE"
                            + "|DEFAULT_REGION|REGION|ROLE_ARN|WEB_IDENTITY_TOKEN_FILE|SHARED_CREDENTIALS_FILE|CONFIG_FILE)\\b"),
            exact("an AWS access key id", "\\b(AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|A3T[A-Z0-9])[A-Z0-9]{16}\\b"),
            anyCase(
                    "an AWS SDK",
                    "software\\.amazon\\.awssdk|\\bcom\\.amazonaws\\b|@aws-sdk/|\\baws-sdk\\b|\\bboto3\\b|\\bbotocore\\b"),
            anyCase("an AWS endpoint", "\\.amazonaws\\.com\\b"),
            exact("an AWS ARN", "\\barn:aws[a-z-]*:"),
            anyCase("an AWS GitHub action", "\\baws-actions/"),
            anyCase(
                    "an AWS provider",
                    "@pulumi/aws\\b|\\bpulumi[-_]aws\\b|\\bcom\\.pulumi:aws\\b|\\bhashicorp/aws\\b"
                            + "|<groupId>com\\.pulumi</groupId>\\s*<artifactId>aws</artifactId>"),
            exact("an AWS resource type", "\\baws(-native)?:[a-zA-Z0-9]+(/[a-zA-Z0-9]+)?:[A-Z][A-Za-z0-9]*\\b"),
            anyCase("AWS credentials files", "\\.aws/(credentials|config)\\b"),
            anyCase(
                    "a Vault credentials variable",
                    "\\bVAULT_(ADDR|TOKEN|NAMESPACE|ROLE_ID|SECRET_ID|CACERT|AUTH_METHOD)\\b"),
            exact("a Vault token", "\\bhv[sbr]\\.[A-Za-z0-9_-]{24,}"),
            anyCase("a Vault GitHub action", "\\bhashicorp/vault-action\\b"),
            anyCase(
                    "a Vault provider",
                    "@pulumi/vault\\b|\\bpulumi[-_]vault\\b|\\bcom\\.pulumi:vault\\b|\\bhashicorp/vault\\b"),
            anyCase(
                    "a Vault SDK",
                    "\\borg\\.springframework\\.vault\\b|\\bvault-java-driver\\b|\\bcom\\.bettercloud\\b|\\bhvac\\b"),
            exact("a Vault resource type", "\\bvault:[a-zA-Z0-9]+(/[a-zA-Z0-9]+)?:[A-Z][A-Za-z0-9]*\\b"));

    private static Reference exact(String what, String regex) {
        return new Reference(what, Pattern.compile(regex));
    }

    private static Reference anyCase(String what, String regex) {
        return new Reference(what, Pattern.compile(regex, Pattern.CASE_INSENSITIVE));
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "No AWS or HashiCorp Vault references (credential variables, SDKs, endpoints, providers) outside the allowlist.";
    }

    @Override
    public EnforcementLevel defaultLevel() {
        return EnforcementLevel.MANDATORY;
    }

    @Override
    public RuleCategory category() {
        return RuleCategory.CHANGE;
    }

    @Override
    public boolean appliesTo(PolicyInput input) {
        return Rule.hasChangeOrWorkflows(input);
    }

    @Override
    public String skipReason() {
        return NO_CHANGE_OR_WORKFLOWS;
    }

    @Override
    public String judges() {
        return "files or workflows";
    }

    @Override
    public Judgement judge(PolicyInput input) {
        List<Finding> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        int judged = 0;
        for (ChangedFile file : input.change().map(c -> c.files()).orElse(List.of())) {
            if (file.isUnreadable()) {
                judged++;
                // What the scanner cannot read could hold anything: a failure, unless allowlisted with a reason.
                PathNormalizer.Result path = PathNormalizer.normalize(file.path());
                String shown = path.ok() ? path.path() : PathNormalizer.printable(file.path());
                out.add(Finding.at(
                        path.ok() ? Location.file(shown) : Location.NONE,
                        shown + " cannot be scanned: " + file.whyUnreadable(),
                        "commit it as UTF-8 text under 1 MiB, or allowlist the file for " + ID
                                + " in policy.yaml with a reason"));
            } else if (!file.isDeleted() && file.content() != null) {
                PathNormalizer.Result path = PathNormalizer.normalize(file.path());
                String shown = path.ok() ? path.path() : PathNormalizer.printable(file.path());
                seen.add(shown);
                judged++;
                scan(shown, path.ok(), file.content(), out);
            }
        }
        for (Workflow w : input.workflows().map(WorkflowSet::workflows).orElse(List.of())) {
            if (!seen.contains(w.path())) {
                judged++;
                scan(w.path(), true, w.text(), out);
            }
        }
        return Judgement.of(judged, out);
    }

    /**
     * The text as its readers see it (NFKC, invisible characters dropped: lines stay where they are), and a
     * pom's or extensions.xml's coordinates as Maven resolves them, whatever the order of their elements.
     */
    static void scan(String path, boolean locatable, String raw, List<Finding> out) {
        String text = ActorClassifier.visible(raw);
        int[] lineStarts = lineStarts(text);
        Set<String> reported = new LinkedHashSet<>();
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (name.equals("pom.xml") || name.equals("extensions.xml")) {
            for (PomPins.ResolvedCoordinate c : PomPins.resolvedCoordinates(text)) {
                for (Reference ref : REFERENCES) {
                    if (ref.pattern().matcher(c.coordinate()).find() && reported.add(c.line() + ":" + ref.what())) {
                        out.add(Finding.at(
                                locatable ? Location.file(path, c.line()) : Location.NONE,
                                path
                                        + (locatable ? "" : ":" + c.line()) + " has " + ref.what() + " ('"
                                        + PathNormalizer.printable(clip(c.coordinate())) + "', as Maven resolves it)",
                                FIX));
                    }
                }
            }
        }
        for (Reference ref : REFERENCES) {
            Matcher m = ref.pattern().matcher(text);
            while (m.find()) {
                int line = line(lineStarts, m.start());
                if (!reported.add(line + ":" + ref.what())) {
                    continue;
                }
                if (reported.size() > MAX_PER_FILE) {
                    out.add(Finding.at(
                            locatable ? Location.file(path) : Location.NONE,
                            path + " has more than " + MAX_PER_FILE
                                    + " AWS or Vault references; only the first are listed",
                            "remove them"));
                    return;
                }
                out.add(Finding.at(
                        locatable ? Location.file(path, line) : Location.NONE,
                        path + (locatable ? "" : ":" + line) + " has " + ref.what() + " ('"
                                + PathNormalizer.printable(clip(m.group())) + "')",
                        FIX));
            }
        }
    }

    private static String clip(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }

    private static int[] lineStarts(String text) {
        int[] starts = new int[16];
        int n = 0;
        starts[n++] = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, n * 2);
                }
                starts[n++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, n);
    }

    private static int line(int[] starts, int offset) {
        int i = Arrays.binarySearch(starts, offset);
        return (i >= 0 ? i : -i - 2) + 1;
    }
}
