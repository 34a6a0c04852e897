package chibo.reporting.audit;

import chibo.contracts.EventEnvelope;
import chibo.reporting.figures.FiguresFold;
import chibo.reporting.query.OrgFigures;
import chibo.reporting.query.Summaries;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * An organisation's whole summary — members by status, sex, ethnicity, age band and education, cells, units, key
 * positions, the year's flows, meetings and ratings — folded from the archive by the figures' own rules
 * ({@link FiguresFold}) over only the events recorded by a moment: the summary a dashboard showed then.
 *
 * <p>What is folded: the events of the organisations of the subtree (the tree, units and positions), of the members
 * given (those the archive lists under a cell of the subtree up to the date asked) and of the subtree's cells'
 * meetings.
 */
@Component
class ArchiveFigures {

    private final AuditStore store;
    private final Summaries summaries;

    ArchiveFigures(AuditStore store, Summaries summaries) {
        this.store = store;
        this.summaries = summaries;
    }

    /** The events to fold, read once and shared by the summaries of several moments. */
    record Archived(List<ArchivedEvent> events) {
    }

    /**
     * The subtree's organisations' and cells' meetings' events, with the members' histories given, in the order
     * they were recorded.
     */
    Archived read(Collection<String> subtree, Map<String, List<ArchivedEvent>> memberHistories) {
        List<ArchivedEvent> events = new ArrayList<>();
        memberHistories.values().forEach(events::addAll);
        for (EventStream stream : List.of(EventStream.ORGANIZATION, EventStream.MEETING)) {
            store.chains(subtree.stream().map(stream::chainId).toList()).values().forEach(chain ->
                    events.addAll(store.history(stream, chain.subject(), 1, chain.chain().lastSeq())));
        }
        events.sort(Comparator.comparing(ArchivedEvent::recordedAt).thenComparing(ArchivedEvent::stream)
                .thenComparingLong(ArchivedEvent::seq));
        return new Archived(events);
    }

    /**
     * The organisation's summary at the end of {@code asOf}'s month (figures are kept by month, as
     * {@code /summary?asOf=} says) from the events recorded by {@code on} (all of them when null), or empty if the
     * organisation's registration had not been recorded by then.
     */
    Optional<Summaries.Summary> summary(Archived archived, String orgId, Instant on, LocalDate asOf) {
        FiguresFold fold = new FiguresFold();
        for (ArchivedEvent event : archived.events()) {
            if (on == null || !event.recordedAt().isAfter(on)) {
                envelope(event).ifPresent(fold::apply);
            }
        }
        String monthEnd = YearMonth.from(asOf).atEndOfMonth().toString();
        return fold.organisation(orgId).map(aggregate -> summaries.summary(
                OrgFigures.Counts.of(aggregate, fold.months(orgId)), monthEnd));
    }

    /** The event as the figures read it; none for a payload that no longer reads (the topology dead-letters it). */
    private static Optional<EventEnvelope> envelope(ArchivedEvent e) {
        try {
            return Optional.of(new EventEnvelope(UUID.fromString(e.eventId()), e.type(), e.source(), e.subject(),
                    e.seq(), e.effectiveDate(), e.recordedAt(), e.actingOrg(), e.decisionNumber(),
                    uuid(e.correlationId()), uuid(e.causationId()), e.previousHash(), e.hash(), e.typedPayload()));
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private static UUID uuid(String text) {
        return text == null ? null : UUID.fromString(text);
    }
}
