package dev.llmsafe.stack;

import java.util.List;

/** The names of the three deployment environments, as GitHub Environments and in resource names. */
public record EnvironmentNames(String review, String staging, String production) {
    /** The names when config and policy.yaml name none. */
    public static final EnvironmentNames DEFAULTS = new EnvironmentNames("review", "staging", "production");

    public List<String> all() {
        return List.of(review, staging, production);
    }

    /** The environment a stack of this kind deploys into; platform deploys into none. */
    public String of(StackKind kind) {
        switch (kind) {
            case REVIEW:
                return review;
            case STAGING:
                return staging;
            case PRODUCTION:
                return production;
            default:
                throw new IllegalArgumentException("the platform stack has no deployment environment");
        }
    }
}
