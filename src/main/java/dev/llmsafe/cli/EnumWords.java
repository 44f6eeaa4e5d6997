package dev.llmsafe.cli;

import dev.llmsafe.identity.ActorKind;
import dev.llmsafe.stack.StackKind;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.function.Function;
import picocli.CommandLine;

/**
 * An option whose value is one of an enum's constants, written as the enum writes it in config and records
 * ({@code review}, {@code human}), not as its Java name. It is both the option's converter, whose refusal lists
 * the words, and its completion candidates, which {@code ${COMPLETION-CANDIDATES}} shows in help; picocli makes
 * either from a class, hence one small subclass per enum.
 */
abstract class EnumWords<E extends Enum<E>> implements CommandLine.ITypeConverter<E>, Iterable<String> {
    private final Class<E> type;
    private final Function<E, String> word;
    private final String what;
    private final boolean ignoreCase;

    EnumWords(Class<E> type, Function<E, String> word, String what, boolean ignoreCase) {
        this.type = type;
        this.word = word;
        this.what = what;
        this.ignoreCase = ignoreCase;
    }

    @Override
    public Iterator<String> iterator() {
        return Arrays.stream(type.getEnumConstants()).map(word).iterator();
    }

    @Override
    public E convert(String value) {
        String given = ignoreCase ? value.strip().toLowerCase(Locale.ROOT) : value;
        return Arrays.stream(type.getEnumConstants())
                .filter(e -> word.apply(e).equals(given))
                .findFirst()
                .orElseThrow(() -> new CommandLine.TypeConversionException(
                        "'" + value + "' is not " + what + "; use one of " + String.join(", ", this)));
    }

    /** {@code --kind}: the stack kind, exactly as the {@code kind} config key spells it. */
    static final class StackKinds extends EnumWords<StackKind> {
        StackKinds() {
            super(StackKind.class, StackKind::configValue, "a stack kind", false);
        }
    }

    /** {@code --actor-kind}: who acted, in any case, as it always was accepted. */
    static final class ActorKinds extends EnumWords<ActorKind> {
        ActorKinds() {
            super(ActorKind.class, ActorKind::value, "an actor kind", true);
        }
    }
}
