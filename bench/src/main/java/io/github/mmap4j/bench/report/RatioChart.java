package io.github.mmap4j.bench.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
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
 * (CPython time / mmap4j time, log scale) and one diamond per variant at its target.
 *
 * <p>{@code java -cp benchmarks.jar io.github.mmap4j.bench.report.RatioChart IN.tsv OUT.svg} (or
 * {@code OUT.png}). The input is tab-separated: a {@code title} line, {@code note} lines (printed
 * in a box: date, machine, command), a {@code series} line naming the bar series and then their
 * target series in the same order, and one {@code row} line per workload: the id, then one value
 * per series, empty for none.
 */
public final class RatioChart {
  private static final int WIDTH = 1200;
  private static final int HEIGHT = 760;
  private static final Color[] BARS = {new Color(0x4C78C8), new Color(0xF2A541)};
  private static final Color[] TARGETS = {new Color(0x1F3F80), new Color(0xA0600A)};

  private RatioChart() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: RatioChart IN.tsv OUT.svg|OUT.png");
    }
    System.setProperty("java.awt.headless", "true");
    CategoryChart chart = build(Input.parse(Files.readAllLines(Path.of(args[0]))));
    if (args[1].endsWith(".png")) {
      BitmapEncoder.saveBitmap(chart, args[1], BitmapEncoder.BitmapFormat.PNG);
    } else {
      VectorGraphicsEncoder.saveVectorGraphic(
          chart, args[1], VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
    }
  }

  static CategoryChart build(Input in) {
    CategoryChart chart =
        new CategoryChartBuilder()
            .width(WIDTH)
            .height(HEIGHT)
            .title(in.title())
            .xAxisTitle("workload")
            .yAxisTitle("CPython time / mmap4j time (log scale)")
            .build();
    Styler styler = chart.getStyler();
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setLegendPosition(Styler.LegendPosition.InsideNE);
    chart.getStyler().setPlotGridVerticalLinesVisible(false);
    chart.getStyler().setYAxisDecimalPattern("0.##");
    chart.getStyler().setAvailableSpaceFill(0.75);
    // Bars start at 0 unless told otherwise, which a log axis cannot show: whole decades around
    // the data, and one more at the top for the notes.
    chart.getStyler().setYAxisLogarithmic(true);
    double[] all =
        in.values().stream()
            .flatMap(List::stream)
            .filter(Objects::nonNull)
            .mapToDouble(Double::doubleValue)
            .filter(v -> v > 0)
            .toArray();
    double low = Arrays.stream(all).min().orElse(1);
    double high = Arrays.stream(all).max().orElse(1);
    chart.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(low))));
    chart.getStyler().setYAxisMax(Math.pow(10, Math.ceil(Math.log10(high * 1.01)) + 1));
    int bars = in.series().size() / 2;
    for (int s = 0; s < in.series().size(); s++) {
      CategorySeries added = chart.addSeries(in.series().get(s), in.ids(), in.values().get(s));
      if (s < bars) {
        added.setFillColor(BARS[s % BARS.length]);
      } else {
        added.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Scatter);
        added.setMarker(SeriesMarkers.DIAMOND);
        added.setMarkerColor(TARGETS[(s - bars) % TARGETS.length]);
      }
    }
    // screen coordinates of the box's bottom left, y counted from the bottom: the box sits in the
    // top left of the plot, under the title
    chart.addAnnotation(
        new AnnotationTextPanel(String.join("\n", in.notes()), 100, HEIGHT - 105, true));
    chart.addAnnotation(new AnnotationLine(1, false, false)); // parity with CPython
    return chart;
  }

  /** The parsed chart input; {@code values.get(s)} holds series {@code s}, one per id. */
  record Input(
      String title,
      List<String> notes,
      List<String> series,
      List<String> ids,
      List<List<Double>> values) {

    static Input parse(List<String> lines) {
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
          case "series" -> {
            series.addAll(Arrays.asList(f).subList(1, f.length));
            series.forEach(s -> values.add(new ArrayList<>()));
          }
          case "row" -> {
            if (f.length != series.size() + 2) {
              throw new IllegalArgumentException("row without one value per series: " + line);
            }
            ids.add(f[1]);
            for (int s = 0; s < series.size(); s++) {
              values.get(s).add(f[s + 2].isEmpty() ? null : Double.parseDouble(f[s + 2]));
            }
          }
          default -> {
            if (!line.isBlank()) {
              throw new IllegalArgumentException("unknown chart input line: " + line);
            }
          }
        }
      }
      return new Input(title, notes, series, ids, values);
    }
  }
}
