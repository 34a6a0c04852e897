package chibo.reporting.audit;

import chibo.platform.web.Problems;

/** Reading the query parameters the audit endpoints share; a bad one is a 400 problem naming it. */
final class AuditParameters {

    private AuditParameters() {
    }

    static int size(String size, AuditProperties properties) {
        if (size == null) {
            return properties.defaultPageSize();
        }
        int value;
        try {
            value = Integer.parseInt(size);
        } catch (NumberFormatException e) {
            throw Problems.invalid("size", "range", "'" + size + "' is not a whole number from 1 to "
                    + properties.maxPageSize());
        }
        if (value < 1 || value > properties.maxPageSize()) {
            throw Problems.invalid("size", "range", "size must be from 1 to " + properties.maxPageSize()
                    + ", was " + value);
        }
        return value;
    }

    static boolean flag(String value, String field) {
        if (value == null) {
            return false;
        }
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw Problems.invalid(field, "boolean", "'" + value + "' is neither true nor false");
        };
    }
}
