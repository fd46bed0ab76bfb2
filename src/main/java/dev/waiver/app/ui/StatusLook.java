package dev.waiver.app.ui;

/// How a status-like value is drawn in a table or on a counter: its label, its icon, and the style class
/// that gives both their colour (`status-active`, `result-fail`).
public interface StatusLook {

    String label();

    Icons icon();

    String styleClass();
}
