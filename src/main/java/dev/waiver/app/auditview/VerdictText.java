package dev.waiver.app.auditview;

import dev.waiver.engine.audit.ChainVerdict;

/// A chain verdict in words for the window: one headline, and whether it is a problem. Only an intact
/// chain is not; everything else is shown as an error, because each means the log can no longer prove
/// its history.
public record VerdictText(String text, boolean problem) {

    /// How much of a hash to show inline: enough to compare by eye; the export carries the whole of it.
    static final int HASH_PREFIX = 12;

    public static VerdictText of(ChainVerdict verdict) {
        return switch (verdict) {
            case ChainVerdict.Intact i -> new VerdictText("Chain intact: " + entries(i.count()) + ", head "
                    + prefix(i.headHash()), false);
            case ChainVerdict.Altered a -> new VerdictText(switch (a.flaw()) {
                case MISSING_ENTRY -> "Entry #" + a.firstBadSeq() + " was removed";
                case OUT_OF_ORDER -> "Entry #" + a.firstBadSeq() + " was inserted or moved";
                case UNREADABLE -> "Entry #" + a.firstBadSeq() + " was altered: it can no longer be read";
                default -> "Entry #" + a.firstBadSeq() + " was altered";
            } + " (" + a.what() + ")", true);
            case ChainVerdict.Truncated t -> new VerdictText("The newest entries were removed (truncated): the log ends at entry "
                    + t.count() + ", but entry " + t.expectedHead().seq() + " was recorded", true);
            case ChainVerdict.HeadLost h -> new VerdictText("Head lost: the " + entries(h.count())
                    + (h.count() == 1 ? " checks" : " check") + " out, but "
                    + h.reason() + ", so removal of the newest entries cannot be ruled out", true);
        };
    }

    /// Verification could not run at all (the log cannot be opened or read).
    public static VerdictText failed(String reason) {
        return new VerdictText("Could not verify the log: " + reason, true);
    }

    static String prefix(String hash) {
        return hash.length() <= HASH_PREFIX ? hash : hash.substring(0, HASH_PREFIX) + "…";
    }

    static String entries(long n) {
        return n + (n == 1 ? " entry" : " entries");
    }
}
