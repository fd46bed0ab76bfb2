package dev.waiver.app.audit;

import static dev.waiver.app.audit.AuditFixtures.tamper;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.waiver.engine.audit.AuditHead;
import dev.waiver.engine.audit.ChainVerdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/// Verification in ranges side by side finds exactly what one pass finds, wherever the change sits
/// relative to the range boundaries (40 entries in 1 to 5 ranges put boundaries at 8, 10, 13, 16, 20, 24…).
class AuditRangesTest {

    @TempDir
    Path home;

    static Stream<String> changes() {
        var changes = new ArrayList<String>();
        for (int seq : new int[] {1, 7, 8, 9, 10, 11, 13, 14, 20, 21, 39, 40}) {
            changes.add("UPDATE audit_entry SET comment = comment || 'x' WHERE seq = " + seq);
            changes.add("UPDATE audit_entry SET hash = 'f' || substr(hash, 2) WHERE seq = " + seq);
            changes.add("DELETE FROM audit_entry WHERE seq = " + seq);
            changes.add("UPDATE audit_entry SET time = 'noon' WHERE seq = " + seq);
        }
        changes.add("DELETE FROM audit_entry WHERE seq > 30");
        changes.add("UPDATE audit_entry SET seq = 100 WHERE seq = 20");
        changes.add("SELECT 1");
        return changes.stream();
    }

    @ParameterizedTest
    @MethodSource("changes")
    void everyRangeCountFindsWhatOnePassFinds(String change) throws Exception {
        AuditHead atTen;
        try (SqliteAuditLog log = AuditFixtures.logWith(home, 40)) {
            atTen = AuditHead.of(log.entries().get(9));
        }
        tamper(home, change);
        Optional<AuditHead> recorded = new HeadFile(home.resolve("audit.db.head")).read();
        List<ChainVerdict> verdicts = new ArrayList<>();
        List<ChainVerdict> lagging = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("audit.db"))) {
            for (int ranges = 1; ranges <= 5; ranges++) {
                verdicts.add(StoredChain.verify(home.resolve("audit.db"), c, recorded, ranges));
                lagging.add(StoredChain.verify(home.resolve("audit.db"), c, Optional.of(atTen), ranges));
            }
        }
        for (ChainVerdict v : lagging) {
            assertEquals(lagging.getFirst(), v, change + ", head recorded at entry 10");
        }
        for (ChainVerdict v : verdicts) {
            assertEquals(verdicts.getFirst(), v, change);
        }
        if (change.equals("SELECT 1")) {
            assertEquals(40, assertInstanceOf(ChainVerdict.Intact.class, verdicts.getFirst()).count());
        } else {
            assertEquals(false, verdicts.getFirst() instanceof ChainVerdict.Intact, change);
        }
        assertEquals(true, Files.exists(home.resolve("audit.db")));
    }
}
