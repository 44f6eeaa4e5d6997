package dev.llmsafe.structure;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.ExplicitConstructorInvocationStmt;
import dev.llmsafe.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Long positional argument lists compile with two ints swapped; named builders do not. No call in the project's
 * sources passes more than {@value #MAX_POSITIONAL} arguments by position: constructors, methods and
 * {@code this(...)}/{@code super(...)} alike, read with a real Java parser. Two kinds of call are not positional in
 * that sense: a record's own body (its builder, its factories) calling its canonical constructor, right beside the
 * component list it mirrors; and the collection and format factories whose arguments all mean the same thing.
 */
class PositionalArgumentsTest {
    static final int MAX_POSITIONAL = 5;
    /**
     * Calls into APIs this project does not own, which take their arguments by position: pulumi-java's
     * parameterized-package resource constructor ({@code super(type, name, args, options, true, packageRef)}) and
     * {@code DeploymentInstance.registerPackage}, both in the Railway bindings.
     */
    static final Set<String> FOREIGN = Set.of("super(...)", "registerPackage");
    /** Methods whose arguments are elements, pairs or format values, each meaning the same as the next. */
    static final Set<String> ELEMENT_METHODS = Set.of(
            "List.of",
            "Set.of",
            "Map.of",
            "Stream.of",
            "Arrays.asList",
            "EnumSet.of",
            "String.format",
            "printf",
            "format",
            "formatted",
            "containsExactly",
            "containsExactlyInAnyOrder",
            "contains",
            "containsOnly",
            "containsKeys",
            "doesNotContain",
            "containsAnyOf",
            "extracting",
            "tuple",
            "of");

    /** The program and the CLI; tests call the CLI with command lines, whose words are positional by nature. */
    private static final List<Path> SOURCE_ROOTS = List.of(Path.of("src/main/java"));

    @BeforeAll
    static void java17() {
        StaticJavaParser.getParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17);
    }

    @Test
    void noCallPassesMoreThanFiveArgumentsByPosition() throws IOException {
        List<String> offenders = new ArrayList<>();
        int calls = 0;
        for (Path file : sources()) {
            CompilationUnit unit = StaticJavaParser.parse(file);
            String where = CliRun.projectDir().relativize(file).toString();
            for (Node call : calls(unit)) {
                calls++;
                int count = arguments(call).size();
                if (count > MAX_POSITIONAL && !foreign(call, where) && !elements(call) && !ownCanonical(call)) {
                    offenders.add(where + ":" + call.getBegin().map(p -> p.line).orElse(0) + " passes " + count
                            + " arguments: " + head(call));
                }
            }
        }
        assertThat(calls).as("calls read").isGreaterThan(5_000);
        assertThat(offenders)
                .as("calls with more than " + MAX_POSITIONAL + " positional arguments; use a builder")
                .isEmpty();
    }

    @Test
    void theCheckSeesLongCallsWhereverTheyAre() {
        CompilationUnit unit = StaticJavaParser.parse("""
                class X {
                    X() { this(1, 2, 3, 4, 5, 6); }
                    void m() { new Y(1, 2, 3, 4, 5, 6); f(1, 2, 3, 4, 5, 6); g(1, 2, 3, 4, 5); List.of(1, 2, 3, 4, 5, 6); }
                    record R(int a, int b, int c, int d, int e, int f) {
                        static R zero() { return new R(0, 0, 0, 0, 0, 0); }
                        static final class Builder { R build() { return new R(1, 2, 3, 4, 5, 6); } }
                        R other() { return new Z(1, 2, 3, 4, 5, 6); }
                    }
                }
                """);
        assertThat(calls(unit))
                .filteredOn(c -> arguments(c).size() > MAX_POSITIONAL)
                .filteredOn(c -> !elements(c) && !ownCanonical(c))
                .extracting(PositionalArgumentsTest::head)
                .containsExactlyInAnyOrder(
                        "this(1, 2, 3, 4, 5, 6);",
                        "new Y(1, 2, 3, 4, 5, 6)",
                        "f(1, 2, 3, 4, 5, 6)",
                        "new Z(1, 2, 3, 4, 5, 6)");
    }

    private static List<Path> sources() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path root : SOURCE_ROOTS) {
            try (Stream<Path> walk = Files.walk(CliRun.projectDir().resolve(root))) {
                walk.filter(p -> p.toString().endsWith(".java")).sorted().forEach(files::add);
            }
        }
        return files;
    }

    private static List<Node> calls(CompilationUnit unit) {
        List<Node> calls = new ArrayList<>();
        calls.addAll(unit.findAll(ObjectCreationExpr.class));
        calls.addAll(unit.findAll(MethodCallExpr.class));
        calls.addAll(unit.findAll(ExplicitConstructorInvocationStmt.class));
        return calls;
    }

    private static NodeList<Expression> arguments(Node call) {
        if (call instanceof ObjectCreationExpr c) {
            return c.getArguments();
        }
        if (call instanceof MethodCallExpr c) {
            return c.getArguments();
        }
        return ((ExplicitConstructorInvocationStmt) call).getArguments();
    }

    private static boolean foreign(Node call, String where) {
        if (!where.startsWith("src/main/java/dev/llmsafe/providers/railway/")) {
            return false;
        }
        if (call instanceof ExplicitConstructorInvocationStmt s) {
            return !s.isThis() && FOREIGN.contains("super(...)");
        }
        return call instanceof MethodCallExpr m && FOREIGN.contains(m.getNameAsString());
    }

    private static boolean elements(Node call) {
        if (!(call instanceof MethodCallExpr m)) {
            return false;
        }
        String scoped = m.getScope().map(sc -> sc.toString() + ".").orElse("") + m.getNameAsString();
        return ELEMENT_METHODS.contains(scoped)
                || ELEMENT_METHODS.contains(m.getNameAsString())
                        && m.getScope()
                                .map(sc -> !(sc instanceof MethodCallExpr)
                                        || List.of("printf", "format", "formatted")
                                                .contains(m.getNameAsString())
                                        || m.getNameAsString().startsWith("contain")
                                        || m.getNameAsString().equals("extracting"))
                                .orElse(false);
    }

    /** {@code new R(...)} inside record R itself: its builder or a factory, beside the components it mirrors. */
    private static boolean ownCanonical(Node call) {
        if (!(call instanceof ObjectCreationExpr c)) {
            return false;
        }
        String type = c.getType().getName().asString();
        return c.findAncestor(RecordDeclaration.class, r -> r.getNameAsString().equals(type))
                .isPresent();
    }

    private static String head(Node call) {
        String text = call.toString().replaceAll("\\s+", " ");
        return text.length() > 100 ? text.substring(0, 100) + "..." : text;
    }
}
