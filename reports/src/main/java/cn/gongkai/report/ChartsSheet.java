package cn.gongkai.report;

import cn.gongkai.engine.audit.AgencyResult;
import cn.gongkai.engine.rule.Finding;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xddf.usermodel.PresetColor;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTDLbls;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * 图表: the score distribution (agencies per 10-point band of 得分率) and the average 得分率 per area (一级指标),
 * each as a one-series column chart beside its data table. One series in one dark grey with value labels on the
 * bars, so both read without colour and in print.
 */
final class ChartsSheet {

    static final String NAME = "图表";
    static final String[] BANDS = {"0–9%", "10–19%", "20–29%", "30–39%", "40–49%", "50–59%", "60–69%", "70–79%",
            "80–89%", "90–100%"};

    private ChartsSheet() {
    }

    static void write(Sheet sheet, CellWriter cells, Render render) {
        Double[] counts = new Double[BANDS.length];
        java.util.Arrays.fill(counts, 0.0);
        Map<String, double[]> areas = new LinkedHashMap<>();
        for (Render.ItemColumn c : render.itemColumns()) {
            areas.putIfAbsent(c.area() == null ? "其他" : c.area(), new double[2]);
        }
        for (AgencyResult a : render.report.agencies()) {
            int band = Math.min(BANDS.length - 1, (int) Math.floor(a.percentage() / 10));
            counts[Math.max(0, band)]++;
            for (Finding f : a.findings()) {
                double[] sums = areas.computeIfAbsent(f.area() == null ? "其他" : f.area(), k -> new double[2]);
                sums[0] += f.awarded();
                sums[1] += f.points();
            }
        }
        String[] areaNames = areas.keySet().toArray(String[]::new);
        Double[] areaRates = areas.values().stream().map(s -> s[1] == 0 ? 0.0 : s[0] / s[1]).toArray(Double[]::new);

        Row head = sheet.createRow(0);
        cells.text(head, 0, "得分率区间", cells.headerStyle());
        cells.text(head, 1, "单位数", cells.headerStyle());
        for (int i = 0; i < BANDS.length; i++) {
            Row row = sheet.createRow(1 + i);
            cells.text(row, 0, BANDS[i], cells.style(Column.Kind.TEXT));
            cells.number(row, 1, counts[i], cells.style(Column.Kind.INTEGER));
        }
        int areaTop = BANDS.length + 3;
        Row areaHead = sheet.createRow(areaTop);
        cells.text(areaHead, 0, "一级指标", cells.headerStyle());
        cells.text(areaHead, 1, "平均得分率", cells.headerStyle());
        int width = 12;
        for (int i = 0; i < areaNames.length; i++) {
            Row row = sheet.createRow(areaTop + 1 + i);
            cells.text(row, 0, areaNames[i], cells.style(Column.Kind.TEXT));
            cells.number(row, 1, areaRates[i], cells.style(Column.Kind.PERCENT));
            width = Math.max(width, SafeText.displayWidth(areaNames[i]));
        }
        sheet.setColumnWidth(0, Math.min(40, width + 2) * 256);
        sheet.setColumnWidth(1, 12 * 256);

        sheet.setFitToPage(true);
        sheet.getPrintSetup().setLandscape(true);
        sheet.getPrintSetup().setPaperSize(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 1);

        SXSSFSheet s = (SXSSFSheet) sheet;
        s.createDrawingPatriarch();
        XSSFDrawing drawing = s.getDrawingPatriarch();
        String ref = "'" + NAME + "'!";
        bar(drawing, 3, 0, 13, 20, "得分分布（按得分率区间）", "得分率区间", "单位数", BANDS, counts,
                ref + "$A$2:$A$" + (1 + BANDS.length), ref + "$B$2:$B$" + (1 + BANDS.length), "0");
        if (areaNames.length > 0) {
            bar(drawing, 3, 21, 13, 41, "各一级指标平均得分率", "一级指标", "平均得分率", areaNames, areaRates,
                    ref + "$A$" + (areaTop + 2) + ":$A$" + (areaTop + 1 + areaNames.length),
                    ref + "$B$" + (areaTop + 2) + ":$B$" + (areaTop + 1 + areaNames.length), "0.0%");
        }
    }

    private static void bar(XSSFDrawing drawing, int col1, int row1, int col2, int row2, String title, String xTitle,
                            String yTitle, String[] labels, Double[] values, String labelRef, String valueRef,
                            String format) {
        XSSFChart chart = drawing.createChart(drawing.createAnchor(0, 0, 0, 0, col1, row1, col2, row2));
        chart.setTitleText(title);
        chart.setTitleOverlay(false);
        XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.BOTTOM);
        x.setTitle(xTitle);
        XDDFValueAxis y = chart.createValueAxis(AxisPosition.LEFT);
        y.setTitle(yTitle);
        y.setCrosses(AxisCrosses.AUTO_ZERO);
        y.setMinimum(0);
        y.setNumberFormat(format);
        XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, x, y);
        data.setBarDirection(BarDirection.COL);
        data.setVaryColors(false);
        XDDFChartData.Series series = data.addSeries(XDDFDataSourcesFactory.fromArray(labels, labelRef),
                XDDFDataSourcesFactory.fromArray(values, valueRef));
        series.setTitle(yTitle, null);
        series.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(PresetColor.DIM_GRAY)));
        chart.plot(data);
        // Value labels on the bars: the numbers are readable without telling colours apart.
        CTDLbls labelsXml = chart.getCTChart().getPlotArea().getBarChartArray(0).getSerArray(0).addNewDLbls();
        labelsXml.addNewNumFmt().setFormatCode(format);
        labelsXml.getNumFmt().setSourceLinked(false);
        labelsXml.addNewShowVal().setVal(true);
        labelsXml.addNewShowLegendKey().setVal(false);
        labelsXml.addNewShowCatName().setVal(false);
        labelsXml.addNewShowSerName().setVal(false);
        labelsXml.addNewShowPercent().setVal(false);
        labelsXml.addNewShowBubbleSize().setVal(false);
    }
}
