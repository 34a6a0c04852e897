package chibo.platform.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.time.Clock;
import java.util.Collection;
import java.util.List;

/**
 * Every endpoint but health needs a JWT. Authorities are the token's {@code roles} claim as they are
 * ({@code agency-writer}, {@code dashboard-reader}, {@code auditor}, {@code operator}, {@code data-protection},
 * {@code metrics-reader});
 * controllers state which they need with {@code @PreAuthorize}, decided once, before the request is read
 * ({@link RolesBeforeBinding}; there is no method-security proxy around the controllers), and check organisation
 * subtrees with {@link SubtreeGuard}.
 */
@AutoConfiguration(before = {ServletWebSecurityAutoConfiguration.class, OAuth2ResourceServerAutoConfiguration.class})
public class SecurityAutoConfiguration {

    private static final ProblemSecurityHandlers PROBLEMS = new ProblemSecurityHandlers();
    private static final int DECODED_TOKENS_KEPT = 4_096;

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain chiboApiSecurity(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        // the API description holds no data; the endpoints it describes all need a token
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .permitAll()
                        .requestMatchers("/actuator/prometheus").hasAuthority(Roles.METRICS_READER)
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(SecurityAutoConfiguration::authentication))
                        .authenticationEntryPoint(PROBLEMS)
                        .accessDeniedHandler(PROBLEMS))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(PROBLEMS)
                        .accessDeniedHandler(PROBLEMS))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    /** The bearer token read from the header without a regular expression ({@link HeaderBearerTokenResolver}). */
    @Bean
    @ConditionalOnMissingBean
    BearerTokenResolver bearerTokenResolver() {
        return new HeaderBearerTokenResolver();
    }

    /** The strict firewall, its header checks without regular expressions ({@link HeaderCharacters}). */
    @Bean
    @ConditionalOnMissingBean
    WebSecurityCustomizer headerCharacters() {
        return web -> web.httpFirewall(HeaderCharacters.firewall());
    }

    /**
     * No observation of Spring Security's own steps (filters, authentication, authorisation): wrapped around every
     * request they cost more than the checks themselves, even switched off by name, where each was still created and
     * matched against the disabled names. Requests are still timed ({@code http.server.requests}).
     */
    @Bean
    @ConditionalOnMissingBean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** Role checks come before reading the request: a caller without the role gets 403, not 400. */
    @Bean
    WebMvcConfigurer rolesBeforeBinding(ApplicationContext context) {
        RolesBeforeBinding interceptor = new RolesBeforeBinding(context);
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(interceptor);
            }
        };
    }

    /** Once the handlers are mapped: every {@code @PreAuthorize} can be decided before the request is read. */
    @Bean
    SmartInitializingSingleton rolesDecidableBeforeBinding(ObjectProvider<RequestMappingHandlerMapping> mappings) {
        return () -> mappings.orderedStream().forEach(mapping ->
                RolesBeforeBinding.requireDecidable(mapping.getHandlerMethods().values()));
    }

    /** Every JWT decoder of the service decodes a token once while it is valid ({@link CachingJwtDecoder}). */
    @Bean
    static BeanPostProcessor cachingJwtDecoders() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof JwtDecoder decoder && !(bean instanceof CachingJwtDecoder)
                        ? new CachingJwtDecoder(decoder, Clock.systemUTC(), DECODED_TOKENS_KEPT) : bean;
            }
        };
    }

    @Bean
    @ConditionalOnBean(OrgDirectory.class)
    @ConditionalOnMissingBean
    SubtreeGuard subtreeGuard(OrgDirectory directory) {
        return new SubtreeGuard(directory);
    }

    static AbstractAuthenticationToken authentication(Jwt jwt) {
        return new JwtAuthenticationToken(jwt, roles(jwt), jwt.getSubject());
    }

    private static Collection<GrantedAuthority> roles(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList(Roles.ROLES_CLAIM);
        if (roles == null) {
            return List.of();
        }
        return roles.stream().<GrantedAuthority>map(SimpleGrantedAuthority::new).toList();
    }

    /** Converter form, for tests and other chains. */
    public static Converter<Jwt, AbstractAuthenticationToken> jwtConverter() {
        return SecurityAutoConfiguration::authentication;
    }
}
