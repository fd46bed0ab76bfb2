package dev.waiver.app.export;

import java.util.List;

/// One table of an export section: `name` is the suffix of its CSV file (`register`, `in-force`), the
/// header names the columns, every row has a cell per column.
public record ExportTable(String name, List<String> header, List<List<String>> rows) {

    public ExportTable {
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<String> row : rows) {
            if (row.size() != header.size()) {
                throw new IllegalArgumentException(name + ": a row has " + row.size() + " cells for " + header.size() + " columns");
            }
        }
    }
}
