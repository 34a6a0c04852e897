package chibo.platform.rules;

/**
 * A command breaks a rule: which rule (stable id), where the rule comes from, the request field at fault and a
 * sentence for the person who sent it.
 */
public record Violation(String ruleId, String source, String field, String message) {
}
