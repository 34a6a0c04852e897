package chibo.membership.standing;

import chibo.contracts.member.RatingLevel;
import chibo.membership.rules.Command;
import chibo.membership.rules.Regulations;
import chibo.membership.rules.RuleSet;
import chibo.platform.rules.Violation;
import chibo.platform.web.FieldProblem;
import chibo.platform.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/** The share of "xuất sắc" a rating or a batch would leave its grassroots organisation with, and its check. */
@Component
class ExcellentShares {

    private final RatingTally tally;
    private final Regulations regulations;

    ExcellentShares(RatingTally tally, Regulations regulations) {
        this.tally = tally;
        this.regulations = regulations;
    }

    /** The organisation's ratings for the year as counted, with {@code added} counted too. */
    ExcellentShare after(String organizationId, int year, Map<String, RatingLevel> added) {
        RatingTally.Counts counts = tally.counts(organizationId, year).plus(added.values());
        int excellentAdded = (int) added.values().stream().filter(level -> level == RatingLevel.EXCELLENT).count();
        return new ExcellentShare(organizationId, year, counts.of(RatingLevel.EXCELLENT), counts.goodOrBetter(),
                excellentAdded);
    }

    /**
     * @param field the request field the refusal names ({@code ratings} for a batch, {@code level} for one rating)
     * @throws ProblemException 422 {@code rule:rating.excellent-cap} with the numbers, when the share is exceeded
     */
    void require(RuleSet rules, ExcellentShare share, String field) {
        List<Violation> violations = rules.check(Command.RATING_SHARE, share);
        if (violations.isEmpty()) {
            return;
        }
        Violation cap = violations.getFirst();
        int allowed = ExcellentCap.allowed(regulations.excellentSharePercent(), share.goodOrBetter());
        throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "rule:" + cap.ruleId(),
                "Rule violated: " + cap.ruleId(), cap.message() + " (" + cap.source() + ")",
                List.of(new FieldProblem(field, cap.ruleId(), cap.message() + " (" + cap.source() + ")")),
                Map.of("rule", cap.ruleId(), "source", cap.source(), "ruleSet", rules.name(),
                        "organizationId", share.organizationId(), "year", share.year(),
                        "excellent", share.excellent(), "goodOrBetter", share.goodOrBetter(),
                        "allowedExcellent", allowed, "sharePercent", regulations.excellentSharePercent()));
    }
}
