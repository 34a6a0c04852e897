package chibo.membership.organization;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The members' records as the organisations read them: kept by the member package, which depends on the
 * organisations and not the other way round.
 */
public interface MemberPlacements {

    Optional<MemberPlacement> find(String memberId);

    /** Those of {@code memberIds} that have a record; the others are left out. */
    List<MemberPlacement> findAll(Collection<String> memberIds);
}
