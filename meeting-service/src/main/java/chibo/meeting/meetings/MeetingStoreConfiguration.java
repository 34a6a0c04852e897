package chibo.meeting.meetings;

import chibo.contracts.Topics;
import chibo.platform.eventstore.AggregateStore;
import chibo.platform.eventstore.EventStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

@Configuration(proxyBeanMethods = false)
class MeetingStoreConfiguration {

    @Bean
    AggregateStore<CellMeetings> cellMeetingsStore(EventStore events, MongoTemplate mongo) {
        return new AggregateStore<>(events, Topics.MEETING, mongo.getCollection("cell_meetings"), CellMeetings.class,
                CellMeetings::apply);
    }
}
