package dev.waiver.engine.review;

import dev.waiver.engine.exemption.Durations;
import dev.waiver.engine.exemption.Exemption;
import dev.waiver.engine.exemption.ExemptionStatus;
import dev.waiver.engine.exemption.Source;
import dev.waiver.engine.exemption.StatusRules;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/// The monitor step: what needs a reviewer now, most urgent first.
public final class Reminders {

    private Reminders() {
    }

    public static List<Reminder> of(List<Exemption> register, ReviewSettings settings, Instant now) {
        var reminders = new ArrayList<Reminder>();
        for (Exemption e : register) {
            var status = StatusRules.statusAt(e, now);
            var end = e.expiry().shownEnd();
            switch (status) {
                case IN_REVIEW -> reminders.add(new Reminder(Reminder.Kind.NEW_REQUEST, e.id(),
                        "Request waiting: " + e.qualifiedName(),
                        e.justification().requestor().map(r -> "asked by " + r).orElse("requestor unknown")
                                + e.justification().reason().map(r -> ": " + r).orElse(""),
                        e.created().orElse(now)));
                case ACTIVE -> end.filter(t -> t.isBefore(now.plus(settings.reminderBefore())))
                        .ifPresent(t -> reminders.add(new Reminder(Reminder.Kind.EXPIRING_SOON, e.id(),
                                "Ends " + Durations.until(t, now) + ": " + e.qualifiedName(),
                                "renew it with a new justification, or let it end and remove it", t)));
                case EXPIRED -> {
                    if (e.source().kind() != Source.Kind.REQUEST) {
                        reminders.add(new Reminder(Reminder.Kind.EXPIRED_NOT_REMOVED, e.id(),
                                "Ended but still present: " + e.qualifiedName(),
                                end.map(t -> "ended " + Durations.ago(t, now) + "; ").orElse("") + "remove it from "
                                        + e.source().label(),
                                end.orElse(now)));
                    }
                }
                default -> { }
            }
        }
        reminders.sort(Comparator.comparing(Reminder::kind, Comparator.reverseOrder()).thenComparing(Reminder::due));
        return reminders;
    }
}
