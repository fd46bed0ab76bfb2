package dev.waiver.engine.tree;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waiver.engine.tree.TreeDiff.Change;
import dev.waiver.engine.tree.TreeDiff.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TreeDiffTest {

    /// A map that keeps the order its pairs are given in, as the YAML reader's maps do.
    private static Map<String, Object> map(Object... pairs) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static List<Object> list(Object... items) {
        return new ArrayList<>(Arrays.asList(items));
    }

    /// `path change before -> after`, with `-` for a side that has nothing.
    private static List<String> lines(List<Field> fields) {
        return fields.stream().map(f -> f.path() + " " + f.change() + " " + f.before().orElse("-") + " -> "
                + f.after().orElse("-")).toList();
    }

    @Test
    void anApprovalAddsAnnotationsAndKeepsTheRestUnchangedInDocumentOrder() {
        var before = map("kind", "PolicyException", "metadata", map("name", "ex-1",
                "annotations", map("waiver.dev/requestor", "dana")));
        var after = map("kind", "PolicyException", "metadata", map("name", "ex-1",
                "annotations", map("waiver.dev/requestor", "dana", "waiver.dev/approved-by", "sam")));

        assertThat(lines(TreeDiff.between(before, after))).containsExactly(
                "kind SAME PolicyException -> PolicyException",
                "metadata.name SAME ex-1 -> ex-1",
                "metadata.annotations[\"waiver.dev/requestor\"] SAME dana -> dana",
                "metadata.annotations[\"waiver.dev/approved-by\"] ADDED - -> sam");
        assertThat(TreeDiff.changes(before, after)).extracting(Field::path)
                .containsExactly("metadata.annotations[\"waiver.dev/approved-by\"]");
    }

    @Test
    void changedAndRemovedScalars() {
        assertThat(lines(TreeDiff.changes(map("spec", map("a", "x", "b", "y")), map("spec", map("a", "z")))))
                .containsExactly("spec.a CHANGED x -> z", "spec.b REMOVED y -> -");
    }

    @Test
    void noDocumentOnOneSideMakesEveryFieldAddedOrRemoved() {
        var doc = map("metadata", map("name", "ex-1"), "spec", map("rules", list("a", "b")));
        assertThat(lines(TreeDiff.between(null, doc))).containsExactly(
                "metadata.name ADDED - -> ex-1", "spec.rules[0] ADDED - -> a", "spec.rules[1] ADDED - -> b");
        assertThat(TreeDiff.between(doc, null)).extracting(Field::change).containsOnly(Change.REMOVED);
        assertThat(TreeDiff.between(null, null)).isEmpty();
    }

    @Test
    void listsArePairedByPositionAndTheLongerOnesItemsAreAddedOrRemoved() {
        assertThat(lines(TreeDiff.between(map("r", list("a", "b")), map("r", list("a", "c", "d"))))).containsExactly(
                "r[0] SAME a -> a", "r[1] CHANGED b -> c", "r[2] ADDED - -> d");
        assertThat(lines(TreeDiff.changes(map("r", list(map("p", "x", "q", "y"))), map("r", list(map("p", "x"))))))
                .containsExactly("r[0].q REMOVED y -> -");
    }

    @Test
    void aMapReplacedByAScalarIsOneRemovedAndTheOtherAdded() {
        assertThat(lines(TreeDiff.changes(map("spec", map("a", "1")), map("spec", "none")))).containsExactly(
                "spec.a REMOVED 1 -> -", "spec ADDED - -> none");
    }

    @Test
    void emptyMapsAndListsAreLeavesUntilTheyGainItems() {
        assertThat(lines(TreeDiff.between(map("l", map()), map("l", map())))).containsExactly("l SAME {} -> {}");
        assertThat(lines(TreeDiff.between(map("l", list()), map("l", list("x"))))).containsExactly("l[0] ADDED - -> x");
        assertThat(lines(TreeDiff.between(map("l", map("team", "a")), map("l", map())))).containsExactly(
                "l.team REMOVED a -> -");
        assertThat(lines(TreeDiff.between(map("l", map()), map("l", list())))).containsExactly("l CHANGED {} -> []");
    }

    @Test
    void nullIsAbsenceAndEqualNumbersOfDifferentTypesAreEqual() {
        assertThat(TreeDiff.changes(map("n", 1, "f", 2.50, "gone", null), map("n", 1L, "f", 2.5))).isEmpty();
        assertThat(TreeDiff.changes(map("v", true), map("v", "true")).getFirst())
                .isEqualTo(new Field("v", Change.CHANGED, Optional.of("true"), Optional.of("\"true\"")));
    }

    @Test
    void keysThatAreNotPlainNamesAreQuoted() {
        assertThat(TreeDiff.between(null, map("a b", map("x\"y", 1, "ok_key-2", 2)))).extracting(Field::path)
                .containsExactly("[\"a b\"][\"x\\\"y\"]", "[\"a b\"].ok_key-2");
    }
}
