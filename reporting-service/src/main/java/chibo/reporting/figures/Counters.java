package chibo.reporting.figures;

import chibo.contracts.member.MemberStatus;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counter names and arithmetic on counter maps (absent means zero).
 *
 * <p>Two families. <b>Stock</b> counters ({@code members…}, {@code cells}, {@code units…}, {@code positions…}) say
 * how many there are now; their change in a month is stored with the month, so the stock at the end of any month is
 * the sum of the changes up to it. <b>Flow</b> counters ({@code flow…}, {@code meetings…}, {@code breaches…},
 * {@code ratings…}) count what happened; per month they are the month's count, in the totals the count ever. A move
 * or a merge carries an organisation's stock to its new line; its flows stay where they happened.
 */
public final class Counters {

    /** Active members: probationary plus official. */
    public static final String MEMBERS = "members";
    /** Official members exempted from party work and activity; still counted as members. */
    public static final String EXEMPTED = "members.exempted";
    /** Cells (chi bộ, including chi bộ cơ sở) active in the subtree. */
    public static final String CELLS = "cells";

    public static final String FLOW = "flow.";
    public static final String ADMITTED = FLOW + "admitted";
    public static final String READMITTED = FLOW + "readmitted";
    public static final String ENROLLED = FLOW + "enrolled";
    public static final String RECOGNIZED = FLOW + "recognized";
    /**
     * Recognitions decided after their deadline (QĐ 24-QĐ/TW and QĐ 294-QĐ/TW, point 4.2.2): accepted, and counted
     * here as well as in {@link #RECOGNIZED}.
     */
    public static final String RECOGNIZED_LATE = FLOW + "recognized_late";
    public static final String PROBATION_FAILED = FLOW + "probation_failed";
    public static final String REMOVED = FLOW + "removed";
    public static final String LET_GO = FLOW + "let_go";
    public static final String EXPELLED = FLOW + "expelled";
    public static final String DECEASED = FLOW + "deceased";
    public static final String TRANSFERRED_IN = FLOW + "transferred_in";
    public static final String TRANSFERRED_OUT = FLOW + "transferred_out";

    public static final String MEETINGS = "meetings.";
    public static final String MEETINGS_HELD = MEETINGS + "held";
    public static final String ATTENDANCE_EXPECTED = MEETINGS + "attendance.expected";
    public static final String ATTENDANCE_PRESENT = MEETINGS + "attendance.present";
    public static final String ATTENDANCE_EXCUSED = MEETINGS + "attendance.excused";
    public static final String ATTENDANCE_UNEXCUSED = MEETINGS + "attendance.unexcused";
    /** Meetings a member of a higher-level committee attended. */
    public static final String VISITS = MEETINGS + "visits";
    public static final String QUALITY_MET = MEETINGS + "quality_met";
    public static final String MINUTES_COMPLETE = MEETINGS + "minutes_complete";
    public static final String BREACHES = "breaches.";

    private Counters() {
    }

    public static String status(MemberStatus status) {
        return "members." + name(status);
    }

    public static String sex(Enum<?> sex) {
        return "members.sex." + name(sex);
    }

    public static String ethnicity(String ethnicity) {
        return "members.ethnicity." + key(ethnicity);
    }

    public static String education(Enum<?> education) {
        return "members.education." + name(education);
    }

    /** Members born in a year ({@code unknown} without a birth date): age bands are counted from these. */
    public static String born(Integer birthYear) {
        return "members.born." + (birthYear == null ? "unknown" : Integer.toString(birthYear));
    }

    public static String meetingKind(Enum<?> kind) {
        return MEETINGS + name(kind);
    }

    public static String grade(Enum<?> grade) {
        return MEETINGS + "grade." + name(grade);
    }

    public static String breach(Enum<?> kind) {
        return BREACHES + name(kind);
    }

    public static String memberRating(int year, Enum<?> level) {
        return "ratings.members." + year + "." + name(level);
    }

    public static String cellRating(int year, Enum<?> level) {
        return "ratings.cells." + year + "." + name(level);
    }

    public static String fourGood(int year) {
        return "ratings.cells." + year + ".four_good";
    }

    /** Units of a kind the subtree registered. */
    public static String units(Enum<?> kind) {
        return "units." + name(kind);
    }

    /** Units of a kind no cell covers. */
    public static String unitsWithoutCell(Enum<?> kind) {
        return "units." + name(kind) + ".without_cell";
    }

    /** Units of a kind where no active member resides. */
    public static String unitsWithoutMember(Enum<?> kind) {
        return "units." + name(kind) + ".without_member";
    }

    /** Key positions of a kind that are held. */
    public static String positions(Enum<?> position) {
        return "positions." + name(position);
    }

    /** Key positions of a kind held by a party member. */
    public static String positionsHeldByMembers(Enum<?> position) {
        return "positions." + name(position) + ".members";
    }

    public static boolean isStock(String counter) {
        return counter.equals(MEMBERS) || counter.startsWith("members.") || counter.equals(CELLS)
                || counter.startsWith("units.") || counter.startsWith("positions.");
    }

    /** The stock counters of a map. */
    public static Map<String, Long> stock(Map<String, Long> counters) {
        Map<String, Long> stock = new TreeMap<>();
        counters.forEach((name, value) -> {
            if (isStock(name)) {
                stock.put(name, value);
            }
        });
        return stock;
    }

    /** The month a date falls in, as months are keyed: {@code 2025-07}. */
    public static String month(LocalDate date) {
        return YearMonth.from(date).toString();
    }

    /** {@code after - before}, without zero entries. */
    public static Map<String, Long> difference(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> difference = new TreeMap<>(after);
        before.forEach((name, value) -> difference.merge(name, -value, Long::sum));
        difference.values().removeIf(value -> value == 0L);
        return difference;
    }

    /** {@code base + delta}, without zero entries. */
    public static Map<String, Long> plus(Map<String, Long> base, Map<String, Long> delta) {
        Map<String, Long> sum = new TreeMap<>(base);
        delta.forEach((name, value) -> sum.merge(name, value, Long::sum));
        sum.values().removeIf(value -> value == 0L);
        return sum;
    }

    /** Adds a change to counters in place, dropping the ones that come to zero. */
    public static void addTo(Map<String, Long> counters, Map<String, Long> change) {
        change.forEach((name, value) -> {
            if (counters.merge(name, value, Long::sum) == 0L) {
                counters.remove(name);
            }
        });
    }

    public static Map<String, Long> negate(Map<String, Long> counters) {
        Map<String, Long> negated = new TreeMap<>();
        counters.forEach((name, value) -> negated.put(name, -value));
        return negated;
    }

    private static String name(Enum<?> value) {
        return value == null ? "unknown" : LOWER_CASE_NAMES.get(value.getDeclaringClass())[value.ordinal()];
    }

    /**
     * Each enum's constants' names in lower case, by ordinal, worked out once per enum: every member event names
     * a status, a sex and an education level, and lower-casing them anew was a twentieth of a rebuild's fold.
     */
    private static final ClassValue<String[]> LOWER_CASE_NAMES = new ClassValue<>() {
        @Override
        protected String[] computeValue(Class<?> type) {
            Object[] constants = type.getEnumConstants();
            String[] names = new String[constants.length];
            for (int i = 0; i < constants.length; i++) {
                names[i] = ((Enum<?>) constants[i]).name().toLowerCase(Locale.ROOT);
            }
            return names;
        }
    };

    /** A free-text value as a counter name part: no dots or dollar signs (MongoDB field names), lower case. */
    static String key(String value) {
        if (value == null || value.isBlank()) {
            return "unknown";
        }
        return value.strip().toLowerCase(Locale.ROOT).replace('.', '_').replace('$', '_').replace(' ', '_');
    }

    /** The counters one decision's flow adds ({@code sign} 1) or takes back (-1): a late recognition is a recognition. */
    public static Map<String, Long> flowsOf(String flow, long sign) {
        return RECOGNIZED_LATE.equals(flow) ? Map.of(RECOGNIZED, sign, RECOGNIZED_LATE, sign) : Map.of(flow, sign);
    }
}
