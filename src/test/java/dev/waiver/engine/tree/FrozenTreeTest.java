package dev.waiver.engine.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FrozenTreeTest {

    @Test
    void aKubernetesObjectComesBackEqualWithItsKeyOrderAndValueTypes() {
        var tree = map(
                "apiVersion", "kyverno.io/v2",
                "kind", "PolicyException",
                "metadata", map("name", "allow-debug", "namespace", "payments",
                        "annotations", map("waiver.dev/reason", "Ünïcödé, 日本語 and an emoji 🙂")),
                "spec", map(
                        "exceptions", list(map("policyName", "disallow-privileged", "ruleNames", list("a", "autogen-a"))),
                        "match", map("any", list(map("resources", map("kinds", list("Pod"), "namespaces", list("payments"))))),
                        "numbers", list(0, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE,
                                1.5, -0.0, Double.NaN, 2.5f, new BigInteger("123456789012345678901234567890"),
                                new BigDecimal("1.10")),
                        "flags", list(true, false, null),
                        "empty", map(),
                        "none", list()));

        var thawed = FrozenTree.of(tree).thaw();

        assertEquals(tree, thawed);
        assertEquals(List.copyOf(tree.keySet()), List.copyOf(thawed.keySet()), "key order is kept");
        assertSameTypes(tree, thawed);
    }

    @Test
    void everyJavaStringComesBackExactlyIncludingLoneSurrogatesAndNul() {
        for (String s : List.of("", "\u0000", "\ud800", "a\udc00b", "\u07ff\u0800\uffff", "x".repeat(100_000))) {
            var thawed = FrozenTree.of(map("k", s, s, "key")).thaw();
            assertEquals(s, thawed.get("k"));
            assertEquals("key", thawed.get(s));
        }
    }

    @Test
    void randomTreesRoundTrip() {
        var random = new Random(7);
        for (int i = 0; i < 500; i++) {
            var tree = randomMap(random, 0);
            assertSameTypes(tree, FrozenTree.of(tree).thaw());
        }
    }

    @Test
    void eachThawIsANewTreeTheCallerMayChange() {
        var frozen = FrozenTree.of(map("spec", map("list", list("a"))));
        var first = frozen.thaw();
        @SuppressWarnings("unchecked")
        var inner = (Map<String, Object>) first.get("spec");
        inner.put("added", "x");
        @SuppressWarnings("unchecked")
        var items = (List<Object>) inner.get("list");
        items.add("b");

        var second = frozen.thaw();

        assertNotSame(first, second);
        assertEquals(map("spec", map("list", list("a"))), second, "the frozen copy did not change");
    }

    @Test
    void equalTreesAreEqualAndDifferentOnesAreNot() {
        var a = FrozenTree.of(map("a", 1, "b", list("x")));
        assertEquals(a, FrozenTree.of(map("a", 1, "b", list("x"))));
        assertEquals(a.hashCode(), FrozenTree.of(map("a", 1, "b", list("x"))).hashCode());
        assertNotEquals(a, FrozenTree.of(map("a", 1L, "b", list("x"))), "an Integer is not a Long");
        assertNotEquals(a, FrozenTree.of(map("a", 1, "b", list("y"))));
    }

    @Test
    void itIsSmallerThanTheTreeItCopies() {
        var tree = map("apiVersion", "kyverno.io/v2", "kind", "PolicyException",
                "metadata", map("name", "exception-1", "namespace", "payments"),
                "spec", map("exceptions", list(map("policyName", "p", "ruleNames", list("r")))));
        // The text of keys and values, plus a tag and a length (or count) for each: no per-object overhead.
        int size = FrozenTree.of(tree).byteSize();
        assertTrue(size <= textLength(tree) + 2 * nodes(tree), "size " + size);
    }

    private static int textLength(Object tree) {
        return switch (tree) {
            case Map<?, ?> m -> m.entrySet().stream().mapToInt(e -> ((String) e.getKey()).length() + textLength(e.getValue())).sum();
            case List<?> l -> l.stream().mapToInt(FrozenTreeTest::textLength).sum();
            case String s -> s.length();
            default -> 0;
        };
    }

    private static int nodes(Object tree) {
        return 1 + switch (tree) {
            case Map<?, ?> m -> m.values().stream().mapToInt(v -> 1 + nodes(v)).sum();
            case List<?> l -> l.stream().mapToInt(FrozenTreeTest::nodes).sum();
            default -> 0;
        };
    }

    @Test
    void aValueOfAnotherTypeIsRefusedWithItsName() {
        var tree = map("when", java.time.Instant.EPOCH);
        var error = assertThrows(IllegalArgumentException.class, () -> FrozenTree.of(tree));
        assertTrue(error.getMessage().contains("java.time.Instant"), error.getMessage());
        var mixedKeys = new LinkedHashMap<String, Object>();
        @SuppressWarnings({"unchecked", "rawtypes"})
        Map<Object, Object> raw = (Map) mixedKeys;
        raw.put(1, "one");
        assertThrows(IllegalArgumentException.class, () -> FrozenTree.of(mixedKeys));
    }

    private static Map<String, Object> randomMap(Random random, int depth) {
        var map = new LinkedHashMap<String, Object>();
        int n = random.nextInt(6);
        for (int i = 0; i < n; i++) {
            map.put(randomString(random), randomValue(random, depth + 1));
        }
        return map;
    }

    private static Object randomValue(Random random, int depth) {
        int kind = random.nextInt(depth > 4 ? 8 : 10);
        return switch (kind) {
            case 0 -> null;
            case 1 -> random.nextBoolean();
            case 2 -> randomString(random);
            case 3 -> random.nextInt();
            case 4 -> random.nextLong();
            case 5 -> random.nextDouble() * 1e6;
            case 6 -> new BigInteger(90, random);
            case 7 -> BigDecimal.valueOf(random.nextLong(), random.nextInt(10));
            case 8 -> randomMap(random, depth);
            default -> {
                var list = new ArrayList<Object>();
                int n = random.nextInt(5);
                for (int i = 0; i < n; i++) {
                    list.add(randomValue(random, depth + 1));
                }
                yield list;
            }
        };
    }

    private static String randomString(Random random) {
        var chars = new char[random.nextInt(12)];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) (random.nextBoolean() ? 'a' + random.nextInt(26) : random.nextInt(0x10000));
        }
        return new String(chars);
    }

    /// Equal, with every scalar of the same class (an Integer stays an Integer) and map keys in the same order.
    private static void assertSameTypes(Object expected, Object actual) {
        if (expected instanceof Map<?, ?> a && actual instanceof Map<?, ?> b) {
            assertEquals(List.copyOf(a.keySet()), List.copyOf(b.keySet()));
            a.keySet().forEach(k -> assertSameTypes(a.get(k), b.get(k)));
        } else if (expected instanceof List<?> a && actual instanceof List<?> b) {
            assertEquals(a.size(), b.size());
            for (int i = 0; i < a.size(); i++) {
                assertSameTypes(a.get(i), b.get(i));
            }
        } else if (expected == null) {
            assertEquals(null, actual);
        } else {
            assertEquals(expected.getClass(), actual == null ? null : actual.getClass(), "type of " + expected);
            if (expected instanceof Double d) {
                assertEquals(Double.doubleToRawLongBits(d), Double.doubleToRawLongBits((Double) actual));
            } else {
                assertEquals(expected, actual);
            }
        }
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static List<Object> list(Object... items) {
        return new ArrayList<>(Arrays.asList(items));
    }
}
