package chibo.contracts;

import chibo.contracts.member.MemberAdmitted;
import chibo.contracts.member.MemberTransferReceived;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventSchemasTest {

    static List<EventPayload> samples() {
        return SampleEvents.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void every_sample_event_validates_against_its_schema(EventPayload sample) {
        assertThat(EventSchemas.violations(sample)).isEmpty();
    }

    @Test
    void every_schema_names_its_type_and_closes_its_properties() {
        assertThat(EventCatalog.entries()).allSatisfy(entry -> {
            var schema = EventSchemas.schemaOf(entry.type()).getSchemaNode();
            assertThat(schema.get("$id").asString()).isEqualTo("urn:chibo:schema:" + entry.type());
            assertThat(schema.get("additionalProperties").asBoolean()).isFalse();
        });
    }

    @Test
    void a_payload_missing_a_required_field_is_named() {
        ObjectNode admitted = admittedJson();
        admitted.remove("cellId");

        assertThat(EventSchemas.violations("member.admitted.v1", admitted))
                .singleElement().asString().contains("cellId");
    }

    @Test
    void a_value_outside_an_enumeration_is_rejected() {
        ObjectNode admitted = admittedJson();
        ((ObjectNode) admitted.get("person")).put("sex", "UNKNOWN");

        assertThat(EventSchemas.violations("member.admitted.v1", admitted))
                .singleElement().asString().contains("/person/sex");
    }

    @Test
    void an_unexpected_property_is_rejected() {
        ObjectNode admitted = admittedJson();
        admitted.put("favouriteColour", "red");

        assertThat(EventSchemas.violations("member.admitted.v1", admitted))
                .singleElement().asString().contains("favouriteColour");
    }

    @Test
    void a_negative_vote_count_is_rejected() {
        ObjectNode admitted = admittedJson();
        ((ObjectNode) admitted.get("vote")).put("inFavour", -1);

        assertThat(EventSchemas.violations("member.admitted.v1", admitted))
                .singleElement().asString().contains("/vote/inFavour");
    }

    @Test
    void a_breach_period_must_be_a_month_or_a_quarter() {
        ObjectNode breach = EventJson.mapper().createObjectNode()
                .put("kind", "NO_REGULAR_MEETING").put("period", "2025-13");

        assertThat(EventSchemas.violations("cell.meeting_breach_detected.v1", breach)).isNotEmpty();
        breach.put("period", "2025-Q4");
        assertThat(EventSchemas.violations("cell.meeting_breach_detected.v1", breach)).isEmpty();
    }

    @Test
    void a_change_of_residence_names_the_unit_and_its_organisation_together_or_neither() {
        ObjectNode moved = EventJson.mapper().createObjectNode().put("residenceUnitId", "TQ-CH-THON-2");

        assertThat(EventSchemas.violations("member.residence_changed.v1", moved)).isNotEmpty();
        moved.put("unitOrgId", "TQ-CH-XA-2");
        assertThat(EventSchemas.violations("member.residence_changed.v1", moved)).isEmpty();
        assertThat(EventSchemas.violations("member.residence_changed.v1",
                EventJson.mapper().createObjectNode())).as("moved out of every registered unit").isEmpty();
    }

    @Test
    void a_transfer_receipt_may_carry_the_place_of_residence_and_reads_as_before_without_it() throws Exception {
        MemberTransferReceived old = EventJson.mapper().readValue("{\"cellId\":\"HN-CB-7\"}",
                MemberTransferReceived.class);

        assertThat(old).isEqualTo(new MemberTransferReceived("HN-CB-7", null));
        assertThat(EventJson.canonical(old)).as("an absent residence is omitted: old receipts hash the same")
                .isEqualTo("{\"cellId\":\"HN-CB-7\"}");
        assertThat(EventSchemas.violations(new MemberTransferReceived("HN-CB-7", "HN-THON-3"))).isEmpty();
    }

    @Test
    void there_is_no_schema_for_an_unknown_type() {
        assertThatThrownBy(() -> EventSchemas.schemaOf("member.levitated.v1"))
                .isInstanceOf(UnknownEventTypeException.class);
    }

    private static ObjectNode admittedJson() {
        MemberAdmitted sample = SampleEvents.all().stream()
                .filter(MemberAdmitted.class::isInstance).map(MemberAdmitted.class::cast).findFirst().orElseThrow();
        return (ObjectNode) EventJson.toTree(sample);
    }
}
