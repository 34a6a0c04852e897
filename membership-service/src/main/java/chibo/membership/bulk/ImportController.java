package chibo.membership.bulk;

import chibo.platform.security.Caller;
import chibo.platform.security.Roles;
import chibo.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * {@code POST /imports} with an NDJSON body ({@code application/x-ndjson}, one command per line) starts an import
 * and answers 202 with the job; {@code GET /imports/{id}} shows its progress; {@code GET /imports/{id}/results}
 * streams a result per line as NDJSON. A job is seen only by its creator and the auditors of the creator's subtree.
 */
@RestController
class ImportController {

    static final String NDJSON = "application/x-ndjson";

    private final ImportJobs jobs;
    private final JsonMapper json;

    ImportController(ImportJobs jobs, JsonMapper json) {
        this.jobs = jobs;
        this.json = json;
    }

    @PostMapping(path = "/imports", consumes = NDJSON)
    @PreAuthorize("hasAuthority('" + Roles.AGENCY_WRITER + "')")
    @Operation(summary = "Starts an import of a register: one command per line, NDJSON",
            requestBody = @RequestBody(required = true, description = "one JSON object per line, each a command"
                    + " with its kind (see docs/api.md, Bulk import)",
                    content = @Content(mediaType = NDJSON, schema = @Schema(type = "string"))))
    ResponseEntity<ImportJob> start(HttpServletRequest request) throws IOException {
        ImportJob job = jobs.create(Caller.current(), request.getInputStream());
        return ResponseEntity.accepted().location(URI.create("/imports/" + job.id())).body(job);
    }

    @GetMapping("/imports/{jobId}")
    @PreAuthorize("hasAnyAuthority('" + Roles.AGENCY_WRITER + "', '" + Roles.AUDITOR + "')")
    ImportJob progress(@PathVariable String jobId) {
        return visible(jobId);
    }

    @GetMapping(path = "/imports/{jobId}/results", produces = NDJSON)
    @PreAuthorize("hasAnyAuthority('" + Roles.AGENCY_WRITER + "', '" + Roles.AUDITOR + "')")
    ResponseEntity<StreamingResponseBody> results(@PathVariable String jobId) {
        visible(jobId);
        StreamingResponseBody body = (OutputStream out) -> jobs.results(jobId, result -> {
            try {
                out.write(result.toJson().getBytes(StandardCharsets.UTF_8));
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(NDJSON)).body(body);
    }

    /** The job, or 404 — also for a job the caller may not see, whose existence is not told. */
    private ImportJob visible(String jobId) {
        return jobs.find(Caller.current(), jobId).orElseThrow(() -> Problems.notFound("import", jobId));
    }
}
