package dev.waiver.engine.audit;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.stream.Stream;

/// Links audit records into a hash chain and checks chains.
///
/// An entry's `hash` is the lower-case hex SHA-256 of its canonical encoding: these eleven fields, in this
/// order, each written as a 4-byte big-endian byte count followed by that many bytes of UTF-8:
///
/// 1. `waiver-audit-1`, the name of this encoding (a future encoding gets a new name, old entries keep theirs)
/// 2. seq, in decimal ASCII (`1`, `2`, … no sign, no leading zeros)
/// 3. time, RFC 3339 in UTC with nine fraction digits (`2026-11-23T12:00:00.000000000Z`, see [AuditTime])
/// 4. actor
/// 5. action, by its name (`APPROVE`)
/// 6. exemptionId
/// 7. context
/// 8. comment
/// 9. before (YAML, empty when there is none)
/// 10. after (YAML, empty when there is none)
/// 11. previousHash: the hash of entry seq − 1, or 64 zeros for entry 1
///
/// Length prefixes (not separators) make the encoding unambiguous whatever the fields contain, so no two
/// different entries share an encoding; every field that is shown to a reader is covered. Anyone can
/// recompute a chain from a JSON export with a few lines of any language.
///
/// An instance reuses one `MessageDigest` and one buffer: it is cheap to hash with and not thread-safe.
public final class AuditChain {

    /// What entry 1 links to: the head of an empty chain.
    public static final String GENESIS_HASH = "0".repeat(64);
    public static final String ENCODING = "waiver-audit-1";

    private static final byte[] ENCODING_BYTES = ENCODING.getBytes(StandardCharsets.US_ASCII);
    private static final HexFormat HEX = HexFormat.of();

    private final MessageDigest sha256;
    private final byte[] digest = new byte[32];
    private byte[] buffer = new byte[2048];
    private int length;

    public AuditChain() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /// The entry that follows `head`: numbered head.seq + 1 and linked to head.hash.
    public AuditEntry link(AuditHead head, AuditRecord record) {
        long seq = head.seq() + 1;
        return new AuditEntry(seq, record, head.hash(), hash(seq, record, head.hash()));
    }

    /// The hash an entry with these contents must carry.
    public String hash(long seq, AuditRecord record, String previousHash) {
        length = 0;
        field(ENCODING_BYTES);
        field(Long.toString(seq));
        time(record);
        field(record.actor());
        field(record.action().name());
        field(record.exemptionId());
        field(record.context());
        field(record.comment());
        field(record.before());
        field(record.after());
        field(previousHash);
        sha256.update(buffer, 0, length);
        try {
            sha256.digest(digest, 0, digest.length);
        } catch (DigestException e) {
            throw new IllegalStateException("SHA-256 digests are 32 bytes", e);
        }
        return HEX.formatHex(digest);
    }

    /// Checks a whole chain, oldest first; `expectedHead` is a head recorded elsewhere (beside the log, in an
    /// export) that the chain must still contain.
    public static ChainVerdict verify(Iterable<AuditEntry> entries, Optional<AuditHead> expectedHead) {
        var verifier = new ChainVerifier(expectedHead);
        for (AuditEntry entry : entries) {
            if (!verifier.accept(entry)) {
                break;
            }
        }
        return verifier.verdict();
    }

    public static ChainVerdict verify(Stream<AuditEntry> entries, Optional<AuditHead> expectedHead) {
        var verifier = new ChainVerifier(expectedHead);
        try (entries) {
            var iterator = entries.iterator();
            while (iterator.hasNext() && verifier.accept(iterator.next())) {
                // the verifier keeps the verdict; it stops taking entries at the first flaw
            }
        }
        return verifier.verdict();
    }

    private void time(AuditRecord record) {
        ensure(4 + AuditTime.WIDTH);
        int n = AuditTime.write(record.time(), buffer, length + 4);
        if (n < 0) {
            field(AuditTime.format(record.time()));
            return;
        }
        prefix(n);
        length += n;
    }

    private void field(String text) {
        field(text.getBytes(StandardCharsets.UTF_8));
    }

    private void field(byte[] bytes) {
        ensure(4 + bytes.length);
        prefix(bytes.length);
        System.arraycopy(bytes, 0, buffer, length, bytes.length);
        length += bytes.length;
    }

    /// Writes a 4-byte big-endian count at the current end and moves past it.
    private void prefix(int n) {
        buffer[length] = (byte) (n >>> 24);
        buffer[length + 1] = (byte) (n >>> 16);
        buffer[length + 2] = (byte) (n >>> 8);
        buffer[length + 3] = (byte) n;
        length += 4;
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }
}
