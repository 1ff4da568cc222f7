package io.medvie.bench.rl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.medvie.model.eval.EvalReport;

/**
 * One model of the experiment and how it scored.
 *
 * @param model row name, e.g. {@code rl-100}
 * @param method {@code base}, {@code sft}, {@code rl} or {@code sft+rl}
 * @param samples verified samples it saw: trained on plus kept for selection (0 for the base)
 * @param trainDocs samples trained on
 * @param selectionDocs samples kept to pick the best epoch or step (never trained on)
 * @param target scores on the held-out reports of the target templates
 * @param inDistribution scores on the held-out reports of the base's own templates
 * @param trainSeconds wall time of the training (selection scoring included; for sft+rl both parts)
 * @param evalSeconds wall time of scoring both test sets
 * @param best the epoch (sft) or step (rl) kept; 0 for the base
 * @param of epochs (sft) or optimiser steps (rl) run
 * @param heapPeakBytes heap high-water mark during this run (pools reset before it)
 * @param rssBytes resident set size at the end of this run
 * @param peakRssBytes the process's peak resident set size so far
 */
public record RunResult(
        String model,
        String method,
        int samples,
        int trainDocs,
        int selectionDocs,
        Scores target,
        Scores inDistribution,
        double trainSeconds,
        double evalSeconds,
        int best,
        int of,
        long heapPeakBytes,
        long rssBytes,
        long peakRssBytes) {

    /** Field F1, precision and recall over a set of documents. */
    public record Scores(double f1, double precision, double recall, int documents) {
        public static Scores of(EvalReport r) {
            return new Scores(r.f1(), r.total().precision(), r.total().recall(), r.documents());
        }

        void write(ObjectNode node) {
            node.put("f1", round(f1));
            node.put("precision", round(precision));
            node.put("recall", round(recall));
            node.put("documents", documents);
        }
    }

    public void write(ObjectNode node) {
        node.put("model", model);
        node.put("method", method);
        node.put("samples", samples);
        node.put("train_docs", trainDocs);
        node.put("selection_docs", selectionDocs);
        target.write(node.putObject("target"));
        inDistribution.write(node.putObject("in_distribution"));
        node.put("train_seconds", Math.round(trainSeconds * 10) / 10.0);
        node.put("eval_seconds", Math.round(evalSeconds * 10) / 10.0);
        node.put("best", best);
        node.put("of", of);
        node.put("heap_peak_bytes", heapPeakBytes);
        node.put("rss_bytes", rssBytes);
        node.put("peak_rss_bytes", peakRssBytes);
    }

    public static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
