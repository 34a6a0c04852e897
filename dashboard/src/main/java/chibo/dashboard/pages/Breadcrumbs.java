package chibo.dashboard.pages;

import chibo.dashboard.figures.FiguresRefused;
import chibo.dashboard.figures.OrgHeadline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * The way from the reader's own organisation down to the one shown. It stops at the reader's organisation (or at
 * the first one the reader may not read): a reader is never shown a link they would be refused.
 */
final class Breadcrumbs {

    private static final int DEEPEST = 10;

    private Breadcrumbs() {
    }

    /** @return the ancestors of {@code shown}, from the top the reader may read, not including it */
    static List<OrgHeadline> above(OrgHeadline shown, String readerOrg, Function<String, OrgHeadline> headline) {
        List<OrgHeadline> trail = new ArrayList<>();
        OrgHeadline at = shown;
        while (at.parentId() != null && !at.orgId().equals(readerOrg) && trail.size() < DEEPEST) {
            try {
                at = headline.apply(at.parentId());
            } catch (FiguresRefused refused) {
                break;
            }
            trail.add(at);
        }
        Collections.reverse(trail);
        return trail;
    }
}
