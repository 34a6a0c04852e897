package chibo.membership.member;

import org.springframework.http.ResponseEntity;

import java.net.URI;

/** How a command that begins a membership answers: 201, the member's address, its version as {@code ETag}. */
public final class MemberResponses {

    private MemberResponses() {
    }

    public static ResponseEntity<MemberView> created(MemberView member) {
        return ResponseEntity.created(URI.create("/members/" + member.id())).eTag(Versions.etag(member.version()))
                .body(member);
    }
}
