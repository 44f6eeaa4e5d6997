package dev.llmsafe.providers.railway;

import com.pulumi.core.annotations.CustomType;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.core.annotations.ResourceType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Compares a binding's annotations with the provider's docs and lists every difference. */
final class BindingChecker {
    private final List<String> problems = new ArrayList<>();

    List<String> problems() {
        return problems;
    }

    void token(Class<?> resource, String expected) {
        ResourceType type = resource.getAnnotation(ResourceType.class);
        String actual = type == null ? null : type.type();
        if (!expected.equals(actual)) {
            problems.add(resource.getSimpleName() + ": token " + actual + ", docs give " + expected);
        }
    }

    /** Inputs: every @Import is a required/optional attribute with the right flag and type; no required is missing. */
    void inputs(Class<?> args, Map<String, TerraformDocs.Attribute> docs) {
        Map<String, Field> bound = new HashMap<>();
        for (Field f : args.getDeclaredFields()) {
            Import in = f.getAnnotation(Import.class);
            if (in != null) {
                bound.put(in.name(), f);
            }
        }
        for (var e : bound.entrySet()) {
            TerraformDocs.Attribute attr = byCamel(docs, e.getKey());
            String where = args.getSimpleName() + "." + e.getKey();
            if (attr == null || attr.section() == TerraformDocs.Section.READ_ONLY) {
                problems.add(where + ": not an input in the docs");
                continue;
            }
            boolean required = e.getValue().getAnnotation(Import.class).required();
            if (required != (attr.section() == TerraformDocs.Section.REQUIRED)) {
                problems.add(where + ": required=" + required + ", docs say " + attr.section());
            }
            type(where, attr, outputParameter(e.getValue()));
        }
        for (TerraformDocs.Attribute attr : docs.values()) {
            if (attr.section() == TerraformDocs.Section.REQUIRED
                    && !bound.containsKey(TerraformDocs.camel(attr.name()))) {
                problems.add(args.getSimpleName() + ": required attribute " + attr.name() + " is not bound");
            }
        }
    }

    /** Outputs: every @Export is a documented attribute of the right type; sensitive ones are secret outputs. */
    void outputs(Class<?> resource, Map<String, TerraformDocs.Attribute> docs, List<String> secretOutputs) {
        for (Field f : resource.getDeclaredFields()) {
            Export out = f.getAnnotation(Export.class);
            if (out == null) {
                continue;
            }
            String where = resource.getSimpleName() + "." + out.name();
            TerraformDocs.Attribute attr = byCamel(docs, out.name());
            if (attr == null || "id".equals(attr.name())) {
                problems.add(where + ": not an attribute in the docs (id comes with every resource)");
                continue;
            }
            type(where, attr, outputParameter(f));
            if (attr.sensitive() && !secretOutputs.contains(out.name())) {
                problems.add(where + ": sensitive in the docs but not a secret output");
            }
        }
        for (String secret : secretOutputs) {
            TerraformDocs.Attribute attr = byCamel(docs, secret);
            if (attr == null || !attr.sensitive()) {
                problems.add(resource.getSimpleName() + ": secret output " + secret + " is not a sensitive attribute");
            }
        }
    }

    /** A nested output type: each builder setter is a documented attribute of the block. */
    void outputType(Class<?> type, Map<String, TerraformDocs.Attribute> docs) {
        if (type.getAnnotation(CustomType.class) == null) {
            problems.add(type.getSimpleName() + ": not a @CustomType");
        }
        for (Class<?> inner : type.getDeclaredClasses()) {
            for (Method m : inner.getDeclaredMethods()) {
                if (m.getAnnotation(CustomType.Setter.class) != null && byCamel(docs, m.getName()) == null) {
                    problems.add(type.getSimpleName() + "." + m.getName() + ": not an attribute of the block");
                }
            }
        }
    }

    private void type(String where, TerraformDocs.Attribute attr, Type javaType) {
        String expected = switch (attr.type()) {
            case "String" -> "java.lang.String";
            case "Boolean" -> "java.lang.Boolean";
            case "Number" -> "java.lang.Double|java.lang.Integer";
            default -> null; // Attributes: a nested type, checked on its own
        };
        if (expected != null && !expected.contains(javaType.getTypeName())) {
            problems.add(where + ": Java type " + javaType.getTypeName() + ", docs say " + attr.type());
        }
    }

    private static Type outputParameter(Field f) {
        Type t = f.getGenericType();
        return t instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : t;
    }

    private static TerraformDocs.Attribute byCamel(Map<String, TerraformDocs.Attribute> docs, String camel) {
        return docs.values().stream()
                .filter(a -> TerraformDocs.camel(a.name()).equals(camel))
                .findFirst()
                .orElse(null);
    }
}
