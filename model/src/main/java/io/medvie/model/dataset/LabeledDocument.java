package io.medvie.model.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A report ready for training or evaluation.
 *
 * @param id report id
 * @param template the template it was made from (or null)
 * @param style its style (clean, scan, photo, pdf, or another tool's name)
 * @param pages its pages with gold labels
 * @param truth the true document
 * @param aligned fraction of the truth's leaf values found among the words (1 for synthetic
 *     ground-truth words; less for OCR words when OCR misread or merged words)
 */
public record LabeledDocument(
        String id,
        String template,
        String style,
        List<LabeledPage> pages,
        JsonNode truth,
        double aligned) {}
