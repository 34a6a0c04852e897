package chibo.reporting.topology;

import chibo.reporting.figures.UnitCoverage;
import chibo.reporting.figures.UnitFact;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;


/**
 * Keeps each unit's coverage (registered by which organisation, covered by a cell, how many active members reside
 * there, which key positions are held and whether by members) and sends the change of the unit's coverage
 * counters to the organisation that registered it. Residents counted before the unit's registration arrives are
 * kept and counted from then on.
 */
final class UnitFold implements Processor<String, byte[], String, byte[]> {

    static final String UNITS = "unit-coverage";

    private ProcessorContext<String, byte[]> context;
    private ObjectStore<UnitCoverage> units;
    private final DeltaOutbox deltas = new DeltaOutbox(ReportingTopology.DELTAS_SINK);

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        this.units = context.getStateStore(UNITS);
        deltas.init(context, units);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        UnitFact fact = JsonSerde.read(record.value(), UnitFact.class);
        UnitCoverage before = units.get(record.key());
        UnitCoverage.Change change = (before == null ? UnitCoverage.NONE : before).apply(fact);
        units.put(record.key(), change.after());
        change.sent().forEach(sent -> deltas.add(sent.orgId(), sent.delta()));
    }
}
