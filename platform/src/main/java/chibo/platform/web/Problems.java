package chibo.platform.web;

import org.springframework.http.HttpStatus;

import java.util.List;
import java.util.Map;

/** Factories for the refusals every service makes. */
public final class Problems {

    private Problems() {
    }

    public static ProblemException notFound(String what, String id) {
        return new ProblemException(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, what + " not found",
                "no " + what + " has id '" + id + "'");
    }

    /** A request names something (an organisation, a cell, a member) that does not exist. */
    public static ProblemException unknownReference(String field, String what, String id) {
        String message = "no " + what + " has id '" + id + "'";
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.UNKNOWN_REFERENCE,
                "Unknown " + what, message, List.of(new FieldProblem(field, "exists", message)), Map.of());
    }

    public static ProblemException invalid(String field, String rule, String message) {
        return new ProblemException(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_REQUEST, "Invalid request",
                field + ": " + message, List.of(new FieldProblem(field, rule, message)), Map.of());
    }

    /** Several things wrong with one request, each naming its field and rule. */
    public static ProblemException invalid(List<FieldProblem> errors) {
        String detail = errors.stream().map(error -> error.field() + ": " + error.message())
                .reduce((a, b) -> a + "; " + b).orElse("the request is invalid");
        return new ProblemException(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_REQUEST, "Invalid request", detail,
                errors, Map.of());
    }

    public static ProblemException alreadyExists(String field, String what, String id) {
        String message = "a " + what + " with id '" + id + "' already exists";
        return new ProblemException(HttpStatus.CONFLICT, ProblemTypes.ALREADY_EXISTS, what + " already exists",
                message, List.of(new FieldProblem(field, "unique", message)), Map.of());
    }

    /**
     * A command breaks a rule of the party's regulations in force on its effective date.
     *
     * @param ruleId stable id of the rule, e.g. {@code admission.age}; the problem type is
     *               {@code urn:chibo:problem:rule:<ruleId>}
     * @param source the document and point the rule comes from, e.g. {@code QĐ 294-QĐ/TW, point 3.1}
     */
    public static ProblemException ruleViolation(String ruleId, String source, String field, String message) {
        return ruleViolation(ruleId, source, field, message, Map.of());
    }

    /**
     * As {@link #ruleViolation(String, String, String, String)}, with more members that say what the request ran
     * into (e.g. the recorded event it contradicts).
     */
    public static ProblemException ruleViolation(String ruleId, String source, String field, String message,
                                                 Map<String, Object> more) {
        Map<String, Object> properties = new java.util.HashMap<>(more);
        properties.put("rule", ruleId);
        properties.put("source", source);
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "rule:" + ruleId, "Rule violated: " + ruleId,
                message + " (" + source + ")", List.of(new FieldProblem(field, ruleId, message)), properties);
    }

    /**
     * A request on something outside the caller's subtree, refused without saying where it is or in what state:
     * only those inside may learn that.
     */
    public static ProblemException outsideSubtree(String field, String what) {
        String message = what + " is not inside the subtree this token may act on";
        return new ProblemException(HttpStatus.FORBIDDEN, ProblemTypes.OUTSIDE_SUBTREE, "Outside your subtree",
                message, List.of(new FieldProblem(field, "within-token-subtree", message)), Map.of());
    }

    public static ProblemException outsideSubtree(String field, String orgId, String callerOrg) {
        String message = "organisation '" + orgId + "' is outside the subtree of '" + callerOrg
                + "' that this token may act on";
        return new ProblemException(HttpStatus.FORBIDDEN, ProblemTypes.OUTSIDE_SUBTREE, "Outside your subtree",
                message, List.of(new FieldProblem(field, "within-token-subtree", message)), Map.of());
    }
}
