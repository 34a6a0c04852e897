package chibo.platform.security;

import io.swagger.v3.oas.models.Operation;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.method.HandlerMethod;

import java.util.ArrayList;
import java.util.List;

/**
 * Says in the OpenAPI description which roles may call each operation ({@value #EXTENSION}), found the way the
 * service decides it: the handler's {@code @PreAuthorize} (the method's, else its class's) evaluated for a token
 * holding each role alone. So the description cannot drift from what is enforced, and clients and tests read the
 * service's access rules from it. An operation with no rule is open to every role; one whose rule looks at the
 * request's arguments is marked {@code decided-per-request}.
 */
public final class RolesInOpenApi implements OperationCustomizer {

    public static final String EXTENSION = "x-chibo-roles";
    /** Every role a chibo token may carry. */
    public static final List<String> ROLES = List.of(Roles.AGENCY_WRITER, Roles.DASHBOARD_READER, Roles.AUDITOR,
            Roles.OPERATOR, Roles.DATA_PROTECTION, Roles.METRICS_READER);
    static final String PER_REQUEST = "decided-per-request";

    private final PreAuthorizeAuthorizationManager manager;

    public RolesInOpenApi(ApplicationContext context) {
        this.manager = PreAuthorizeRules.manager(context);
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        operation.addExtension(EXTENSION, roles(handler));
        return operation;
    }

    List<String> roles(HandlerMethod handler) {
        PreAuthorize rule = PreAuthorizeRules.ruleOf(handler);
        if (rule == null) {
            return ROLES;
        }
        if (rule.value().contains("#")) {
            return List.of(PER_REQUEST);
        }
        List<String> allowed = new ArrayList<>();
        for (String role : ROLES) {
            var token = UsernamePasswordAuthenticationToken.authenticated("openapi-" + role, null,
                    List.of(new SimpleGrantedAuthority(role)));
            AuthorizationResult result = manager.authorize(() -> token,
                    new SimpleMethodInvocation(handler.getBean(), handler.getMethod()));
            if (result != null && result.isGranted()) {
                allowed.add(role);
            }
        }
        return allowed;
    }
}
