package dev.llmsafe.providers.railway;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import java.util.Objects;

/** Inputs of {@link ServiceDomain}; all three are required. */
public final class ServiceDomainArgs extends ResourceArgs {
    @Import(name = "environmentId", required = true)
    private Output<String> environmentId;

    @Import(name = "serviceId", required = true)
    private Output<String> serviceId;

    @Import(name = "subdomain", required = true)
    private Output<String> subdomain;

    public static ServiceDomainArgs of(Output<String> environmentId, Output<String> serviceId, String subdomain) {
        var args = new ServiceDomainArgs();
        args.environmentId = Objects.requireNonNull(environmentId, "environmentId");
        args.serviceId = Objects.requireNonNull(serviceId, "serviceId");
        args.subdomain = Output.of(Objects.requireNonNull(subdomain, "subdomain"));
        return args;
    }
}
