package io.github.mmap4j.bench.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationTextPanel;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws the ratio chart of {@code bench/side_by_side.py}: per workload one bar per mmap4j variant
 * (CPython time / mmap4j time, log scale) and a marker at the target.
 *
 * <p>{@code java -cp benchmarks.jar io.github.mmap4j.bench.report.RatioChart IN.tsv OUT.svg} (or
 * {@code OUT.png}). The input is tab-separated: a {@code title} line, {@code note} lines (printed
 * in a box: date, machine, command), a {@code series} line naming the bar series and then the
 * target, and one {@code row} line per workload: the id, one value per series, empty for none.
 */
public final class RatioChart {
  private RatioChart() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: RatioChart IN.tsv OUT.svg|OUT.png");
    }
    System.setProperty("java.awt.headless", "true");
    CategoryChart chart = build(Files.readAllLines(Path.of(args[0])));
    String out = args[1];
    if (out.endsWith(".png")) {
      BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
    } else {
      VectorGraphicsEncoder.saveVectorGraphic(
          chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
    }
  }

  static CategoryChart build(List<String> lines) {
    String title = "";
    List<String> notes = new ArrayList<>();
    List<String> series = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    List<List<Double>> values = new ArrayList<>();
    for (String line : lines) {
      String[] f = line.split("\t", -1);
      switch (f[0]) {
        case "title" -> title = f[1];
        case "note" -> notes.add(f[1]);
        case "series" -> series.addAll(Arrays.asList(f).subList(1, f.length));
        case "row" -> {
          ids.add(f[1]);
          for (int i = 2; i < f.length; i++) {
            if (values.size() < i - 1) {
              values.add(new ArrayList<>());
            }
            values.get(i - 2).add(f[i].isEmpty() ? null : Double.parseDouble(f[i]));
          }
        }
        default -> {
          if (!line.isBlank()) {
            throw new IllegalArgumentException("unknown chart input line: " + line);
          }
        }
      }
    }
    CategoryChart chart =
        new CategoryChartBuilder()
            .width(1200)
            .height(700)
            .title(title)
            .xAxisTitle("workload")
            .yAxisTitle("CPython time / mmap4j time (log scale)")
            .build();
    // Bars start at 0 unless told otherwise, which a log axis cannot show: fix the range to whole
    // decades around the data.
    chart.getStyler().setYAxisLogarithmic(true);
    double[] present =
        values.stream()
            .flatMap(List::stream)
            .filter(v -> v != null && v > 0)
            .mapToDouble(Double::doubleValue)
            .toArray();
    double low = Arrays.stream(present).min().orElse(1);
    double high = Arrays.stream(present).max().orElse(1);
    chart.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(low))));
    chart.getStyler().setYAxisMax(Math.pow(10, Math.ceil(Math.log10(high * 1.01))));
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setPlotGridVerticalLinesVisible(false);
    chart.getStyler().setYAxisDecimalPattern("0.##");
    chart.getStyler().setAvailableSpaceFill(0.7);
    for (int s = 0; s < series.size(); s++) {
      CategorySeries added = chart.addSeries(series.get(s), ids, values.get(s));
      if (s == series.size() - 1) {
        added.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Scatter);
        added.setMarker(SeriesMarkers.DIAMOND);
        added.setMarkerColor(Color.BLACK);
      }
    }
    // screen coordinates from the bottom left: the notes go to the top left, the legend top right
    chart.addAnnotation(new AnnotationTextPanel(String.join("\n", notes), 90, 620, true));
    chart.addAnnotation(new AnnotationLine(1, false, false)); // parity with CPython
    return chart;
  }
}
