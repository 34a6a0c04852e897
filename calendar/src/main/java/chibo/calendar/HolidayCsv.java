package chibo.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the holiday data file: UTF-8 CSV with the header {@code date,name,kind,source}, one row per day off,
 * sorted by date. A field may be wrapped in double quotes (the source usually is, since a citation such as
 * "Bộ luật Lao động 2019, điều 112" contains a comma); a quote inside a quoted field is doubled.
 *
 * <p>Anything unexpected fails loudly with the line number: a silently skipped row would make a holiday count
 * as a working day and move a legal deadline.
 */
final class HolidayCsv {

    static final String HEADER = "date,name,kind,source";

    private HolidayCsv() {
    }

    static List<Holiday> read(InputStream csv, String fileName) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8))) {
            String header = reader.readLine();
            if (!HEADER.equals(header)) {
                throw new IllegalStateException(fileName + ": the first line must be '" + HEADER + "', was '"
                        + header + "'");
            }
            List<Holiday> holidays = new ArrayList<>();
            int lineNumber = 1;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                Holiday holiday = parse(line, fileName, lineNumber);
                if (!holidays.isEmpty() && !holiday.date().isAfter(holidays.getLast().date())) {
                    throw new IllegalStateException(fileName + " line " + lineNumber + ": " + holiday.date()
                            + " is not after the previous row's date; rows must be sorted, one per day");
                }
                holidays.add(holiday);
            }
            return List.copyOf(holidays);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + fileName, e);
        }
    }

    private static Holiday parse(String line, String fileName, int lineNumber) {
        List<String> fields = fields(line, fileName, lineNumber);
        if (fields.size() != 4) {
            throw new IllegalStateException(fileName + " line " + lineNumber + ": expected 4 fields ("
                    + HEADER + "), found " + fields.size());
        }
        try {
            return new Holiday(LocalDate.parse(fields.get(0)), fields.get(1),
                    Holiday.Kind.valueOf(fields.get(2)), fields.get(3));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new IllegalStateException(fileName + " line " + lineNumber + ": " + e.getMessage(), e);
        }
    }

    private static List<String> fields(String line, String fileName, int lineNumber) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalStateException(fileName + " line " + lineNumber + ": a quoted field is not closed");
        }
        fields.add(field.toString());
        return fields;
    }
}
