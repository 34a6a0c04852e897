package chibo.platform.access;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Clock;

/**
 * The access log of a service that keeps people's data in MongoDB: the log itself, the recording of every
 * {@link AccessLogged} read, and the endpoints of the data-protection role.
 */
@AutoConfiguration(after = DataMongoAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean(MongoTemplate.class)
@Import(AccessLogController.class)
public class AccessLogAutoConfiguration {

    @Bean
    AccessLog accessLog(MongoTemplate mongo, Environment environment, Clock clock) {
        return new AccessLog(mongo.getCollection(AccessLog.COLLECTION),
                environment.getProperty("spring.application.name", "chibo"), clock);
    }

    /** First of the interceptors, so that refusals of the role check before binding are logged too. */
    @Bean
    WebMvcConfigurer accessRecording(AccessLog accessLog, MeterRegistry meters) {
        AccessRecording recording = new AccessRecording(accessLog, meters);
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(recording).order(Ordered.HIGHEST_PRECEDENCE);
            }
        };
    }
}
