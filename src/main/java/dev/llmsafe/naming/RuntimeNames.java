package dev.llmsafe.naming;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Names of the app runtime's cloud objects, built from an app name and a subject: a pull request
 * ({@code pr-42}), an environment ({@code staging}) or any free text such as a branch name. Every result is
 * valid for its target, deterministic, and readable where the input allows.
 *
 * <p>An input that is already a valid name is used as-is. Anything else (case, separators, accents, other
 * scripts, too long) is transliterated, cut to fit, and suffixed with {@value #HASH_CHARS} hex characters of a
 * SHA-256 of the full input, so two inputs that clean to the same text or share a long prefix still get
 * different names. An as-is name never ends in such a suffix (inputs that do are hashed too), so an as-is name
 * can never equal a hashed one.
 */
public final class RuntimeNames {
    /** 40 bits: collisions among thousands of previews are vanishingly unlikely, and the name stays short. */
    public static final int HASH_CHARS = 10;

    /** Cloud Run service names: lowercase letters, digits, hyphens; start with a letter; at most 49. */
    public static final int CLOUD_RUN_SERVICE_MAX = 49;
    /** A DNS label: what a Railway {@code <subdomain>.up.railway.app} needs. */
    public static final int DNS_LABEL_MAX = 63;
    /** Railway project names are shown in the dashboard; kept DNS-like so they read the same everywhere. */
    public static final int RAILWAY_PROJECT_MAX = 63;
    /** GCP label values: lowercase letters, digits, '_' and '-', at most 63. */
    public static final int LABEL_VALUE_MAX = 63;
    /** Secret Manager secret ids: letters, digits, '_' and '-', at most 255. */
    public static final int SECRET_ID_MAX = 255;

    public static final Pattern DNS_NAME = Pattern.compile("[a-z]([a-z0-9-]*[a-z0-9])?");
    public static final Pattern LABEL_VALUE = Pattern.compile("[a-z0-9_-]{0,63}");
    public static final Pattern SECRET_ID = Pattern.compile("[A-Za-z0-9_-]{1,255}");

    private static final Pattern HASH_SUFFIX = Pattern.compile(".*-[0-9a-f]{" + HASH_CHARS + "}");
    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

    private RuntimeNames() {}

    /** The subject of a pull request's preview: {@code pr-<N>}. */
    public static String pullRequest(int prNumber) {
        return StackNames.review(prNumber);
    }

    /** The Cloud Run service of {@code app} for {@code subject}, e.g. {@code shop-pr-42}. */
    public static String cloudRunService(String app, String subject) {
        return dnsName(app + "-" + subject, CLOUD_RUN_SERVICE_MAX);
    }

    /** The Railway project of {@code app} for {@code subject}, e.g. {@code shop-pr-42}. */
    public static String railwayProject(String app, String subject) {
        return dnsName(app + "-" + subject, RAILWAY_PROJECT_MAX);
    }

    /** The Railway service domain's subdomain ({@code <subdomain>.up.railway.app}). */
    public static String railwaySubdomain(String app, String subject) {
        return dnsName(app + "-" + subject, DNS_LABEL_MAX);
    }

    /** A GCP label value carrying free text (a branch name, say). */
    public static String labelValue(String text) {
        String slug = slug(text, true);
        if (slug.equals(text)
                && slug.length() <= LABEL_VALUE_MAX
                && !HASH_SUFFIX.matcher(slug).matches()) {
            return slug;
        }
        return withHash(slug, text, LABEL_VALUE_MAX);
    }

    /**
     * The Secret Manager secret id of {@code name} in {@code environment}: {@code <environment>-<name>}, the id
     * the platform's secret store creates. Both parts come from validated config, so a bad one is a bug.
     */
    public static String secretId(String environment, String name) {
        String id = environment + "-" + name;
        if (!SECRET_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not a valid Secret Manager secret id: '" + id
                    + "' (letters, digits, '_' and '-', at most " + SECRET_ID_MAX + ")");
        }
        return id;
    }

    /**
     * A DNS-style name of at most {@code max} characters: lowercase letters, digits and single hyphens,
     * starting with a letter and ending with a letter or digit.
     */
    public static String dnsName(String text, int max) {
        if (max < HASH_CHARS + 3) {
            throw new IllegalArgumentException("names shorter than " + (HASH_CHARS + 3)
                    + " characters cannot carry a collision-proof suffix, got max " + max);
        }
        String slug = slug(text, false);
        if (slug.isEmpty() || !Character.isLetter(slug.charAt(0))) {
            slug = slug.isEmpty() ? "x" : "x-" + slug;
        }
        if (slug.equals(text)
                && slug.length() <= max
                && !HASH_SUFFIX.matcher(slug).matches()) {
            return slug;
        }
        return withHash(slug, text, max);
    }

    private static String withHash(String slug, String original, int max) {
        String head =
                slug.substring(0, Math.min(slug.length(), max - 1 - HASH_CHARS)).replaceAll("[-_]+$", "");
        return head.isEmpty() ? "x-" + hash(original) : head + "-" + hash(original);
    }

    /**
     * Lowercase ASCII: accents dropped ({@code é} becomes {@code e}), every run of other characters becomes one
     * hyphen, no hyphen at either end. Label values also keep underscores.
     */
    static String slug(String text, boolean keepUnderscore) {
        String ascii = COMBINING_MARKS
                .matcher(Normalizer.normalize(text, Normalizer.Form.NFKD))
                .replaceAll("");
        String allowed = keepUnderscore ? "[^a-z0-9_]+" : "[^a-z0-9]+";
        return ascii.toLowerCase(Locale.ROOT).replaceAll(allowed, "-").replaceAll("^-+|-+$", "");
    }

    /** The first {@value #HASH_CHARS} hex characters of the SHA-256 of {@code text} (UTF-8). */
    public static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
