package chibo.reporting.topology;

/** What the topology reports about its input besides figures: repeats skipped, events parked, dead letters. */
public interface TopologyEvents {

    void duplicate(String topic);

    void parked(String topic);

    void deadLettered(String topic, String reason);

    TopologyEvents NONE = new TopologyEvents() {
        public void duplicate(String topic) {
        }

        public void parked(String topic) {
        }

        public void deadLettered(String topic, String reason) {
        }
    };
}
