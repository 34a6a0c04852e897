package chibo.reporting;

import chibo.contracts.member.Education;
import chibo.contracts.member.LetGoGround;
import chibo.contracts.member.MemberAdmitted;
import chibo.contracts.member.MemberEnrolledFromRegister;
import chibo.contracts.member.MemberExpelled;
import chibo.contracts.member.MemberLetGo;
import chibo.contracts.member.MemberRemoved;
import chibo.contracts.member.MemberStatus;
import chibo.contracts.member.Person;
import chibo.contracts.member.RemovalGround;
import chibo.contracts.member.Sex;
import chibo.contracts.member.Vote;
import chibo.contracts.organization.OrgLevel;
import chibo.contracts.organization.OrganizationRegistered;
import chibo.testsupport.Http;
import chibo.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The figures Tuyên Quang published for 2020–2023 — 4,884 members admitted, 321 removed from the rolls (xóa tên),
 * 120 let go (cho ra khỏi Đảng), 126 expelled (khai trừ) — posted as events spread over its communes, cells and
 * months, and read back from the query API: the series, the statistics report and the stock before and after.
 */
class TuyenQuangScenarioTest extends ReportingComponentTest {

    static final int ADMITTED = 4_884;
    static final int REMOVED = 321;
    static final int LET_GO = 120;
    static final int EXPELLED = 126;
    /** Members on the register before 2020 (migrated), some of whom leave in the period. */
    static final int ON_REGISTER = 2_000;

    @Test
    void the_published_figures_for_2020_to_2023_read_back_exactly() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String province = "TQ-" + suffix;
        LocalDate founded = LocalDate.of(2015, 1, 1);
        publisher.publish(province, founded, province, new OrganizationRegistered("Tỉnh ủy Tuyên Quang",
                OrgLevel.PROVINCE, null));
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < 5; c++) {
            String commune = province + "-X" + c;
            publisher.publish(commune, founded, province, new OrganizationRegistered("Đảng bộ xã " + c,
                    OrgLevel.COMMUNE, province));
            for (int k = 0; k < 4; k++) {
                String cell = commune + "-C" + k;
                publisher.publish(cell, founded, commune, new OrganizationRegistered("Chi bộ thôn " + k,
                        OrgLevel.CELL, commune));
                cells.add(cell);
            }
        }
        Random random = new Random(2023);
        List<String> members = new ArrayList<>();
        List<LocalDate> joined = new ArrayList<>();
        for (int i = 0; i < ON_REGISTER; i++) {
            String member = province + "-r" + i;
            LocalDate on = LocalDate.of(2015 + random.nextInt(5), 1 + random.nextInt(12), 1 + random.nextInt(28));
            String cell = cells.get(random.nextInt(cells.size()));
            publisher.publishLater(member, on, cell, new MemberEnrolledFromRegister(person(random), MemberStatus.OFFICIAL,
                    cell, on.minusYears(3), on.minusYears(2), null, false, null));
            members.add(member);
            joined.add(on);
        }
        for (int i = 0; i < ADMITTED; i++) {
            String member = province + "-a" + i;
            LocalDate on = LocalDate.of(2020 + random.nextInt(4), 1 + random.nextInt(12), 1 + random.nextInt(28));
            String cell = cells.get(random.nextInt(cells.size()));
            publisher.publishLater(member, on, cell, new MemberAdmitted(person(random), cell, on.minusDays(20),
                    new Vote(12, 0, 0, 11), List.of(), true, null));
            members.add(member);
            joined.add(on);
        }
        List<Integer> leaving = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            leaving.add(i);
        }
        Collections.shuffle(leaving, random);
        for (int n = 0; n < REMOVED + LET_GO + EXPELLED; n++) {
            int index = leaving.get(n);
            LocalDate start = joined.get(index).isBefore(LocalDate.of(2020, 1, 1)) ? LocalDate.of(2020, 1, 1)
                    : joined.get(index).plusDays(1);
            LocalDate on = start.plusDays(random.nextLong(LocalDate.of(2023, 12, 31).toEpochDay()
                    - start.toEpochDay() + 1));
            String member = members.get(index);
            if (n < REMOVED) {
                publisher.publishLater(member, on, province, new MemberRemoved(RemovalGround.NO_PROGRESS_AFTER_HELP,
                        null, on.minusDays(7)));
            } else if (n < REMOVED + LET_GO) {
                publisher.publishLater(member, on, province, new MemberLetGo(LetGoGround.ASKED_TO_LEAVE, null));
            } else {
                publisher.publishLater(member, on, province, new MemberExpelled("vi phạm nghiêm trọng"));
            }
        }
        publisher.flush();
        String reader = TestTokens.reader(province);
        int end = ON_REGISTER + ADMITTED - REMOVED - LET_GO - EXPELLED;

        // every member's events reach the province in their own partition's time: each figure is awaited, and until
        // the province is known its reads answer a problem without the figures
        await().atMost(Duration.ofMinutes(3)).ignoreExceptions().untilAsserted(() -> {
            assertThat(series(province, "flow.expelled", reader).get("total").asLong()).isEqualTo(EXPELLED);
            assertThat(series(province, "flow.admitted", reader).get("total").asLong()).isEqualTo(ADMITTED);
            assertThat(series(province, "flow.removed", reader).get("total").asLong()).isEqualTo(REMOVED);
            assertThat(series(province, "flow.let_go", reader).get("total").asLong()).isEqualTo(LET_GO);
            assertThat(http.get("/organizations/" + province + "/summary?asOf=2019-12-31", reader).json()
                    .get("members").get("total").asLong()).isEqualTo(ON_REGISTER);
            assertThat(http.get("/organizations/" + province + "/summary?asOf=2023-12-31", reader).json()
                    .get("members").get("total").asLong()).isEqualTo(end);
        });

        Http.Response csv = http.get("/organizations/" + province + "/statistics.csv?from=2020-01&to=2023-12",
                reader);
        List<String> lines = csv.body().lines().toList();
        List<String> header = List.of(lines.getFirst().replace("\uFEFF", "").split(","));
        assertThat(lines).hasSize(1 + 5 + 1);
        long[] sumOfCommunes = new long[header.size()];
        for (String line : lines.subList(1, 6)) {
            String[] fields = line.split(",");
            for (int i = 2; i < fields.length; i++) {
                sumOfCommunes[i] += Long.parseLong(fields[i]);
            }
        }
        String[] total = lines.getLast().split(",");
        assertThat(total[header.indexOf("dang_vien_dau_ky")]).isEqualTo(Integer.toString(ON_REGISTER));
        assertThat(total[header.indexOf("ket_nap_moi")]).isEqualTo(Integer.toString(ADMITTED));
        assertThat(total[header.indexOf("xoa_ten")]).isEqualTo(Integer.toString(REMOVED));
        assertThat(total[header.indexOf("cho_ra_khoi_dang")]).isEqualTo(Integer.toString(LET_GO));
        assertThat(total[header.indexOf("khai_tru")]).isEqualTo(Integer.toString(EXPELLED));
        assertThat(total[header.indexOf("dang_vien_cuoi_ky")]).isEqualTo(Integer.toString(end));
        for (int i = 2; i < header.size(); i++) {
            assertThat(Long.parseLong(total[i])).as(header.get(i) + " summed over the communes")
                    .isEqualTo(sumOfCommunes[i]);
        }
    }

    private tools.jackson.databind.JsonNode series(String orgId, String metric, String reader) {
        return http.get("/organizations/" + orgId + "/series?metric=" + metric + "&from=2020-01&to=2023-12", reader)
                .json();
    }

    private static Person person(Random random) {
        return new Person("Đảng viên", LocalDate.of(1950 + random.nextInt(50), 1 + random.nextInt(12), 1),
                random.nextBoolean() ? Sex.FEMALE : Sex.MALE, random.nextInt(3) == 0 ? "Tày" : "Kinh",
                Education.values()[random.nextInt(Education.values().length)], null);
    }
}
