package chibo.auth;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Spring Authorization Server with chibo's clients and, for web applications such as the dashboard, people who log
 * in. A token carries the client's (or the person's) {@code roles} and, for writers and readers, the {@code org}
 * whose subtree it may act on.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

    static final String ROLES = "chibo.roles";
    static final String ORG = "chibo.org";

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerEndpoints(HttpSecurity http) throws Exception {
        http.oauth2AuthorizationServer(server -> {
            http.securityMatcher(server.getEndpointsMatcher());
            server.oidc(Customizer.withDefaults());
        });
        // a person logging into a web application is sent to the login form, and comes back here in the session
        http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/login", "/error").permitAll()
                        .anyRequest().denyAll())
                .formLogin(form -> form.loginPage("/login"))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)));
        return http.build();
    }

    @Bean
    RegisteredClientRepository registeredClients(AuthProperties properties, LoginProperties login) {
        Stream<RegisteredClient> machines = properties.clients().stream()
                .map(client -> RegisteredClient.withId(client.id())
                        .clientId(client.id())
                        .clientSecret("{noop}" + client.secret())
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                        .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(properties.tokenTtl()).build())
                        .clientSettings(ClientSettings.builder()
                                .setting(ROLES, List.copyOf(client.roles()))
                                .setting(ORG, client.org() == null ? "" : client.org())
                                .build())
                        .build());
        Stream<RegisteredClient> webApplications = login.clients().stream()
                .map(client -> UserLogin.registeredClient(client, properties.tokenTtl()));
        return new InMemoryRegisteredClientRepository(Stream.concat(machines, webApplications).toList());
    }

    @Bean
    UserDetailsService people(LoginProperties login) {
        return new InMemoryUserDetailsManager(new UserLogin(login).userDetails());
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> chiboClaims(LoginProperties login) {
        UserLogin people = new UserLogin(login);
        return context -> {
            Optional<LoginProperties.User> person = people.person(context);
            if (person.isPresent()) {
                if (UserLogin.carriesClaims(context)) {
                    UserLogin.claim(context, person.get());
                }
                return;
            }
            ClientSettings settings = context.getRegisteredClient().getClientSettings();
            List<String> roles = settings.getSetting(ROLES);
            String org = settings.getSetting(ORG);
            context.getClaims().claim("roles", roles);
            if (org != null && !org.isEmpty()) {
                context.getClaims().claim("org", org);
            }
        };
    }

    @Bean
    JWKSource<SecurityContext> signingKeys(AuthProperties properties) {
        return new ImmutableJWKSet<>(new JWKSet(SigningKey.load(properties.keyFile())));
    }

    /** Before the security filters, so that it sees the answer to each secret and password tried. */
    @Bean
    FilterRegistrationBean<RepeatedFailures> repeatedFailures() {
        var registration = new FilterRegistrationBean<>(new RepeatedFailures(Clock.systemUTC()));
        registration.addUrlPatterns(RepeatedFailures.TOKEN, RepeatedFailures.LOGIN);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(AuthProperties properties) {
        return AuthorizationServerSettings.builder().issuer(properties.issuer()).build();
    }
}
