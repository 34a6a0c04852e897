package chibo.membership.transfer;

import chibo.membership.member.MemberEndpoints;
import chibo.membership.member.MemberView;
import chibo.platform.security.Roles;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/members/{memberId}")
@PreAuthorize("hasAuthority('" + Roles.AGENCY_WRITER + "')")
class TransferController {

    private final Transfers transfers;

    TransferController(Transfers transfers) {
        this.transfers = transfers;
    }

    @PostMapping("/transfers")
    MemberView start(@PathVariable String memberId, @RequestHeader(value = "If-Match", required = false) String ifMatch,
                     @Valid @RequestBody TransferRequests.Start request) {
        return MemberEndpoints.decide(transfers::start, memberId, ifMatch, request);
    }

    @PostMapping("/transfers/receipt")
    MemberView receive(@PathVariable String memberId,
                       @RequestHeader(value = "If-Match", required = false) String ifMatch,
                       @Valid @RequestBody TransferRequests.Receipt request) {
        return MemberEndpoints.decide(transfers::receive, memberId, ifMatch, request);
    }

    @PostMapping("/temporary-transfers")
    MemberView startTemporary(@PathVariable String memberId,
                              @RequestHeader(value = "If-Match", required = false) String ifMatch,
                              @Valid @RequestBody TransferRequests.TemporaryStart request) {
        return MemberEndpoints.decide(transfers::startTemporary, memberId, ifMatch, request);
    }

    @PostMapping("/temporary-transfers/end")
    MemberView endTemporary(@PathVariable String memberId,
                            @RequestHeader(value = "If-Match", required = false) String ifMatch,
                            @Valid @RequestBody TransferRequests.TemporaryEnd request) {
        return MemberEndpoints.decide(transfers::endTemporary, memberId, ifMatch, request);
    }

    @PostMapping("/residence-liaison")
    MemberView registerLiaison(@PathVariable String memberId,
                               @RequestHeader(value = "If-Match", required = false) String ifMatch,
                               @Valid @RequestBody TransferRequests.Liaison request) {
        return MemberEndpoints.decide(transfers::registerLiaison, memberId, ifMatch, request);
    }
}
