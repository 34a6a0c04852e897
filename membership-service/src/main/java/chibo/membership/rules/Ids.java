package chibo.membership.rules;

import chibo.platform.eventstore.Correlation;

/** Identifiers chosen by agencies (organisation codes, member numbers) or generated. */
public final class Ids {

    public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    public static final String PATTERN_MESSAGE = "must be 1–64 letters, digits, '.', '_' or '-', starting with a"
            + " letter or digit";

    private Ids() {
    }

    /** The id given, else a new one: the same when a request is run again under its Idempotency-Key. */
    public static String orGenerate(String id) {
        return id != null ? id : Correlation.newId("id");
    }
}
