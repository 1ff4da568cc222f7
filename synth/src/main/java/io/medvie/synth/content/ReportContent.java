package io.medvie.synth.content;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything a template may print for one report. What the template actually prints decides the
 * ground truth: a field that is not printed is not in the document.
 *
 * @param receivedAt a third date printed by some templates as a distractor; never a field
 * @param notes interpretation paragraphs, with numbers that are not results
 * @param signers pathologists' names and titles for the signature block
 */
public record ReportContent(
        Patient patient,
        Lab lab,
        String reportId,
        String collectedAt,
        String receivedAt,
        String reportedAt,
        String physician,
        String specimen,
        List<Section> sections,
        List<String> notes,
        List<String> signers) {

    public List<ResultRow> allRows() {
        List<ResultRow> rows = new ArrayList<>();
        for (Section s : sections) {
            rows.addAll(s.rows());
        }
        return rows;
    }
}
