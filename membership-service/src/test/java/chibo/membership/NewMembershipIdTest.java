package chibo.membership;

import chibo.testsupport.Http;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static chibo.membership.Requests.decision;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new membership under an id already taken is refused and changes nothing: neither the member who has the id nor,
 * for a readmission, the earlier membership's one readmission, which stays to be claimed under a free id.
 */
class NewMembershipIdTest extends MembershipComponentTest {

    @Test
    void an_enrolment_under_a_taken_id_is_refused_and_the_member_who_has_it_is_untouched() {
        Requests.Tree tree = Requests.Tree.create(http);
        String writer = tree.provinceWriter();
        String id = "taken-" + UUID.randomUUID().toString().substring(0, 6);
        assertThat(http.post("/members/enrolments", writer, Requests.enrolment(id, tree.cell())).status())
                .isEqualTo(201);

        Http.Response again = http.post("/members/enrolments", writer, Requests.enrolment(id, tree.otherCell()));

        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.json().get("type").asString()).isEqualTo("urn:chibo:problem:already-exists");
        Http.Response member = http.get("/members/" + id, writer);
        assertThat(member.json().get("cellId").asString()).isEqualTo(tree.cell());
        assertThat(member.json().get("version").asLong()).isEqualTo(1);
    }

    @Test
    void a_readmission_under_a_taken_id_leaves_the_earlier_membership_free_to_be_readmitted() {
        Requests.Tree tree = Requests.Tree.create(http);
        String writer = tree.provinceWriter();
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String earlier = "left-" + suffix;
        String taken = "someone-" + suffix;
        assertThat(http.post("/members/enrolments", writer, Requests.enrolment(earlier, tree.cell())).status())
                .isEqualTo(201);
        assertThat(http.post("/members/" + earlier + "/letting-go", writer, decision("2021-01-10",
                tree.grassroots(), "ground", "ASKED_TO_LEAVE")).status()).isEqualTo(200);
        assertThat(http.post("/members/enrolments", writer, Requests.enrolment(taken, tree.cell())).status())
                .isEqualTo(201);

        Http.Response refused = http.post("/members/readmissions", writer, Requests.readmission(tree, taken, earlier));
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:chibo:problem:already-exists");

        Http.Response readmitted = http.post("/members/readmissions", writer,
                Requests.readmission(tree, "again-" + suffix, earlier));
        assertThat(readmitted.status()).as(readmitted.body()).isEqualTo(201);
    }
}
