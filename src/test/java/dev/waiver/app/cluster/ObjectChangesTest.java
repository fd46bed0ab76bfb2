package dev.waiver.app.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ObjectChangesTest {

    private static List<String> described(String before, String after) {
        return ObjectChanges.between(ExemptionYaml.read(before), ExemptionYaml.read(after)).stream()
                .map(FieldChange::describe).toList();
    }

    @Test
    void pathsQuoteKeysThatAreNotPlainNames() {
        assertEquals(List.of("metadata.annotations[\"waiver.dev/expires\"] changed", "metadata.labels.team added"),
                described("metadata: {annotations: {waiver.dev/expires: a}}",
                        "metadata: {annotations: {waiver.dev/expires: b}, labels: {team: x}}"));
    }

    @Test
    void listsOfEqualLengthAreComparedItemByItemOthersAsAWhole() {
        assertEquals(List.of("spec.exceptions[0].ruleNames[1] changed"),
                described("spec: {exceptions: [{policyName: p, ruleNames: [a, b]}]}",
                        "spec: {exceptions: [{policyName: p, ruleNames: [a, c]}]}"));
        assertEquals(List.of("spec.exceptions[0].ruleNames changed"),
                described("spec: {exceptions: [{policyName: p, ruleNames: [a]}]}",
                        "spec: {exceptions: [{policyName: p, ruleNames: [a, b]}]}"));
    }

    @Test
    void fieldsTheServerMaintainsAreNotChangesButAnotherUidIs() {
        assertEquals(List.of("metadata.uid changed"),
                described("metadata: {resourceVersion: '1', generation: 1, uid: a, creationTimestamp: x}\nstatus: {s: 1}",
                        "metadata: {resourceVersion: '9', generation: 4, uid: b, creationTimestamp: y}\nstatus: {s: 2}"));
    }

    @Test
    void equalNumbersOfDifferentTypesAreEqualAndNullIsAbsence() {
        assertEquals(List.of(), described("spec: {n: 1, f: 2.50, gone: null}", "spec: {n: 1.0, f: 2.5}"));
        assertEquals(List.of("spec.value changed"), described("spec: {value: true}", "spec: {value: 'true'}"));
        assertEquals(List.of("spec.removed removed"), described("spec: {removed: x}", "spec: {}"));
    }

    @Test
    void sameContentIgnoresVersionsAndTheUidOfAnObjectNotYetCreated() {
        assertTrue(ObjectChanges.sameContent(ExemptionYaml.read("metadata: {name: a}\nspec: {x: 1}"),
                ExemptionYaml.read("metadata: {name: a, uid: u, resourceVersion: '3'}\nspec: {x: 1}")));
        assertFalse(ObjectChanges.sameContent(ExemptionYaml.read("spec: {x: 1}"), ExemptionYaml.read("spec: {x: 2}")));
    }

    @Test
    void aLongListOfChangesIsCutInTheSummary() {
        var before = new StringBuilder("spec: {");
        var after = new StringBuilder("spec: {");
        for (int i = 0; i < 15; i++) {
            before.append("k").append(i).append(": a, ");
            after.append("k").append(i).append(": b, ");
        }
        var changes = ObjectChanges.between(ExemptionYaml.read(before + "}"), ExemptionYaml.read(after + "}"));
        var conflict = new Conflict("X was changed", ExemptionYaml.read("metadata: {resourceVersion: '5'}"), changes);

        assertEquals(15, conflict.changes().size());
        assertTrue(conflict.summary().endsWith("spec.k11 changed; and 3 more."), conflict.summary());
        assertEquals("5", conflict.currentResourceVersion());
    }
}
