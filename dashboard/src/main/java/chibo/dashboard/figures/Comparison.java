package chibo.dashboard.figures;

import java.util.List;
import java.util.Map;

/** An organisation's children side by side ({@code /organizations/{id}/children}), with its own total. */
public record Comparison(String orgId, String stockAt, Summary.Period period, Row total, List<Row> children) {

    public record Row(String orgId, String name, String level, boolean active, String mergedInto,
                      Summary.Members members, Map<String, Long> flows) {

        public long flow(String name) {
            return flows == null ? 0 : flows.getOrDefault(name, 0L);
        }
    }
}
