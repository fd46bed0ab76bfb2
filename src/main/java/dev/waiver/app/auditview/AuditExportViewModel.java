package dev.waiver.app.auditview;

import dev.waiver.app.export.AuditExport;
import dev.waiver.app.export.AuditorExport;
import javafx.beans.value.ObservableValue;
import dev.waiver.engine.exemption.PolicyCatalog;
import dev.waiver.engine.exemption.Register;
import dev.waiver.app.workspace.Workspace;
import dev.waiver.app.export.AuditExports;
import dev.waiver.app.export.ExportFormat;
import dev.waiver.app.review.ReviewAccess;
import dev.waiver.app.review.ReviewService;
import dev.waiver.app.ui.BackgroundRunner;
import dev.waiver.app.ui.DialogService;
import dev.waiver.engine.audit.AuditEntry;
import dev.waiver.engine.audit.ChainVerdict;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;

/// The Export dialog: the format (CSV, JSON, HTML) and the file to write, then the export itself in the
/// background through [AuditExports], as `waiver audit export` writes it. It says where it wrote and the
/// head hash (what an auditor notes to check the copy later), warns when the log does not verify (the
/// export is written anyway: it is evidence), and turns a failed write into one sentence.
public final class AuditExportViewModel {

    private final ReviewAccess access;
    private final BackgroundRunner runner;
    private final DialogService dialogs;
    private final Clock clock;
    private final Path initialFolder;
    private final ObservableValue<Register> register;
    private final ObservableValue<Workspace> workspace;

    private final ObjectProperty<ExportFormat> format = new SimpleObjectProperty<>(this, "format", ExportFormat.JSON);
    private final StringProperty destination = new SimpleStringProperty(this, "destination", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper(this, "result", "");
    private final ReadOnlyStringWrapper head = new ReadOnlyStringWrapper(this, "head", "");
    private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper(this, "warning", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final BooleanBinding canExport;

    /// What a finished export reports.
    private record Written(Path file, AuditExport export, ChainVerdict verdict) {
    }

    /// @param initialFolder where the suggested file goes until the user picks another place
    /// @param register the register the window shows (with the store's requests), exported beside the log
    /// @param workspace what that register was read from, named in the export
    public AuditExportViewModel(ReviewAccess access, BackgroundRunner runner, DialogService dialogs, Clock clock,
                                Path initialFolder, ObservableValue<Register> register, ObservableValue<Workspace> workspace) {
        this.register = register;
        this.workspace = workspace;
        this.access = access;
        this.runner = runner;
        this.dialogs = dialogs;
        this.clock = clock;
        this.initialFolder = initialFolder;
        canExport = busy.not().and(destination.isNotEmpty()).and(format.isNotNull());
        format.addListener((obs, old, now) -> {
            if (old != null && now != null) {
                destination.set(withExtension(destination.get(), old, now));
            }
        });
    }

    // ---- inputs

    public ObjectProperty<ExportFormat> formatProperty() {
        return format;
    }

    /// The file to write (replaced if it exists).
    public StringProperty destinationProperty() {
        return destination;
    }

    // ---- outputs

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ObservableBooleanValue canExportProperty() {
        return canExport;
    }

    /// `Wrote 4 entries as JSON to /…/waiver-audit-2026-11-23.json`, after a successful export.
    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    /// The exported head hash, whole, after a successful export.
    public ReadOnlyStringProperty headProperty() {
        return head.getReadOnlyProperty();
    }

    /// Set when the log did not verify at export time.
    public ReadOnlyStringProperty warningProperty() {
        return warning.getReadOnlyProperty();
    }

    /// Why the export failed, in one sentence.
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    // ---- commands

    /// Starts afresh each time the dialog opens: the last format and folder stay, the last outcome goes.
    public void prepare() {
        clearOutcome();
        if (destination.get().isBlank()) {
            destination.set(initialFolder.resolve(suggestedName(format.get())).toString());
        }
    }

    /// Asks for the file to write, starting where the current destination is.
    public void chooseDestination() {
        Optional<Path> current = parse(destination.get());
        Optional<Path> folder = current.map(Path::toAbsolutePath).map(Path::getParent).or(() -> Optional.of(initialFolder));
        String name = current.map(Path::getFileName).map(Path::toString).orElse(suggestedName(format.get()));
        dialogs.chooseSaveFile("Export the audit log for auditors", folder, name)
                .ifPresent(chosen -> destination.set(chosen.toString()));
    }

    public void export() {
        if (!canExport.get()) {
            return;
        }
        clearOutcome();
        ExportFormat chosenFormat = format.get();
        Optional<Path> file = parse(destination.get());
        if (file.isEmpty()) {
            problem.set("Not a file name: " + destination.get().strip());
            return;
        }
        Path target = file.get().toAbsolutePath();
        busy.set(true);
        Register shown = register.getValue() != null ? register.getValue() : Register.assess(List.of(), PolicyCatalog.empty(), clock.instant());
        String coverage = workspace.getValue() == null ? "the review store's requests only (no workspace is open)"
                : "the open workspace (" + workspace.getValue().source().label() + "), and the review store's requests";
        runner.run(() -> write(target, chosenFormat, shown, coverage), written -> {
            busy.set(false);
            int n = written.export().count();
            result.set("Wrote " + n + (n == 1 ? " entry" : " entries") + " as " + chosenFormat.name() + " to " + written.file());
            head.set(written.export().head().hash());
            if (!(written.verdict() instanceof ChainVerdict.Intact)) {
                warning.set("The log does not verify: " + VerdictText.of(written.verdict()).text()
                        + ". The export was written anyway: it is evidence.");
            }
        }, error -> {
            busy.set(false);
            problem.set(describe(target, error));
        });
    }

    // ---- work

    /// Off the FX thread: the whole log, its verdict, and the file.
    private Written write(Path file, ExportFormat format, Register shown, String coverage) throws Exception {
        if (Files.isDirectory(file)) {
            throw new FileSystemException(file.toString(), null, "it is a folder; name a file in it");
        }
        Path folder = file.getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            throw new NoSuchFileException(file.toString());
        }
        Optional<ReviewService> service = access.stored();
        List<AuditEntry> entries = service.map(s -> s.log().entries()).orElse(List.of());
        ChainVerdict verdict = access.verify();
        AuditExport export = AuditorExport.of(entries, ReviewService.casesOf(entries), shown, coverage, clock.instant());
        AuditExports.write(export, format, file);
        return new Written(file, export, verdict);
    }

    /// One sentence for a failed export: where it could not write, and why.
    static String describe(Path file, Throwable error) {
        String cannot = "Could not write " + file + ": ";
        return switch (error) {
            case NoSuchFileException e -> cannot + "the folder " + file.getParent() + " does not exist";
            case AccessDeniedException e -> cannot + "permission denied";
            case FileSystemException e -> cannot + (e.getReason() != null ? e.getReason() : e.getMessage());
            case IOException e -> cannot + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName());
            default -> "Export failed: " + (error.getMessage() != null ? error.getMessage() : error.getClass().getSimpleName());
        };
    }

    /// `waiver-audit-2026-11-23.json`: the day of the export (UTC) and the format's extension.
    String suggestedName(ExportFormat format) {
        return "waiver-audit-" + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) + "." + format.label();
    }

    /// The same file with the new format's extension, when it carries the old one's; else unchanged.
    static String withExtension(String destination, ExportFormat old, ExportFormat now) {
        String suffix = "." + old.label();
        return destination.endsWith(suffix) ? destination.substring(0, destination.length() - suffix.length()) + "." + now.label()
                : destination;
    }

    private void clearOutcome() {
        result.set("");
        head.set("");
        warning.set("");
        problem.set("");
    }

    private static Optional<Path> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(text.strip()));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }
}
