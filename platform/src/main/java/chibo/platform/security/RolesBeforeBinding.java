package chibo.platform.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import java.lang.reflect.Method;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides a handler's {@code @PreAuthorize} before Spring MVC reads, converts and validates the request: a caller
 * without the role gets the 403, not a 400 listing the validation rules of a request it may not make, and nothing of
 * the request is read. It is the one place the rule is decided (no method-security proxy decides it again once the
 * arguments are bound), so a rule must be decidable from the token alone: one that names the handler's arguments
 * ({@code #name}) is refused when the service starts ({@link #requireDecidable}).
 */
final class RolesBeforeBinding implements HandlerInterceptor {

    private final PreAuthorizeAuthorizationManager manager;
    private final Map<Method, Optional<PreAuthorize>> rules = new ConcurrentHashMap<>();

    RolesBeforeBinding(ApplicationContext context) {
        this.manager = PreAuthorizeRules.manager(context);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        // an async or error dispatch continues a request that was decided when it arrived
        if (request.getDispatcherType() != DispatcherType.REQUEST || !(handler instanceof HandlerMethod method)) {
            return true;
        }
        if (rules.computeIfAbsent(method.getMethod(), m -> Optional.ofNullable(PreAuthorizeRules.ruleOf(method)))
                .isEmpty()) {
            return true;
        }
        AuthorizationResult result = manager.authorize(SecurityContextHolder.getContext()::getAuthentication,
                new SimpleMethodInvocation(method.getBean(), method.getMethod()));
        if (result != null && !result.isGranted()) {
            throw new AuthorizationDeniedException("this token's roles do not allow this request", result);
        }
        return true;
    }

    /**
     * Refuses handlers whose rule needs their arguments, which are not read when the rule is decided.
     *
     * @throws IllegalStateException naming the first such handler
     */
    static void requireDecidable(Collection<HandlerMethod> handlers) {
        for (HandlerMethod handler : handlers) {
            PreAuthorize rule = PreAuthorizeRules.ruleOf(handler);
            if (rule != null && rule.value().contains("#")) {
                throw new IllegalStateException(handler + ": @PreAuthorize(\"" + rule.value() + "\") names the"
                        + " handler's arguments, but roles are decided before the request is read; check the"
                        + " arguments in the handler (SubtreeGuard) instead");
            }
        }
    }
}
