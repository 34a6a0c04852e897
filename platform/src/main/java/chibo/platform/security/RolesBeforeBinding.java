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

/**
 * Decides a handler's {@code @PreAuthorize} before Spring MVC reads, converts and validates the request. Method
 * security alone decides only once the arguments are bound, so a caller without the role got a 400 listing the
 * validation rules of a request it may not make; now it gets the 403, and nothing of the request is read.
 *
 * <p>Method security still checks the same expression when the handler runs. An expression that refers to the
 * handler's arguments ({@code #name}) cannot be decided before they are bound and is left to that check alone.
 */
final class RolesBeforeBinding implements HandlerInterceptor {

    private final PreAuthorizeAuthorizationManager manager;

    RolesBeforeBinding(ApplicationContext context) {
        this.manager = PreAuthorizeRules.manager(context);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        // an async or error dispatch continues a request that was decided when it arrived
        if (request.getDispatcherType() != DispatcherType.REQUEST || !(handler instanceof HandlerMethod method)) {
            return true;
        }
        PreAuthorize rule = PreAuthorizeRules.ruleOf(method);
        if (rule == null || rule.value().contains("#")) {
            return true;
        }
        AuthorizationResult result = manager.authorize(SecurityContextHolder.getContext()::getAuthentication,
                new SimpleMethodInvocation(method.getBean(), method.getMethod()));
        if (result != null && !result.isGranted()) {
            throw new AuthorizationDeniedException("this token's roles do not allow this request", result);
        }
        return true;
    }
}
