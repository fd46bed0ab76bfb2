package dev.waiver.app.export;

import java.util.List;

/// A further part of an export beside the audit entries, such as the exception register or review
/// metrics. JSON exports hold it under `sections.<key>`; the HTML report shows it under its title; CSV
/// exports write each of its tables to a file of its own beside the entries file (`<name>-<table>.csv`).
/// Sections are outside the hash chain: they describe the state at export time and are not verified.
public interface ExportSection {

    /// A short stable name: the JSON property and the HTML anchor (`register`, `metrics`).
    String key();

    /// The heading a reader sees.
    String title();

    /// The section as JSON values: maps, lists, strings, numbers, booleans and nulls.
    Object json();

    /// The section as tables of text, one CSV file each.
    List<ExportTable> tables();

    /// The section as an HTML fragment for inside the report's `<section>`. Build it with [Html], which
    /// escapes every text it is given; never put a text in without it.
    String html();
}
