package chibo.reporting.audit;

import chibo.contracts.EventEnvelope;
import chibo.reporting.figures.FiguresFold;
import chibo.reporting.query.OrgFiguresView;
import chibo.reporting.query.Summaries;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
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

    /**
     * Two folds of one subtree's archive side by side — of the events recorded by a moment, and of all of them —
     * fed as the archive is read, so that no more than a batch of histories is held at once: the organisations
     * first, then the members' histories batch by batch, then the cells' meetings, as a rebuild's one pass reads
     * its topics (a fold takes each subject's events in seq order, whatever the order between subjects).
     */
    Folding folding(Collection<String> subtree, Instant on) {
        Folding folding = new Folding(subtree, on);
        folding.stream(EventStream.ORGANIZATION);
        return folding;
    }

    final class Folding {
        private final Collection<String> subtree;
        private final Instant on;
        private final FiguresFold then = new FiguresFold();
        private final FiguresFold now = new FiguresFold();
        private boolean meetingsFolded;

        private Folding(Collection<String> subtree, Instant on) {
            this.subtree = subtree;
            this.on = on;
        }

        /** Members' histories, each in seq order. */
        void members(Map<String, List<ArchivedEvent>> histories) {
            histories.values().forEach(history -> history.forEach(this::fold));
        }

        /**
         * The organisation's summary at the end of {@code asOf}'s month (figures are kept by month, as
         * {@code /summary?asOf=} says), from the events recorded by the moment or from all of them; empty if its
         * registration had not been recorded. The subtree's cells' meetings are folded first, once.
         */
        Optional<Summaries.Summary> summary(String orgId, LocalDate asOf, boolean recordedByThen) {
            if (!meetingsFolded) {
                stream(EventStream.MEETING);
                meetingsFolded = true;
            }
            FiguresFold fold = recordedByThen ? then : now;
            String monthEnd = YearMonth.from(asOf).atEndOfMonth().toString();
            return fold.organisation(orgId).map(aggregate -> summaries.summary(
                    OrgFiguresView.of(aggregate, fold.months(orgId)), monthEnd));
        }

        private void stream(EventStream stream) {
            store.chains(subtree.stream().map(stream::chainId).toList()).values().forEach(chain ->
                    store.history(stream, chain.subject(), 1, chain.chain().lastSeq()).forEach(this::fold));
        }

        private void fold(ArchivedEvent event) {
            envelope(event).ifPresent(envelope -> {
                now.apply(envelope);
                if (on == null || !event.recordedAt().isAfter(on)) {
                    then.apply(envelope);
                }
            });
        }
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
