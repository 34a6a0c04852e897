package chibo.reporting.topology;

import chibo.contracts.organization.KeyPosition;
import chibo.contracts.organization.UnitKind;
import chibo.reporting.figures.Counters;
import chibo.reporting.figures.OrgDelta;
import chibo.reporting.figures.UnitFact;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

import java.util.Map;
import java.util.TreeMap;

/**
 * Keeps each unit's coverage (registered by which organisation, covered by a cell, how many active members reside
 * there, which key positions are held and whether by members) and sends the change of the unit's coverage
 * counters to the organisation that registered it. Residents counted before the unit's registration arrives are
 * kept and counted from then on.
 */
final class UnitFold implements Processor<String, byte[], String, byte[]> {

    static final String UNITS = "unit-coverage";

    private ProcessorContext<String, byte[]> context;
    private ObjectStore<UnitState> units;
    private final DeltaOutbox deltas = new DeltaOutbox(ReportingTopology.DELTAS_SINK);

    /** What is known of a unit. {@code positions}: each held key position, true when a member holds it. */
    record UnitState(String ownerOrgId, UnitKind kind, String cellId, long residents,
                     Map<KeyPosition, Boolean> positions) {

        UnitState {
            positions = positions == null ? Map.of() : Map.copyOf(positions);
        }

        Map<String, Long> counters() {
            Map<String, Long> counters = new TreeMap<>();
            if (ownerOrgId == null) {
                return counters;
            }
            counters.put(Counters.units(kind), 1L);
            if (cellId == null) {
                counters.put(Counters.unitsWithoutCell(kind), 1L);
            }
            if (residents <= 0) {
                counters.put(Counters.unitsWithoutMember(kind), 1L);
            }
            positions.forEach((position, member) -> {
                counters.merge(Counters.positions(position), 1L, Long::sum);
                if (member) {
                    counters.merge(Counters.positionsHeldByMembers(position), 1L, Long::sum);
                }
            });
            return counters;
        }

        UnitState with(UnitFact fact) {
            Map<KeyPosition, Boolean> held = new TreeMap<>(positions);
            return switch (fact.change()) {
                case REGISTERED -> new UnitState(fact.ownerOrgId(), fact.kind(), cellId, residents, positions);
                case COVERED -> new UnitState(ownerOrgId, kind, fact.cellId(), residents, positions);
                case RESIDENTS -> new UnitState(ownerOrgId, kind, cellId, residents + fact.residentsChange(),
                        positions);
                case POSITION_ASSIGNED -> {
                    held.put(fact.position(), fact.holderIsMember());
                    yield new UnitState(ownerOrgId, kind, cellId, residents, held);
                }
                case POSITION_VACATED -> {
                    held.remove(fact.position());
                    yield new UnitState(ownerOrgId, kind, cellId, residents, held);
                }
            };
        }
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        this.units = context.getStateStore(UNITS);
        deltas.init(context, units);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        UnitFact fact = JsonSerde.read(record.value(), UnitFact.class);
        UnitState before = units.get(record.key());
        if (before == null) {
            before = new UnitState(null, null, null, 0, Map.of());
        }
        UnitState after = before.with(fact);
        units.put(record.key(), after);
        if (after.ownerOrgId() == null) {
            return;
        }
        Map<String, Long> change = Counters.difference(before.counters(), after.counters());
        if (!change.isEmpty()) {
            deltas.add(after.ownerOrgId(), OrgDelta.of(change, fact.month(), fact.cause(), fact.recordedAt()));
        }
    }
}
