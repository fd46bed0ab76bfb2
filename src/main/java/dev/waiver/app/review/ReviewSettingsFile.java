package dev.waiver.app.review;

import dev.waiver.app.settings.Settings;
import dev.waiver.engine.review.ReviewSettings;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/// The review rules as kept in `settings.properties`:
/// `review.approvals` (default 1), `review.max-days` (30), `review.reminder-days` (7),
/// `review.grace-days.<policy>` (days of a temporary exception) and `review.auto-apply` (comma-separated
/// policies whose temporary exceptions need no reviewer). A bad value reads as the default.
public final class ReviewSettingsFile {

    public static final String APPROVALS = "review.approvals";
    public static final String MAX_DAYS = "review.max-days";
    public static final String REMINDER_DAYS = "review.reminder-days";
    public static final String GRACE_PREFIX = "review.grace-days.";
    public static final String AUTO_APPLY = "review.auto-apply";

    private ReviewSettingsFile() {
    }

    public static ReviewSettings read(Settings settings) {
        int approvals = positive(settings, APPROVALS, ReviewSettings.DEFAULT_APPROVALS);
        var max = Duration.ofDays(positive(settings, MAX_DAYS, (int) ReviewSettings.DEFAULT_MAX.toDays()));
        var reminder = Duration.ofDays(positive(settings, REMINDER_DAYS, (int) ReviewSettings.DEFAULT_REMINDER.toDays()));
        Map<String, Duration> grace = new HashMap<>();
        for (String key : settings.keys()) {
            if (key.startsWith(GRACE_PREFIX)) {
                int days = positive(settings, key, 0);
                if (days > 0) {
                    grace.put(key.substring(GRACE_PREFIX.length()), Duration.ofDays(days));
                }
            }
        }
        Set<String> autoApply = settings.get(AUTO_APPLY).map(v -> Arrays.stream(v.split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toSet())).orElse(Set.of());
        return new ReviewSettings(approvals, max, reminder, grace, autoApply);
    }

    private static int positive(Settings settings, String key, int fallback) {
        var value = settings.getDouble(key);
        if (value.isEmpty() || value.getAsDouble() < 1 || value.getAsDouble() != Math.rint(value.getAsDouble())) {
            return fallback;
        }
        return (int) value.getAsDouble();
    }
}
