package chibo.localstack;

import chibo.localstack.GeneratedProvince.Kind;
import chibo.localstack.GeneratedProvince.Member;
import chibo.localstack.GeneratedProvince.Step;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static chibo.localstack.GeneratedProvince.CELLS_PER_COMMUNE;
import static chibo.localstack.GeneratedProvince.FIRST_MONTH;
import static chibo.localstack.GeneratedProvince.LAST_DECISION_DAY;
import static chibo.localstack.GeneratedProvince.LAST_MONTH;

/**
 * The members' history of a generated province, written into it as the bulk-import lines an agency would send: the
 * paper register enrolled, then month by month admissions, recognitions, transfers and departures. Draws from the
 * province's {@link Random} in a fixed order, so that the same seed gives the same history.
 */
final class ProvinceHistory {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** At scale 1: some 54,000 members; each figure grows with the scale. */
    static final int FROM_REGISTER = 50_500;
    static final int ADMISSIONS_PER_YEAR = 350;
    static final int DEATHS_PER_YEAR = 280;
    static final int REMOVALS_PER_YEAR = 40;
    static final int LETTINGS_GO_PER_YEAR = 15;
    static final int EXPULSIONS_PER_YEAR = 12;
    static final int TRANSFERS_PER_YEAR = 100;
    static final int FAILED_PROBATION_PERCENT = 2;

    private final GeneratedProvince province;
    private final Random random;
    private final ProvincePeople people;
    private final double scale;
    private final List<String> cells;
    /** Members who may be chosen for a transfer or to leave, once they are free ({@link Member#free}). */
    private final List<Member> pool = new ArrayList<>();
    private int sequence;

    ProvinceHistory(GeneratedProvince province, Random random, ProvincePeople people) {
        this.province = province;
        this.random = random;
        this.people = people;
        this.scale = province.shape.scale();
        this.cells = province.cells();
    }

    /** The register, then every month from {@link GeneratedProvince#FIRST_MONTH} to the last. */
    void write() {
        fromRegister();
        for (YearMonth month = FIRST_MONTH; !month.isAfter(LAST_MONTH); month = month.plusMonths(1)) {
            month(month);
        }
    }

    private void fromRegister() {
        for (String cell : cells) {
            Member secretary = member();
            province.secretaries.put(cell, secretary.id);
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
        Member member = new Member(province.id + "-m" + String.format("%06d", ++sequence));
        province.members.add(member);
        return member;
    }

    private void enrol(Member member, String cell, LocalDate admittedOn) {
        Map<String, Object> line = line("enrol", member);
        line.put("person", people.person(member, cell, admittedOn.minusYears(20 + random.nextInt(20))
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
        admission.put("person", people.person(member, cell, resolved.minusYears(18 + random.nextInt(12))
                .minusDays(random.nextInt(365))));
        admission.put("cellId", cell);
        admission.put("cellResolutionDate", resolved.toString());
        admission.put("vote", ordered("officialMembers", 12, "temporarilyTransferredOut", 0, "exemptedAbsent", 0,
                "inFavour", 11));
        admission.put("introducers", List.of(ordered("memberId", province.secretaries.get(cell),
                "workedWithSince", resolved.minusYears(3).toString())));
        admission.put("youthUnionIntroduced", true);
        admission.put("awarenessCertificate", ordered("number", "NT-" + member.id,
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
                    : province.communeOfCell.get(from) + "-C"
                            + String.format("%02d", 1 + random.nextInt(CELLS_PER_COMMUNE));
        } while (to.equals(from));
        Map<String, Object> start = line("start-transfer", member);
        start.put("kind", "OFFICIAL");
        start.put("circumstance", random.nextBoolean() ? "NEW_JOB" : "MOVED_HOME");
        start.put("toOrgId", province.communeOn(to, decided));
        start.put("toCellId", to);
        decision(start, decided, from);
        member.steps.add(step(decided, Kind.TRANSFER_STARTED, from, start));
        Map<String, Object> receipt = line("receive-transfer", member);
        receipt.put("cellId", to);
        receipt.put("receivedOn", received.toString());
        member.steps.add(step(received, Kind.TRANSFER_RECEIVED, to, receipt));
        member.cellId = to;
        member.free = received.plusDays(1);
        province.everIn.computeIfAbsent(to, cell -> new ArrayList<>()).add(member);
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
        province.everIn.computeIfAbsent(joined.cellId(), cell -> new ArrayList<>()).add(member);
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
        line.put("decidingOrgId", province.communeOn(cell, day));
    }

    /** The day itself, or the first of the next month when it falls among the meeting days. */
    private static LocalDate decisionDay(LocalDate day) {
        return day.getDayOfMonth() <= LAST_DECISION_DAY ? day : day.withDayOfMonth(1).plusMonths(1);
    }

    /**
     * A JSON object whose keys keep the order given, so that the same seed writes the same bytes in every JVM
     * ({@code Map.of} orders its keys by a per-JVM salt).
     */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            object.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return object;
    }
}
