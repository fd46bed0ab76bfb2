package dev.waiver.app.auditview;

import dev.waiver.app.review.ReviewAccess;
import dev.waiver.app.review.ReviewService;
import dev.waiver.app.ui.BackgroundRunner;
import dev.waiver.engine.review.ReviewMetrics;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/// The Metrics tab: the process seed's measures computed from the audit log ([ReviewService#metrics], the
/// same path as `waiver metrics`), read in the background: the exceptions in force per day, with the red
/// flag when that total grew over the last 30 days, and a tile per measure with its target.
public final class AuditMetricsViewModel {

    private final ReviewAccess access;
    private final BackgroundRunner runner;

    private final ObservableList<ReviewMetrics.DailyCount> inForce = FXCollections.observableArrayList();
    private final ObservableList<ReviewMetrics.DailyCount> inForceView = FXCollections.unmodifiableObservableList(inForce);
    private final ObservableList<MetricTile> tiles = FXCollections.observableArrayList();
    private final ObservableList<MetricTile> tilesView = FXCollections.unmodifiableObservableList(tiles);
    private final ReadOnlyBooleanWrapper growing = new ReadOnlyBooleanWrapper(this, "growing");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper unavailable = new ReadOnlyStringWrapper(this, "unavailable", "");
    private final ReadOnlyStringWrapper trend = new ReadOnlyStringWrapper(this, "trend", "");
    private int generation;

    public AuditMetricsViewModel(ReviewAccess access, BackgroundRunner runner) {
        this.access = access;
        this.runner = runner;
        tiles.setAll(MetricTile.of(none()));
    }

    /// Exceptions in force at the end of each day (UTC), from the first approval to today.
    public ObservableList<ReviewMetrics.DailyCount> inForce() {
        return inForceView;
    }

    /// In force now, average duration, expired removed, renewal rate.
    public ObservableList<MetricTile> tiles() {
        return tilesView;
    }

    /// The red flag: more exceptions in force now than 30 days ago.
    public ReadOnlyBooleanProperty growingProperty() {
        return growing.getReadOnlyProperty();
    }

    /// What the chart says in one line, the red flag first when it is up.
    public ReadOnlyStringProperty trendProperty() {
        return trend.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty unavailableProperty() {
        return unavailable.getReadOnlyProperty();
    }

    /// Computes the measures again in the background.
    public void refresh() {
        int current = ++generation;
        loading.set(true);
        runner.run(() -> {
            Optional<ReviewService> service = access.stored();
            return service.map(ReviewService::metrics).orElseGet(AuditMetricsViewModel::none);
        }, metrics -> {
            if (current == generation) {
                loading.set(false);
                unavailable.set("");
                show(metrics);
            }
        }, error -> {
            if (current == generation) {
                loading.set(false);
                unavailable.set(error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage());
                show(none());
            }
        });
    }

    private void show(ReviewMetrics metrics) {
        inForce.setAll(metrics.inForce());
        tiles.setAll(MetricTile.of(metrics));
        growing.set(metrics.growing());
        trend.set(trend(metrics));
    }

    static String trend(ReviewMetrics m) {
        var series = m.inForce();
        if (series.isEmpty()) {
            return "No exception has been approved yet: nothing is in force.";
        }
        int now = series.getLast().count();
        if (series.size() == 1) {
            return now + " in force now; the history starts today (" + series.getFirst().day() + ").";
        }
        var then = series.get(Math.max(0, series.size() - 31));
        String counts = now + " in force now, " + then.count() + " on " + then.day();
        return m.growing() ? "Red flag: the total is growing (" + counts + ")." : "Not growing (" + counts + ").";
    }

    private static ReviewMetrics none() {
        return ReviewMetrics.of(List.of(), java.time.Instant.EPOCH);
    }
}
