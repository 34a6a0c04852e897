package chibo.membership.bulk;

import chibo.calendar.DateOutsideCalendarException;
import chibo.membership.member.MemberState;
import chibo.membership.member.MemberView;
import chibo.membership.organization.OrganizationView;
import chibo.membership.organization.Organizations;
import chibo.membership.rules.CalendarRange;
import chibo.platform.eventstore.AggregateStore;
import chibo.platform.eventstore.ConcurrentAppendException;
import chibo.platform.eventstore.Correlation;
import chibo.platform.eventstore.EventStore;
import chibo.platform.security.Caller;
import chibo.platform.web.ProblemException;
import chibo.platform.web.ProblemTypes;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Applies an import's lines through the same commands as the REST API ({@link LineCommands}): each line records its
 * events or records nothing, a line applied before changes nothing, and a line that fails in an unexpected way is
 * rejected with a problem (whatever it decided is taken back) so that the import goes on. Each outcome is the
 * line's result document: ACCEPTED, DUPLICATE or REJECTED with the problem, as the API would have answered.
 */
final class LineImport {

    private static final Logger log = LoggerFactory.getLogger(LineImport.class);
    private static final Set<String> MAYBE_ALREADY_APPLIED = Set.of("urn:chibo:problem:already-exists",
            "urn:chibo:problem:illegal-transition");

    private final LineCommands commands;
    private final AggregateStore<MemberState> members;
    private final Organizations organisations;
    private final AppliedLines applied;

    LineImport(LineCommands commands, AggregateStore<MemberState> members, Organizations organisations,
               AppliedLines applied) {
        this.commands = commands;
        this.members = members;
        this.organisations = organisations;
        this.applied = applied;
    }

    /** An organisation line on its own: its outcome goes to {@code record}, then it is remembered as applied. */
    void importOrganisationLine(Caller caller, ParsedLine line, Consumer<Document> record) {
        List<Document> remembered = new ArrayList<>();
        String fingerprint = AppliedLines.fingerprint(caller, line);
        Document before = line.parseError() == null ? applied.find(fingerprint).orElse(null) : null;
        record.accept(apply(caller, line, before == null ? Map.of() : Map.of(fingerprint, before), remembered));
        applied.rememberAll(remembered);
    }

    /**
     * Many members' lines as one unit of work: the members (and the members their lines name, such as
     * introducers) are read together, each line sees what the lines before it did and is applied whole or not at
     * all, and every member's events are stored together. A member another writer changed meanwhile runs again on
     * its own.
     *
     * @return the lines' outcomes, member by member
     */
    List<Document> importMembers(Caller caller, Map<String, List<ParsedLine>> unit) {
        Map<String, Map<String, Document>> known = applied.appliedFor(unit.keySet());
        Set<String> subjects = new LinkedHashSet<>(unit.keySet());
        Set<String> organisations = new LinkedHashSet<>();
        unit.values().forEach(memberLines -> memberLines.forEach(line -> {
            subjects.addAll(ImportLines.referencedMembers(line));
            organisations.addAll(ImportLines.referencedOrganisations(line));
        }));
        this.organisations.prefetch(organisations);
        Map<String, List<Document>> remembered = new LinkedHashMap<>();
        AggregateStore.Committed<Map<String, List<Document>>> committed = members.unit(subjects, () -> {
            Map<String, List<Document>> outcomes = new LinkedHashMap<>();
            unit.forEach((memberId, memberLines) -> {
                List<Document> memberRemembered = new ArrayList<>();
                outcomes.put(memberId, memberLines.stream().map(line -> apply(caller, line,
                        known.getOrDefault(memberId, Map.of()), memberRemembered)).toList());
                remembered.put(memberId, memberRemembered);
            });
            return outcomes;
        });
        Map<String, List<Document>> toRemember = new LinkedHashMap<>();
        List<Document> outcomes = new ArrayList<>();
        committed.result().forEach((memberId, memberOutcomes) -> {
            if (committed.refused().contains(memberId)) {
                outcomes.addAll(importMember(caller, memberId, unit.get(memberId)));
            } else {
                outcomes.addAll(memberOutcomes);
                toRemember.put(memberId, remembered.get(memberId));
            }
        });
        applied.rememberFor(known, toRemember);
        return outcomes;
    }

    /**
     * A member's lines as one batch: each line sees what the lines before it did and is applied whole or not at
     * all; the member's events are stored together. If another writer changed the member meanwhile, the batch runs
     * once more on the new state.
     */
    private List<Document> importMember(Caller caller, String memberId, List<ParsedLine> memberLines) {
        for (int attempt = 1; ; attempt++) {
            List<Document> remembered = new ArrayList<>();
            Map<String, Map<String, Document>> known = applied.appliedFor(List.of(memberId));
            try {
                List<Document> outcomes = members.batch(memberId, () -> memberLines.stream()
                        .map(line -> apply(caller, line, known.getOrDefault(memberId, Map.of()), remembered))
                        .toList()).result();
                applied.rememberFor(known, Map.of(memberId, remembered));
                return outcomes;
            } catch (ConcurrentAppendException conflict) {
                if (attempt == 2) {
                    ProblemException problem = concurrentModification(conflict);
                    return memberLines.stream().map(line -> rejected(new Document("line", line.number())
                            .append("command", line.command()).append("memberId", memberId), problem)).toList();
                }
            }
        }
    }

    /**
     * Runs one line, unless {@code known} (what was applied before, by fingerprint) has it; what to remember once
     * stored goes to {@code remembered}.
     */
    Document apply(Caller caller, ParsedLine line, Map<String, Document> known, List<Document> remembered) {
        Document result = new Document("line", line.number()).append("command", line.command());
        if (line.memberId() != null) {
            result.append("memberId", line.memberId());
        }
        if (line.parseError() != null) {
            return rejected(result, new ProblemException(HttpStatus.BAD_REQUEST,
                    ProblemTypes.MALFORMED_JSON, "Malformed line", line.parseError()));
        }
        String fingerprint = AppliedLines.fingerprint(caller, line);
        Document before = known.get(fingerprint);
        if (before != null) {
            return result.append("status", "DUPLICATE").append("subject", before.getString("subject"))
                    .append("version", before.get("version"));
        }
        UUID correlation = UUID.nameUUIDFromBytes(fingerprint.getBytes(StandardCharsets.UTF_8));
        try {
            // within a unit of work: if the line throws, whatever it decided is taken back
            Object outcome = members.attempt(() -> Correlation.with(correlation, () -> commands.run(caller, line)));
            String subject = outcome instanceof MemberView m ? m.id() : ((OrganizationView) outcome).id();
            long version = outcome instanceof MemberView m ? m.version() : ((OrganizationView) outcome).version();
            remembered.add(new Document("_id", fingerprint).append("subject", subject).append("version", version));
            return result.append("status", "ACCEPTED").append("subject", subject).append("version", version);
        } catch (ProblemException problem) {
            if (line.memberId() != null && MAYBE_ALREADY_APPLIED.contains(problem.type().toString())
                    && recordedBefore(line.memberId(), correlation)) {
                remembered.add(new Document("_id", fingerprint).append("subject", line.memberId()));
                return result.append("status", "DUPLICATE").append("subject", line.memberId());
            }
            return rejected(result, problem);
        } catch (DateOutsideCalendarException outside) {
            return rejected(result, CalendarRange.problem("$", outside));
        } catch (ConcurrentAppendException conflict) {
            return rejected(result, concurrentModification(conflict));
        } catch (RuntimeException failure) {
            log.error("import line {} ({}) failed unexpectedly; it is rejected and the import goes on", line.number(),
                    line.command(), failure);
            return rejected(result, new ProblemException(HttpStatus.INTERNAL_SERVER_ERROR,
                    ProblemTypes.INTERNAL, "Internal error", "the line could not be applied ("
                    + failure.getClass().getSimpleName() + "); nothing of it was stored"));
        }
    }

    /** A line whose events were recorded but not remembered (cut off by a crash) left its correlation behind. */
    private boolean recordedBefore(String memberId, UUID correlation) {
        return members.history(memberId).stream().map(EventStore.StoredEvent::envelope)
                .anyMatch(event -> correlation.equals(event.correlationId()));
    }

    /** A line (or a member's lines) another writer got to first, as its result says it. */
    private static ProblemException concurrentModification(ConcurrentAppendException conflict) {
        return new ProblemException(HttpStatus.CONFLICT,
                ProblemTypes.CONCURRENT_MODIFICATION, "Concurrent modification", conflict.getMessage());
    }

    private static Document rejected(Document result, ProblemException problem) {
        Document details = new Document("type", problem.type().toString()).append("title", problem.title())
                .append("status", problem.status().value()).append("detail", problem.getMessage());
        if (!problem.errors().isEmpty()) {
            details.append("errors", problem.errors().stream().map(error -> new Document("field", error.field())
                    .append("rule", error.rule()).append("message", error.message())).toList());
        }
        // a line that contradicts the member's recorded history names the event, as the API does
        if (problem.properties().get("conflictsWith") instanceof Map<?, ?> conflict) {
            details.append("conflictsWith", new Document(conflict.entrySet().stream().collect(
                    Collectors.toMap(entry -> entry.getKey().toString(), Map.Entry::getValue))));
        }
        return result.append("status", "REJECTED").append("problem", details);
    }
}
