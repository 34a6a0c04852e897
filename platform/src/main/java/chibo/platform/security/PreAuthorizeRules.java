package chibo.platform.security;

import chibo.platform.web.HandlerAnnotations;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.web.method.HandlerMethod;

/** A handler's {@code @PreAuthorize} rule, found and decided as method security finds and decides it. */
final class PreAuthorizeRules {

    private PreAuthorizeRules() {
    }

    /** The rule of the handler method, else of its class; null when it has none. */
    static PreAuthorize ruleOf(HandlerMethod handler) {
        return HandlerAnnotations.find(handler, PreAuthorize.class);
    }

    /** Decides {@code @PreAuthorize} expressions with the application's beans at hand, as method security does. */
    static PreAuthorizeAuthorizationManager manager(ApplicationContext context) {
        DefaultMethodSecurityExpressionHandler expressions = new DefaultMethodSecurityExpressionHandler();
        expressions.setApplicationContext(context);
        PreAuthorizeAuthorizationManager manager = new PreAuthorizeAuthorizationManager();
        manager.setExpressionHandler(expressions);
        manager.setApplicationContext(context);
        return manager;
    }
}
