package dev.llmsafe.providers.railway;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import java.util.List;
import javax.annotation.Nullable;

/** {@code railway_service_domain}: a public {@code <subdomain>.up.railway.app} domain of a service. */
@ResourceType(type = ServiceDomain.TYPE)
public final class ServiceDomain extends CustomResource {
    public static final String TYPE = "railway:index/serviceDomain:ServiceDomain";

    @Export(
            name = "subdomain",
            refs = {String.class},
            tree = "[0]")
    private Output<String> subdomain;

    @Export(
            name = "environmentId",
            refs = {String.class},
            tree = "[0]")
    private Output<String> environmentId;

    @Export(
            name = "serviceId",
            refs = {String.class},
            tree = "[0]")
    private Output<String> serviceId;

    /** The full domain, e.g. {@code shop-pr-42.up.railway.app}. */
    @Export(
            name = "domain",
            refs = {String.class},
            tree = "[0]")
    private Output<String> domain;

    @Export(
            name = "projectId",
            refs = {String.class},
            tree = "[0]")
    private Output<String> projectId;

    @Export(
            name = "suffix",
            refs = {String.class},
            tree = "[0]")
    private Output<String> suffix;

    public ServiceDomain(String name, ServiceDomainArgs args, @Nullable CustomResourceOptions options) {
        super(TYPE, name, args, RailwayPackage.options(options, List.of()), false, RailwayPackage.packageRef());
    }

    public Output<String> subdomain() {
        return subdomain;
    }

    public Output<String> environmentId() {
        return environmentId;
    }

    public Output<String> serviceId() {
        return serviceId;
    }

    public Output<String> domain() {
        return domain;
    }

    public Output<String> projectId() {
        return projectId;
    }

    public Output<String> suffix() {
        return suffix;
    }
}
