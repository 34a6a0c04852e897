package chibo.platform.web;

import org.springframework.http.HttpStatus;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * A request chibo refuses, answered as an RFC 9457 problem: a stable {@code type} per kind of refusal, a status,
 * a title, a detail and, where it applies, the fields at fault. Extra members (e.g. the legal source of a rule)
 * go in {@code properties}.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final URI type;
    private final String title;
    private final List<FieldProblem> errors;
    private final Map<String, Object> properties;

    public ProblemException(HttpStatus status, String typeSlug, String title, String detail,
                            List<FieldProblem> errors, Map<String, Object> properties) {
        super(detail);
        this.status = status;
        this.type = ProblemTypes.of(typeSlug);
        this.title = title;
        this.errors = List.copyOf(errors);
        this.properties = Map.copyOf(properties);
    }

    public ProblemException(HttpStatus status, String typeSlug, String title, String detail) {
        this(status, typeSlug, title, detail, List.of(), Map.of());
    }

    public HttpStatus status() {
        return status;
    }

    public URI type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<FieldProblem> errors() {
        return errors;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
