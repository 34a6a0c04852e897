package chibo.platform;

import chibo.platform.web.BodySizeLimitFilter;
import chibo.platform.web.IdempotencyFilter;
import chibo.platform.web.OpenApiConfiguration;
import chibo.platform.web.ProblemHandler;
import chibo.platform.web.StrictRequestJson;
import chibo.platform.web.WebProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import java.time.Clock;

/**
 * What every chibo service gets: a clock (replaceable in tests), RFC 9457 problem responses and a MongoDB health
 * check that works on every server chibo runs on.
 */
@AutoConfiguration(after = DataMongoAutoConfiguration.class, before = MongoHealthContributorAutoConfiguration.class)
@Import({ProblemHandler.class, OpenApiConfiguration.class})
@EnableConfigurationProperties(WebProperties.class)
public class PlatformAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Request bodies and bulk-import lines are read as {@link StrictRequestJson} says. */
    @Bean
    JsonMapperBuilderCustomizer chiboRequestJson() {
        return StrictRequestJson::configure;
    }

    /** Runs after the security filters, so that keys belong to the authenticated caller. */
    @Bean
    @ConditionalOnBean(MongoTemplate.class)
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(MongoTemplate mongo, WebProperties web, Clock clock) {
        var registration = new FilterRegistrationBean<>(new IdempotencyFilter(
                mongo.getCollection("idempotency_keys"), web, clock));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 10);
        return registration;
    }

    /** Before everything else: a too-large body is refused before it is read. */
    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(WebProperties web) {
        var registration = new FilterRegistrationBean<>(new BodySizeLimitFilter(web));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean(name = "mongoHealthIndicator")
    @ConditionalOnBean(MongoTemplate.class)
    MongoPingHealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
    }
}
