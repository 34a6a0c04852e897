package chibo.reporting.audit;

import chibo.contracts.Topics;

import java.util.Arrays;
import java.util.Optional;

/**
 * The three event topics as the archive keeps them apart. A cell's id is the subject of both its organisation
 * events and its meeting events, and the two are separate chains numbered from 1, so each stream has its own
 * collection of events (keyed {@code <subject>:<zero-padded seq>}) and its own chain per subject.
 */
enum EventStream {

    ORGANIZATION(Topics.ORGANIZATION, "organization"),
    MEMBERSHIP(Topics.MEMBERSHIP, "membership"),
    MEETING(Topics.MEETING, "meeting");

    private final String topic;
    private final String label;

    EventStream(String topic, String label) {
        this.topic = topic;
        this.label = label;
    }

    String topic() {
        return topic;
    }

    /** The name clients see, e.g. {@code membership}. */
    String label() {
        return label;
    }

    /** The collection holding this stream's archived events. */
    String collection() {
        return "audit_" + label + "_events";
    }

    /** The {@code _id} of a subject's chain state in this stream. */
    String chainId(String subject) {
        return label + "/" + subject;
    }

    static Optional<EventStream> ofTopic(String topic) {
        return Arrays.stream(values()).filter(stream -> stream.topic.equals(topic)).findFirst();
    }

    static EventStream ofLabel(String label) {
        return Arrays.stream(values()).filter(stream -> stream.label.equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no stream " + label));
    }
}
