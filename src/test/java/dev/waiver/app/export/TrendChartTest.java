package dev.waiver.app.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.waiver.engine.review.ReviewMetrics.DailyCount;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/// The in-force chart is plain markup: well-formed, one point per day, red only when the count grew.
class TrendChartTest {

    private static List<DailyCount> days(int... counts) {
        var series = new ArrayList<DailyCount>();
        for (int i = 0; i < counts.length; i++) {
            series.add(new DailyCount(LocalDate.of(2026, 10, 1).plusDays(i), counts[i]));
        }
        return series;
    }

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aGrowingSeriesIsARedLineWithAPointPerDay() throws Exception {
        String svg = TrendChart.svg(days(1, 2, 2, 4, 5), true);
        Document doc = parse(svg);
        var line = doc.getElementsByTagName("polyline").item(0).getAttributes();
        assertEquals(5, line.getNamedItem("points").getNodeValue().split(" ").length);
        assertEquals("#cf222e", line.getNamedItem("stroke").getNodeValue());
        assertTrue(doc.getElementsByTagName("title").item(0).getTextContent()
                .contains("2026-10-01 to 2026-10-05: 1 to 5, growing over the last 30 days"));
        assertFalse(svg.contains("<script") || svg.contains("href") || svg.contains("http"), svg);
    }

    @Test
    void aFallingSeriesIsGreenAndASingleDayIsAPoint() throws Exception {
        assertEquals("#1a7f37", parse(TrendChart.svg(days(4, 3, 1), false)).getElementsByTagName("polyline").item(0)
                .getAttributes().getNamedItem("stroke").getNodeValue());
        Document one = parse(TrendChart.svg(days(0), false));
        assertEquals(1, one.getElementsByTagName("circle").getLength());
        assertTrue(TrendChart.svg(List.of(), false).contains("no trend to draw"));
    }
}
