package chibo.reporting.audit;

import chibo.contracts.EventEnvelope;
import chibo.contracts.member.MemberStatus;
import chibo.reporting.query.Summaries;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * "What did the report say on T": the members of an organisation's subtree by status at {@code asOf} and the
 * flows of that year, replayed from the archive twice — once from only the events recorded by {@code on}, once
 * from everything recorded since — with the later-recorded events that make the difference.
 *
 * <p>The members replayed are those the archive lists under a cell of the subtree in a month up to {@code asOf}
 * (by effective date): every member who could have been in the subtree then. Each is read by {@code _id}, seq 1..n.
 * The subtree is the archive's tree as it is now.
 */
@Component
class AsReportedReports {

    private static final int MEMBERS_PER_READ = 200;

    private final AuditStore store;
    private final ArchiveFigures figures;

    AsReportedReports(AuditStore store, ArchiveFigures figures) {
        this.store = store;
        this.figures = figures;
    }

    AsReported report(String orgId, Instant on, LocalDate asOf) {
        Set<String> subtree = store.subtree(orgId).keySet();
        MembershipReplay.Window reported = MembershipReplay.Window.yearOf(on, asOf);
        MembershipReplay.Window now = MembershipReplay.Window.yearOf(null, asOf);
        Tally thenTally = new Tally();
        Tally nowTally = new Tally();
        List<LateEvent> changedBy = new ArrayList<>();
        List<String> members = List.copyOf(candidates(subtree, asOf));
        ArchiveFigures.Folding folding = figures.folding(subtree, on);
        for (int from = 0; from < members.size(); from += MEMBERS_PER_READ) {
            List<String> chunk = members.subList(from, Math.min(members.size(), from + MEMBERS_PER_READ));
            Map<String, List<ArchivedEvent>> histories = histories(chunk);
            folding.members(histories);
            histories.forEach((member, history) -> {
                MembershipReplay.Replay then = MembershipReplay.replay(history, reported, subtree);
                MembershipReplay.Replay today = MembershipReplay.replay(history, now, subtree);
                thenTally.add(then.contribution());
                nowTally.add(today.contribution());
                if (!then.contribution().equals(today.contribution())) {
                    today.steps().stream()
                            .filter(step -> step.changed() && step.event().recordedAt().isAfter(on))
                            .map(step -> LateEvent.of(step.event()))
                            .forEach(changedBy::add);
                }
            });
        }
        changedBy.sort(Comparator.comparing(LateEvent::recordedAt).thenComparing(LateEvent::storageId));
        Figure asReported = thenTally.figure();
        Figure current = nowTally.figure();
        return new AsReported(orgId, on, asOf, new Period(reported.periodFrom(), asOf), asReported, current,
                difference(asReported, current), changedBy, members.size(),
                folding.summary(orgId, asOf, true).orElse(null), folding.summary(orgId, asOf, false).orElse(null));
    }

    /** Members the archive lists under a cell of the subtree in a month of effective date up to {@code asOf}. */
    private Set<String> candidates(Set<String> subtree, LocalDate asOf) {
        String lastMonth = asOf.toString().substring(0, 7);
        List<String> bucketIds = new ArrayList<>();
        store.orgs(subtree).values().forEach(org -> org.months().stream()
                .filter(month -> month.compareTo(lastMonth) <= 0)
                .forEach(month -> bucketIds.add(org.id() + ":" + month)));
        Set<String> members = new TreeSet<>();
        store.months(bucketIds).values().forEach(entries -> entries.stream()
                .filter(entry -> entry.stream() == EventStream.MEMBERSHIP)
                .forEach(entry -> members.add(entry.subject())));
        return members;
    }

    /** Each member's archived history in seq order, read by {@code _id}. */
    private Map<String, List<ArchivedEvent>> histories(List<String> members) {
        Map<String, SubjectChain> chains = store.chains(members.stream()
                .map(EventStream.MEMBERSHIP::chainId).toList());
        List<String> ids = new ArrayList<>();
        chains.values().forEach(chain -> {
            for (long seq = 1; seq <= chain.chain().lastSeq(); seq++) {
                ids.add(EventEnvelope.storageId(chain.subject(), seq));
            }
        });
        Map<String, List<ArchivedEvent>> histories = new TreeMap<>();
        store.events(EventStream.MEMBERSHIP, ids).values().forEach(event ->
                histories.computeIfAbsent(event.subject(), m -> new ArrayList<>()).add(event));
        histories.values().forEach(history -> history.sort(Comparator.comparingLong(ArchivedEvent::seq)));
        return histories;
    }

    private static Map<String, Long> difference(Figure then, Figure now) {
        Map<String, Long> a = then.flatten();
        Map<String, Long> b = now.flatten();
        Map<String, Long> difference = new TreeMap<>();
        Set<String> names = new LinkedHashSet<>(a.keySet());
        names.addAll(b.keySet());
        for (String name : names) {
            long change = b.getOrDefault(name, 0L) - a.getOrDefault(name, 0L);
            if (change != 0) {
                difference.put(name, change);
            }
        }
        return difference;
    }

    /** Sums the members' contributions. */
    private static final class Tally {
        long probationary;
        long official;
        final Map<String, Long> flows = new HashMap<>();

        void add(MembershipReplay.Contribution contribution) {
            if (contribution.status() == MemberStatus.PROBATIONARY) {
                probationary++;
            } else if (contribution.status() == MemberStatus.OFFICIAL) {
                official++;
            }
            contribution.flows().forEach((flow, count) -> flows.merge(flow, count, Long::sum));
        }

        Figure figure() {
            Map<String, Long> sorted = new TreeMap<>(flows);
            sorted.values().removeIf(count -> count == 0L);
            return new Figure(new Members(probationary + official, probationary, official), sorted);
        }
    }

    /**
     * @param summaryAsReported the organisation's whole summary as of {@code asOf} from the events recorded by
     *                          {@code on} (null if its registration had not been recorded by then)
     * @param summaryNow        the same summary from every event recorded since
     */
    record AsReported(String orgId, Instant on, LocalDate asOf, Period period, Figure asReported, Figure now,
                      Map<String, Long> difference, List<LateEvent> changedBy, int membersReplayed,
                      Summaries.Summary summaryAsReported, Summaries.Summary summaryNow) {
    }

    record Period(LocalDate from, LocalDate to) {
    }

    record Members(long total, long probationary, long official) {
    }

    record Figure(Members members, Map<String, Long> flows) {

        Map<String, Long> flatten() {
            Map<String, Long> flat = new TreeMap<>();
            flat.put("members.total", members.total());
            flat.put("members.probationary", members.probationary());
            flat.put("members.official", members.official());
            flows.forEach((flow, count) -> flat.put("flows." + flow, count));
            return flat;
        }
    }

    /** An event recorded after the report's moment that changed its figures. */
    record LateEvent(String id, String storageId, String type, String subject, long seq, LocalDate effectiveDate,
                     Instant recordedAt, String actingOrg, String decisionNumber) {

        static LateEvent of(ArchivedEvent e) {
            return new LateEvent(e.eventId(), e.storageId(), e.type(), e.subject(), e.seq(), e.effectiveDate(),
                    e.recordedAt(), e.actingOrg(), e.decisionNumber());
        }
    }
}
