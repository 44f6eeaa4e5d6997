package dev.llmsafe.providers.railway.outputs;

import com.pulumi.core.annotations.CustomType;
import java.util.Optional;
import javax.annotation.Nullable;

/** The default environment of a Railway project, as the provider reports it. */
@CustomType
public final class ProjectDefaultEnvironment {
    private @Nullable String id;
    private @Nullable String name;

    private ProjectDefaultEnvironment() {}

    public Optional<String> id() {
        return Optional.ofNullable(id);
    }

    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Used by the SDK to deserialize the provider's answer. */
    @CustomType.Builder
    public static final class Builder {
        private @Nullable String id;
        private @Nullable String name;

        @CustomType.Setter
        public Builder id(@Nullable String id) {
            this.id = id;
            return this;
        }

        @CustomType.Setter
        public Builder name(@Nullable String name) {
            this.name = name;
            return this;
        }

        public ProjectDefaultEnvironment build() {
            var result = new ProjectDefaultEnvironment();
            result.id = id;
            result.name = name;
            return result;
        }
    }
}
