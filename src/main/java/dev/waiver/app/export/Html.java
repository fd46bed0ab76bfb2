package dev.waiver.app.export;

import java.util.List;

/// HTML text built from untrusted strings: everything goes through [#escape], so a comment or a YAML
/// document in the log can never become markup in a report.
public final class Html {

    private Html() {
    }

    public static String escape(String text) {
        var out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /// `<tag>escaped text</tag>`.
    public static String element(String tag, String text) {
        return "<" + tag + ">" + escape(text) + "</" + tag + ">";
    }

    /// A table with a header row; every cell is text (escaped).
    public static String table(List<String> headers, List<List<String>> rows) {
        var out = new StringBuilder("<table><thead><tr>");
        headers.forEach(h -> out.append(element("th", h)));
        out.append("</tr></thead><tbody>\n");
        for (List<String> row : rows) {
            out.append("<tr>");
            row.forEach(cell -> out.append(element("td", cell)));
            out.append("</tr>\n");
        }
        return out.append("</tbody></table>\n").toString();
    }
}
