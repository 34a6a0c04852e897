package chibo.reporting.figures;

import java.util.Map;

/**
 * One organisation's figures for one month of effective date, its subtree included: the change of each stock
 * counter and the count of each flow that month. Kept apart from the totals so that a change touches only its own
 * month. {@code version} rises with every change. The stored and published form of a {@link MonthState}.
 */
public record OrgMonth(String orgId, String month, Map<String, Long> counters, long version) {

    public OrgMonth {
        counters = counters == null ? Map.of() : Map.copyOf(counters);
    }

    /** The key of an organisation's month, in the store, on the topic and in MongoDB: {@code orgId|2025-07}. */
    public static String key(String orgId, String month) {
        return orgId + "|" + month;
    }
}
