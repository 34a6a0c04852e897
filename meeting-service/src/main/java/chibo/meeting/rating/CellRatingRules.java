package chibo.meeting.rating;

import chibo.contracts.member.RatingLevel;
import chibo.meeting.quality.MeetingsProperties;
import chibo.platform.rules.Rule;
import chibo.platform.rules.Violation;

import java.util.List;
import java.util.Optional;

/** The rules a cell's annual rating is checked against, each a small class citing its source. */
public final class CellRatingRules {

    public static final String QD_366 = "QĐ 366-QĐ/TW (30/08/2025)";

    private CellRatingRules() {
    }

    public static List<Rule<CellRatingFacts>> all(MeetingsProperties.Ratings settings) {
        return List.of(new OncePerYear(), new DecidedAbove(), new LevelFollowsPoints(), new FourGoodTitle(settings));
    }

    /** One rating per cell and year, for a year already begun, decided on a day that has come. */
    public static final class OncePerYear implements Rule<CellRatingFacts> {
        public String id() {
            return "cell-rating.once-a-year";
        }

        public String source() {
            return QD_366;
        }

        public Optional<Violation> check(CellRatingFacts facts) {
            if (facts.alreadyRated()) {
                return violated("year", "the cell is already rated for " + facts.year());
            }
            if (facts.decisionDate().isAfter(facts.today())) {
                return violated("decisionDate", "the decision date " + facts.decisionDate() + " has not come yet");
            }
            return facts.year() > facts.decisionDate().getYear()
                    ? violated("year", "a rating for " + facts.year() + " cannot be decided on " + facts.decisionDate())
                    : holds();
        }
    }

    /** A cell is rated by the committee above it (cấp ủy cấp trên trực tiếp), not by itself or a stranger. */
    public static final class DecidedAbove implements Rule<CellRatingFacts> {
        public String id() {
            return "cell-rating.decided-above";
        }

        public String source() {
            return QD_366;
        }

        public Optional<Violation> check(CellRatingFacts facts) {
            return facts.decidedAbove() ? holds()
                    : violated("decidingOrgId", "the deciding organisation must be above the cell in its line");
        }
    }

    /**
     * The level follows the points: xuất sắc from 90, tốt from 70, hoàn thành from 50; "không hoàn thành" under 50
     * or in a listed case, so it may always be decided.
     */
    public static final class LevelFollowsPoints implements Rule<CellRatingFacts> {
        public String id() {
            return "cell-rating.level-follows-points";
        }

        public String source() {
            return QD_366;
        }

        public Optional<Violation> check(CellRatingFacts facts) {
            RatingLevel byPoints = RatingLevel.forPoints(facts.points());
            return facts.level() == byPoints || facts.level() == RatingLevel.NOT_COMPLETED ? holds()
                    : violated("level", facts.points() + " points rate " + byPoints + ", not " + facts.level());
        }
    }

    /**
     * "Chi bộ 4 tốt" is an emulation title each province awards on its own criteria; chibo checks the ones its
     * records show: a rating of at least the configured level, no breach of the meeting duty left standing in the
     * year, and the configured share of the year's meetings "đạt chất lượng" (HD 12-HD/BTCTW).
     */
    public static final class FourGoodTitle implements Rule<CellRatingFacts> {
        private final MeetingsProperties.Ratings settings;

        public FourGoodTitle(MeetingsProperties.Ratings settings) {
            this.settings = settings;
        }

        public String id() {
            return "cell-rating.four-good";
        }

        public String source() {
            return "Chi bộ 4 tốt: the province's emulation criteria (chibo.meetings.ratings); HD 12-HD/BTCTW (2018)";
        }

        public Optional<Violation> check(CellRatingFacts facts) {
            if (!facts.fourGoodTitle()) {
                return holds();
            }
            if (facts.level().compareTo(settings.fourGoodMinLevel()) > 0) {
                return violated("fourGoodTitle", "the title needs a rating of at least "
                        + settings.fourGoodMinLevel() + ", not " + facts.level());
            }
            if (facts.standingBreaches() > 0) {
                return violated("fourGoodTitle", "the title needs the meeting duty kept: " + facts.standingBreaches()
                        + " breach(es) of " + facts.year() + " stand");
            }
            int percent = facts.meetingsInYear() == 0 ? 0 : 100 * facts.qualityMetInYear() / facts.meetingsInYear();
            return percent >= settings.fourGoodMinQualityPercent() ? holds()
                    : violated("fourGoodTitle", "the title needs " + settings.fourGoodMinQualityPercent()
                    + "% of the year's meetings đạt chất lượng; " + facts.qualityMetInYear() + " of "
                    + facts.meetingsInYear() + " did");
        }
    }
}
