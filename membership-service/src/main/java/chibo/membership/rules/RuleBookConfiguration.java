package chibo.membership.rules;

import chibo.calendar.WorkingDayCalendar;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The working-day calendar of Vietnam and the regulations' figures, for the rule book. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(Regulations.class)
class RuleBookConfiguration {

    @Bean
    WorkingDayCalendar workingDayCalendar() {
        return WorkingDayCalendar.vietnam();
    }
}
