package dev.waiver.app.workspace;

/// A file that could not be read, with the line where known (0 when not).
public record LoadProblem(String file, int line, String message) {
    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
