package dev.waiver.app.cli;

import java.io.PrintWriter;
import java.util.List;

/// Aligned text columns for terminals: each column as wide as its widest cell up to a limit, longer
/// cells cut with an ellipsis, the last column left unpadded.
final class TextTable {

    private TextTable() {
    }

    /// Prints `rows` (the header first) with column `i` at most `max[i]` characters wide.
    static void print(List<String[]> rows, int[] max, PrintWriter out) {
        int[] width = new int[max.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.min(max[i], Math.max(width[i], row[i].length()));
            }
        }
        for (String[] row : rows) {
            var line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                String cell = row[i].length() > width[i] ? row[i].substring(0, width[i] - 1) + "…" : row[i];
                line.append(i == row.length - 1 ? cell : String.format("%-" + width[i] + "s  ", cell));
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
