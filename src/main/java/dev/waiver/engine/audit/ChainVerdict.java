package dev.waiver.engine.audit;

/// What checking a chain found. Only [Intact] certifies the log; every other verdict names what is wrong,
/// and [Altered] names the first entry that does not check out.
public sealed interface ChainVerdict {

    /// One line for a person: what was found and, when something is wrong, where.
    String describe();

    /// Every entry checks out and the chain still holds the recorded head (when there is one).
    record Intact(long count, String headHash) implements ChainVerdict {
        @Override
        public String describe() {
            return "intact: " + count + (count == 1 ? " entry" : " entries") + ", head " + headHash;
        }
    }

    /// An entry was changed, removed, inserted or moved: `firstBadSeq` is the first position where the
    /// chain stops checking out (for a removed entry, the number that is missing).
    record Altered(long firstBadSeq, Flaw flaw, String what) implements ChainVerdict {
        @Override
        public String describe() {
            return "altered: entry " + firstBadSeq + ": " + what;
        }
    }

    /// The chain checks out but ends before the head recorded elsewhere: its newest entries were removed.
    record Truncated(long count, String headHash, AuditHead expectedHead) implements ChainVerdict {
        @Override
        public String describe() {
            return "truncated: the log ends at entry " + count + " but entry " + expectedHead.seq()
                    + " was recorded (hash " + expectedHead.hash() + "): the newest "
                    + (expectedHead.seq() - count == 1 ? "entry was" : (expectedHead.seq() - count) + " entries were")
                    + " removed";
        }
    }

    /// The chain checks out, but the head recorded beside it is missing or unreadable, so removal of the
    /// newest entries cannot be ruled out.
    record HeadLost(long count, String headHash, String reason) implements ChainVerdict {
        @Override
        public String describe() {
            return "unproven: the " + count + (count == 1 ? " entry checks" : " entries check") + " out (head "
                    + headHash + "), but " + reason + ", so removal of the newest entries cannot be ruled out";
        }
    }

    /// The kinds of alteration, for callers that react differently to them.
    enum Flaw {
        /// The entry's fields no longer produce its hash: a field (or the hash) was changed.
        CONTENT_CHANGED,
        /// The entry does not link to the hash of the entry before it.
        BROKEN_LINK,
        /// A number is missing: an entry was removed.
        MISSING_ENTRY,
        /// A number repeats or goes back: an entry was inserted or moved.
        OUT_OF_ORDER,
        /// The entry checks out alone, but differs from the head recorded for its number: the chain was
        /// rewritten up to here.
        HEAD_MISMATCH,
        /// The stored entry cannot even be read (a malformed time, an unknown action, a missing field).
        UNREADABLE
    }
}
