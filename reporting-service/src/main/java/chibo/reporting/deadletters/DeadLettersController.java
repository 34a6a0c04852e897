package chibo.reporting.deadletters;

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
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/** Dead letters of the live projection, per input topic, and their re-drive. Auditors only. */
@RestController
@RequestMapping("/dead-letters/{topic}")
@PreAuthorize("hasAuthority('" + Roles.AUDITOR + "')")
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
     * event's JSON) and {@code headers} (CloudEvents headers to override), both optional.
     */
    @PostMapping("/{partition}/{offset}/redrive")
    ResponseEntity<DeadLetterOffice.Redriven> redrive(@PathVariable String topic, @PathVariable int partition,
                                                      @PathVariable long offset,
                                                      @RequestBody(required = false) Correction correction) {
        Correction given = correction == null ? new Correction(null, null) : correction;
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(office.redrive(topic, partition, offset, given.payload(), given.headers()));
    }

    record Correction(JsonNode payload, Map<String, String> headers) {
    }
}
