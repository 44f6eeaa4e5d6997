package dev.llmsafe.providers.railway;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ProviderResource;
import java.util.List;
import javax.annotation.Nullable;

/**
 * An explicit Railway provider ({@code pulumi:providers:railway}). Without one, Pulumi's default provider reads
 * its token from the {@code railway:token} config key (set it with {@code pulumi config set --secret
 * railway:token ...}) or the {@code RAILWAY_TOKEN} environment variable.
 */
@ResourceType(type = "pulumi:providers:" + RailwayPackage.NAME)
public final class Provider extends ProviderResource {
    /** Provider properties that only ever carry secrets. */
    public static final List<String> SECRET_PROPERTIES = List.of("token");

    public Provider(String name, ProviderArgs args, @Nullable CustomResourceOptions options) {
        super(
                RailwayPackage.NAME,
                name,
                args == null ? ProviderArgs.Empty : args,
                RailwayPackage.options(options, SECRET_PROPERTIES),
                false,
                RailwayPackage.packageRef());
    }

    /** Marks the token secret whatever the caller passed, so it never reaches state or logs in clear. */
    public static ProviderArgs withToken(Output<String> token) {
        return ProviderArgs.builder().token(token.asSecret()).build();
    }
}
