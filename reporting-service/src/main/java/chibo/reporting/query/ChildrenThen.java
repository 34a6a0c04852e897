package chibo.reporting.query;

import chibo.reporting.figures.Counters;
import chibo.reporting.figures.Placements;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The organisations that stood under a parent in a period, each with the part of its figures counted there: its
 * stock at a month's end if it stood under the parent that month, its flows over the months it did. A past period
 * lists the tree as it stood then (a province's districts for 2020–2023, not today's communes), and the rows, with
 * what the parent counts itself, add up to the parent's figures: what happened in a month went up the line of the
 * parent of that month.
 */
public final class ChildrenThen {

    /**
     * One child's share of the parent's figures.
     *
     * @param stocks its stock at each month asked, in the order asked: empty where it stood elsewhere then
     * @param flows  its flows over the months of the period it stood under the parent
     * @param under  those months
     */
    public record Share(OrgFiguresView counts, List<Map<String, Long>> stocks, Map<String, Long> flows,
                        List<Placements.Span> under) {
    }

    private ChildrenThen() {
    }

    /**
     * The children that stood under {@code parentId} in a month of {@code from}..{@code to} or at one of
     * {@code stockMonths} (null: now, where today's children are listed as they are, merged and dissolved ones
     * included), in the order given. A child whose figures counted under the parent is listed even if registered
     * later (a backdated event), so that nothing the parent counts is missing from the rows.
     */
    public static List<Share> of(String parentId, List<OrgFiguresView> children, YearMonth from, YearMonth to,
                                 YearMonth... stockMonths) {
        List<Share> shares = new ArrayList<>();
        for (OrgFiguresView child : children) {
            Placements placements = child.placements();
            boolean stood = placements.stoodUnder(parentId, from, to);
            List<Map<String, Long>> stocks = new ArrayList<>(stockMonths.length);
            for (YearMonth month : stockMonths) {
                boolean there = month == null ? parentId.equals(child.parentId())
                        : parentId.equals(placements.parentIn(month.toString()));
                stood |= month == null ? there : placements.stoodUnder(parentId, month);
                stocks.add(there ? Figures.stockAt(child, month) : Map.of());
            }
            List<Placements.Span> under = placements.countedUnder(parentId, from, to);
            Map<String, Long> flows = new TreeMap<>();
            for (Placements.Span span : under) {
                Counters.addTo(flows, Figures.flowsBetween(child, span.from(), span.to()));
            }
            flows.values().removeIf(value -> value == 0L);
            if (stood || !flows.isEmpty() || stocks.stream().anyMatch(stock -> !stock.isEmpty())) {
                shares.add(new Share(child, stocks, flows, under));
            }
        }
        return shares;
    }
}
