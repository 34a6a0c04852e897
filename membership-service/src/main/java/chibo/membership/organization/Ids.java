package chibo.membership.organization;

import java.util.UUID;

/** Identifiers chosen by agencies (organisation codes, member numbers) or generated. */
public final class Ids {

    public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    public static final String PATTERN_MESSAGE = "must be 1–64 letters, digits, '.', '_' or '-', starting with a"
            + " letter or digit";

    private Ids() {
    }

    public static String orGenerate(String id) {
        return id != null ? id : UUID.randomUUID().toString();
    }
}
