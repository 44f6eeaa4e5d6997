package dev.llmsafe.providers.github;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.ResourceArgs;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Holds every binding in this package against the real pulumi-github schema: type tokens, input and output
 * property names, required flags, Java types and nested input types. Drift shows up here, not in a failed
 * {@code pulumi up}. The schema is the published one's part the bindings use, carried as test data with its
 * source and hash ({@code .ci/provider-schema-subset} writes it), so every clone runs this test.
 */
public class GithubBindingsSchemaTest {
    private static final String SCHEMA = "provider-schemas/github-" + GithubPackage.VERSION + "/schema.json";
    private static JsonNode schema;
    private static List<Class<?>> bindings;

    @BeforeAll
    static void load() throws IOException, URISyntaxException {
        try (var in = GithubBindingsSchemaTest.class.getResourceAsStream("/" + SCHEMA)) {
            assertThat(in)
                    .as("test data %s, written by .ci/provider-schema-subset", SCHEMA)
                    .isNotNull();
            schema = new ObjectMapper().readTree(in);
        }
        bindings = classesOfThisPackage();
    }

    /** Every compiled class under this package, so a new binding is checked without editing this test. */
    private static List<Class<?>> classesOfThisPackage() throws IOException, URISyntaxException {
        Path location = Path.of(GithubPackage.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        // target/classes under Surefire; the packaged jar under Failsafe (the engine tests).
        java.nio.file.FileSystem jar =
                Files.isRegularFile(location) ? java.nio.file.FileSystems.newFileSystem(location) : null;
        Path root = jar == null ? location : jar.getPath("/");
        Path dir = root.resolve(GithubPackage.class.getPackageName().replace('.', '/'));
        List<Class<?>> classes = new ArrayList<>();
        try (jar;
                Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = root.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
                try {
                    classes.add(Class.forName(name));
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return classes;
    }

    @Test
    void everyResourceBindingMatchesItsSchemaResource() throws ReflectiveOperationException {
        assertThat(problemsAgainst(schema)).isEmpty();
    }

    /**
     * Every way the bindings differ from a github schema: this test's copy of the published one, or the schema
     * the engine tests' plugin reports.
     */
    public static synchronized List<String> problemsAgainst(JsonNode github) throws ReflectiveOperationException {
        schema = github;
        try {
            if (bindings == null) {
                bindings = classesOfThisPackage();
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot list the binding classes", e);
        }
        List<String> problems = new ArrayList<>();
        Set<Class<?>> reachedArgs = new HashSet<>();
        int resources = 0;
        for (Class<?> type : bindings) {
            ResourceType token = type.getAnnotation(ResourceType.class);
            if (token == null) {
                continue;
            }
            resources++;
            String where = type.getSimpleName();
            if (!CustomResource.class.isAssignableFrom(type)) {
                problems.add(where + ": not a CustomResource");
            }
            JsonNode resource = token.type().equals("pulumi:providers:" + GithubPackage.NAME)
                    ? schema.get("provider")
                    : schema.path("resources").get(token.type());
            if (resource == null) {
                problems.add(where + ": token " + token.type() + " is not in the schema");
                continue;
            }
            if (resource != schema.get("provider")
                    && !token.type().equals(type.getField("TYPE").get(null))) {
                problems.add(where + ".TYPE differs from its token " + token.type());
            }
            Class<?> args = Class.forName(type.getName() + "Args");
            checkInputs(
                    args,
                    resource.get("inputProperties"),
                    names(resource.get("requiredInputs")),
                    problems,
                    reachedArgs);
            checkOutputs(type, resource.get("properties"), names(resource.get("required")), problems);
        }
        if (resources < 7) {
            problems.add("only " + resources + " resource bindings found");
        }
        for (Class<?> c : bindings) {
            if (ResourceArgs.class.isAssignableFrom(c) && !reachedArgs.contains(c)) {
                problems.add(c.getName() + ": an Args class no binding uses, so never checked");
            }
        }
        return problems;
    }

    private static Set<String> names(JsonNode array) {
        Set<String> out = new TreeSet<>();
        if (array != null) {
            array.forEach(n -> out.add(n.asText()));
        }
        return out;
    }

    private static void checkInputs(
            Class<?> args, JsonNode properties, Set<String> required, List<String> problems, Set<Class<?>> reached) {
        reached.add(args);
        Set<String> bound = new HashSet<>();
        for (Field f : args.getDeclaredFields()) {
            Import imp = f.getAnnotation(Import.class);
            if (imp == null) {
                continue;
            }
            String where = args.getSimpleName() + "." + imp.name();
            bound.add(imp.name());
            JsonNode prop = properties.get(imp.name());
            if (prop == null) {
                problems.add(where + ": no such input property in the schema");
                continue;
            }
            if (imp.required() != required.contains(imp.name())) {
                problems.add(where + ": required=" + imp.required() + " but the schema says " + !imp.required());
            }
            checkType(where, prop, outputOf(f, where, problems), problems, reached);
        }
        for (String name : required) {
            if (!bound.contains(name)) {
                problems.add(args.getSimpleName() + ": required input " + name + " is not bound");
            }
        }
    }

    private static void checkOutputs(Class<?> type, JsonNode properties, Set<String> required, List<String> problems)
            throws ClassNotFoundException {
        for (Field f : type.getDeclaredFields()) {
            Export exp = f.getAnnotation(Export.class);
            if (exp == null) {
                continue;
            }
            String where = type.getSimpleName() + "." + exp.name();
            JsonNode prop = properties.get(exp.name());
            if (prop == null) {
                problems.add(where + ": no such output property in the schema");
                continue;
            }
            checkType(where, prop, outputOf(f, where, problems), problems, new HashSet<>());
            // A property the provider always returns is a plain Output; any other is Output<Optional<T>>.
            try {
                Type getter = type.getMethod(exp.name()).getGenericReturnType();
                boolean optional = getter.getTypeName().contains("java.util.Optional");
                if (optional == required.contains(exp.name())) {
                    problems.add(where + ": getter " + (optional ? "is" : "is not") + " Optional, but the schema "
                            + (optional ? "always returns it" : "may omit it"));
                }
            } catch (NoSuchMethodException e) {
                problems.add(where + ": no getter " + exp.name() + "()");
            }
        }
    }

    private static Type outputOf(Field f, String where, List<String> problems) {
        Type t = f.getGenericType();
        if (t instanceof ParameterizedType p && p.getRawType() == Output.class) {
            return p.getActualTypeArguments()[0];
        }
        problems.add(where + ": field is not an Output<T>");
        return Object.class;
    }

    private static void checkType(
            String where, JsonNode prop, Type java, List<String> problems, Set<Class<?>> reached) {
        if (prop.has("$ref")) {
            String token = prop.get("$ref").asText().replaceFirst("^#/types/", "");
            JsonNode type = schema.path("types").get(token);
            String expected = token.substring(token.lastIndexOf(':') + 1) + "Args";
            if (!(java instanceof Class<?> c)
                    || !c.getSimpleName().equals(expected)
                    || !ResourceArgs.class.isAssignableFrom(c)
                    || type == null) {
                problems.add(where + ": expected nested input " + expected + " for " + token + ", found " + java);
                return;
            }
            if (!reached.contains(c)) {
                checkInputs(c, type.get("properties"), names(type.get("required")), problems, reached);
            }
            return;
        }
        String schemaType = prop.path("type").asText();
        switch (schemaType) {
            case "array" -> {
                if (java instanceof ParameterizedType p && p.getRawType() == List.class) {
                    checkType(where + "[]", prop.get("items"), p.getActualTypeArguments()[0], problems, reached);
                } else {
                    problems.add(where + ": the schema has an array, the binding " + java);
                }
            }
            case "object" -> {
                if (!(java instanceof ParameterizedType p && p.getRawType() == Map.class)) {
                    problems.add(where + ": the schema has a map, the binding " + java);
                }
            }
            default -> {
                Class<?> want = Map.of(
                                "string",
                                String.class,
                                "boolean",
                                Boolean.class,
                                "integer",
                                Integer.class,
                                "number",
                                Double.class)
                        .get(schemaType);
                if (want == null || !want.equals(java)) {
                    problems.add(where + ": the schema has " + schemaType + ", the binding " + java);
                }
            }
        }
    }

    @Test
    void providerTokenIsSecretInTheSchemaAndInTheBinding() throws Exception {
        JsonNode token = schema.path("provider").path("inputProperties").path("token");
        assertThat(token.path("secret").asBoolean()).isTrue();
        assertThat(names(token.path("defaultInfo").path("environment"))).contains("GITHUB_TOKEN");
        var args = ProviderArgs.builder().token("t0ken").build();
        assertThat(com.pulumi.core.internal.Internal.of(args.token().orElseThrow())
                        .isSecret()
                        .get())
                .isTrue();
    }
}
