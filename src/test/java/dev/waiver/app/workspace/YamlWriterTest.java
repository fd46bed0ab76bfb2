package dev.waiver.app.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YamlWriterTest {

    /// Strings a careless writer would leave plain and a reader would then turn into another type
    /// (or break on), plus ordinary ones that must survive too.
    private static final List<String> TRICKY = List.of(
            "true", "True", "FALSE", "yes", "No", "on", "OFF", "y", "n", "null", "Null", "~", "",
            "1", "-1", "+1", "1.0", "1.", ".5", "1e3", "1.5E-3", "0x1F", "0o17", "017", "0b101", "1_000", "1:30",
            ".inf", "-.Inf", ".NaN", "2024-01-01", "2024-01-01T10:00:00Z", "2024-1-1 10:00:00 +01:00",
            "<<", "=", "- item", "#comment", "key: value", "a #b", " leading", "trailing ", "@at", "`tick",
            "!tag", "&anchor", "*alias", "%directive", "|pipe", ">fold", "{brace", "[bracket", "x]", "'single",
            "\"double", "multi\nline", "multi\nline\n", "\n", "  indented first\nline", "trailing space \nline",
            "tab\there", "{{ request.object.metadata.name }}", "?*", "*", "-", "?", ":", "---", "...",
            "é unicode ✓", "\uFEFFbom", "plain words", "v1.2.3", "3-tier", "1.2.3.4");

    @Test
    void trickyStringsReadBackAsTheSameStringsAsValuesAndKeys() {
        var tree = new LinkedHashMap<String, Object>();
        var keys = new LinkedHashMap<String, Object>();
        for (int i = 0; i < TRICKY.size(); i++) {
            tree.put("k" + i, TRICKY.get(i));
            keys.put(TRICKY.get(i), i);
        }

        assertEquals(tree, readBack(YamlWriter.write(tree)));
        assertEquals(keys, readBack(YamlWriter.write(keys)));
    }

    @Test
    void stringsThatKubernetesReadsAsOtherTypesAreQuoted() {
        String yaml = YamlWriter.write(map("a", "yes", "b", "2024-01-01", "c", "1.0", "d", "true", "e", "null", "f", ""));

        for (String line : yaml.lines().toList()) {
            String value = line.substring(line.indexOf(": ") + 2);
            assertTrue(value.startsWith("\"") || value.startsWith("'"), line);
        }
    }

    @Test
    void writesOtherScalarTypesPlainSoTheyKeepTheirType() {
        Map<String, Object> tree = map("int", 42, "long", 9_000_000_000L, "big",
                new BigInteger("123456789012345678901234567890"), "double", 1.5, "bool", true, "nothing", null);

        assertEquals(tree, readBack(YamlWriter.write(tree)));
        assertTrue(YamlWriter.write(tree).contains("bool: true\n"));
    }

    @Test
    void writesBlockStyleInKeyOrderWithoutDocumentHeader() {
        Map<String, Object> tree = map("zeta", 1, "alpha", map("rules", List.of(map("name", "r1"))), "mid", "x");

        assertEquals("""
                zeta: 1
                alpha:
                  rules:
                  - name: r1
                mid: x
                """, YamlWriter.write(tree));
    }

    @Test
    void writesMultiLineStringsAsLiteralBlocks() {
        String yaml = YamlWriter.write(map("message", "first line\nsecond line"));

        assertEquals("message: |-\n  first line\n  second line\n", yaml);
    }

    @Test
    void writesSeveralDocumentsSeparatedByDashes() {
        List<Map<String, Object>> trees = List.of(map("kind", "A"), map("kind", "B", "list", List.of()),
                map("kind", "C", "empty", map()));

        String yaml = YamlWriter.writeAll(trees);

        assertFalse(yaml.startsWith("---"));
        assertEquals(2, yaml.lines().filter("---"::equals).count());
        assertEquals(trees, YamlDocuments.readString("all.yaml", yaml).documents().stream()
                .map(SourcedDocument::tree).toList());
        assertEquals("", YamlWriter.writeAll(List.of()));
    }

    private static Map<String, Object> readBack(String yaml) {
        LoadResult result = YamlDocuments.readString("written.yaml", yaml);
        assertEquals(List.of(), result.problems(), yaml);
        assertEquals(1, result.documents().size(), yaml);
        return result.documents().getFirst().tree();
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
