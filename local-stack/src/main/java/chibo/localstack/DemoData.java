package chibo.localstack;

import chibo.contracts.VietnamTime;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small demo: two provinces, a commune and a ward with village and residential-group cells, each with its
 * secretary taken over from the old register and members admitted over 2024–2025, and their monthly cell meetings
 * since July 2025. Loaded through the public APIs, as an agency system would, and only into an empty store.
 */
final class DemoData {

    static final String CENTRAL = "TW";
    static final String PROVINCE = "TQ";
    static final String OTHER_PROVINCE = "HG";

    private static final String[] FAMILY = {"Nguyễn", "Trần", "Hoàng", "Ma", "Nông", "Lò", "Đinh", "Triệu"};
    private static final String[] GIVEN = {"Văn An", "Thị Bình", "Văn Cường", "Thị Dung", "Đức Hải", "Thị Hoa",
            "Văn Khánh", "Thị Lan", "Minh Long", "Thị Mai"};
    private static final String[] ETHNICITY = {"Tày", "Kinh", "Dao", "Nùng", "H'Mông"};

    private final String membership;
    private final String meeting;
    private final String token;

    DemoData(String membershipUrl, String meetingUrl, String writerToken) {
        this.membership = membershipUrl;
        this.meeting = meetingUrl;
        this.token = writerToken;
    }

    boolean alreadyLoaded() {
        return ApiClient.get(membership + "/organizations/" + CENTRAL, token).status() == 200;
    }

    /** @return the ids of the cells loaded, with their members */
    Map<String, List<String>> load() {
        organization(CENTRAL, "Ban Chấp hành Trung ương", "CENTRAL", null);
        organization(PROVINCE, "Tỉnh ủy Tuyên Quang", "PROVINCE", CENTRAL);
        organization(OTHER_PROVINCE, "Tỉnh ủy Hà Giang", "PROVINCE", CENTRAL);
        organization("TQ-MQ", "Đảng bộ xã Minh Quang", "COMMUNE", PROVINCE);
        organization("TQ-PT", "Đảng bộ phường Phan Thiết", "COMMUNE", PROVINCE);
        organization("HG-DV", "Đảng bộ xã Đồng Văn", "COMMUNE", OTHER_PROVINCE);
        Map<String, String> cells = new LinkedHashMap<>();
        cells.put("TQ-MQ-NT", "TQ-MQ");
        cells.put("TQ-MQ-KX", "TQ-MQ");
        cells.put("TQ-PT-TDP1", "TQ-PT");
        cells.put("TQ-PT-TDP2", "TQ-PT");
        cells.put("HG-DV-LC", "HG-DV");
        Map<String, String> names = Map.of("TQ-MQ-NT", "Chi bộ thôn Nà Tông", "TQ-MQ-KX", "Chi bộ thôn Khuổi Xoan",
                "TQ-PT-TDP1", "Chi bộ tổ dân phố 1", "TQ-PT-TDP2", "Chi bộ tổ dân phố 2",
                "HG-DV-LC", "Chi bộ thôn Lũng Cú");
        cells.forEach((cell, parent) -> organization(cell, names.get(cell), "CELL", parent));
        units();

        Map<String, List<String>> members = new LinkedHashMap<>();
        int n = 0;
        for (Map.Entry<String, String> cell : cells.entrySet()) {
            List<String> ids = new ArrayList<>();
            String secretary = cell.getKey() + "-BT";
            ApiClient.post(membership + "/members/enrolments", token, ApiBodies.enrolment(secretary,
                    "Triệu Văn " + GIVEN[n % GIVEN.length].split(" ")[1], cell.getKey(), "Sổ đảng viên " + cell.getKey()))
                    .expect(201);
            ids.add(secretary);
            for (int i = 1; i <= 8; i++, n++) {
                String id = cell.getKey() + "-" + String.format("%03d", i);
                admit(id, cell.getKey(), cell.getValue(), n, secretary);
                ids.add(id);
            }
            members.put(cell.getKey(), ids);
        }
        positions();
        members.forEach(this::awaitRoster);
        members.forEach(this::meetings);
        checkMeetingDuty();
        return members;
    }

    /** The villages and school of Minh Quang: one village and the school with no cell, as reports should show. */
    private void units() {
        unit("TQ-MQ", "thon-na-tong", "Thôn Nà Tông", "VILLAGE", "TQ-MQ-NT");
        unit("TQ-MQ", "thon-khuoi-xoan", "Thôn Khuổi Xoan", "VILLAGE", "TQ-MQ-KX");
        unit("TQ-MQ", "ban-pai", "Bản Pài", "VILLAGE", null);
        unit("TQ-MQ", "truong-th-minh-quang", "Trường Tiểu học Minh Quang", "SCHOOL", null);
    }

    private void unit(String orgId, String unitId, String name, String kind, String cellId) {
        ApiClient.post(membership + "/organizations/" + orgId + "/units", token, Map.of("unitId", unitId, "name",
                name, "kind", kind, "effectiveDate", "2025-07-01")).expect(200);
        if (cellId != null) {
            ApiClient.post(membership + "/organizations/" + orgId + "/units/" + unitId + "/coverage", token,
                    Map.of("cellId", cellId, "effectiveDate", "2025-07-01")).expect(200);
        }
    }

    /** Village heads, Front heads and youth secretaries of Minh Quang: some party members, some not. */
    private void positions() {
        position("thon-na-tong", "VILLAGE_HEAD", "Hoàng Văn Thào", "TQ-MQ-NT-001");
        position("thon-na-tong", "FRONT_HEAD", "Ma Thị Hoa", "TQ-MQ-NT-002");
        position("thon-na-tong", "YOUTH_SECRETARY", "Nông Văn Tú", null);
        position("thon-khuoi-xoan", "VILLAGE_HEAD", "Triệu Văn Sáng", "TQ-MQ-KX-001");
        position("thon-khuoi-xoan", "FRONT_HEAD", "Lý Thị Mai", null);
        position("ban-pai", "VILLAGE_HEAD", "Giàng A Lử", null);
    }

    private void position(String unitId, String position, String holder, String memberId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("position", position);
        body.put("holderName", holder);
        body.put("memberId", memberId);
        body.put("effectiveDate", "2025-07-01");
        ApiClient.post(membership + "/organizations/TQ-MQ/units/" + unitId + "/positions", token, body).expect(200);
    }

    /**
     * Founded in 2010 like the generated province: the demo's communes and cells decide and hold the admissions of
     * 2024, and membership-service checks every decision on the tree of its date (a committee founded on 01/07/2025
     * decides nothing dated before).
     */
    private void organization(String id, String name, String level, String parentId) {
        ApiClient.post(membership + "/organizations", token,
                ApiBodies.organization(id, name, level, parentId, GeneratedProvince.FOUNDED.toString())).expect(201);
    }

    private void admit(String memberId, String cellId, String decidingOrgId, int n, String introducerId) {
        LocalDate decision = LocalDate.of(2024, 1, 15).plusDays(17L * n);
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("fullName", FAMILY[n % FAMILY.length] + " " + GIVEN[(n / 2) % GIVEN.length]);
        // of Youth Union age (to 30) when the cell resolves, as the Youth Union committee introduces them
        person.put("birthDate", LocalDate.of(1995 + n % 6, 1 + n % 12, 1 + n % 27).toString());
        person.put("sex", n % 2 == 0 ? "MALE" : "FEMALE");
        person.put("ethnicity", ETHNICITY[n % ETHNICITY.length]);
        person.put("education", n % 3 == 0 ? "UNIVERSITY" : "UPPER_SECONDARY");
        if (cellId.equals("TQ-MQ-NT") || cellId.equals("TQ-MQ-KX")) {
            person.put("residenceUnitId", cellId.equals("TQ-MQ-NT") ? "thon-na-tong" : "thon-khuoi-xoan");
        }
        Map<String, Object> body = ApiBodies.admission(memberId, person, cellId, decision.minusDays(20).toString(),
                decision.toString(), (100 + n) + "-QĐ/ĐU", decidingOrgId, introducerId);
        ApiClient.post(membership + "/members/admissions", token, body).expect(201);
    }

    /** meeting-service learns rosters from membership's events: wait until it has. */
    private void awaitRoster(String cellId, List<String> members) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (true) {
            ApiClient.Response roster = ApiClient.get(meeting + "/cells/" + cellId + "/roster", token);
            if (roster.status() == 200 && roster.json().get("members").size() == members.size()) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("meeting-service did not learn the roster of " + cellId + ": "
                        + roster);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * Monthly meetings from July 2025 to last month, a combined thematic and regular one in each quarter's first
     * month. The last member of Nà Tông stays away without reason in January, March and May 2026 (a removal review
     * follows in membership-service); Lũng Cú holds no meeting in February 2026, the month of Tết (a breach once the
     * meeting-duty check has run, which the demo asks for at the end).
     */
    private void meetings(String cellId, List<String> members) {
        YearMonth last = VietnamTime.thisMonth(java.time.Clock.systemUTC()).minusMonths(1);
        for (YearMonth month = YearMonth.of(2025, 7); !month.isAfter(last); month = month.plusMonths(1)) {
            if (cellId.equals("HG-DV-LC") && month.equals(YearMonth.of(2026, 2))) {
                continue;
            }
            boolean combined = (month.getMonthValue() - 1) % 3 == 0;
            LocalDate day = month.atDay(5);
            String absentee = members.getLast();
            List<Map<String, Object>> attendance = new ArrayList<>();
            for (String memberId : expectedOn(cellId, day)) {
                if (memberId.equals(absentee) && cellId.equals("TQ-MQ-NT") && month.getYear() == 2026
                        && month.getMonthValue() % 2 == 1 && month.getMonthValue() <= 5) {
                    attendance.add(Map.of("memberId", memberId, "status", "UNEXCUSED"));
                } else if (memberId.equals(absentee) && month.getMonthValue() % 4 == 0) {
                    attendance.add(Map.of("memberId", memberId, "status", "EXCUSED", "reason", "đi làm xa"));
                } else {
                    attendance.add(Map.of("memberId", memberId, "status", "PRESENT"));
                }
            }
            Map<String, Object> body = ApiBodies.meeting(cellId + "-" + month, combined ? "COMBINED" : "REGULAR",
                    combined ? "Học tập chuyên đề và sinh hoạt tháng " + month.getMonthValue() + "/" + month.getYear()
                            : "Sinh hoạt chi bộ tháng " + month.getMonthValue() + "/" + month.getYear(),
                    day + "T19:30:00", day + "T21:45:00", attendance);
            body.put("place", "Nhà văn hóa");
            body.put("resolutions", List.of(Map.of("text", "Vận động bà con tham gia làm đường liên thôn",
                    "ownerMemberId", members.getFirst())));
            ApiClient.post(meeting + "/cells/" + cellId + "/meetings", token, body).expect(201);
        }
    }

    /** Who must attend the cell's meeting on {@code day}: its roster of that day, as meeting-service keeps it. */
    private List<String> expectedOn(String cellId, LocalDate day) {
        ApiClient.Response roster = ApiClient.get(meeting + "/cells/" + cellId + "/roster?asOf=" + day, token);
        if (roster.status() != 200) {
            throw new IllegalStateException("no roster of " + cellId + " on " + day + ": " + roster);
        }
        List<String> expected = new ArrayList<>();
        roster.json().get("lines").forEach(line -> {
            if (line.get("presence").asString().equals("EXPECTED")) {
                expected.add(line.get("memberId").asString());
            }
        });
        return expected;
    }

    /** The meeting-duty check the schedule runs nightly, run now so that the demo shows its findings. */
    private void checkMeetingDuty() {
        ApiClient.post(meeting + "/compliance/checks", token, Map.of()).expect(200);
    }
}
