package dev.llmsafe.policy.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.llmsafe.policy.Finding;
import dev.llmsafe.policy.PolicyReport;
import dev.llmsafe.policy.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The report as JSON for other tools; the shape is documented in docs/policies.md. */
public final class JsonReport {
    private static final ObjectMapper MAPPER =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private JsonReport() {}

    public static String render(PolicyReport report) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("result", report.hasError() ? "error" : report.hasMandatoryViolation() ? "failed" : "passed");
        root.put("exitCode", report.exitCode());
        root.put("summary", report.summary());
        root.put("date", report.date().toString());
        root.put("inputs", report.inputs());
        List<Object> verdicts = new ArrayList<>();
        for (Verdict v : report.verdicts()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rule", v.rule().id());
            m.put("description", v.rule().description());
            m.put("category", v.rule().category().name().toLowerCase(Locale.ROOT));
            m.put("level", v.level().value());
            m.put("status", v.status().value());
            m.put("note", v.note());
            m.put("judged", v.judged());
            m.put("findings", v.findings().stream().map(JsonReport::finding).toList());
            m.put(
                    "excepted",
                    v.excepted().stream()
                            .map(e -> {
                                Map<String, Object> x = finding(e.finding());
                                x.put("exception", e.how());
                                x.put("reason", e.reason());
                                x.put("until", e.until());
                                return x;
                            })
                            .toList());
            verdicts.add(m);
        }
        root.put("verdicts", verdicts);
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the report could not be written as JSON", e);
        }
    }

    static Map<String, Object> finding(Finding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("message", f.message());
        m.put("fix", f.fix());
        m.put("path", f.location().path());
        m.put("line", f.location().line() > 0 ? f.location().line() : null);
        m.put("resource", f.location().resource());
        return m;
    }
}
