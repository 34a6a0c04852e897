package chibo.dashboard.pages;

import chibo.dashboard.figures.Comparison;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;

/**
 * The children table as an Excel workbook (XLSX), in the reader's language: the same rows and order as the page and
 * the CSV, figures as numbers (so that they add up in the spreadsheet), headings bold and frozen, a filter on them,
 * the organisation's own total last in bold. Names are written as text, never as formulas.
 */
final class ChildrenXlsx {

    private static final int NAME_WIDTH = 48;
    private static final int FIGURE_WIDTH = 14;

    private ChildrenXlsx() {
    }

    /**
     * @param title the sheet's name (at most 31 characters are kept)
     * @param label a column's heading in the reader's language, by column name ({@code id}, then the table's)
     */
    static byte[] of(Comparison comparison, List<Comparison.Row> rows, String title,
                     Function<String, String> label) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(sheetName(title));
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle grouped = workbook.createCellStyle();
            grouped.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));
            CellStyle boldGrouped = workbook.createCellStyle();
            boldGrouped.cloneStyleFrom(grouped);
            boldGrouped.setFont(font);

            Row headings = sheet.createRow(0);
            text(headings, 0, label.apply("id"), bold);
            for (int c = 0; c < ChildrenTable.COLUMNS.size(); c++) {
                text(headings, c + 1, label.apply(ChildrenTable.COLUMNS.get(c)), bold);
            }
            int r = 1;
            for (Comparison.Row row : rows) {
                line(sheet.createRow(r++), row, row.name(), null, grouped);
            }
            line(sheet.createRow(r), comparison.total(), label.apply("total") + ": " + comparison.total().name(),
                    bold, boldGrouped);

            sheet.createFreezePane(0, 1);
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, ChildrenTable.COLUMNS.size()));
            sheet.setColumnWidth(0, 16 * 256);
            sheet.setColumnWidth(1, NAME_WIDTH * 256);
            for (int c = 2; c <= ChildrenTable.COLUMNS.size(); c++) {
                sheet.setColumnWidth(c, FIGURE_WIDTH * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void line(Row sheetRow, Comparison.Row row, String name, CellStyle textStyle,
                             CellStyle figureStyle) {
        text(sheetRow, 0, row.orgId(), textStyle);
        text(sheetRow, 1, name, textStyle);
        List<String> figures = ChildrenTable.COLUMNS.subList(1, ChildrenTable.COLUMNS.size());
        for (int c = 0; c < figures.size(); c++) {
            Cell cell = sheetRow.createCell(c + 2);
            cell.setCellValue(ChildrenTable.value(row, figures.get(c)));
            cell.setCellStyle(figureStyle);
        }
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value == null ? "" : value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    /** A sheet name Excel accepts: at most 31 characters, none of {@code : \ / ? * [ ]}. */
    static String sheetName(String title) {
        String name = title == null || title.isBlank() ? "chibo" : title.replaceAll("[:\\\\/?*\\[\\]]", " ").strip();
        return name.length() <= 31 ? name : name.substring(0, 31);
    }
}
