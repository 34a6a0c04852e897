package chibo.membership.member;

import java.time.LocalDate;

/**
 * What every decision on a member carries: when it was taken (the event's effective date), its number, and which
 * committee took it. For facts that are not decisions (a ceremony, a death) the member's cell records them when
 * no committee is named.
 */
public interface DecisionRequest {

    LocalDate decisionDate();

    String decisionNumber();

    String decidingOrgId();

    /**
     * How this request names the facts the rules speak of: the effective date is {@code decisionDate} unless the
     * request calls it otherwise ({@code ceremonyDate}, {@code dateOfDeath}…).
     */
    default java.util.Map<String, String> fieldNames() {
        return java.util.Map.of("effectiveDate", "decisionDate");
    }
}
