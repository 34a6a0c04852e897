package chibo.dashboard.pages;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The party statistics report (HD 11 shape) as reporting-service writes it — CSV, a row per child organisation and
 * the organisation's own total last — read back into a table for the page, and the period it covers (this year to
 * this month unless asked otherwise).
 */
final class StatisticsTable {

    private StatisticsTable() {
    }

    /** @param columns the report's column keys after the organisation's id and name ({@code dang_vien_dau_ky} …) */
    record Report(List<String> columns, List<Row> rows, Row total) {
    }

    record Row(String orgId, String name, List<Long> values) {
    }

    record Period(YearMonth from, YearMonth to) {
    }

    /** The period asked for; a month that cannot be read (or none) is this year's January, or this month. */
    static Period period(String from, String to, YearMonth now) {
        return new Period(SeriesChoices.month(from, YearMonth.of(now.getYear(), 1)), SeriesChoices.month(to, now));
    }


    /** The report's rows; the last is the organisation's own total (reporting names it "Tổng cộng: …"). */
    static Report read(String csv) {
        List<List<String>> records = records(csv.startsWith("\uFEFF") ? csv.substring(1) : csv);
        if (records.isEmpty() || records.getFirst().size() < 2) {
            throw new IllegalArgumentException("the statistics report has no header");
        }
        List<String> columns = records.getFirst().subList(2, records.getFirst().size());
        List<Row> rows = new ArrayList<>();
        for (List<String> record : records.subList(1, records.size())) {
            if (record.size() != columns.size() + 2) {
                throw new IllegalArgumentException("a statistics row has " + record.size() + " fields, not "
                        + (columns.size() + 2));
            }
            List<Long> values = record.subList(2, record.size()).stream().map(Long::parseLong).toList();
            rows.add(new Row(record.get(0), record.get(1), values));
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("the statistics report has no total");
        }
        return new Report(List.copyOf(columns), List.copyOf(rows.subList(0, rows.size() - 1)), rows.getLast());
    }

    /** RFC 4180 records: fields split at commas, quoted fields may hold commas, quotes ("") and line breaks. */
    private static List<List<String>> records(String csv) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (!field.isEmpty() || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }
}
