package chibo.platform.rules;

import chibo.platform.web.FieldProblem;
import chibo.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Checks a command's facts against rules and refuses it, naming every rule broken. */
public final class RuleViolations {

    private RuleViolations() {
    }

    public static <F> List<Violation> check(List<? extends Rule<? super F>> rules, F facts) {
        return rules.stream().map(rule -> rule.check(facts)).flatMap(Optional::stream).toList();
    }

    /**
     * @throws ProblemException 422 whose {@code type} is the first broken rule's
     *                          ({@code urn:chibo:problem:rule:<id>}) and whose {@code errors} list every one
     */
    public static <F> void require(List<? extends Rule<? super F>> rules, F facts, String ruleSet) {
        require(rules, facts, ruleSet, Map.of());
    }

    /**
     * As {@link #require(List, Object, String)}, naming fields as the request names them: {@code fieldNames} maps
     * a fact's name (e.g. {@code effectiveDate}) to the request's (e.g. {@code dateOfDeath}).
     */
    public static <F> void require(List<? extends Rule<? super F>> rules, F facts, String ruleSet,
                                   Map<String, String> fieldNames) {
        List<Violation> violations = check(rules, facts).stream()
                .map(v -> new Violation(v.ruleId(), v.source(), fieldNames.getOrDefault(v.field(), v.field()),
                        v.message()))
                .toList();
        if (violations.isEmpty()) {
            return;
        }
        Violation first = violations.getFirst();
        String detail = violations.stream().map(v -> v.message() + " (" + v.source() + ")")
                .reduce((a, b) -> a + "; " + b).orElseThrow();
        throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "rule:" + first.ruleId(),
                "Rule violated: " + first.ruleId(), detail,
                violations.stream().map(v -> new FieldProblem(v.field(), v.ruleId(), v.message() + " ("
                        + v.source() + ")")).toList(),
                Map.of("rule", first.ruleId(), "source", first.source(), "ruleSet", ruleSet));
    }
}
