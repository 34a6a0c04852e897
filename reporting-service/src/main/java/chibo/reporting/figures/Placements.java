package chibo.reporting.figures;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where an organisation stood in the tree, month by month: the parent it had from each month of effective date
 * (what happened in a month was counted up that parent's line), between the month it was registered and the month
 * it stopped existing (merged or dissolved; that month included). A past period's children are the organisations
 * that stood under the parent then, not today's.
 *
 * @param registeredMonth the month of its registration's effective date, or null when not known (an organisation
 *                        stored before this was kept: taken as always there)
 * @param endedMonth      the month it was merged or dissolved, or null while it exists (or when not known)
 * @param placements      oldest first, the first from {@link OrgFigures#ALWAYS}
 */
public record Placements(String registeredMonth, String endedMonth, List<OrgFigures.Placement> placements) {

    /** The months {@code from}..{@code to}, both included. */
    public record Span(YearMonth from, YearMonth to) {
    }

    public Placements {
        placements = List.copyOf(placements);
    }

    /** The parent in a month of effective date, by the placements alone (null: at the root, or before any). */
    public String parentIn(String month) {
        return parentIn(placements, month);
    }

    static String parentIn(List<OrgFigures.Placement> placements, String month) {
        String parent = null;
        for (OrgFigures.Placement placement : placements) {
            if (placement.fromMonth().compareTo(month) <= 0) {
                parent = placement.parentId();
            }
        }
        return parent;
    }

    /** Whether the organisation existed in a month: registered by then and not merged or dissolved before it. */
    public boolean existedIn(String month) {
        return (registeredMonth == null || registeredMonth.compareTo(month) <= 0)
                && (endedMonth == null || month.compareTo(endedMonth) <= 0);
    }

    /** Whether it existed in a month and stood under {@code parentId} then. */
    public boolean stoodUnder(String parentId, YearMonth month) {
        return existedIn(month.toString()) && parentId.equals(parentIn(month.toString()));
    }

    /**
     * The spans of {@code from}..{@code to} during which its figures were counted under {@code parentId} (placed
     * under it, whether or not registered yet: a backdated event counts up the line all the same), in order.
     */
    public List<Span> countedUnder(String parentId, YearMonth from, YearMonth to) {
        List<Span> spans = new ArrayList<>();
        for (int i = 0; i < placements.size(); i++) {
            if (!Objects.equals(parentId, placements.get(i).parentId())) {
                continue;
            }
            YearMonth start = later(from, placements.get(i).fromMonth());
            YearMonth end = i + 1 < placements.size()
                    ? earlier(to, YearMonth.parse(placements.get(i + 1).fromMonth()).minusMonths(1)) : to;
            if (start.isAfter(end)) {
                continue;
            }
            if (!spans.isEmpty() && spans.getLast().to().plusMonths(1).equals(start)) {
                start = spans.removeLast().from();
            }
            spans.add(new Span(start, end));
        }
        return spans;
    }

    /** Whether it existed and stood under {@code parentId} in some month of {@code from}..{@code to}. */
    public boolean stoodUnder(String parentId, YearMonth from, YearMonth to) {
        for (Span span : countedUnder(parentId, from, to)) {
            YearMonth start = registeredMonth == null ? span.from() : later(span.from(), registeredMonth);
            YearMonth end = endedMonth == null ? span.to() : earlier(span.to(), YearMonth.parse(endedMonth));
            if (!start.isAfter(end)) {
                return true;
            }
        }
        return false;
    }

    private static YearMonth later(YearMonth month, String other) {
        YearMonth parsed = YearMonth.parse(other);
        return parsed.isAfter(month) ? parsed : month;
    }

    private static YearMonth earlier(YearMonth month, YearMonth other) {
        return other.isBefore(month) ? other : month;
    }
}
