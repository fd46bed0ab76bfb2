package dev.waiver.app.export;

import dev.waiver.engine.review.ReviewMetrics;
import dev.waiver.engine.review.ReviewMetrics.DailyCount;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/// The exceptions in force per day as an inline SVG line chart: markup only (no script, no font or file to
/// load), so it draws the same offline, under the report's content security policy and in print. The
/// last [ReviewMetrics#TREND_DAYS] days, the window the red flag compares, are shaded; the line is red
/// when the count grew over them.
final class TrendChart {

    private static final int WIDTH = 720;
    private static final int HEIGHT = 240;
    private static final int LEFT = 44;
    private static final int RIGHT = 16;
    private static final int TOP = 16;
    private static final int BOTTOM = 32;
    private static final double PLOT_WIDTH = WIDTH - LEFT - RIGHT;
    private static final double PLOT_HEIGHT = HEIGHT - TOP - BOTTOM;

    private TrendChart() {
    }

    static String svg(List<DailyCount> series, boolean growing) {
        if (series.isEmpty()) {
            return "<p class=\"note\">No exception has been approved yet: there is no trend to draw.</p>\n";
        }
        int n = series.size();
        int top = Math.max(1, series.stream().mapToInt(DailyCount::count).max().orElse(0));
        String colour = growing ? "#cf222e" : "#1a7f37";
        DailyCount first = series.getFirst();
        DailyCount last = series.getLast();
        var svg = new StringBuilder("<svg class=\"trend\" viewBox=\"0 0 " + WIDTH + " " + HEIGHT + "\" width=\"" + WIDTH
                + "\" height=\"" + HEIGHT + "\" role=\"img\" aria-labelledby=\"trend-title\" font-size=\"11\""
                + " font-family=\"system-ui,sans-serif\">");
        svg.append("<title id=\"trend-title\">").append(Html.escape("Exceptions in force per day, " + first.day() + " to "
                + last.day() + ": " + first.count() + " to " + last.count() + (growing ? ", growing over the last "
                + ReviewMetrics.TREND_DAYS + " days" : ""))).append("</title>");
        if (n > 1) {
            int from = Math.max(0, n - 1 - ReviewMetrics.TREND_DAYS);
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%.1f\" fill=\"#f6f8fa\"/>",
                    x(from, n), TOP, x(n - 1, n) - x(from, n), PLOT_HEIGHT));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" fill=\"#59636e\">last %d days</text>",
                    x(from, n) + 4, TOP + 12, ReviewMetrics.TREND_DAYS));
        }
        for (int value : new TreeSet<>(List.of(0, top / 2, top))) {
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#d8dee4\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" fill=\"#59636e\">%d</text>",
                    LEFT, WIDTH - RIGHT, y(value, top), y(value, top), LEFT - 6, y(value, top) + 4, value));
        }
        dayLabel(svg, first, 0, n, "start");
        if (n > 1) {
            dayLabel(svg, last, n - 1, n, "end");
        }
        var points = new StringBuilder();
        for (int i = 0; i < n; i++) {
            points.append(String.format(Locale.ROOT, "%s%.1f,%.1f", i == 0 ? "" : " ", x(i, n), y(series.get(i).count(), top)));
        }
        svg.append("<polyline points=\"").append(points).append("\" fill=\"none\" stroke=\"").append(colour)
                .append("\" stroke-width=\"2\" stroke-linejoin=\"round\"/>");
        svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"/>",
                x(n - 1, n), y(last.count(), top), colour));
        return svg.append("</svg>\n").toString();
    }

    private static void dayLabel(StringBuilder svg, DailyCount day, int i, int n, String anchor) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"%s\" fill=\"#59636e\">%s</text>",
                x(i, n), HEIGHT - 10, anchor, Html.escape(day.day().toString())));
    }

    private static double x(int i, int n) {
        return LEFT + (n == 1 ? PLOT_WIDTH / 2 : PLOT_WIDTH * i / (n - 1));
    }

    private static double y(int count, int top) {
        return TOP + PLOT_HEIGHT * (1 - (double) count / top);
    }
}
