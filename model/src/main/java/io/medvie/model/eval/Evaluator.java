package io.medvie.model.eval;

import io.medvie.model.dataset.LabeledDocument;
import io.medvie.model.dataset.LabeledPage;
import io.medvie.model.decode.DecodedDocument;
import io.medvie.model.decode.Decoder;
import io.medvie.model.decode.TaggedPage;
import io.medvie.model.features.Featurizer;
import io.medvie.model.features.PageFeatures;
import io.medvie.model.network.Tagger;
import io.medvie.model.network.TaggerPredictor;
import java.util.ArrayList;
import java.util.List;

/** Scores a tagger on documents whose words are already read (no OCR): predict, decode, score. */
public final class Evaluator {

    private Evaluator() {}

    /** Tags and decodes one document's pages. */
    public static DecodedDocument extract(
            TaggerPredictor predictor,
            Featurizer featurizer,
            Decoder decoder,
            LabeledDocument doc) {
        List<PageFeatures> features = new ArrayList<>();
        for (LabeledPage p : doc.pages()) {
            features.add(featurizer.features(p.layout()));
        }
        List<TaggedPage> tagged = predictor.predict(features);
        return decoder.decode(tagged);
    }

    public static EvalReport evaluate(Tagger tagger, Decoder decoder, List<LabeledDocument> docs) {
        EvalReport report = new EvalReport();
        try (TaggerPredictor predictor = tagger.newPredictor()) {
            for (LabeledDocument doc : docs) {
                DecodedDocument d = extract(predictor, tagger.featurizer(), decoder, doc);
                report.add(doc.style(), d.document(), doc.truth());
            }
        }
        return report;
    }
}
