package chibo.contracts;

import chibo.contracts.meeting.MeetingEvent;
import chibo.contracts.member.MemberEvent;
import chibo.contracts.organization.OrganizationEvent;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventCatalogTest {

    @Test
    void every_payload_record_of_every_family_has_a_catalogue_entry() {
        Set<Class<?>> permitted = Stream.of(OrganizationEvent.class, MemberEvent.class, MeetingEvent.class)
                .flatMap(family -> Arrays.stream(family.getPermittedSubclasses()))
                .collect(Collectors.toSet());
        Set<Class<?>> catalogued = EventCatalog.entries().stream()
                .map(EventCatalog.Entry::payloadClass)
                .collect(Collectors.toSet());

        assertThat(catalogued).isEqualTo(permitted);
    }

    @Test
    void wire_names_are_aggregate_dot_fact_dot_version() {
        assertThat(EventCatalog.entries())
                .allSatisfy(entry -> assertThat(entry.type()).matches("[a-z]+\\.[a-z_]+\\.v[1-9][0-9]*"));
    }

    @Test
    void each_family_goes_to_its_own_topic() {
        assertThat(EventCatalog.entries()).allSatisfy(entry -> {
            String expected = OrganizationEvent.class.isAssignableFrom(entry.payloadClass()) ? Topics.ORGANIZATION
                    : MemberEvent.class.isAssignableFrom(entry.payloadClass()) ? Topics.MEMBERSHIP
                    : Topics.MEETING;
            assertThat(entry.topic()).as(entry.type()).isEqualTo(expected);
        });
    }

    @Test
    void every_catalogue_type_has_a_sample() {
        Set<String> sampled = SampleEvents.all().stream().map(EventCatalog::typeOf).collect(Collectors.toSet());
        Set<String> catalogued = EventCatalog.entries().stream().map(EventCatalog.Entry::type)
                .collect(Collectors.toSet());

        assertThat(sampled).isEqualTo(catalogued);
    }

    @Test
    void an_unknown_type_is_rejected_by_name() {
        assertThatThrownBy(() -> EventCatalog.require("member.teleported.v1"))
                .isInstanceOf(UnknownEventTypeException.class)
                .hasMessageContaining("member.teleported.v1");
    }

    @Test
    void dead_letter_topics_name_the_topic_and_the_group() {
        assertThat(Topics.deadLetter(Topics.MEMBERSHIP, "meeting-service"))
                .isEqualTo("party.membership.events.meeting-service.dlt");
    }
}
