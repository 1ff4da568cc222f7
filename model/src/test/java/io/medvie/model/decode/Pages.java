package io.medvie.model.decode;

import io.medvie.model.features.LayoutToken;
import io.medvie.model.features.PageLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * Hand-made tagged pages for tests. Each line is a list of tokens {@code text|label} or {@code
 * text|label@column}: columns are 100 pixels wide, a token without a column goes in the next one.
 * Labels: {@code O}, {@code B-name}, {@code I-range} (test fields by their short name: name, value,
 * unit, range, flag) or a full field ({@code B-patient.name}).
 */
final class Pages {

    private Pages() {}

    static TaggedPage page(int index, String... lines) {
        TagSet tags = TagSet.LAB_REPORT;
        List<PageLayout.Word> words = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int l = 0; l < lines.length; l++) {
            int column = 0;
            for (String token : lines[l].trim().split("\\s+")) {
                if (token.isEmpty()) {
                    continue;
                }
                String[] parts = token.split("\\|");
                String text = parts[0].replace('_', ' ');
                String label = parts[1];
                if (label.contains("@")) {
                    column = Integer.parseInt(label.substring(label.indexOf('@') + 1));
                    label = label.substring(0, label.indexOf('@'));
                }
                double x = column * 100 + 5;
                double y = l * 40 + 10;
                words.add(new PageLayout.Word(text, x, y, 80, 20, x, y, 1f));
                labels.add(label(tags, label));
                column++;
            }
        }
        PageLayout.Indexed ix = PageLayout.of(index, 2000, 3000, words);
        int[] ordered = new int[labels.size()];
        float[] probs = new float[labels.size()];
        for (int i = 0; i < ordered.length; i++) {
            ordered[i] = labels.get(ix.source()[i]);
            probs[i] = 0.9f;
        }
        List<LayoutToken> tokens = ix.layout().tokens();
        if (tokens.size() != ordered.length) {
            throw new IllegalStateException("lost tokens");
        }
        return new TaggedPage(ix.layout(), ordered, probs);
    }

    static int label(TagSet tags, String label) {
        if (label.equals("O")) {
            return TagSet.O;
        }
        String field = label.substring(2);
        if (!field.contains(".")) {
            field = "test." + (field.equals("range") ? "reference_range" : field);
        }
        int f = tags.field(field);
        if (f < 0) {
            throw new IllegalArgumentException("unknown field in " + label);
        }
        return label.startsWith("B-") ? tags.begin(f) : tags.inside(f);
    }
}
