package dev.waiver.app.workspace;

/// A position in a file's text, moved forward line by line to the next `---` document start.
///
/// It only moves forward, so resuming after every broken document of a file costs one pass over
/// the text in all, however many documents are broken.
final class LineCursor {

    private final String text;
    private int offset;
    private int line = 1;
    private boolean exhausted;

    LineCursor(String text) {
        this.text = text;
    }

    boolean hasMore() {
        return !exhausted;
    }

    /// 1-based line at the cursor.
    int line() {
        return line;
    }

    /// Character offset of the start of [#line()].
    int offset() {
        return offset;
    }

    /// Moves to the first `---` line at or after `minLine`, or to the end when there is none.
    void advanceToDocumentStart(int minLine) {
        while (offset < text.length()) {
            if (line >= minLine && isDocumentStart(offset)) {
                return;
            }
            nextLine();
        }
        exhausted = true;
    }

    private void nextLine() {
        while (offset < text.length()) {
            char c = text.charAt(offset++);
            if (c == '\n' || c == '\r') {
                if (c == '\r' && offset < text.length() && text.charAt(offset) == '\n') {
                    offset++;
                }
                line++;
                return;
            }
        }
    }

    /// `---` followed by the end of the line, a space or a tab (so `----` or `---x` is content).
    private boolean isDocumentStart(int at) {
        if (!text.startsWith("---", at)) {
            return false;
        }
        int after = at + 3;
        if (after == text.length()) {
            return true;
        }
        char c = text.charAt(after);
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }
}
