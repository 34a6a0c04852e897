package chibo.platform.web;

import chibo.platform.eventstore.ConcurrentAppendException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;

import java.util.List;
import java.util.Map;

/**
 * Turns every refusal into an RFC 9457 {@code application/problem+json} response with a stable {@code type}, and,
 * for bad input, an {@code errors} list naming each field and the rule it breaks.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    /** The response for a refusal: also for advices of a service that turn their own exceptions into one. */
    @ExceptionHandler(ProblemException.class)
    public ResponseEntity<Object> problem(ProblemException e) {
        return respond(e.status(), e.type().toString(), e.title(), e.getMessage(), e.errors(), e.properties());
    }

    @ExceptionHandler(ConcurrentAppendException.class)
    ResponseEntity<Object> conflict(ConcurrentAppendException e) {
        return respond(HttpStatus.CONFLICT, ProblemTypes.of(ProblemTypes.CONCURRENT_MODIFICATION).toString(),
                "Concurrent modification", e.getMessage() + "; read it again and retry", List.of(), Map.of());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> denied(AccessDeniedException e) {
        return respond(HttpStatus.FORBIDDEN, ProblemTypes.of(ProblemTypes.FORBIDDEN).toString(), "Forbidden",
                "this token's roles do not allow this request", List.of(), Map.of());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        log.error("request failed unexpectedly", e);
        return respond(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.of(ProblemTypes.INTERNAL).toString(),
                "Internal error", "the request could not be completed; nothing further was stored", List.of(),
                Map.of());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<FieldProblem> errors = e.getBindingResult().getFieldErrors().stream()
                .map(ProblemHandler::fieldProblem)
                .sorted(java.util.Comparator.comparing(FieldProblem::field))
                .toList();
        return invalid(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers,
                                                                            HttpStatusCode status,
                                                                            WebRequest request) {
        List<FieldProblem> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> new FieldProblem(
                        result.getMethodParameter().getParameterName(),
                        error.getCodes() == null ? "valid" : lastCode(error.getCodes()),
                        error.getDefaultMessage())))
                .toList();
        return invalid(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            if (c instanceof ProblemException problem) {
                return problem(problem);
            }
        }
        Throwable cause = jacksonCause(e);
        if (cause instanceof InputCoercionException outOfRange) {
            return invalid(List.of(new FieldProblem(path(outOfRange), "range", outOfRange.getOriginalMessage())));
        }
        if (cause instanceof StreamReadException repeated && !(cause instanceof MismatchedInputException)
                && repeated.getOriginalMessage() != null && repeated.getOriginalMessage().startsWith("Duplicate")) {
            java.util.regex.Matcher name = java.util.regex.Pattern.compile("'([^']*)'|\"([^\"]*)\"")
                    .matcher(repeated.getOriginalMessage());
            String field = !name.find() ? "$" : name.group(1) != null ? name.group(1) : name.group(2);
            return invalid(List.of(new FieldProblem(field, "unique-keys", "the key '" + field
                    + "' is given more than once in one object")));
        }
        if (cause instanceof StreamReadException parse && !(cause instanceof MismatchedInputException)) {
            String where = parse.getLocation() == null ? ""
                    : " at line " + parse.getLocation().getLineNr() + ", column " + parse.getLocation().getColumnNr();
            return respond(HttpStatus.BAD_REQUEST, ProblemTypes.of(ProblemTypes.MALFORMED_JSON).toString(),
                    "Malformed JSON", "the body is not valid JSON" + where + ": " + parse.getOriginalMessage(),
                    List.of(new FieldProblem("$", "json-syntax", parse.getOriginalMessage())), Map.of());
        }
        if (cause instanceof JacksonException mapping) {
            String field = path(mapping);
            String rule = cause instanceof StrictRequestJson.RefusedValue refused ? refused.rule()
                    : cause instanceof InvalidFormatException ? "format"
                    : cause instanceof InvalidNullException ? "not-null"
                    : "type";
            return invalid(List.of(new FieldProblem(field, rule, mapping.getOriginalMessage())));
        }
        if (e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")) {
            return invalid(List.of(new FieldProblem("$", "required", "a JSON body is required")));
        }
        return respond(HttpStatus.BAD_REQUEST, ProblemTypes.of(ProblemTypes.MALFORMED_JSON).toString(),
                "Unreadable body", String.valueOf(cause.getMessage()), List.of(), Map.of());
    }

    /** A path variable or parameter that does not convert ({@code /dead-letters/t/abc/…}): a 400 naming it. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String field = e.getPropertyName() == null ? "$" : e.getPropertyName();
        String expected = e.getRequiredType() == null ? "value of another type" : e.getRequiredType().getSimpleName();
        return invalid(List.of(new FieldProblem(field, "type", "'" + e.getValue() + "' is not a " + expected)));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException e,
                                                                     HttpHeaders headers, HttpStatusCode status,
                                                                     WebRequest request) {
        return respond(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                ProblemTypes.of(ProblemTypes.UNSUPPORTED_MEDIA_TYPE).toString(), "Unsupported media type",
                "send " + e.getSupportedMediaTypes(), List.of(), Map.of());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(HttpMediaTypeNotAcceptableException e,
                                                                      HttpHeaders headers, HttpStatusCode status,
                                                                      WebRequest request) {
        return respond(HttpStatus.NOT_ACCEPTABLE, ProblemTypes.of(ProblemTypes.NOT_ACCEPTABLE).toString(),
                "Not acceptable", "this resource answers in " + e.getSupportedMediaTypes(), List.of(), Map.of());
    }

    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException e,
                                                                         HttpHeaders headers,
                                                                         HttpStatusCode status,
                                                                         WebRequest request) {
        return respond(HttpStatus.METHOD_NOT_ALLOWED, ProblemTypes.of(ProblemTypes.METHOD_NOT_ALLOWED).toString(),
                "Method not allowed", e.getMessage(), List.of(), Map.of());
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException e, HttpHeaders headers,
                                                                    HttpStatusCode status, WebRequest request) {
        return respond(HttpStatus.NOT_FOUND, ProblemTypes.of(ProblemTypes.NOT_FOUND).toString(), "Not found",
                "no resource at /" + e.getResourcePath(), List.of(), Map.of());
    }

    /** The outermost Jackson exception under the converter's, which knows the JSON path; else the root cause. */
    private static Throwable jacksonCause(HttpMessageNotReadableException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException) {
                return cause;
            }
        }
        return e.getMostSpecificCause();
    }

    private ResponseEntity<Object> invalid(List<FieldProblem> errors) {
        return problem(Problems.invalid(errors));
    }

    static ResponseEntity<Object> respond(HttpStatus status, String type, String title, String detail,
                                          List<FieldProblem> errors, Map<String, Object> properties) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(java.net.URI.create(type));
        problem.setTitle(title);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        properties.forEach(problem::setProperty);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static FieldProblem fieldProblem(FieldError error) {
        String rule = error.getCode() == null ? "valid" : kebab(error.getCode());
        return new FieldProblem(error.getField(), rule, error.getDefaultMessage());
    }

    private static String lastCode(String[] codes) {
        return kebab(codes[codes.length - 1]);
    }

    /** {@code NotBlank} becomes {@code not-blank}: rule names read the same in every problem. */
    public static String kebab(String code) {
        return code.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    /** Jackson's path to the offending value as {@code a.b[2].c}. */
    public static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "$" : path.toString();
    }
}
