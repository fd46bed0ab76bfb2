package dev.waiver.app.review;

import dev.waiver.app.settings.Settings;
import dev.waiver.engine.review.ReviewSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/// The review rules as kept in `settings.properties`:
/// `review.approvals` (default 1), `review.max-days` (30), `review.reminder-days` (7),
/// `review.grace-days.<policy>` (days of a temporary exception) and `review.auto-apply` (comma-separated
/// policies whose temporary exceptions need no reviewer). A bad value in the file reads as the default;
/// `waiver settings set` never writes one ([#check]).
public final class ReviewSettingsFile {

    public static final String APPROVALS = "review.approvals";
    public static final String MAX_DAYS = "review.max-days";
    public static final String REMINDER_DAYS = "review.reminder-days";
    public static final String GRACE_PREFIX = "review.grace-days.";
    public static final String AUTO_APPLY = "review.auto-apply";

    /// Every key, as a user would type them, for messages and help.
    public static final String KEYS = APPROVALS + ", " + MAX_DAYS + ", " + REMINDER_DAYS + ", " + GRACE_PREFIX + "<policy>, "
            + AUTO_APPLY;

    /// A Kubernetes object name (DNS-1123 subdomain), which every Kyverno policy name is.
    private static final Pattern POLICY_NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[0-9]{1,9}");

    /// A change that passed [#check] or [#checkRemoval]: the key and its value in the form written to the
    /// file (empty: removed, so the default applies again); or why it did not.
    public sealed interface Checked {
        record Valid(String key, Optional<String> value) implements Checked {
        }

        record Invalid(String message) implements Checked {
        }
    }

    /// One setting as `waiver settings list` shows it: the value in effect and where it comes from
    /// (`default`, `set`, or a default standing in for a value in the file that is not valid).
    public record Shown(String key, String value, String origin, String meaning) {
    }

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

    /// Whether `key` is a review setting; empty when it is, else the one line that says it is not.
    public static Optional<String> unknownKey(String key) {
        boolean known = key.equals(APPROVALS) || key.equals(MAX_DAYS) || key.equals(REMINDER_DAYS) || key.equals(AUTO_APPLY)
                || (key.startsWith(GRACE_PREFIX) && POLICY_NAME.matcher(key.substring(GRACE_PREFIX.length())).matches());
        if (known) {
            return Optional.empty();
        }
        if (key.startsWith(GRACE_PREFIX)) {
            return Optional.of("'" + key.substring(GRACE_PREFIX.length()) + "' in " + key
                    + " is not a policy name (lower-case letters, digits, '-' and '.')");
        }
        return Optional.of("unknown setting '" + key + "'; the review settings are " + KEYS);
    }

    /// Checks a value for a key the way [#read] would take it, so nothing written is silently ignored.
    public static Checked check(String key, String value) {
        Optional<String> unknown = unknownKey(key);
        if (unknown.isPresent()) {
            return new Checked.Invalid(unknown.get());
        }
        String v = value.strip();
        if (key.equals(AUTO_APPLY)) {
            var policies = new LinkedHashSet<String>();
            for (String part : v.split(",")) {
                String policy = part.strip();
                if (!POLICY_NAME.matcher(policy).matches()) {
                    return new Checked.Invalid(AUTO_APPLY + " takes policy names separated by commas, not '" + value
                            + "' (to clear it: waiver settings unset " + AUTO_APPLY + ")");
                }
                policies.add(policy);
            }
            return new Checked.Valid(key, Optional.of(String.join(",", policies)));
        }
        if (!WHOLE_NUMBER.matcher(v).matches() || Integer.parseInt(v) < 1) {
            String unit = key.equals(APPROVALS) ? "a whole number of reviewers" : "a whole number of days";
            return new Checked.Invalid(key + " must be " + unit + ", 1 or more, not '" + value + "'");
        }
        return new Checked.Valid(key, Optional.of(Integer.toString(Integer.parseInt(v))));
    }

    /// Checks that a key may be removed: any review setting may.
    public static Checked checkRemoval(String key) {
        return unknownKey(key).<Checked>map(Checked.Invalid::new).orElseGet(() -> new Checked.Valid(key, Optional.empty()));
    }

    /// Every review setting with the value in effect, grace periods by policy name.
    public static List<Shown> list(Settings settings) {
        ReviewSettings in = read(settings);
        var shown = new ArrayList<Shown>();
        shown.add(shown(settings, APPROVALS, Integer.toString(in.approvalsNeeded()),
                "different reviewers who must approve a request"));
        shown.add(shown(settings, MAX_DAYS, Long.toString(in.maxDuration().toDays()), "longest exception a request may ask for, in days"));
        shown.add(shown(settings, REMINDER_DAYS, Long.toString(in.reminderBefore().toDays()),
                "days before its end that an exception is due for a reminder"));
        shown.add(shown(settings, AUTO_APPLY, String.join(",", new TreeSet<>(in.autoApply())),
                "policies whose temporary exceptions are approved without a reviewer"));
        for (String key : new TreeSet<>(settings.keys())) {
            if (key.startsWith(GRACE_PREFIX)) {
                String policy = key.substring(GRACE_PREFIX.length());
                shown.add(shown(settings, key, in.gracePeriod(policy).map(d -> Long.toString(d.toDays())).orElse(""),
                        "days of the temporary exception drafted for a new failure under " + policy));
            }
        }
        return shown;
    }

    private static Shown shown(Settings settings, String key, String value, String meaning) {
        Optional<String> raw = settings.get(key);
        boolean honoured = key.equals(AUTO_APPLY) || positive(settings, key, 0) > 0;
        String origin = raw.isEmpty() ? "default" : honoured ? "set" : "default ('" + raw.get() + "' in the file is not valid)";
        return new Shown(key, value, origin, meaning);
    }

    private static int positive(Settings settings, String key, int fallback) {
        var value = settings.getDouble(key);
        if (value.isEmpty() || value.getAsDouble() < 1 || value.getAsDouble() != Math.rint(value.getAsDouble())) {
            return fallback;
        }
        return (int) value.getAsDouble();
    }
}
