package dev.llmsafe.policy;

import java.time.LocalDate;
import java.util.List;

/** The verdict of every rule on one set of inputs, and what those inputs were. */
public record PolicyReport(List<Verdict> verdicts, List<String> inputs, LocalDate date) {
    public PolicyReport {
        verdicts = List.copyOf(verdicts);
        inputs = List.copyOf(inputs);
    }

    public boolean hasMandatoryViolation() {
        return verdicts.stream().anyMatch(v -> v.status() == Verdict.Status.FAIL);
    }

    public boolean hasError() {
        return verdicts.stream().anyMatch(v -> v.status() == Verdict.Status.ERROR);
    }

    public long count(Verdict.Status status) {
        return verdicts.stream().filter(v -> v.status() == status).count();
    }

    /** 0 clean, 1 a mandatory violation, 2 a rule could not reach a verdict (never a pass). */
    public int exitCode() {
        if (hasError()) {
            return 2;
        }
        return hasMandatoryViolation() ? 1 : 0;
    }

    /** One line: passed or failed, and the counts; a rule not applicable is counted as such, never as passed. */
    public String summary() {
        String verdict = hasError() ? "ERROR" : hasMandatoryViolation() ? "FAILED" : "PASSED";
        return verdict + ": " + count(Verdict.Status.FAIL) + " failed, " + count(Verdict.Status.WARN) + " warned, "
                + count(Verdict.Status.PASS) + " passed, " + count(Verdict.Status.NOT_APPLICABLE) + " not applicable, "
                + count(Verdict.Status.SKIPPED) + " skipped, "
                + count(Verdict.Status.DISABLED) + " disabled"
                + (hasError() ? ", " + count(Verdict.Status.ERROR) + " could not be evaluated" : "");
    }
}
