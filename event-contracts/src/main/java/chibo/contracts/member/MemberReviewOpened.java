package chibo.contracts.member;

import java.util.List;

/**
 * The member's case is put before their cell: a review of a removal or a letting go. {@code basis} names what
 * opened it (e.g. {@code absences:2026}, {@code ratings:2025-2026}) so that the same facts never open a second
 * review; {@code evidence} lists the meetings or rated years behind it.
 */
public record MemberReviewOpened(ReviewKind kind, String basis, String reason, List<String> evidence)
        implements MemberEvent {

    public MemberReviewOpened {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
