package chibo.membership.standing;

import chibo.platform.rules.Rule;
import chibo.platform.rules.Violation;

import java.util.Optional;

/**
 * "Hoàn thành xuất sắc nhiệm vụ" goes to at most a share (commonly 20%, configurable) of the members a grassroots
 * organisation rates "hoàn thành tốt nhiệm vụ" or better in a year, rounded down: 5 rated good or better allow one
 * excellent, 4 allow none (verify the rounding).
 */
public final class ExcellentCap implements Rule<ExcellentShare> {

    private final int sharePercent;
    private final String source;

    public ExcellentCap(int sharePercent, String source) {
        this.sharePercent = sharePercent;
        this.source = source;
    }

    /** How many may be rated excellent among {@code goodOrBetter} members rated good or better. */
    public static int allowed(int sharePercent, int goodOrBetter) {
        return goodOrBetter * sharePercent / 100;
    }

    public String id() {
        return "rating.excellent-cap";
    }

    public String source() {
        return source;
    }

    public Optional<Violation> check(ExcellentShare share) {
        int allowed = allowed(sharePercent, share.goodOrBetter());
        if (share.excellentAdded() == 0 || share.excellent() <= allowed) {
            return holds();
        }
        return violated("ratings", share.excellent() + " of the " + share.goodOrBetter() + " members rated GOOD or"
                + " better in " + share.organizationId() + " for " + share.year() + " would be EXCELLENT; at most "
                + sharePercent + "% of them, " + allowed + ", may be");
    }
}
