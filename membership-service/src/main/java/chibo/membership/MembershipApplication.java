package chibo.membership;

import chibo.calendar.WorkingDayCalendar;
import chibo.membership.rules.Regulations;
import chibo.membership.rules.RuleBook;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** membership-service: organisations, units and members; every change an event. */
@SpringBootApplication
public class MembershipApplication {

    public static void main(String[] args) {
        SpringApplication.run(MembershipApplication.class, args);
    }

    /** The party's rules by effective date (see {@link PartyRuleBook}). */
    @Bean
    RuleBook ruleBook(Regulations regulations, WorkingDayCalendar calendar) {
        return PartyRuleBook.create(regulations, calendar);
    }
}
