package dev.waiver.app.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlDocumentsTest {

    @TempDir
    Path dir;

    @Test
    void readsEveryObjectOfAMultiDocumentFileWithItsStartLine() throws IOException {
        Path file = write("multi.yaml", """
                ---
                ---
                # a comment before the object
                apiVersion: v1
                kind: ConfigMap
                ---
                - a bare list is not an object
                ---
                just a scalar
                ---
                kind: Secret
                ...
                ---
                kind: Pod
                """);

        LoadResult result = YamlDocuments.readFile(file);

        assertEquals(List.of(), result.problems());
        assertEquals(List.of("ConfigMap", "Secret", "Pod"), kinds(result));
        assertEquals(List.of(4, 11, 14), lines(result));
        assertEquals(file.toString(), result.documents().getFirst().file());
    }

    @Test
    void expandsAKubectlListIntoItsItemsWithTheirOwnLines() throws IOException {
        Path file = write("dump.yaml", """
                kind: Namespace
                ---
                apiVersion: v1
                kind: List
                metadata:
                  resourceVersion: ""
                items:
                - apiVersion: kyverno.io/v2
                  kind: PolicyException
                  metadata:
                    name: first
                - apiVersion: kyverno.io/v2
                  kind: PolicyException
                  metadata: {name: second}
                """);

        LoadResult result = YamlDocuments.readFile(file);

        assertEquals(List.of("Namespace", "PolicyException", "PolicyException"), kinds(result));
        assertEquals(List.of(1, 8, 12), lines(result));
        assertEquals("second", ((Map<?, ?>) result.documents().get(2).tree().get("metadata")).get("name"));
    }

    @Test
    void keepsScalarTypesAsKubernetesReadsThemAndTimestampsAsStrings() {
        Map<String, Object> tree = only("""
                date: 2024-01-01
                time: 2024-01-01T10:00:00Z
                int: 42
                long: 9000000000
                big: 123456789012345678901234567890
                float: 1.5
                bool: true
                capitalBool: True
                yes: yes
                tilde: ~
                empty:
                quotedEmpty: ''
                quotedTrue: "true"
                hex: 0x1F
                """);

        assertEquals("2024-01-01", tree.get("date"));
        assertEquals("2024-01-01T10:00:00Z", tree.get("time"));
        assertEquals(42, tree.get("int"));
        assertEquals(9_000_000_000L, tree.get("long"));
        assertEquals(new BigInteger("123456789012345678901234567890"), tree.get("big"));
        assertEquals(1.5, tree.get("float"));
        assertEquals(true, tree.get("bool"));
        assertEquals(true, tree.get("capitalBool"));
        assertEquals("yes", tree.get("yes"), "YAML 1.2: yes is a string");
        assertNull(tree.get("tilde"));
        assertTrue(tree.containsKey("empty"));
        assertNull(tree.get("empty"));
        assertEquals("", tree.get("quotedEmpty"));
        assertEquals("true", tree.get("quotedTrue"));
        assertEquals(31, tree.get("hex"));
    }

    @Test
    void keepsKeyOrder() {
        assertEquals(List.of("zeta", "alpha", "mid"), List.copyOf(only("zeta: 1\nalpha: 2\nmid: 3\n").keySet()));
    }

    @Test
    void resolvesAnchorsAliasesAndMergeKeysIntoIndependentCopies() {
        Map<String, Object> tree = only("""
                base: &base {image: nginx, pull: Always}
                tag: &tag v1
                first:
                  <<: *base
                  pull: Never
                second: *base
                version: *tag
                "<<": quoted keys are plain keys
                """);

        assertEquals(Map.of("image", "nginx", "pull", "Never"), tree.get("first"));
        assertEquals(Map.of("image", "nginx", "pull", "Always"), tree.get("second"));
        assertEquals("v1", tree.get("version"));
        assertEquals("quoted keys are plain keys", tree.get("<<"));
        @SuppressWarnings("unchecked")
        var second = (Map<String, Object>) tree.get("second");
        second.put("image", "changed");
        assertEquals("nginx", ((Map<?, ?>) tree.get("base")).get("image"), "an alias is a copy, not a shared node");
    }

    @Test
    void refusesDuplicateKeysAsKubectlDoes() {
        LoadResult result = YamlDocuments.readString("dup.yaml", "kind: Pod\nname: a\nname: b\n");

        assertEquals(List.of(), result.documents());
        assertEquals("dup.yaml:3: duplicate key 'name'", result.problems().getFirst().toString());
    }

    @Test
    void readsAFolderRecursivelySortedSkippingHiddenAndOtherFiles() throws IOException {
        write("b.yaml", "kind: B\n");
        write("a/z.YML", "kind: AZ\n");
        write("a/b.yml", "kind: AB\n");
        write("c.json", "{\"kind\": \"Json\"}");
        write("notes.txt", "kind: Text\n");
        write(".git/config.yaml", "kind: Hidden\n");
        write("a/.#lock.yaml", "kind: HiddenFile\n");

        LoadResult result = YamlDocuments.readFolder(dir);

        assertEquals(List.of(), result.problems());
        assertEquals(List.of("AB", "AZ", "B"), kinds(result));
    }

    @Test
    void readsFilesAndFoldersMixedOnceEach() throws IOException {
        Path single = write("single.txt", "kind: NamedDirectly\n");
        write("folder/one.yaml", "kind: One\n");
        write("folder/two.yaml", "kind: Two\n");

        LoadResult result = YamlDocuments.readPaths(List.of(single, dir.resolve("folder"),
                dir.resolve("folder/one.yaml")));

        assertEquals(List.of("NamedDirectly", "One", "Two"), kinds(result));
    }

    @Test
    void reportsAMissingPathAsOneProblem() {
        Path missing = dir.resolve("nowhere");

        LoadResult folder = YamlDocuments.readFolder(missing);
        LoadResult mixed = YamlDocuments.readPaths(List.of(missing, missing.resolve("x.yaml")));

        assertEquals(List.of(new LoadProblem(missing.toString(), 0, "no such file or folder")), folder.problems());
        assertEquals(2, mixed.problems().size());
        assertEquals(missing + ": no such file or folder", YamlDocuments.readFile(missing).problems().getFirst().toString());
    }

    @Test
    void readsUtf16WithByteOrderMarkAndRefusesBinary() throws IOException {
        Path utf16 = dir.resolve("windows.yaml");
        byte[] text = "kind: Wide\nname: é\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[text.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(text, 0, withBom, 2, text.length);
        Files.write(utf16, withBom);
        Path binary = dir.resolve("image.yaml");
        Files.write(binary, new byte[] {(byte) 0x89, 'P', 'N', 'G', (byte) 0xFF, 0});

        assertEquals("é", YamlDocuments.readFile(utf16).documents().getFirst().tree().get("name"));
        assertEquals("not UTF-8 text", YamlDocuments.readFile(binary).problems().getFirst().message());
    }

    private Map<String, Object> only(String yaml) {
        LoadResult result = YamlDocuments.readString("test.yaml", yaml);
        assertEquals(List.of(), result.problems());
        assertEquals(1, result.documents().size());
        return assertInstanceOf(Map.class, result.documents().getFirst().tree());
    }

    private Path write(String relative, String content) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    static List<Object> kinds(LoadResult result) {
        return result.documents().stream().map(d -> d.tree().get("kind")).toList();
    }

    static List<Integer> lines(LoadResult result) {
        return result.documents().stream().map(SourcedDocument::line).toList();
    }
}
