package dev.llmsafe.plan;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.core.internal.Internal;
import com.pulumi.resources.ResourceArgs;
import java.lang.reflect.Field;
import java.util.Set;
import java.util.TreeSet;

/**
 * The top-level inputs a program passed as secret outputs. The mock engine receives inputs as plain values, so
 * the offline plan asks the program's own argument objects which ones were secret and shows those as
 * {@value PlannedResource#SECRET}, as {@code pulumi preview} does.
 */
final class SecretInputs {
    private SecretInputs() {}

    /** Wire names of the inputs of {@code args} whose output is secret; call once the program has finished. */
    static Set<String> of(ResourceArgs args) {
        Set<String> names = new TreeSet<>();
        if (args == null) {
            return names;
        }
        for (Class<?> type = args.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                Import input = field.getAnnotation(Import.class);
                if (input == null || !Output.class.isAssignableFrom(field.getType())) {
                    continue;
                }
                if (isSecret(read(field, args))) {
                    names.add(input.name().isEmpty() ? field.getName() : input.name());
                }
            }
        }
        return names;
    }

    private static Object read(Field field, Object owner) {
        try {
            field.setAccessible(true);
            return field.get(owner);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null; // an input that cannot be inspected is shown as the engine received it
        }
    }

    private static boolean isSecret(Object value) {
        if (!(value instanceof Output<?> output)) {
            return false;
        }
        return Internal.of(output).isSecret().getNow(false);
    }
}
