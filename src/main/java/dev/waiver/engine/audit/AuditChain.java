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
    private static final byte[][] ACTION_NAMES = Arrays.stream(AuditAction.values())
            .map(a -> a.name().getBytes(StandardCharsets.US_ASCII)).toArray(byte[][]::new);
    private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

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
        encode(seq, record);
        field(previousHash);
        return digest();
    }

    /// The same, as 64 lower-case hex digits in ASCII written to `hex`, with the previous hash given the
    /// same way: what [ChainVerifier] compares with stored bytes, without making Strings.
    void hash(long seq, AuditRecord record, byte[] previousHash, byte[] hex) {
        encode(seq, record);
        field(previousHash);
        digest(hex);
    }

    private void encode(long seq, AuditRecord record) {
        length = 0;
        field(ENCODING_BYTES);
        seq(seq);
        time(record);
        field(record.actor());
        field(record.action().name());
        field(record.exemptionId());
        field(record.context());
        field(record.comment());
        field(record.before());
        field(record.after());
    }

    /// The same hash from the fields as a store holds them, UTF-8 bytes in the encoding's order: time,
    /// actor, action, exemptionId, context, comment, before, after. Saves a store turning every field into
    /// a String and back when it only verifies; valid only for fields in [#isStoredForm].
    public String hash(long seq, byte[][] storedFields, String previousHash) {
        encode(seq, storedFields);
        field(previousHash);
        return digest();
    }

    /// The same, previous hash and result as ASCII hex bytes (see [#hash(long, AuditRecord, byte[], byte[])]).
    void hash(long seq, byte[][] storedFields, byte[] previousHash, byte[] hex) {
        encode(seq, storedFields);
        field(previousHash);
        digest(hex);
    }

    private void encode(long seq, byte[][] storedFields) {
        length = 0;
        field(ENCODING_BYTES);
        seq(seq);
        for (byte[] stored : storedFields) {
            field(stored);
        }
    }

    /// True when stored fields hash exactly as their decoded entry would: all eight present, the time in
    /// [AuditTime]'s canonical form (and a real instant), the action one of [AuditAction]'s names. Other
    /// rows must be decoded into an [AuditEntry] (which may find them unreadable).
    public static boolean isStoredForm(byte[][] fields) {
        if (fields.length != 8) {
            return false;
        }
        for (byte[] field : fields) {
            if (field == null) {
                return false;
            }
        }
        return AuditTime.isCanonical(fields[0]) && isActionName(fields[2]);
    }

    private static boolean isActionName(byte[] field) {
        for (byte[] name : ACTION_NAMES) {
            if (Arrays.equals(name, field)) {
                return true;
            }
        }
        return false;
    }

    private String digest() {
        sha256();
        return HEX.formatHex(digest);
    }

    private void digest(byte[] hex) {
        sha256();
        for (int i = 0; i < digest.length; i++) {
            hex[2 * i] = HEX_DIGITS[(digest[i] >> 4) & 0xf];
            hex[2 * i + 1] = HEX_DIGITS[digest[i] & 0xf];
        }
    }

    private void sha256() {
        sha256.update(buffer, 0, length);
        try {
            sha256.digest(digest, 0, digest.length);
        } catch (DigestException e) {
            throw new IllegalStateException("SHA-256 digests are 32 bytes", e);
        }
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

    /// Field 2: seq in decimal ASCII, written in place.
    private void seq(long seq) {
        if (seq < 0) {
            field(Long.toString(seq));
            return;
        }
        int digits = 1;
        for (long rest = seq / 10; rest > 0; rest /= 10) {
            digits++;
        }
        ensure(4 + digits);
        prefix(digits);
        long rest = seq;
        for (int i = length + digits - 1; i >= length; i--) {
            buffer[i] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
        length += digits;
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
