package dev.llmsafe.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The evaluator against the examples and rules of GitHub's expression docs. */
class WorkflowExpressionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String eval(String expression) throws Exception {
        JsonNode github = JSON.readTree("""
                {"event_name":"pull_request","repository":"acme/shop",
                 "event":{"action":"labeled","pull_request":{"state":"closed","number":7,
                   "labels":[{"name":"bug"},{"name":"preview:cloudrun"}],"head":{"repo":{"full_name":"Acme/Shop"}}}}}""");
        return WorkflowExpression.evaluate(expression, Map.of("github", github), s -> s.equals("always"))
                .toString();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiterString = " => ",
            quoteCharacter = '`',
            value = {
                "${{ 'abc' == 'ABC' }} => true",
                "null == 0 => true",
                "1 == '1' => true",
                "'' == 0 => true",
                "true == 1 => true",
                "'a' != 'b' => true",
                "'a' && 'b' => \"b\"",
                "null || 'x' => \"x\"",
                "'' && 'x' => \"\"",
                "!github.event.missing => true",
                "github.event.pull_request.number >= 7 => true",
                "github.event.pull_request.number < 7 => false",
                "github.event.pull_request.state == 'open' => false",
                "github.event.pull_request.head.repo.full_name == github.repository => true",
                "github.event['action'] == 'LABELED' => true",
                "contains(github.event.pull_request.labels.*.name, 'bug') => true",
                "contains('Hello world', 'LLO') => true",
                "startsWith(github.repository, 'acme/') => true",
                "join(github.event.pull_request.labels.*.name, ',') => \"bug,preview:cloudrun\"",
                "always() && github.event.action != 'closed' => true",
                "success() || (1 > 2) => false",
                "!(1 == 1) || 2 == 2 && 3 == 4 => false",
            })
    void evaluatesAsTheDocsSay(String expression, String expected) throws Exception {
        assertThat(eval(expression)).isEqualTo(expected);
    }
}
