package chibo.platform.access;

import chibo.platform.web.HandlerAnnotations;
import chibo.platform.web.ProblemException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.AsyncHandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes each request to an {@link AccessLogged} handler to the access log once it is answered: refused by a role
 * or subtree check (403), for an unknown person (404), or served. It runs first of the interceptors, so it sees
 * also the requests that the role check refuses before the handler runs. A streamed answer is logged when its
 * streaming starts. A request without a valid token never reaches it: there is no one to name (401, not logged).
 */
final class AccessRecording implements AsyncHandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(AccessRecording.class);
    private static final String PENDING = AccessRecording.class.getName() + ".pending";

    private final AccessLog accessLog;
    private final Counter failures;
    /** Each handler's {@link AccessLogged}, looked up once (annotations do not change while the service runs). */
    private final Map<Method, Optional<AccessLogged>> loggedBy = new ConcurrentHashMap<>();

    AccessRecording(AccessLog accessLog, MeterRegistry meters) {
        this.accessLog = accessLog;
        this.failures = Counter.builder("chibo.access_log.failures")
                .description("reads answered whose access log entry could not be written").register(meters);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getDispatcherType() == DispatcherType.REQUEST && handler instanceof HandlerMethod method) {
            loggedBy.computeIfAbsent(method.getMethod(), m -> Optional.ofNullable(HandlerAnnotations.find(method, AccessLogged.class)))
                    .ifPresent(logged -> request.setAttribute(PENDING, logged));
        }
        return true;
    }

    @Override
    public void afterConcurrentHandlingStarted(HttpServletRequest request, HttpServletResponse response,
                                               Object handler) {
        record(request, response.getStatus(), null);
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                Exception failure) {
        record(request, response.getStatus(), failure);
    }

    private void record(HttpServletRequest request, int responseStatus, Exception failure) {
        if (!(request.getAttribute(PENDING) instanceof AccessLogged logged)) {
            return;
        }
        request.removeAttribute(PENDING);
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token)) {
            return;
        }
        try {
            accessLog.append(new AccessRead(token.getName(),
                    token.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList(),
                    token.getToken().getClaimAsString(chibo.platform.security.Roles.ORG_CLAIM), request.getMethod(),
                    request.getRequestURI(), request.getQueryString(), subject(request, logged),
                    PersonsRead.of(request), status(responseStatus, failure),
                    Purposes.kept(request.getHeader(Purposes.HEADER))));
        } catch (RuntimeException e) {
            failures.increment();
            log.error("a read of {} {} could not be written to the access log", request.getMethod(),
                    request.getRequestURI(), e);
        }
    }

    private static String subject(HttpServletRequest request, AccessLogged logged) {
        if (logged.subject().isEmpty()
                || !(request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> vars)) {
            return null;
        }
        return vars.get(logged.subject()) instanceof String subject ? subject : null;
    }

    /** The answer's status; for a failure no handler answered, what the request will get. */
    private static int status(int responseStatus, Exception failure) {
        return switch (failure) {
            case null -> responseStatus;
            case AccessDeniedException denied -> 403;
            case ProblemException problem -> problem.status().value();
            default -> 500;
        };
    }
}
