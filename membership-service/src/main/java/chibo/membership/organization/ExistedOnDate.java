package chibo.membership.organization;

import chibo.platform.rules.Violation;
import chibo.platform.web.ProblemException;
import chibo.platform.web.Problems;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * An organisation a decision names (its cell, the deciding committee, where a member is sent) stood on the day it
 * acted: founded by then and not yet dissolved or merged away. A body dissolved later stays valid for its earlier
 * decisions (a district committee's admission of 30/06/2025); a body founded later never is.
 */
public final class ExistedOnDate {

    /** The rule id: the problem type is {@code urn:chibo:problem:rule:organization.existed-on-date}. */
    public static final String RULE = "organization.existed-on-date";
    // party organisations are founded and dissolved by decision of the committee above them, from that decision's date
    public static final String SOURCE = "Điều lệ Đảng, điều 10 (thành lập, giải thể tổ chức đảng)";

    private ExistedOnDate() {
    }

    /**
     * A violation naming {@code field} when {@code organization} did not stand on {@code day}.
     *
     * @param role   what the organisation does in the decision, for the message ("the deciding committee")
     * @param dayIs  what the day is, for the message ("the decision's date")
     */
    public static Optional<Violation> check(Organization organization, LocalDate day, String field, String role,
                                            String dayIs) {
        Optional<Organization.OnDate> standing = organization.on(day);
        if (standing.isEmpty()) {
            return Optional.of(new Violation(RULE, SOURCE, field, role + " '" + organization.id() + "' was founded on "
                    + organization.since() + ", after " + dayIs + " " + day + "; it cannot act before it existed"));
        }
        if (!standing.get().active()) {
            Organization.OnDate gone = standing.get();
            return Optional.of(new Violation(RULE, SOURCE, field, role + " '" + organization.id() + "' was "
                    + (gone.successorId() != null ? "merged into '" + gone.successorId() + "'" : "dissolved") + " on "
                    + gone.dissolvedOn() + ", on or before " + dayIs + " " + day + "; it stands for its decisions"
                    + " dated before then only"));
        }
        return Optional.empty();
    }

    /**
     * As {@link #check}, refusing with a 422 that names the field, this rule and the organisation's dates.
     *
     * @throws ProblemException 422 {@code urn:chibo:problem:rule:organization.existed-on-date}
     */
    public static void require(Organization organization, LocalDate day, String field, String role, String dayIs) {
        check(organization, day, field, role, dayIs).ifPresent(violation -> {
            throw Problems.ruleViolation(RULE, SOURCE, field, violation.message(), Map.of("organization",
                    dates(organization)));
        });
    }

    private static Map<String, Object> dates(Organization organization) {
        Map<String, Object> dates = new java.util.LinkedHashMap<>();
        dates.put("id", organization.id());
        dates.put("foundedOn", organization.since().toString());
        organization.dissolvedOn().ifPresent(day -> dates.put("dissolvedOn", day.toString()));
        return dates;
    }
}
