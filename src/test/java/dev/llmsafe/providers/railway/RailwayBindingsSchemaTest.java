package dev.llmsafe.providers.railway;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.core.annotations.ResourceType;
import dev.llmsafe.providers.railway.outputs.ProjectDefaultEnvironment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Holds every Railway binding against the provider's own resource docs: tokens, properties, flags, types. The docs
 * are carried as test data with their source ({@code .ci/provider-schema-subset} copies them), so every clone
 * runs this test.
 */
class RailwayBindingsSchemaTest {
    private static Path docs;

    @BeforeAll
    static void locateDocs() throws java.net.URISyntaxException {
        var url = RailwayBindingsSchemaTest.class.getResource(
                "/provider-schemas/railway-tf-" + RailwayPackage.VERSION + "/resources");
        assertThat(url).as("test data written by .ci/provider-schema-subset").isNotNull();
        docs = Path.of(url.toURI()).getParent();
    }

    private static TerraformDocs resource(String name) throws IOException {
        TerraformDocs parsed = TerraformDocs.parse(docs.resolve("resources").resolve(name + ".md"));
        assertThat(parsed.attributes()).as("attributes parsed from %s.md", name).isNotEmpty();
        return parsed;
    }

    private static List<String> check(String docName, Class<?> resource, Class<?> args, List<String> secrets)
            throws IOException {
        TerraformDocs parsed = resource(docName);
        var checker = new BindingChecker();
        checker.token(resource, TerraformDocs.token(docName));
        checker.inputs(args, parsed.attributes());
        checker.outputs(resource, parsed.attributes(), secrets);
        return checker.problems();
    }

    @Test
    void projectMatchesItsDocs() throws IOException {
        assertThat(check("project", Project.class, ProjectArgs.class, List.of()))
                .isEmpty();
        var nested = resource("project").nested().get("default_environment");
        var checker = new BindingChecker();
        checker.inputs(ProjectDefaultEnvironmentArgs.class, nested);
        checker.outputType(ProjectDefaultEnvironment.class, nested);
        assertThat(checker.problems()).isEmpty();
    }

    @Test
    void serviceMatchesItsDocs() throws IOException {
        assertThat(check("service", Service.class, ServiceArgs.class, Service.SECRET_PROPERTIES))
                .isEmpty();
    }

    @Test
    void variableMatchesItsDocs() throws IOException {
        assertThat(check("variable", Variable.class, VariableArgs.class, Variable.SECRET_PROPERTIES))
                .isEmpty();
    }

    @Test
    void sharedVariableMatchesItsDocs() throws IOException {
        assertThat(check(
                        "shared_variable",
                        SharedVariable.class,
                        SharedVariableArgs.class,
                        SharedVariable.SECRET_PROPERTIES))
                .isEmpty();
    }

    @Test
    void serviceDomainMatchesItsDocs() throws IOException {
        assertThat(check("service_domain", ServiceDomain.class, ServiceDomainArgs.class, List.of()))
                .isEmpty();
    }

    @Test
    void providerMatchesTheProviderPage() throws IOException {
        TerraformDocs index = TerraformDocs.parse(docs.resolve("index.md"));
        assertThat(index.attributes()).containsKey("token");
        var checker = new BindingChecker();
        checker.token(Provider.class, "pulumi:providers:railway");
        checker.inputs(ProviderArgs.class, index.attributes());
        assertThat(checker.problems()).isEmpty();
        assertThat(Provider.SECRET_PROPERTIES).containsExactly("token");
    }

    @Test
    void everyBoundResourceHasADocsPage() {
        for (Class<?> type :
                List.of(Project.class, Service.class, Variable.class, SharedVariable.class, ServiceDomain.class)) {
            String token = type.getAnnotation(ResourceType.class).type();
            String camel = token.substring("railway:index/".length(), token.lastIndexOf(':'));
            String snake = camel.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
            assertThat(docs.resolve("resources").resolve(snake + ".md"))
                    .as(token)
                    .exists();
        }
    }

    // A binding with every kind of mistake, to show the checker finds each one.
    @ResourceType(type = "railway:index/Service:service")
    static final class WrongService {
        @Export(
                name = "sourceRepoBranch",
                refs = {Boolean.class},
                tree = "[0]")
        private Output<Boolean> sourceRepoBranch;

        @Export(
                name = "id",
                refs = {String.class},
                tree = "[0]")
        private Output<String> id;
    }

    static final class WrongServiceArgs {
        @Import(name = "name")
        private Output<String> name;

        @Import(name = "source_repo")
        private Output<String> sourceRepo;

        @Import(name = "rootDirectory", required = true)
        private Output<String> rootDirectory;
    }

    @Test
    void theCheckerReportsWrongTokensNamesFlagsTypesAndMissingRequiredProperties() throws IOException {
        List<String> problems = check("service", WrongService.class, WrongServiceArgs.class, List.of("sourceRepo"));
        assertThat(problems)
                .anyMatch(p -> p.contains("token railway:index/Service:service"))
                .anyMatch(p -> p.contains("WrongServiceArgs.name: required=false"))
                .anyMatch(p -> p.contains("WrongServiceArgs.source_repo: not an input"))
                .anyMatch(p -> p.contains("WrongServiceArgs.rootDirectory: required=true"))
                .anyMatch(p -> p.contains("required attribute project_id is not bound"))
                .anyMatch(p -> p.contains("WrongService.sourceRepoBranch: Java type java.lang.Boolean"))
                .anyMatch(p -> p.contains("WrongService.id: not an attribute"))
                .anyMatch(p -> p.contains("secret output sourceRepo is not a sensitive attribute"));
        Map<String, TerraformDocs.Attribute> attrs = resource("service").attributes();
        assertThat(attrs.get("source_image_registry_password").sensitive()).isTrue();
        assertThat(attrs.get("project_id").section()).isEqualTo(TerraformDocs.Section.REQUIRED);
    }
}
