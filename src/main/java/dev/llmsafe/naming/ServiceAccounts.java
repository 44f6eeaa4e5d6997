package dev.llmsafe.naming;

/**
 * The service accounts of an app, one pair per environment: {@code <app>-deploy-<env>}, which CI impersonates to
 * deploy, and {@code <app>-run-<env>}, which the app runs as. The platform stack creates them; app stacks refer to
 * the runtime account by these names and create none.
 */
public final class ServiceAccounts {
    private ServiceAccounts() {}

    /** {@code <app>-deploy-<env>}, shortened with a hash where it would exceed 30 characters. */
    public static String deployerId(String app, String environment) {
        return Names.serviceAccountId(app, "deploy", environment);
    }

    /** {@code <app>-run-<env>}: the identity the app runs as in that environment. */
    public static String runtimeId(String app, String environment) {
        return Names.serviceAccountId(app, "run", environment);
    }

    /** The email of account {@code accountId} in {@code project}. */
    public static String email(String accountId, String project) {
        return accountId + "@" + project + ".iam.gserviceaccount.com";
    }

    /**
     * The IAM member of an account known by email only, as an app stack knows its runtime account. Where the
     * account is a resource of the same program, use its {@code member()} output instead.
     */
    public static String member(String email) {
        return "serviceAccount:" + email;
    }
}
