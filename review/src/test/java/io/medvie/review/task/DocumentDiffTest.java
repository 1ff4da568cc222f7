package io.medvie.review.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentDiffTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }

    private static final String MODEL =
            "{'patient':{'name':'Jane Roe','age':'63'},'report':{},"
                    + "'tests':[{'name':'Hb','value':'13.2'},{'name':'WBC','value':'7.6'},"
                    + "{'name':'Plt','value':'250'}]}";

    @Test
    void sameDocumentIsAllAccepted() throws Exception {
        List<DocumentDiff.Leaf> leaves = DocumentDiff.diff(json(MODEL), json(MODEL), null);
        assertThat(leaves).hasSize(8).noneMatch(DocumentDiff.Leaf::changed);
    }

    @Test
    void correctedAddedAndRemovedLeavesOutsideTheTable() throws Exception {
        JsonNode verified =
                json(
                        "{'patient':{'name':'Jane Roe','sex':'F'},'report':{},"
                                + "'tests':[{'name':'Hb','value':'13.2'},{'name':'WBC','value':'7.9'},"
                                + "{'name':'Plt','value':'250'}]}");
        assertThat(DocumentDiff.diff(json(MODEL), verified, null))
                .filteredOn(DocumentDiff.Leaf::changed)
                .extracting(
                        l -> l.path(), l -> l.action(), l -> l.modelValue(), l -> l.verifiedValue())
                .containsExactlyInAnyOrder(
                        tuple("patient.age", DocumentDiff.Action.REMOVED, "63", null),
                        tuple("patient.sex", DocumentDiff.Action.ADDED, null, "F"),
                        tuple("tests[1].value", DocumentDiff.Action.CORRECTED, "7.6", "7.9"));
    }

    @Test
    void aRemovedRowDoesNotMakeTheRowsAfterItLookCorrected() throws Exception {
        JsonNode verified =
                json(
                        "{'patient':{'name':'Jane Roe','age':'63'},'report':{},"
                                + "'tests':[{'name':'Hb','value':'13.2'},{'name':'Plt','value':'250'},"
                                + "{'name':'Cr','value':'71'}]}");
        List<DocumentDiff.Leaf> changed =
                DocumentDiff.diff(json(MODEL), verified, Arrays.asList(0, 2, null)).stream()
                        .filter(DocumentDiff.Leaf::changed)
                        .toList();
        assertThat(changed)
                .extracting(l -> l.path(), l -> l.action())
                .containsExactlyInAnyOrder(
                        tuple("tests[2].name", DocumentDiff.Action.ADDED),
                        tuple("tests[2].value", DocumentDiff.Action.ADDED),
                        tuple("tests[1].name", DocumentDiff.Action.REMOVED),
                        tuple("tests[1].value", DocumentDiff.Action.REMOVED));
        // Matched by index instead, every row after the removed one would look corrected.
        assertThat(DocumentDiff.diff(json(MODEL), verified, null))
                .filteredOn(DocumentDiff.Leaf::changed)
                .hasSize(4)
                .extracting(DocumentDiff.Leaf::action)
                .containsOnly(DocumentDiff.Action.CORRECTED);
    }

    @Test
    void rowOriginsMustNameEachModelRowOnceAndFitTheRows() throws Exception {
        assertThatThrownBy(() -> DocumentDiff.diff(json(MODEL), json(MODEL), List.of(0, 0, 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DocumentDiff.diff(json(MODEL), json(MODEL), List.of(0, 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DocumentDiff.diff(json(MODEL), json(MODEL), List.of(0, 1, 7)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void kindsDropRowIndexes() {
        assertThat(DocumentDiff.kindOf("tests[12].value")).isEqualTo("tests[].value");
        assertThat(DocumentDiff.kindOf("patient.name")).isEqualTo("patient.name");
    }
}
