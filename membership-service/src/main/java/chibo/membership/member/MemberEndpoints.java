package chibo.membership.member;

import chibo.platform.security.Caller;
import org.springframework.http.ResponseEntity;

import java.net.URI;

/**
 * What every member endpoint does the same way, in one place: a decision on a member runs for the caller, on the
 * version its {@code If-Match} names (none without one); a new membership answers 201 with the member's address
 * and its version as {@code ETag}.
 */
public final class MemberEndpoints {

    private MemberEndpoints() {
    }

    /** A decision service's method, as the decision endpoints call it. */
    @FunctionalInterface
    public interface Decision<R> {
        MemberView decide(Caller caller, String memberId, Long expectedVersion, R request);
    }

    /** Runs the decision for the current caller, conditional on the version {@code ifMatch} names, if any. */
    public static <R> MemberView decide(Decision<R> decision, String memberId, String ifMatch, R request) {
        return decision.decide(Caller.current(), memberId, Versions.fromIfMatch(ifMatch), request);
    }

    public static ResponseEntity<MemberView> created(MemberView member) {
        return ResponseEntity.created(URI.create("/members/" + member.id())).eTag(Versions.etag(member.version()))
                .body(member);
    }
}
