package chibo.localstack;

import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A generated province with eleven years of history, as an agency migrating its register would send it: 15 communes
 * of 40 village cells, some 50,000 members enrolled from the paper register, then month by month admissions (sworn
 * in, recognised a year on, now and then not), transfers between cells, deaths, removals, lettings go and expulsions,
 * and cell meetings in 2025; the 2025 reform moves a cell to another commune and merges two communes. Each member's
 * steps carry the bulk-import line that records them. The same seed gives the same province. Used by the province
 * recount system test and by the benchmark, which asks through a {@link ProvinceShape} for a real province's size,
 * villages with residents and key positions, monthly meetings and no reform.
 */
public final class GeneratedProvince {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static final LocalDate FOUNDED = LocalDate.of(2010, 1, 1);
    public static final LocalDate REFORM = LocalDate.of(2025, 7, 1);
    public static final YearMonth FIRST_MONTH = YearMonth.of(2015, 1);
    public static final YearMonth LAST_MONTH = YearMonth.of(2025, 12);
    /** Decisions fall on days 1–23; meetings on the 26th, so a roster never changes on a meeting's day. */
    public static final int LAST_DECISION_DAY = 23;
    public static final int MEETING_DAY = 26;

    /** At scale 1: some 54,000 members in 15 communes; each figure below grows with the scale. */
    static final int COMMUNES = 15;
    static final int CELLS_PER_COMMUNE = 40;
    static final int FROM_REGISTER = 50_500;
    static final int ADMISSIONS_PER_YEAR = 350;
    static final int DEATHS_PER_YEAR = 280;
    static final int REMOVALS_PER_YEAR = 40;
    static final int LETTINGS_GO_PER_YEAR = 15;
    static final int EXPULSIONS_PER_YEAR = 12;
    static final int TRANSFERS_PER_YEAR = 100;
    /** The reform moves a cell of the second commune to the third and merges the fifth into the fourth. */
    private static final int FEWEST_COMMUNES = 5;
    static final int FAILED_PROBATION_PERCENT = 2;
    static final int MEETING_PERCENT = 8;

    private static final String[] FAMILY = {"Nguyễn", "Trần", "Hoàng", "Ma", "Nông", "Lò", "Đinh", "Triệu", "Hà",
            "Lý"};
    private static final String[] GIVEN = {"Văn An", "Thị Bình", "Văn Cường", "Thị Dung", "Đức Hải", "Thị Hoa",
            "Văn Khánh", "Thị Lan", "Minh Long", "Thị Mai"};
    private static final String[] ETHNICITY = {"Tày", "Kinh", "Dao", "Nùng", "H'Mông", "Sán Chay"};
    private static final String[] EDUCATION = {"LOWER_SECONDARY", "UPPER_SECONDARY", "VOCATIONAL", "COLLEGE",
            "UNIVERSITY"};

    public final String id;
    public final List<String> communes = new ArrayList<>();
    public final Map<String, String> communeOfCell = new LinkedHashMap<>();
    public final String movedCell;
    public final String movedFrom;
    public final String movedTo;
    public final String mergedCommune;
    public final String mergeTarget;
    public final List<Member> members = new ArrayList<>();
    public final List<Meeting> meetings = new ArrayList<>();
    public final ProvinceShape shape;
    public final ProvinceVillages villages;

    private final Random random;
    private final double scale;
    private final List<String> cells;
    private final Map<String, String> secretaries = new HashMap<>();
    private final Map<String, List<Member>> everIn = new HashMap<>();
    private final List<Member> pool = new ArrayList<>();
    private int sequence;

    /** One step of a member's life, and the import line that records it. */
    public record Step(LocalDate date, Kind kind, String cellId, String line) {
    }

    public enum Kind {
        JOINED, SWORN_IN, RECOGNIZED, TRANSFER_STARTED, TRANSFER_RECEIVED, LEFT
    }

    public static final class Member {
        public final String id;
        public final List<Step> steps = new ArrayList<>();
        /** From when the member may be chosen for a transfer or to leave; null: never. */
        LocalDate free;
        String cellId;

        Member(String id) {
            this.id = id;
        }

        /** Joined and not left (in transit counts): a member at the end of the history. */
        public boolean activeAtEnd() {
            return !steps.isEmpty() && steps.stream().noneMatch(step -> step.kind() == Kind.LEFT);
        }

        /** The cell whose meetings the member must attend on the day: none while in transit or gone. */
        public String expectedIn(LocalDate day) {
            String cell = null;
            for (Step step : steps) {
                if (step.date().isAfter(day)) {
                    break;
                }
                switch (step.kind()) {
                    case JOINED, TRANSFER_RECEIVED -> cell = step.cellId();
                    case TRANSFER_STARTED, LEFT -> cell = null;
                    default -> {
                    }
                }
            }
            return cell;
        }
    }

    public record Meeting(String id, String cellId, LocalDate day, String kind) {
    }

    private GeneratedProvince(Random random, String id, ProvinceShape shape) {
        this.random = random;
        this.id = id;
        this.shape = shape;
        this.scale = shape.scale();
        int communeCount = Math.max(FEWEST_COMMUNES, (int) Math.round(COMMUNES * scale));
        for (int c = 1; c <= communeCount; c++) {
            String commune = id + "-X" + String.format("%02d", c);
            communes.add(commune);
            for (int v = 1; v <= CELLS_PER_COMMUNE; v++) {
                communeOfCell.put(commune + "-C" + String.format("%02d", v), commune);
            }
        }
        cells = List.copyOf(communeOfCell.keySet());
        movedFrom = communes.get(1);
        movedTo = communes.get(2);
        movedCell = movedFrom + "-C01";
        mergeTarget = communes.get(3);
        mergedCommune = communes.get(4);
        villages = new ProvinceVillages(communes, CELLS_PER_COMMUNE, shape);
    }

    /** The province at scale 1 (some 54,000 members). */
    public static GeneratedProvince generate(Random random, String id) {
        return generate(random, id, 1.0);
    }

    /**
     * A province of some {@code 54,000 × scale} members: communes, register and yearly flows all grow with the
     * scale (at least five communes).
     */
    public static GeneratedProvince generate(Random random, String id, double scale) {
        return generate(random, id, ProvinceShape.ofScale(scale));
    }

    /** A province of the shape asked for; {@link ProvinceShape#ofScale} gives the recount test's. */
    public static GeneratedProvince generate(Random random, String id, ProvinceShape shape) {
        GeneratedProvince province = new GeneratedProvince(random, id, shape);
        province.fromRegister();
        for (YearMonth month = FIRST_MONTH; !month.isAfter(LAST_MONTH); month = month.plusMonths(1)) {
            province.month(month);
        }
        if (shape.monthlyMeetings()) {
            province.planMonthlyMeetings();
        } else {
            province.planMeetings();
        }
        province.villages.assignPositions(random, province::someoneOutsideTheParty);
        return province;
    }

    /** Members at the end of the history: joined and not left, in transit included. */
    public long membersAtEnd() {
        return members.stream().filter(Member::activeAtEnd).count();
    }

    /** Import lines: all of them, each member's in date order. */
    public long lineCount() {
        return members.stream().mapToLong(member -> member.steps.size()).sum();
    }

    /** Organisations, parents before children. */
    public List<String> organisations() {
        List<String> all = new ArrayList<>(List.of(id));
        all.addAll(communes);
        all.addAll(cells);
        return all;
    }

    /** The village cells, in order. */
    public List<String> cells() {
        return cells;
    }

    /** The official member enrolled first in a cell, who introduces its applicants. */
    public String secretaryOf(String cell) {
        return secretaries.get(cell);
    }

    /** The organisations with children: the province and its communes. */
    public List<String> parents() {
        List<String> parents = new ArrayList<>(List.of(id));
        parents.addAll(communes);
        return parents;
    }

    /** The import lines before the reform ({@code true}) or from it on, each member's in date order. */
    public List<String> lines(boolean beforeReform) {
        List<String> lines = new ArrayList<>();
        for (Member member : members) {
            for (Step step : member.steps) {
                if (step.date().isBefore(REFORM) == beforeReform) {
                    lines.add(step.line());
                }
            }
        }
        return lines;
    }

    public List<Meeting> meetings(boolean beforeReform) {
        return meetings.stream().filter(meeting -> meeting.day().isBefore(REFORM) == beforeReform).toList();
    }

    /** Who must attend the cell's meeting on the day, by id. */
    public List<String> rosterOn(String cellId, LocalDate day) {
        return everIn.getOrDefault(cellId, List.of()).stream().filter(member -> cellId.equals(
                member.expectedIn(day))).map(member -> member.id).distinct().sorted().toList();
    }

    /** The commune a cell answers to on the day: after the reform, the moved cell's new one, the merger's. */
    public String communeOn(String cellId, LocalDate day) {
        String commune = communeOfCell.get(cellId);
        if (!shape.reform() || day.isBefore(REFORM)) {
            return commune;
        }
        if (cellId.equals(movedCell)) {
            return movedTo;
        }
        return commune.equals(mergedCommune) ? mergeTarget : commune;
    }

    private void fromRegister() {
        for (String cell : cells) {
            Member secretary = member();
            secretaries.put(cell, secretary.id);
            enrol(secretary, cell, LocalDate.of(1990 + random.nextInt(10), 1 + random.nextInt(12),
                    1 + random.nextInt(LAST_DECISION_DAY)));
        }
        for (int i = 0; i < Math.round(FROM_REGISTER * scale) - cells.size(); i++) {
            Member member = member();
            enrol(member, cells.get(random.nextInt(cells.size())), LocalDate.of(1985 + random.nextInt(29),
                    1 + random.nextInt(12), 1 + random.nextInt(LAST_DECISION_DAY)));
            member.free = FIRST_MONTH.atDay(1);
            pool.add(member);
        }
    }

    private void month(YearMonth month) {
        // the working-day calendar starts in 2015: the first cells resolve in January, the communes decide later
        int admissions = month.equals(FIRST_MONTH) ? 0 : times(ADMISSIONS_PER_YEAR);
        for (int i = admissions; i > 0; i--) {
            admit(month.atDay(1 + random.nextInt(15)));
        }
        for (int i = times(TRANSFERS_PER_YEAR); i > 0; i--) {
            transfer(month.atDay(1 + random.nextInt(10)));
        }
        for (int i = times(DEATHS_PER_YEAR); i > 0; i--) {
            leave(month, "record-death");
        }
        for (int i = times(REMOVALS_PER_YEAR); i > 0; i--) {
            leave(month, "remove");
        }
        for (int i = times(LETTINGS_GO_PER_YEAR); i > 0; i--) {
            leave(month, "let-go");
        }
        for (int i = times(EXPULSIONS_PER_YEAR); i > 0; i--) {
            leave(month, "expel");
        }
    }

    /** A month's share of a yearly figure, give or take. */
    private int times(int perYear) {
        double mean = perYear * scale / 12.0;
        return (int) Math.round(mean * (0.5 + random.nextDouble()));
    }

    private Member member() {
        Member member = new Member(id + "-m" + String.format("%06d", ++sequence));
        members.add(member);
        return member;
    }

    private Map<String, Object> person(Member member, String cell, LocalDate born) {
        boolean woman = random.nextInt(100) < 35;
        String given = GIVEN[random.nextInt(GIVEN.length)];
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("fullName", FAMILY[random.nextInt(FAMILY.length)] + " " + given);
        person.put("birthDate", born.toString());
        person.put("sex", woman ? "FEMALE" : "MALE");
        person.put("ethnicity", ETHNICITY[random.nextInt(ETHNICITY.length)]);
        person.put("education", EDUCATION[random.nextInt(EDUCATION.length)]);
        String residence = villages.residenceOf(member, (String) person.get("fullName"), cell, random);
        if (residence != null) {
            person.put("residenceUnitId", residence);
        }
        return person;
    }

    /** A village post holder who is not a party member. */
    private String someoneOutsideTheParty() {
        return FAMILY[random.nextInt(FAMILY.length)] + " " + GIVEN[random.nextInt(GIVEN.length)];
    }

    private void enrol(Member member, String cell, LocalDate admittedOn) {
        Map<String, Object> line = line("enrol", member);
        line.put("person", person(member, cell, admittedOn.minusYears(20 + random.nextInt(20))
                .minusDays(random.nextInt(365))));
        line.put("status", "OFFICIAL");
        line.put("cellId", cell);
        line.put("admittedOn", admittedOn.toString());
        line.put("recognizedOn", admittedOn.plusYears(1).toString());
        line.put("register", "Sổ đảng viên " + cell);
        join(member, step(admittedOn, Kind.JOINED, cell, line));
    }

    /**
     * Admitted by the commune on the day (the cell resolved three weeks before, the Youth Union and the cell's
     * secretary introduce), sworn in a week later, and a year on recognised — or, now and then, not.
     */
    private void admit(LocalDate decided) {
        String cell = cells.get(random.nextInt(cells.size()));
        Member member = member();
        LocalDate resolved = decided.minusDays(21);
        Map<String, Object> admission = line("admit", member);
        // 18 to 30 on the day the cell resolves: of Youth Union age, so that its committee may introduce them
        admission.put("person", person(member, cell, resolved.minusYears(18 + random.nextInt(12))
                .minusDays(random.nextInt(365))));
        admission.put("cellId", cell);
        admission.put("cellResolutionDate", resolved.toString());
        admission.put("vote", Map.of("officialMembers", 12, "temporarilyTransferredOut", 0, "exemptedAbsent", 0,
                "inFavour", 11));
        admission.put("introducers", List.of(Map.of("memberId", secretaries.get(cell),
                "workedWithSince", resolved.minusYears(3).toString())));
        admission.put("youthUnionIntroduced", true);
        admission.put("awarenessCertificate", Map.of("number", "NT-" + member.id,
                "issuedOn", resolved.minusMonths(6).toString()));
        decision(admission, decided, cell);
        join(member, step(decided, Kind.JOINED, cell, admission));

        LocalDate ceremony = decided.plusDays(7);
        Map<String, Object> swearing = line("swear-in", member);
        swearing.put("ceremonyDate", ceremony.toString());
        member.steps.add(step(ceremony, Kind.SWORN_IN, cell, swearing));

        LocalDate considered = ceremony.plusYears(1).plusDays(1);
        LocalDate recognised = decisionDay(considered.plusDays(5));
        if (recognised.isAfter(LAST_MONTH.atDay(LAST_DECISION_DAY))) {
            return;
        }
        boolean fails = random.nextInt(100) < FAILED_PROBATION_PERCENT;
        Map<String, Object> outcome = line(fails ? "fail-probation" : "recognize", member);
        outcome.put("cellResolutionDate", considered.toString());
        decision(outcome, recognised, cell);
        if (fails) {
            outcome.put("reason", "không đủ tư cách đảng viên");
            member.steps.add(step(recognised, Kind.LEFT, cell, outcome));
        } else {
            member.steps.add(step(recognised, Kind.RECOGNIZED, cell, outcome));
            member.free = recognised.plusDays(1);
            pool.add(member);
        }
    }

    /** An official transfer to another cell, a third of the time in another commune, received weeks later. */
    private void transfer(LocalDate decided) {
        Member member = settled(decided);
        if (member == null) {
            return;
        }
        LocalDate received = decisionDay(decided.plusDays(5 + random.nextInt(40)));
        if (received.isAfter(LAST_MONTH.atDay(LAST_DECISION_DAY))) {
            return;
        }
        String from = member.cellId;
        String to;
        do {
            to = random.nextInt(3) == 0 ? cells.get(random.nextInt(cells.size()))
                    : communeOfCell.get(from) + "-C" + String.format("%02d", 1 + random.nextInt(CELLS_PER_COMMUNE));
        } while (to.equals(from));
        Map<String, Object> start = line("start-transfer", member);
        start.put("kind", "OFFICIAL");
        start.put("circumstance", random.nextBoolean() ? "NEW_JOB" : "MOVED_HOME");
        start.put("toOrgId", communeOn(to, decided));
        start.put("toCellId", to);
        decision(start, decided, from);
        member.steps.add(step(decided, Kind.TRANSFER_STARTED, from, start));
        Map<String, Object> receipt = line("receive-transfer", member);
        receipt.put("cellId", to);
        receipt.put("receivedOn", received.toString());
        member.steps.add(step(received, Kind.TRANSFER_RECEIVED, to, receipt));
        member.cellId = to;
        member.free = received.plusDays(1);
        everIn.computeIfAbsent(to, cell -> new ArrayList<>()).add(member);
    }

    private void leave(YearMonth month, String command) {
        LocalDate day = month.atDay(1 + random.nextInt(LAST_DECISION_DAY));
        Member member = settled(day);
        if (member == null) {
            return;
        }
        Map<String, Object> line = line(command, member);
        switch (command) {
            case "record-death" -> line.put("dateOfDeath", day.toString());
            case "remove" -> {
                line.put("ground", "ABSENT_OR_UNPAID_THREE_MONTHS");
                decision(line, day, member.cellId);
            }
            case "let-go" -> {
                line.put("ground", "ASKED_TO_LEAVE");
                decision(line, day, member.cellId);
            }
            default -> {
                line.put("reason", "vi phạm tư cách đảng viên");
                decision(line, day, member.cellId);
            }
        }
        member.steps.add(step(day, Kind.LEFT, member.cellId, line));
        member.free = null;
        pool.remove(member);
    }

    /** A member in the pool who is free on the day: official, in their cell, nothing under way. */
    private Member settled(LocalDate day) {
        for (int attempt = 0; attempt < 50 && !pool.isEmpty(); attempt++) {
            Member member = pool.get(random.nextInt(pool.size()));
            if (member.free != null && !member.free.isAfter(day)) {
                return member;
            }
        }
        return null;
    }

    private void join(Member member, Step joined) {
        member.steps.add(joined);
        member.cellId = joined.cellId();
        everIn.computeIfAbsent(joined.cellId(), cell -> new ArrayList<>()).add(member);
    }

    /** The step, with its line as the import reads it: JSON on one line. */
    private static Step step(LocalDate date, Kind kind, String cellId, Map<String, Object> line) {
        return new Step(date, kind, cellId, JSON.writeValueAsString(line));
    }

    private Map<String, Object> line(String command, Member member) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("command", command);
        line.put("memberId", member.id);
        return line;
    }

    /** Decided on the day by the commune the cell then answers to. */
    private void decision(Map<String, Object> line, LocalDate day, String cell) {
        line.put("decisionDate", day.toString());
        line.put("decisionNumber", (100 + random.nextInt(900)) + "-QĐ/ĐU");
        line.put("decidingOrgId", communeOn(cell, day));
    }

    /** The day itself, or the first of the next month when it falls among the meeting days. */
    private static LocalDate decisionDay(LocalDate day) {
        return day.getDayOfMonth() <= LAST_DECISION_DAY ? day : day.withDayOfMonth(1).plusMonths(1);
    }

    private void planMeetings() {
        for (YearMonth month = YearMonth.of(2025, 4); !month.isAfter(YearMonth.of(2025, 10));
             month = month.plusMonths(1)) {
            for (String cell : cells) {
                if (random.nextInt(100) < MEETING_PERCENT) {
                    meetings.add(new Meeting(cell + "-" + month, cell, month.atDay(MEETING_DAY),
                            random.nextInt(4) == 0 ? "THEMATIC" : "REGULAR"));
                }
            }
        }
    }

    /** Every cell meets every month of the last year; the first month of a quarter, regular and thematic at once. */
    private void planMonthlyMeetings() {
        for (YearMonth month = LAST_MONTH.minusMonths(11); !month.isAfter(LAST_MONTH); month = month.plusMonths(1)) {
            boolean combined = (month.getMonthValue() - 1) % 3 == 0;
            for (String cell : cells) {
                meetings.add(new Meeting(cell + "-" + month, cell, month.atDay(MEETING_DAY),
                        combined ? "COMBINED" : "REGULAR"));
            }
        }
    }
}
