package dev.waiver.engine.tree;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StringPoolTest {

    @Test
    void equalStringsComeBackAsOneCopy() {
        var pool = new StringPool();
        String first = new String("payments");
        String second = new String("payments");

        assertSame(first, pool.of(first));
        assertSame(first, pool.of(second));
        assertNull(pool.of(null));
    }

    @Test
    void twoParsedTreesShareTheirValuesAndStayEqual() {
        var pool = new StringPool();
        var a = tree("exception-a");
        var b = tree("exception-b");
        var before = tree("exception-b");

        pool.shareValues(a);
        pool.shareValues(b);

        assertEquals(before, b, "the tree means the same");
        assertSame(kinds(a).get(0), kinds(b).get(0), "a list item deep in the tree");
        assertSame(((Map<?, ?>) a.get("metadata")).get("namespace"), ((Map<?, ?>) b.get("metadata")).get("namespace"));
    }

    @Test
    void anUnmodifiableTreeIsLeftAsItIs() {
        var pool = new StringPool();
        var fixed = Map.of("metadata", Map.of("name", "x"), "kinds", List.of("Pod"));
        assertDoesNotThrow(() -> pool.shareValues(fixed));
        assertEquals(Map.of("metadata", Map.of("name", "x"), "kinds", List.of("Pod")), fixed);
    }

    private static List<?> kinds(Map<String, Object> tree) {
        return (List<?>) ((Map<?, ?>) tree.get("spec")).get("kinds");
    }

    private static Map<String, Object> tree(String name) {
        var metadata = new LinkedHashMap<String, Object>();
        metadata.put("name", new String(name));
        metadata.put("namespace", new String("payments"));
        var spec = new LinkedHashMap<String, Object>();
        spec.put("kinds", new ArrayList<>(List.of(new String("Pod"), new String("Deployment"))));
        var tree = new LinkedHashMap<String, Object>();
        tree.put("metadata", metadata);
        tree.put("spec", spec);
        return tree;
    }
}
