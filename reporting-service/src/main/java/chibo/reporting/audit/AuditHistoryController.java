package chibo.reporting.audit;

import chibo.platform.access.AccessLogged;
import chibo.platform.security.Roles;
import chibo.platform.web.Problems;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.json.JsonMapper;

import java.io.OutputStream;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Full histories for auditors, from the archive: a member's events, an organisation's (and its subtree's), a
 * cell's meetings. Paged with {@code size} and the {@code next} cursor of the page before; the same history as
 * NDJSON, streamed whole from the cursor on, with {@code Accept: application/x-ndjson}. A member's history is also
 * for the data-protection role. Every read is in the access log (a stream when it starts).
 */
@RestController
@PreAuthorize("hasAuthority('" + Roles.AUDITOR + "')")
class AuditHistoryController {

    static final String NDJSON = "application/x-ndjson";
    static final String MEMBER_READERS = "hasAnyAuthority('" + Roles.AUDITOR + "', '"
            + Roles.DATA_PROTECTION + "')";
    private static final int STREAM_CHUNK = 500;
    private static final Pattern EVENT_ID = Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");

    private final HistoryQueries queries;
    private final AuditStore store;
    private final AuditProperties properties;
    private final JsonMapper json;

    AuditHistoryController(HistoryQueries queries, AuditStore store, AuditProperties properties, JsonMapper json) {
        this.queries = queries;
        this.store = store;
        this.properties = properties;
        this.json = json;
    }

    /**
     * One event by its id, from whichever stream it was published on, as a history lists it: the decision a
     * document or a log names by its id, with its place in its subject's chain and on Kafka.
     */
    @GetMapping("/audit/events/{eventId}")
    @AccessLogged(subject = "eventId")
    HistoryEntry event(@PathVariable String eventId) {
        if (!EVENT_ID.matcher(eventId).matches()) {
            throw Problems.invalid("eventId", "uuid", "an event id is a UUID, e.g. 6f1c3a52-8d0e-4b7a-9c51-2f3e4d5a6b7c");
        }
        return store.eventById(eventId.toLowerCase(Locale.ROOT)).map(HistoryEntry::of)
                .orElseThrow(() -> Problems.notFound("event", eventId));
    }

    /** The member's events in the order they were recorded (seq order). */
    @GetMapping("/audit/members/{memberId}/history")
    @PreAuthorize(MEMBER_READERS)
    @AccessLogged(subject = "memberId")
    HistoryPage member(@PathVariable String memberId, @ParameterObject PageQuery query) {
        HistoryFilter filter = query.filter();
        int pageSize = AuditParameters.size(query.size(), properties);
        requireMember(memberId);
        return queries.subject(EventStream.MEMBERSHIP, memberId, filter, query.cursor(), pageSize);
    }

    @GetMapping(path = "/audit/members/{memberId}/history", produces = NDJSON)
    @PreAuthorize(MEMBER_READERS)
    @AccessLogged(subject = "memberId")
    ResponseEntity<StreamingResponseBody> memberStream(@PathVariable String memberId,
                                                       @ParameterObject StreamQuery query) {
        HistoryFilter filter = query.filter();
        HistoryCursor.seq(query.cursor());
        requireMember(memberId);
        return stream(query.cursor(), next -> queries.subject(EventStream.MEMBERSHIP, memberId, filter, next,
                STREAM_CHUNK));
    }

    /**
     * Events of the organisation, and with {@code subtree=true} of every organisation under it, in order of
     * effective date, then recorded time.
     */
    @GetMapping("/audit/organizations/{orgId}/history")
    @AccessLogged(subject = "orgId")
    HistoryPage organization(@PathVariable String orgId, @RequestParam(required = false) String subtree,
                             @ParameterObject PageQuery query) {
        boolean wholeSubtree = AuditParameters.flag(subtree, "subtree");
        HistoryFilter filter = query.filter();
        int pageSize = AuditParameters.size(query.size(), properties);
        requireOrganization(orgId);
        return queries.organization(orgId, wholeSubtree, filter, query.cursor(), pageSize);
    }

    @GetMapping(path = "/audit/organizations/{orgId}/history", produces = NDJSON)
    @AccessLogged(subject = "orgId")
    ResponseEntity<StreamingResponseBody> organizationStream(@PathVariable String orgId,
                                                             @RequestParam(required = false) String subtree,
                                                             @ParameterObject StreamQuery query) {
        boolean wholeSubtree = AuditParameters.flag(subtree, "subtree");
        HistoryFilter filter = query.filter();
        HistoryCursor.entry(query.cursor());
        requireOrganization(orgId);
        return stream(query.cursor(), next -> queries.organization(orgId, wholeSubtree, filter, next,
                STREAM_CHUNK));
    }

    /** The cell's meeting events (meetings held and graded, ratings, breaches) in the order they were recorded. */
    @GetMapping("/audit/cells/{cellId}/meetings")
    @AccessLogged(subject = "cellId")
    HistoryPage meetings(@PathVariable String cellId, @ParameterObject PageQuery query) {
        HistoryFilter filter = query.filter();
        int pageSize = AuditParameters.size(query.size(), properties);
        requireCell(cellId);
        return queries.subject(EventStream.MEETING, cellId, filter, query.cursor(), pageSize);
    }

    @GetMapping(path = "/audit/cells/{cellId}/meetings", produces = NDJSON)
    @AccessLogged(subject = "cellId")
    ResponseEntity<StreamingResponseBody> meetingsStream(@PathVariable String cellId,
                                                         @ParameterObject StreamQuery query) {
        HistoryFilter filter = query.filter();
        HistoryCursor.seq(query.cursor());
        requireCell(cellId);
        return stream(query.cursor(), next -> queries.subject(EventStream.MEETING, cellId, filter, next,
                STREAM_CHUNK));
    }

    /**
     * What a page of a history takes: {@code type} (an event type, or several separated by commas), {@code from}
     * and {@code to} (effective dates), {@code size} (events a page holds) and {@code cursor} (where the page starts).
     */
    record PageQuery(String type, String from, String to, String size, String cursor) {

        HistoryFilter filter() {
            return HistoryFilter.parse(type, from, to);
        }
    }

    /** What a streamed history takes: a page's parameters but its size (the stream sends every page). */
    record StreamQuery(String type, String from, String to, String cursor) {

        HistoryFilter filter() {
            return HistoryFilter.parse(type, from, to);
        }
    }

    private void requireMember(String memberId) {
        if (store.chain(EventStream.MEMBERSHIP, memberId).isEmpty()) {
            throw Problems.notFound("member", memberId);
        }
    }

    private void requireOrganization(String orgId) {
        if (store.org(orgId).isEmpty()) {
            throw Problems.notFound("organisation", orgId);
        }
    }

    private void requireCell(String cellId) {
        if (store.chain(EventStream.MEETING, cellId).isEmpty() && store.org(cellId).isEmpty()) {
            throw Problems.notFound("cell", cellId);
        }
    }

    /** Page after page from the cursor on, one event per line, flushed after each page. */
    private ResponseEntity<StreamingResponseBody> stream(String cursor,
                                                         java.util.function.Function<String, HistoryPage> pages) {
        StreamingResponseBody body = (OutputStream out) -> {
            String next = cursor;
            do {
                HistoryPage page = pages.apply(next);
                for (HistoryEntry entry : page.items()) {
                    out.write(json.writeValueAsBytes(entry));
                    out.write('\n');
                }
                out.flush();
                next = page.next();
            } while (next != null);
        };
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(NDJSON)).body(body);
    }
}
