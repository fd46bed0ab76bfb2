package dev.waiver.engine.evaluation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/// Condition operators (§4), including the expiry pitfall.
class OperatorsTest {

    @Test
    void lessThanWithTimestampsIsAlwaysFalse() {
        assertFalse(Operators.evaluate("LessThan", "2026-01-01T00:00:00Z", "2026-12-01T00:00:00Z"));
        assertFalse(Operators.evaluate("GreaterThan", "2026-12-01T00:00:00Z", "2026-01-01T00:00:00Z"));
    }

    @Test
    void equalsComparesDurationsQuantitiesAndWildcards() {
        assertTrue(Operators.evaluate("Equals", "1h", "60m"));
        assertTrue(Operators.evaluate("Equals", "1Gi", "1024Mi"));
        assertTrue(Operators.evaluate("Equals", "nginx:1.2", "nginx:*"));
        assertTrue(Operators.evaluate("equal", 2L, "2"));
        assertFalse(Operators.evaluate("Equals", true, "true"));
        assertTrue(Operators.evaluate("NotEquals", true, "true"));
    }

    @Test
    void numericComparisons() {
        assertTrue(Operators.evaluate("GreaterThan", 3L, "2"));
        assertTrue(Operators.evaluate("LessThanOrEquals", "500m", "1"));
        assertTrue(Operators.evaluate("GreaterThan", "2h", "90m"));
        assertTrue(Operators.evaluate("GreaterThan", "1.10.0", "1.9.3"));
        assertTrue(Operators.evaluate("DurationLessThan", 30L, "1m"));
    }

    @Test
    void setOperators() {
        assertTrue(Operators.evaluate("In", "b", List.of("a", "b")));
        assertTrue(Operators.evaluate("In", "prod-1", List.of("prod-*")));
        assertTrue(Operators.evaluate("NotIn", List.of("a", "c"), List.of("a", "b")));
        assertTrue(Operators.evaluate("AnyIn", List.of("x", "NET_ADMIN"), List.of("NET_*")));
        assertFalse(Operators.evaluate("AllIn", List.of("x", "NET_ADMIN"), List.of("NET_*")));
        assertTrue(Operators.evaluate("AnyNotIn", List.of("x", "NET_ADMIN"), List.of("NET_*")));
        assertTrue(Operators.evaluate("AllNotIn", List.of("x", "y"), List.of("NET_*")));
        assertTrue(Operators.evaluate("AnyIn", List.of(8080L), "8000-9000"));
        assertTrue(Operators.evaluate("In", "a", "[\"a\",\"b\"]"));
    }
}
