package chibo.reporting.topology;

import chibo.contracts.EventEnvelope;
import chibo.platform.projection.SequenceGate;
import chibo.platform.tracing.EventTracing;

/** What the topology reports about its input besides figures: repeats skipped, events parked, dead letters. */
public interface TopologyEvents {

    void duplicate(String topic);

    void parked(String topic);

    void deadLettered(String topic, String reason);

    /** Where the consumer spans of records that carry a sampled trace go (none by default). */
    default EventTracing tracing() {
        return EventTracing.OFF;
    }

    /** The sequence gate's repeats and parkings of one input topic, reported here. */
    default SequenceGate.Arrivals arrivals(String topic) {
        return new SequenceGate.Arrivals() {
            @Override
            public void duplicate(EventEnvelope event) {
                TopologyEvents.this.duplicate(topic);
            }

            @Override
            public void parked(EventEnvelope event, long awaitedSeq) {
                TopologyEvents.this.parked(topic);
            }
        };
    }

    TopologyEvents NONE = new TopologyEvents() {
        public void duplicate(String topic) {
        }

        public void parked(String topic) {
        }

        public void deadLettered(String topic, String reason) {
        }
    };
}
