package chibo.membership.organization;

import chibo.contracts.EventDraft;
import chibo.contracts.EventEnvelope;
import chibo.contracts.HashChain;
import chibo.contracts.organization.OrgLevel;
import chibo.contracts.organization.OrganizationDissolved;
import chibo.contracts.organization.OrganizationEvent;
import chibo.contracts.organization.OrganizationMoved;
import chibo.contracts.organization.OrganizationRegistered;
import chibo.contracts.organization.OrganizationRenamed;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An organisation as it stood on a date, folded from its events whatever order they were entered in, and the rule
 * that a body named in a decision stood on the decision's date (Điều lệ Đảng, điều 10: organisations are founded and
 * dissolved by the committee above them; QĐ 294-QĐ/TW: the district level ends on 01/07/2025).
 */
class OrganizationOnDateTest {

    private static final LocalDate REFORM = LocalDate.of(2025, 7, 1);

    @Test
    void a_district_dissolved_by_the_2025_reform_stood_until_the_day_before() {
        Organization district = history("HU-SD")
                .then(LocalDate.of(1976, 1, 1), new OrganizationRegistered("Huyện ủy Sơn Dương", OrgLevel.DISTRICT,
                        "TU-TQ"))
                .then(REFORM, new OrganizationDissolved("tổ chức lại theo QĐ 294-QĐ/TW", null))
                .state();

        assertThat(district.on(REFORM.minusDays(1))).hasValueSatisfying(standing -> {
            assertThat(standing.active()).isTrue();
            assertThat(standing.parentId()).isEqualTo("TU-TQ");
            assertThat(standing.level()).isEqualTo(OrgLevel.DISTRICT);
        });
        assertThat(district.on(REFORM)).hasValueSatisfying(standing -> {
            assertThat(standing.active()).isFalse();
            assertThat(standing.dissolvedOn()).isEqualTo(REFORM);
        });
        assertThat(ExistedOnDate.check(district, LocalDate.of(2025, 6, 30), "decidingOrgId", "the deciding committee",
                "the decision's date")).isEmpty();
        assertThat(ExistedOnDate.check(district, LocalDate.of(2025, 8, 1), "decidingOrgId", "the deciding committee",
                "the decision's date")).hasValueSatisfying(violation -> {
                    assertThat(violation.ruleId()).isEqualTo(ExistedOnDate.RULE);
                    assertThat(violation.field()).isEqualTo("decidingOrgId");
                    assertThat(violation.message()).contains("dissolved on 2025-07-01");
                    assertThat(violation.source()).contains("Điều lệ Đảng");
                });
    }

    @Test
    void an_organisation_founded_after_a_date_did_not_stand_on_it() {
        Organization commune = history("DU-HT")
                .then(REFORM, new OrganizationRegistered("Đảng ủy xã Hợp Thành", OrgLevel.COMMUNE, "TU-TQ"))
                .state();

        assertThat(commune.on(REFORM.minusDays(1))).isEmpty();
        assertThat(commune.on(REFORM)).hasValueSatisfying(standing -> assertThat(standing.active()).isTrue());
        assertThat(ExistedOnDate.check(commune, LocalDate.of(2024, 5, 2), "decidingOrgId", "the deciding committee",
                "the decision's date")).hasValueSatisfying(violation -> {
                    assertThat(violation.field()).isEqualTo("decidingOrgId");
                    assertThat(violation.message()).contains("founded on 2025-07-01").contains("2024-05-02");
                });
    }

    @Test
    void a_cell_stood_under_the_parent_it_had_on_the_day() {
        Organization cell = history("CB-CT")
                .then(LocalDate.of(2010, 1, 1), new OrganizationRegistered("Chi bộ thôn Cầu Trâm", OrgLevel.CELL,
                        "DB-HT"))
                .then(REFORM, new OrganizationRenamed("Chi bộ thôn Cầu Trâm mới", "Chi bộ thôn Cầu Trâm"))
                .then(REFORM, new OrganizationMoved("DU-HT", "DB-HT"))
                .state();

        assertThat(cell.on(LocalDate.of(2024, 1, 1)).orElseThrow().parentId()).isEqualTo("DB-HT");
        assertThat(cell.on(REFORM).orElseThrow().parentId()).isEqualTo("DU-HT");
        assertThat(cell.parentId()).isEqualTo("DU-HT");
    }

    @Test
    void a_move_entered_late_takes_its_place_by_effective_date() {
        Organization cell = history("CB-NT")
                .then(LocalDate.of(2010, 1, 1), new OrganizationRegistered("Chi bộ thôn Nà Tông", OrgLevel.CELL, "A"))
                .then(LocalDate.of(2020, 1, 1), new OrganizationMoved("C", "A"))
                // entered afterwards, but it happened in between
                .then(LocalDate.of(2015, 1, 1), new OrganizationMoved("B", "A"))
                .state();

        assertThat(cell.on(LocalDate.of(2012, 1, 1)).orElseThrow().parentId()).isEqualTo("A");
        assertThat(cell.on(LocalDate.of(2016, 1, 1)).orElseThrow().parentId()).isEqualTo("B");
        assertThat(cell.on(LocalDate.of(2021, 1, 1)).orElseThrow().parentId()).isEqualTo("C");
    }

    @Test
    void an_organisation_merged_away_continues_in_its_successors_line_from_the_merger() {
        Organization commune = history("X5")
                .then(LocalDate.of(2010, 1, 1), new OrganizationRegistered("Đảng ủy xã 5", OrgLevel.COMMUNE, "P"))
                .then(REFORM, new OrganizationDissolved("merged into X4", "X4"))
                .state();

        assertThat(commune.on(LocalDate.of(2025, 6, 30)).orElseThrow().upward()).isEqualTo("P");
        assertThat(commune.on(REFORM).orElseThrow().upward()).isEqualTo("X4");
        assertThat(ExistedOnDate.check(commune, REFORM, "decidingOrgId", "the deciding committee",
                "the decision's date")).hasValueSatisfying(violation -> assertThat(violation.message())
                .contains("merged into 'X4'"));
    }

    private static History history(String orgId) {
        return new History(orgId);
    }

    /** An organisation's events applied one after another, as the store would. */
    private static final class History {
        private final String orgId;
        private Organization state;
        private long seq;
        private String hash = HashChain.GENESIS;

        History(String orgId) {
            this.orgId = orgId;
        }

        History then(LocalDate effectiveDate, OrganizationEvent payload) {
            EventEnvelope event = HashChain.seal(new EventDraft(orgId, effectiveDate, orgId, null, UUID.randomUUID(),
                    null, payload), "/chibo/test", ++seq, hash, UUID.randomUUID(), Instant.now());
            state = Organization.apply(state, event);
            hash = event.hash();
            return this;
        }

        Organization state() {
            return state;
        }
    }
}
