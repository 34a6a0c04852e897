package chibo.reporting.aggregates;

import chibo.contracts.member.MemberStatus;

import java.util.Map;
import java.util.TreeMap;

/** Counter names and arithmetic on counter maps (absent means zero). */
public final class Counters {

    /** Active members: probationary plus official. */
    public static final String MEMBERS = "members";
    /** Official members exempted from party work and activity; still counted as members. */
    public static final String EXEMPTED = "members.exempted";

    private Counters() {
    }

    public static String status(MemberStatus status) {
        return "members." + status.name().toLowerCase(java.util.Locale.ROOT);
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

    public static Map<String, Long> negate(Map<String, Long> counters) {
        Map<String, Long> negated = new TreeMap<>();
        counters.forEach((name, value) -> negated.put(name, -value));
        return negated;
    }
}
