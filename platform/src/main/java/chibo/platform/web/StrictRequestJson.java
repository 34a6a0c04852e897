package chibo.platform.web;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * How chibo reads what callers send (request bodies and bulk-import lines): a text is a JSON string, normalised to
 * Unicode NFC (so "Tày" typed in composed or decomposed form is one value), and never holds control characters,
 * zero-width characters or bidirectional controls (none of them belong in Vietnamese text, and they make equal
 * names look different or different names look equal); a single-line field (a name, an id, a number) holds no line
 * break or tab either. A date is exactly {@code YYYY-MM-DD} and a meeting time {@code YYYY-MM-DDTHH:MM[:SS]}: no
 * time, zone or trailing character is cut off to make a date fit.
 */
public final class StrictRequestJson {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?");

    private StrictRequestJson() {
    }

    /**
     * Sets the mapper up to read what callers send, strictly where it matters and leniently where it helps. An
     * absent boolean means false; absent numbers are declared as wrappers and named by validation, so a missing
     * field is reported with every other one instead of failing the body on its own. Nothing is coerced: a fraction
     * where a whole number goes, a number where a date, a text or a choice goes, a text where a number or a boolean
     * goes, and a key given twice in one object are refused; texts and dates are read by {@link #module()}.
     */
    public static JsonMapper.Builder configure(JsonMapper.Builder builder) {
        return builder.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .withCoercionConfig(LogicalType.DateTime, dates -> dates
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
                .addModule(module());
    }

    /** The deserializers for texts, dates and local date-times. */
    public static SimpleModule module() {
        SimpleModule module = new SimpleModule("chibo-strict-request-json");
        module.addDeserializer(String.class, new Text());
        module.addDeserializer(LocalDate.class, new Temporal<>(LocalDate.class, DATE, LocalDate::parse, "format",
                "a date is YYYY-MM-DD"));
        module.addDeserializer(LocalDateTime.class, new Temporal<>(LocalDateTime.class, DATE_TIME,
                LocalDateTime::parse, "format", "a local date and time is YYYY-MM-DDTHH:MM:SS"));
        return module;
    }

    /**
     * Why {@code text} is refused (null: it is not), and the rule it breaks.
     *
     * @param singleLine whether line breaks and tabs are refused too
     */
    static Refusal refusal(String text, boolean singleLine) {
        int position = 0;
        for (int i = 0; i < text.length(); position++) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\n' || c == '\r' || c == '\t') {
                if (singleLine) {
                    return new Refusal("single-line", "a line break or tab (" + at(c, position)
                            + ") is not allowed here");
                }
            } else if (Character.getType(c) == Character.CONTROL) {
                return new Refusal("no-control-characters", "a control character (" + at(c, position)
                        + ") is not allowed");
            } else if (bidiControl(c)) {
                return new Refusal("no-bidi-controls", "a bidirectional control character (" + at(c, position)
                        + ") is not allowed");
            } else if (invisible(c)) {
                return new Refusal("no-invisible-characters", "a zero-width or invisible character ("
                        + at(c, position) + ") is not allowed");
            } else if (Character.getType(c) == Character.SURROGATE || Character.getType(c) == Character.UNASSIGNED) {
                return new Refusal("valid-unicode", "an unassigned or broken character (" + at(c, position)
                        + ") is not allowed");
            }
        }
        return null;
    }

    private static String at(int c, int position) {
        return String.format(Locale.ROOT, "U+%04X, character %d", c, position + 1);
    }

    private static boolean bidiControl(int c) {
        return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2066 && c <= 0x2069);
    }

    private static boolean invisible(int c) {
        return c == 0x00AD || c == 0x180E || (c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF
                || (c >= 0xFFF9 && c <= 0xFFFB);
    }

    /** Fields holding one line: names, ids and numbers (of decisions, cards, certificates). */
    static boolean singleLine(String field) {
        if (field == null) {
            return false;
        }
        String name = field.toLowerCase(Locale.ROOT);
        return name.endsWith("name") || name.endsWith("id") || name.endsWith("number") || name.equals("register")
                || name.equals("ethnicity") || name.equals("religion");
    }

    /** A rule a value breaks, and how. */
    record Refusal(String rule, String message) {
    }

    /** A value refused by one of the rules above; the problem names the rule. */
    public static final class RefusedValue extends InvalidFormatException {
        private final String rule;

        RefusedValue(JsonParser parser, String message, Object value, Class<?> type, String rule) {
            super(parser, message, value, type);
            this.rule = rule;
        }

        public String rule() {
            return rule;
        }
    }

    private static final class Text extends StdScalarDeserializer<String> {
        Text() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (String) context.handleUnexpectedToken(String.class, parser);
            }
            String text = parser.getString();
            Refusal refusal = refusal(text, singleLine(parser.currentName()));
            if (refusal != null) {
                throw new RefusedValue(parser, refusal.message(), text, String.class, refusal.rule());
            }
            return Normalizer.normalize(text, Normalizer.Form.NFC);
        }
    }

    private static final class Temporal<T> extends StdScalarDeserializer<T> {
        private final Pattern shape;
        private final Function<String, T> parse;
        private final String rule;
        private final String message;

        Temporal(Class<T> type, Pattern shape, Function<String, T> parse, String rule, String message) {
            super(type);
            this.shape = shape;
            this.parse = parse;
            this.rule = rule;
            this.message = message;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (T) context.handleUnexpectedToken(handledType(), parser);
            }
            String text = parser.getString();
            if (!shape.matcher(text).matches()) {
                throw new RefusedValue(parser, message + ", not '" + printable(text) + "'", text, handledType(),
                        rule);
            }
            try {
                return parse.apply(text);
            } catch (DateTimeException e) {
                throw new RefusedValue(parser, "'" + text + "' is not a day of the calendar: " + e.getMessage(),
                        text, handledType(), rule);
            }
        }
    }

    /** The text with anything unprintable shown as its code point, for a message. */
    private static String printable(String text) {
        StringBuilder shown = new StringBuilder();
        text.codePoints().limit(40).forEach(c -> {
            if (Character.isISOControl(c) || bidiControl(c) || invisible(c)) {
                shown.append(String.format(Locale.ROOT, "\\u%04X", c));
            } else {
                shown.appendCodePoint(c);
            }
        });
        return shown.toString();
    }
}
