package chibo.reporting.audit;

import chibo.platform.access.AccessLogged;
import chibo.platform.security.Caller;
import chibo.platform.security.Roles;
import chibo.platform.web.Problems;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * Chain verification for auditors: a subject's chains as the archive read them off Kafka, and whole-organisation
 * verifications that read the topics again from the start.
 */
@RestController
@PreAuthorize("hasAuthority('" + Roles.AUDITOR + "')")
class VerificationController {

    private final AuditStore store;
    private final VerificationJobs jobs;

    VerificationController(AuditStore store, VerificationJobs jobs) {
        this.store = store;
        this.jobs = jobs;
    }

    /**
     * Each chain the subject has (an organisation that is a cell has two: its organisation events and its
     * meetings): verified through which seq, or its first broken link.
     */
    @GetMapping("/audit/subjects/{subjectId}/verification")
    @AccessLogged(subject = "subjectId")
    SubjectVerification subject(@PathVariable String subjectId) {
        List<ChainReport> chains = store.chainsOf(subjectId).stream().map(ChainReport::of).toList();
        if (chains.isEmpty()) {
            throw Problems.notFound("subject", subjectId);
        }
        return new SubjectVerification(subjectId, chains.stream().allMatch(ChainReport::intact), chains);
    }

    /** Starts a verification of every chain in the organisation's subtree: 202 with the job. */
    @PostMapping("/audit/organizations/{orgId}/verifications")
    ResponseEntity<VerificationJob> verifyOrganization(@PathVariable String orgId) {
        if (store.org(orgId).filter(AuditOrg::registered).isEmpty()) {
            throw Problems.notFound("organisation", orgId);
        }
        VerificationJob job = jobs.start(Caller.current(), orgId);
        return ResponseEntity.accepted().location(URI.create("/audit/verifications/" + job.id())).body(job);
    }

    @GetMapping("/audit/verifications/{jobId}")
    VerificationJob job(@PathVariable String jobId) {
        return jobs.find(jobId).orElseThrow(() -> Problems.notFound("verification", jobId));
    }

    record SubjectVerification(String subject, boolean intact, List<ChainReport> chains) {
    }

    /**
     * @param verifiedThrough every link from seq 1 to this one holds
     * @param brokenLinks     links that failed, the first included
     */
    record ChainReport(String stream, String topic, long events, long lastSeq, long verifiedThrough, boolean intact,
                       long brokenLinks, BrokenLink firstBrokenLink, Instant lastRecordedAt) {

        static ChainReport of(SubjectChain chain) {
            ChainState state = chain.chain();
            return new ChainReport(chain.stream().label(), chain.stream().topic(), state.events(), state.lastSeq(),
                    state.verifiedThrough(), state.intact(), state.brokenLinks(), state.firstBroken(),
                    chain.lastRecordedAt());
        }
    }
}
