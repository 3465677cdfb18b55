package org.hardchain.experiment;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hardchain.format.AtomicFiles;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * PNG plots of a sweep (THEORY.md §11), drawn with JFreeChart without a display
 * ({@code java.awt.headless=true}): time against B for both methods per n; rank against B beside
 * n^{k-1}; measured error against B at the fixed degree; the crossover B*(n) against
 * (ln n)^{1/k}. Points where a method did not run are left out of the time and error plots.
 */
public final class SweepPlots {
    /** Plot size in pixels. */
    public static final int WIDTH = 900;
    public static final int HEIGHT = 600;

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private SweepPlots() {
    }

    /** Writes the four plots into {@code dir} atomically; returns their paths. */
    public static List<Path> writeAll(SweepResult r, Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(write(timeVsBound(r), dir.resolve("regime-time-vs-B.png")));
        files.add(write(rankVsKeyTuples(r), dir.resolve("regime-rank.png")));
        files.add(write(errorAtFixedDegree(r), dir.resolve("regime-error-fixed-degree.png")));
        files.add(write(crossover(r), dir.resolve("regime-crossover.png")));
        return files;
    }

    private static Path write(JFreeChart chart, Path file) throws IOException {
        AtomicFiles.write(file, out -> ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT));
        return file;
    }

    /** Seconds against B, log-log, one exact and one polynomial series per n. */
    public static JFreeChart timeVsBound(SweepResult r) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (int n : r.config().ns()) {
            XYSeries poly = new XYSeries("poly n=" + n);
            XYSeries exact = new XYSeries("exact n=" + n);
            for (double b : r.bounds(n)) {
                addPositive(poly, b, r.row(n, b, "poly").seconds());
                addPositive(exact, b, r.row(n, b, "exact").seconds());
            }
            data.addSeries(poly);
            data.addSeries(exact);
        }
        SweepConfig c = r.config();
        JFreeChart chart = chart(String.format(Locale.ROOT,
                "%sk=%d, %s=%d, eps=%.0e: time vs entry bound (poly omitted where not run)", inputs(r), c.order(), dName(r), c.d(),
                c.epsilon()), "entry bound B", "seconds", data, true, true);
        XYLineAndShapeRenderer ren = (XYLineAndShapeRenderer) chart.getXYPlot().getRenderer();
        for (int s = 0; s < data.getSeriesCount(); s++) {
            Color col = palette(s / 2);
            ren.setSeriesPaint(s, col);
            if (s % 2 == 1) {
                ren.setSeriesStroke(s, dashed());
            }
        }
        return chart;
    }

    /** Rank r = C(d+g, g) against B per n, with n^{k-1} as a dashed level per n. */
    public static JFreeChart rankVsKeyTuples(SweepResult r) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (int n : r.config().ns()) {
            XYSeries rank = new XYSeries("rank at eps, n=" + n);
            XYSeries level = new XYSeries("n^(k-1), n=" + n);
            for (double b : r.bounds(n)) {
                SweepRow p = r.row(n, b, "poly");
                addPositive(rank, b, p.rank());
                level.add(b, p.keyTuples());
            }
            data.addSeries(rank);
            data.addSeries(level);
        }
        SweepConfig c = r.config();
        JFreeChart chart = chart(String.format(Locale.ROOT,
                "%sk=%d, %s=%d, eps=%.0e: rank C(d+g,g) vs n^(k-1) (ranks past the double floor are estimates)",
                inputs(r), c.order(), dName(r), c.d(), c.epsilon()), "entry bound B", "rank / key tuples", data, true, true);
        XYLineAndShapeRenderer ren = (XYLineAndShapeRenderer) chart.getXYPlot().getRenderer();
        for (int s = 0; s < data.getSeriesCount(); s++) {
            ren.setSeriesPaint(s, palette(s / 2));
            if (s % 2 == 1) {
                ren.setSeriesStroke(s, dashed());
                ren.setSeriesShapesVisible(s, false);
            }
        }
        return chart;
    }

    /** Measured max error against B at the fixed degree, per n, with eps as a level. */
    public static JFreeChart errorAtFixedDegree(SweepResult r) {
        XYSeriesCollection data = new XYSeriesCollection();
        SweepConfig c = r.config();
        for (int n : c.ns()) {
            XYSeries err = new XYSeries("measured error, n=" + n);
            for (double b : r.bounds(n)) {
                addPositive(err, b, r.row(n, b, "poly_fixed").maxError());
            }
            data.addSeries(err);
        }
        XYSeries eps = new XYSeries("requested eps");
        for (int n : c.ns()) {
            for (double b : r.bounds(n)) {
                eps.addOrUpdate(b, c.epsilon());
            }
        }
        data.addSeries(eps);
        JFreeChart chart = chart(String.format(Locale.ROOT, "%sk=%d, %s=%d: measured error vs B at fixed degree g=%d",
                inputs(r), c.order(), dName(r), c.d(), c.fixedDegree()), "entry bound B", "max |T - Att| on checked rows", data, true,
                true);
        XYLineAndShapeRenderer ren = (XYLineAndShapeRenderer) chart.getXYPlot().getRenderer();
        for (int s = 0; s < c.ns().size(); s++) {
            ren.setSeriesPaint(s, palette(s));
        }
        ren.setSeriesPaint(c.ns().size(), Color.GRAY);
        ren.setSeriesStroke(c.ns().size(), dashed());
        ren.setSeriesShapesVisible(c.ns().size(), false);
        return chart;
    }

    /** B*(n) (time and operation criteria) against (ln n)^{1/k}. */
    public static JFreeChart crossover(SweepResult r) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYSeries time = new XYSeries("B* by time");
        XYSeries ops = new XYSeries("B* by multiply-adds");
        XYSeries bis = new XYSeries("B* by multiply-adds, bisected");
        XYSeries ref = new XYSeries("(ln n)^(1/k)");
        for (SweepResult.Crossover x : r.crossovers()) {
            XYSeries s = x.criterion().equals("time") ? time : ops;
            addPositive(s, x.logRoot(), x.estimate());
            addPositive(bis, x.logRoot(), x.bisected());
            if (x.criterion().equals("time")) {
                ref.add(x.logRoot(), x.logRoot());
            }
        }
        data.addSeries(time);
        data.addSeries(ops);
        data.addSeries(bis);
        data.addSeries(ref);
        SweepConfig c = r.config();
        JFreeChart chart = chart(String.format(Locale.ROOT,
                "%sk=%d, %s=%d, eps=%.0e: crossover B*(n) (geometric midpoint of grid bracket)", inputs(r), c.order(), dName(r), c.d(),
                c.epsilon()), "(ln n)^(1/k)", "B*", data, false, false);
        XYLineAndShapeRenderer ren = (XYLineAndShapeRenderer) chart.getXYPlot().getRenderer();
        ren.setSeriesPaint(0, palette(0));
        ren.setSeriesPaint(1, palette(1));
        ren.setSeriesPaint(2, palette(2));
        ren.setSeriesPaint(3, Color.GRAY);
        ren.setSeriesStroke(3, dashed());
        ((NumberAxis) chart.getXYPlot().getDomainAxis()).setAutoRangeIncludesZero(false);
        ((NumberAxis) chart.getXYPlot().getRangeAxis()).setAutoRangeIncludesZero(true);
        return chart;
    }

    private static JFreeChart chart(String title, String x, String y, XYSeriesCollection data, boolean logX,
            boolean logY) {
        JFreeChart chart = ChartFactory.createXYLineChart(title, x, y, data, PlotOrientation.VERTICAL, true, false,
                false);
        chart.getTitle().setFont(chart.getTitle().getFont().deriveFont(14f));
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        if (logX) {
            LogAxis ax = new LogAxis(x);
            ax.setBase(2);
            ax.setSmallestValue(1e-300);
            ax.setTickUnit(new NumberTickUnit(1));
            ax.setNumberFormatOverride(new DecimalFormat("0.###", DecimalFormatSymbols.getInstance(Locale.ROOT)));
            plot.setDomainAxis(ax);
        }
        if (logY) {
            LogAxis ay = new LogAxis(y);
            ay.setSmallestValue(1e-300);
            ay.setNumberFormatOverride(new DecimalFormat("0.#E0", DecimalFormatSymbols.getInstance(Locale.ROOT)));
            plot.setRangeAxis(ay);
        }
        XYLineAndShapeRenderer ren = new XYLineAndShapeRenderer(true, true);
        plot.setRenderer(ren);
        return chart;
    }

    private static boolean uniformInputs(SweepResult r) {
        return r.inputs().startsWith("uniform");
    }

    private static String inputs(SweepResult r) {
        return uniformInputs(r) ? "" : "Lemma B.1 inputs, ";
    }

    private static String dName(SweepResult r) {
        return uniformInputs(r) ? "d" : "D'";
    }

    private static void addPositive(XYSeries s, double x, double y) {
        if (x > 0 && y > 0 && Double.isFinite(x) && Double.isFinite(y)) {
            s.add(x, y);
        }
    }

    private static Color palette(int i) {
        Color[] cs = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd),
            new Color(0xff7f0e), new Color(0x8c564b)};
        return cs[i % cs.length];
    }

    private static BasicStroke dashed() {
        return new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);
    }
}
