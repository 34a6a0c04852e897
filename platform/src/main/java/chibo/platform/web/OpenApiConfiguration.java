package chibo.platform.web;

import chibo.platform.security.RolesInOpenApi;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of a service ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}): every
 * operation needs a bearer JWT from the authorization server, and refuses with RFC 9457 problems; the roles each
 * operation admits are in its {@code x-chibo-roles} extension.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    @Bean
    OpenAPI chiboOpenApi(@Value("${spring.application.name}") String service) {
        return new OpenAPI()
                .info(new Info().title("chibo " + service).version("v1")
                        .description("Refusals are application/problem+json (RFC 9457) with a stable type"
                                + " urn:chibo:problem:…; POSTs accept an Idempotency-Key."))
                .components(new Components().addSecuritySchemes("bearer", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    /** Each operation's roles in {@code x-chibo-roles}, read from its {@code @PreAuthorize}. */
    @Bean
    RolesInOpenApi rolesInOpenApi(ApplicationContext context) {
        return new RolesInOpenApi(context);
    }
}
