package chibo.meeting.meetings;

import chibo.calendar.WorkingDayCalendar;
import chibo.contracts.Topics;
import chibo.meeting.absence.AbsenceThreshold;
import chibo.meeting.cell.CellMeetings;
import chibo.meeting.compliance.ComplianceWindows;
import chibo.meeting.quality.MeetingGrading;
import chibo.meeting.quality.MeetingsProperties;
import chibo.meeting.quality.QualityStandard;
import chibo.platform.eventstore.AggregateStore;
import chibo.platform.eventstore.EventStore;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MeetingsProperties.class)
class MeetingStoreConfiguration {

    @Bean
    AggregateStore<CellMeetings> cellMeetingsStore(EventStore events, MongoTemplate mongo) {
        return new AggregateStore<>(events, Topics.MEETING, mongo.getCollection("cell_meetings"), CellMeetings.class,
                CellMeetings::apply);
    }

    @Bean
    MeetingGrading meetingGrading(MeetingsProperties properties) {
        return new MeetingGrading(new QualityStandard(properties.quality()));
    }

    @Bean
    AbsenceThreshold absenceThreshold(MeetingsProperties properties) {
        return new AbsenceThreshold(properties.absence().monthsInYear());
    }

    @Bean
    ComplianceWindows complianceWindows(WorkingDayCalendar calendar, MeetingsProperties properties) {
        return new ComplianceWindows(calendar, properties.compliance().from(),
                properties.compliance().graceWorkingDays());
    }

    @Bean
    WorkingDayCalendar workingDayCalendar() {
        return WorkingDayCalendar.vietnam();
    }
}
