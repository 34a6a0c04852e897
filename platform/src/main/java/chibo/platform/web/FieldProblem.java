package chibo.platform.web;

/**
 * One thing wrong with a request: the field (a JSON path such as {@code person.birthDate} or
 * {@code introducers[0].memberId}), the rule it breaks and a sentence for a human.
 */
public record FieldProblem(String field, String rule, String message) {
}
