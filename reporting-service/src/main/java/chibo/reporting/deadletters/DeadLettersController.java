package chibo.reporting.deadletters;

import chibo.platform.security.Caller;
import chibo.platform.security.Roles;
import chibo.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Dead letters of the live projection, per input topic, and their re-drive. Auditors and operators read them; only
 * the operator re-drives, so that the auditor never changes what it audits.
 */
@RestController
@RequestMapping("/dead-letters/{topic}")
@PreAuthorize("hasAnyAuthority('" + Roles.AUDITOR + "', '" + Roles.OPERATOR + "')")
class DeadLettersController {

    private final DeadLetterOffice office;

    DeadLettersController(DeadLetterOffice office) {
        this.office = office;
    }

    @GetMapping
    List<DeadLetterOffice.DeadLetter> list(@PathVariable String topic,
                                          @RequestParam(required = false) String limit) {
        int max = DeadLetterOffice.MAX_LISTED;
        if (limit != null) {
            try {
                max = Integer.parseInt(limit);
            } catch (NumberFormatException e) {
                throw Problems.invalid("limit", "integer", "'" + limit + "' is not a number");
            }
            if (max < 1 || max > DeadLetterOffice.MAX_LISTED) {
                throw Problems.invalid("limit", "range", "limit is from 1 to " + DeadLetterOffice.MAX_LISTED);
            }
        }
        return office.list(topic, max);
    }

    /**
     * Re-drives the dead letter at {@code partition}/{@code offset}, corrected by the body: {@code payload} (the
     * event's JSON) and {@code headers} (CloudEvents headers to override), both optional. The subject, type and
     * seq stay as they are ({@link Correction}).
     */
    @PostMapping("/{partition}/{offset}/redrive")
    @PreAuthorize("hasAuthority('" + Roles.OPERATOR + "')")
    ResponseEntity<DeadLetterOffice.Redriven> redrive(@PathVariable String topic, @PathVariable int partition,
                                                      @PathVariable long offset,
                                                      @RequestBody(required = false) Correction correction) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(office.redrive(topic, partition, offset,
                correction == null ? Correction.none() : correction, Caller.current()));
    }
}
