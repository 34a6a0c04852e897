package chibo.meeting;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * meeting-service: cell meetings, attendance, quality, the meeting duty and cell ratings; cell rosters kept from
 * membership events.
 */
@SpringBootApplication
@EnableScheduling
public class MeetingApplication {

    public static void main(String[] args) {
        SpringApplication.run(MeetingApplication.class, args);
    }
}
