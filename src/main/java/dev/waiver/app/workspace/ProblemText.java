package dev.waiver.app.workspace;

import java.util.Optional;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;

/// Turns a parser failure into one short line for a person: the file, the line, and a sentence.
///
/// snakeyaml-engine and Jackson messages carry multi-line source excerpts with carets, "in reader"
/// positions and class names; a reviewer needs none of that, and the CLI prints one line per problem.
final class ProblemText {

    /// ", from `StreamReadConstraints.getMaxNumberLength()`" and similar hints for programmers
    private static final Pattern PROGRAMMER_HINT = Pattern.compile(",? *from `[^`]*`");

    private ProblemText() {
    }

    /// @param fallbackLine the absolute line to use when the failure carries no position
    /// @param lineOffset   lines of the file before the text the parser read
    static LoadProblem describe(String file, RuntimeException failure, int fallbackLine, int lineOffset) {
        if (failure instanceof BadDocumentException bad) {
            return new LoadProblem(file, bad.line(), bad.getMessage());
        }
        Optional<MarkedYamlEngineException> marked = markedCause(failure);
        if (marked.isPresent()) {
            var yaml = marked.get();
            int line = markFor(yaml).map(mark -> mark.getLine() + 1 + lineOffset).orElse(fallbackLine);
            return new LoadProblem(file, line, "malformed YAML: " + humanize(yaml.getContext(), yaml.getProblem()));
        }
        if (failure instanceof StreamConstraintsException limit) {
            return new LoadProblem(file, fallbackLine, "too large: " + clean(limit.getOriginalMessage()));
        }
        int line = fallbackLine;
        String message = failure.getMessage();
        if (failure instanceof JacksonException jackson) {
            TokenStreamLocation location = jackson.getLocation();
            if (location != null && location.getLineNr() > 0) {
                line = location.getLineNr() + lineOffset;
            }
            message = jackson.getOriginalMessage();
        }
        if (message != null && message.startsWith("Expected a property name")) {
            return new LoadProblem(file, line, "malformed YAML: map keys must be plain values, not maps or lists");
        }
        return new LoadProblem(file, line, "malformed YAML: " + clean(message));
    }

    private static Optional<MarkedYamlEngineException> markedCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof MarkedYamlEngineException marked) {
                return Optional.of(marked);
            }
        }
        return Optional.empty();
    }

    /// Where the problem is, except when the scanner only noticed at the end of the text or of the
    /// document: an unclosed quote is reported where the quote opens, not where the text runs out.
    private static Optional<Mark> markFor(MarkedYamlEngineException e) {
        String problem = String.valueOf(e.getProblem());
        boolean ranOut = problem.contains("end of stream") || problem.contains("document separator");
        if (ranOut && e.getContextMark().isPresent()) {
            return e.getContextMark();
        }
        return e.getProblemMark().or(e::getContextMark);
    }

    private static String humanize(String context, String problem) {
        String what = clean(problem);
        String where = context == null ? "" : context;
        if (what.contains("(TAB)")) {
            return "tab character where YAML wants spaces";
        }
        if (where.contains("quoted scalar")
                && (what.contains("end of stream") || what.contains("document separator"))) {
            return "unclosed quote";
        }
        if (what.startsWith("expected <block end>")) {
            return "bad indentation";
        }
        return what;
    }

    private static String clean(String message) {
        if (message == null || message.isBlank()) {
            return "unreadable";
        }
        String first = PROGRAMMER_HINT.matcher(message.strip().lines().findFirst().orElse("")).replaceAll("");
        return first.isEmpty() ? "unreadable" : Character.toLowerCase(first.charAt(0)) + first.substring(1);
    }
}
