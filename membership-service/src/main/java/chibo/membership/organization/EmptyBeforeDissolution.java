package chibo.membership.organization;

import chibo.platform.web.ProblemException;
import chibo.platform.web.Problems;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * An organisation is dissolved only once nothing remains in it: no organisation still stands under it and no member
 * is still counted by it, on its way to it or temporarily at it. The party organisation system is one tree of
 * organisations holding every member (Điều lệ Đảng, chương III); a dissolution that left organisations or members
 * in a body that no longer stands would leave them outside it. They move first (a move under another organisation,
 * a transfer of the members, QĐ 24-QĐ/TW và QĐ 294-QĐ/TW, điểm 6.3), or the organisation is merged into the one that
 * takes them over (a merger names its successor).
 *
 * <p>Pure: the caller hands over the organisations and members that ever stood under or in the organisation (a
 * superset is fine: only those still there on the dissolution's date or now count).
 */
public final class EmptyBeforeDissolution {

    public static final String RULE = "organization.empty-before-dissolution";
    public static final String SOURCE = "Điều lệ Đảng, chương III; QĐ 24-QĐ/TW và QĐ 294-QĐ/TW, điểm 6.3 (chuyển"
            + " sinh hoạt đảng)";

    /** At most this many ids of each are named in the problem; the counts are complete. */
    static final int NAMED = 20;

    private EmptyBeforeDissolution() {
    }

    /** Why a member still holds the organisation: counted by it, on the way to it, or temporarily at it. */
    public enum Presence {
        COUNTED, ARRIVING, TEMPORARILY_HERE
    }

    /**
     * What still remains in the organisation.
     *
     * @param children the organisations standing under it (directly, or under an organisation merged into it), by id
     * @param members  the active members still in it, by id, with why
     */
    public record Remaining(List<String> children, Map<String, Presence> members) {

        public boolean isEmpty() {
            return children.isEmpty() && members.isEmpty();
        }
    }

    /**
     * What remains in organisation {@code orgId} on {@code date}, the dissolution's date: an organisation counts when
     * it stands under {@code orgId} now or stood under it on that date (a move away dated later leaves it there on
     * the day); the children of an organisation merged into {@code orgId} hang under {@code orgId} and count too.
     *
     * @param organizations the organisations, by id, that ever stood under {@code orgId} or were merged into it
     *                      (and, for those merged into it, theirs); a missing id is skipped
     * @param candidates    the organisations that ever stood under or were merged into an organisation, by its id
     * @param members       the members that were ever placed in, sent to or temporarily at {@code orgId}
     */
    public static Remaining remaining(String orgId, LocalDate date, Function<String, Collection<String>> candidates,
                                      Function<String, Optional<Organization>> organizations,
                                      Collection<MemberPlacement> members) {
        List<String> children = new ArrayList<>();
        collectChildren(orgId, date, candidates, organizations, children, new HashSet<>(Set.of(orgId)));
        Map<String, Presence> present = new LinkedHashMap<>();
        members.stream().sorted(Comparator.comparing(MemberPlacement::memberId)).forEach(member -> presence(orgId,
                member).ifPresent(why -> present.put(member.memberId(), why)));
        return new Remaining(List.copyOf(children), present);
    }

    private static void collectChildren(String orgId, LocalDate date, Function<String, Collection<String>> candidates,
                                        Function<String, Optional<Organization>> organizations, List<String> into,
                                        Set<String> seen) {
        for (String candidateId : candidates.apply(orgId).stream().sorted().toList()) {
            if (!seen.add(candidateId)) {
                continue;
            }
            organizations.apply(candidateId).ifPresent(candidate -> {
                if (standsUnder(candidate, orgId, date)) {
                    into.add(candidate.id());
                } else if (!candidate.isActive() && orgId.equals(candidate.successorId())) {
                    // merged into this organisation: what stood under it hangs under this one now
                    collectChildren(candidate.id(), date, candidates, organizations, into, seen);
                }
            });
        }
    }

    private static boolean standsUnder(Organization candidate, String orgId, LocalDate date) {
        boolean now = candidate.isActive() && orgId.equals(candidate.parentId());
        boolean then = candidate.on(date).filter(Organization.OnDate::active)
                .filter(onDate -> orgId.equals(onDate.parentId())).isPresent();
        return now || then;
    }

    private static Optional<Presence> presence(String orgId, MemberPlacement member) {
        if (!member.active()) {
            return Optional.empty();
        }
        if (orgId.equals(member.cellId())) {
            return Optional.of(Presence.COUNTED);
        }
        if (orgId.equals(member.arrivingAt())) {
            return Optional.of(Presence.ARRIVING);
        }
        if (orgId.equals(member.temporarilyAt())) {
            return Optional.of(Presence.TEMPORARILY_HERE);
        }
        return Optional.empty();
    }

    /** Refuses the dissolution of {@code orgId} while anything remains in it, saying how much and what to do. */
    public static void require(String orgId, Remaining remaining) {
        if (remaining.isEmpty()) {
            return;
        }
        List<String> parts = new ArrayList<>();
        if (!remaining.children().isEmpty()) {
            parts.add(remaining.children().size() + " organisation(s) standing under it (" + named(remaining
                    .children()) + ")");
        }
        if (!remaining.members().isEmpty()) {
            parts.add(remaining.members().size() + " active member(s) in it (" + named(List.copyOf(remaining
                    .members().keySet())) + ")");
        }
        String message = "organisation '" + orgId + "' still has " + String.join(" and ", parts) + ": move the"
                + " organisations under another one (POST /organizations/{id}/move) and transfer the members"
                + " (POST /members/{id}/transfers) first, or merge it into the organisation that takes them over"
                + " (POST /organizations/{targetId}/merge)";
        Map<String, Object> members = new LinkedHashMap<>();
        remaining.members().entrySet().stream().limit(NAMED)
                .forEach(entry -> members.put(entry.getKey(), entry.getValue().name()));
        throw refusal(message, Map.of("remaining", Map.of(
                "childCount", remaining.children().size(),
                "children", remaining.children().stream().limit(NAMED).toList(),
                "memberCount", remaining.members().size(),
                "members", members)));
    }

    private static ProblemException refusal(String message, Map<String, Object> more) {
        return Problems.ruleViolation(RULE, SOURCE, "orgId", message, more);
    }

    private static String named(List<String> ids) {
        String shown = String.join(", ", ids.stream().limit(NAMED).toList());
        return ids.size() > NAMED ? shown + ", …" : shown;
    }
}
