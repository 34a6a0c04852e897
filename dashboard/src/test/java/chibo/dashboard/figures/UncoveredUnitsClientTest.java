package chibo.dashboard.figures;

import chibo.dashboard.DashboardProperties;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.header;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

/** The units without a cell or a resident member, asked of reporting-service and read as docs/api.md gives them. */
class UncoveredUnitsClientTest {

    @Test
    void the_list_is_asked_for_with_the_readers_token_and_read_with_names_kinds_and_communes() {
        RestClient.Builder builder = RestClient.builder();
        MockRestServiceServer server = MockRestServiceServer.bindTo(builder).build();
        Reporting reporting = new Reporting(builder, new DashboardProperties("http://reporting", "http://membership",
                "TW", null, null));
        server.expect(requestTo("http://reporting/organizations/TQ/uncovered-units"))
                .andExpect(header("Authorization", "Bearer tok"))
                .andRespond(withSuccess("""
                        {"orgId":"TQ","units":[{"unitId":"thon-khuoi-xoan","name":"Thôn Khuổi Xoan","kind":"VILLAGE",
                        "ownerId":"TQ-MQ","ownerName":"Đảng bộ xã Minh Quang","withoutCell":true,
                        "withoutMember":false},{"unitId":"tram.y-te","name":null,"kind":"HEALTH_STATION",
                        "ownerId":"TQ-MQ","ownerName":"Đảng bộ xã Minh Quang","withoutCell":false,
                        "withoutMember":true}]}""", MediaType.APPLICATION_JSON));

        UncoveredUnits uncovered = reporting.uncoveredUnits("tok", "TQ");

        server.verify();
        assertThat(uncovered.units()).hasSize(2);
        UncoveredUnits.Unit village = uncovered.units().getFirst();
        assertThat(village.shownName()).isEqualTo("Thôn Khuổi Xoan");
        assertThat(village.ownerName()).isEqualTo("Đảng bộ xã Minh Quang");
        assertThat(village.withoutCell()).isTrue();
        assertThat(village.withoutMember()).isFalse();
        assertThat(uncovered.units().get(1).shownName()).as("no name: its id").isEqualTo("tram.y-te");
    }
}
