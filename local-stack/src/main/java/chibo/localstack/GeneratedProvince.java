package chibo.localstack;

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
 * steps carry the bulk-import line that records them (ProvinceHistory writes them, with ProvincePeople's persons);
 * this class lays out the organisations and answers callers. The same seed gives the same province. Used by the
 * province recount system test and by the benchmark, which asks through a {@link ProvinceShape} for a real
 * province's size, villages with residents and key positions, monthly meetings and no reform.
 */
public final class GeneratedProvince {

    public static final LocalDate FOUNDED = LocalDate.of(2010, 1, 1);
    public static final LocalDate REFORM = LocalDate.of(2025, 7, 1);
    public static final YearMonth FIRST_MONTH = YearMonth.of(2015, 1);
    public static final YearMonth LAST_MONTH = YearMonth.of(2025, 12);
    /** Decisions fall on days 1–23; meetings on the 26th, so a roster never changes on a meeting's day. */
    public static final int LAST_DECISION_DAY = 23;
    public static final int MEETING_DAY = 26;

    /** At scale 1, 15 communes; they grow with the scale, like the register and the flows of ProvinceHistory. */
    static final int COMMUNES = 15;
    static final int CELLS_PER_COMMUNE = 40;
    /** The reform moves a cell of the second commune to the third and merges the fifth into the fourth. */
    private static final int FEWEST_COMMUNES = 5;
    static final int MEETING_PERCENT = 8;

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
    private final List<String> cells;
    /** Filled by the {@link ProvinceHistory}: each cell's first official member, and everyone ever in each cell. */
    final Map<String, String> secretaries = new HashMap<>();
    final Map<String, List<Member>> everIn = new HashMap<>();

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
        int communeCount = Math.max(FEWEST_COMMUNES, (int) Math.round(COMMUNES * shape.scale()));
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
        ProvincePeople people = new ProvincePeople(random, province.villages);
        new ProvinceHistory(province, random, people).write();
        if (shape.monthlyMeetings()) {
            province.planMonthlyMeetings();
        } else {
            province.planMeetings();
        }
        province.villages.assignPositions(random, people::someoneOutsideTheParty);
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
