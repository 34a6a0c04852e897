package chibo.dashboard.pages;

import chibo.dashboard.figures.Comparison;
import chibo.dashboard.figures.Summary;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.util.List;

import static chibo.dashboard.pages.ChildrenTableTest.row;
import static org.assertj.core.api.Assertions.assertThat;

class ChildrenXlsxTest {

    private static final Comparison COMPARISON = new Comparison("TQ", "now", new Summary.Period("2026-01", "2026-12"),
            row("TQ", "Tỉnh ủy Tuyên Quang", 1250, 600, 30), List.of());

    private static XSSFSheet sheet(byte[] xlsx) throws Exception {
        XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx));
        return workbook.getSheetAt(0);
    }

    @Test
    void holds_the_csvs_rows_with_figures_as_numbers_and_the_total_last() throws Exception {
        List<Comparison.Row> rows = List.of(row("TQ-MQ", "Đảng bộ xã Minh Quang", 1234, 7, 6),
                row("TQ-AN", "Đảng bộ xã An Tường", 16, 8, 0));

        XSSFSheet sheet = sheet(ChildrenXlsx.of(COMPARISON, rows, "Tỉnh ủy Tuyên Quang", column -> "[" + column + "]"));
        String csv = ChildrenCsv.of(COMPARISON, rows, column -> "[" + column + "]");

        List<String> lines = csv.substring(1).lines().toList();
        assertThat(sheet.getLastRowNum()).isEqualTo(lines.size() - 1);
        for (int r = 0; r < lines.size(); r++) {
            String[] fields = lines.get(r).split(",");
            for (int c = 0; c < fields.length; c++) {
                var cell = sheet.getRow(r).getCell(c);
                String value = cell.getCellType() == CellType.NUMERIC
                        ? Long.toString((long) cell.getNumericCellValue()) : cell.getStringCellValue();
                assertThat(value).as("row %d column %d", r, c).isEqualTo(fields[c]);
            }
        }
        assertThat(sheet.getRow(1).getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(sheet.getRow(3).getCell(1).getStringCellValue()).isEqualTo("[total]: Tỉnh ủy Tuyên Quang");
        assertThat(sheet.getPaneInformation().isFreezePane()).as("headings stay in view").isTrue();
    }

    @Test
    void a_name_that_looks_like_a_formula_stays_text() throws Exception {
        XSSFSheet sheet = sheet(ChildrenXlsx.of(COMPARISON, List.of(row("X", "=HYPERLINK(\"http://x\")", 1, 0, 0)),
                "TQ", column -> column));

        assertThat(sheet.getRow(1).getCell(1).getCellType()).isEqualTo(CellType.STRING);
        assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("=HYPERLINK(\"http://x\")");
    }

    @Test
    void the_sheet_is_named_as_excel_allows() {
        assertThat(ChildrenXlsx.sheetName("Tỉnh ủy Tuyên Quang")).isEqualTo("Tỉnh ủy Tuyên Quang");
        assertThat(ChildrenXlsx.sheetName("Đảng bộ [khối] cơ quan: tỉnh/thành")).isEqualTo(
                "Đảng bộ  khối  cơ quan  tỉnh th");
        assertThat(ChildrenXlsx.sheetName("")).isEqualTo("chibo");
    }
}
