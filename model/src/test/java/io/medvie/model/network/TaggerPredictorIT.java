package io.medvie.model.network;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import io.medvie.model.decode.TagSet;
import io.medvie.model.decode.TaggedPage;
import io.medvie.model.features.FeatureConfig;
import io.medvie.model.features.PageFeatures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class TaggerPredictorIT {

    /** Resident set size of this process in kB, from /proc (Linux). */
    private static long rssKb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }

    @Test
    void thousandCallsDoNotGrowNativeMemory() throws Exception {
        try (Tagger tagger =
                        Tagger.create(
                                TaggerConfig.DEFAULT,
                                FeatureConfig.DEFAULT,
                                TagSet.LAB_REPORT,
                                Device.cpu(),
                                5);
                TaggerPredictor predictor = tagger.newPredictor()) {
            List<PageFeatures> pages = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                pages.add(TestPages.page(tagger.featurizer(), 100 + 60 * i, i));
            }
            for (int i = 0; i < 200; i++) {
                predictor.predict(List.of(pages.get(i % pages.size())));
            }
            System.gc();
            long before = rssKb();
            for (int i = 0; i < 1000; i++) {
                predictor.predict(List.of(pages.get(i % pages.size())));
            }
            System.gc();
            long after = rssKb();
            System.out.printf("RSS before %d kB, after 1000 calls %d kB%n", before, after);
            // An unclosed [1, 256, 33] output alone would leak ~34 kB per call (34 MB per 1000);
            // with the inputs and intermediates, hundreds of MB.
            assertThat(after - before).isLessThan(40_000);
        }
    }

    @Test
    void predictorsOnSeveralThreadsAgreeWithOneThread() throws Exception {
        try (Tagger tagger =
                Tagger.create(
                        TaggerConfig.DEFAULT,
                        FeatureConfig.DEFAULT,
                        TagSet.LAB_REPORT,
                        Device.cpu(),
                        6)) {
            List<PageFeatures> pages = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                pages.add(TestPages.page(tagger.featurizer(), 30 + 20 * i, 100 + i));
            }
            List<TaggedPage> expected;
            try (TaggerPredictor p = tagger.newPredictor()) {
                expected = new ArrayList<>();
                for (PageFeatures f : pages) {
                    expected.add(p.predict(List.of(f)).get(0));
                }
            }
            ExecutorService pool = Executors.newFixedThreadPool(3);
            try {
                List<Future<List<TaggedPage>>> futures = new ArrayList<>();
                for (int t = 0; t < 3; t++) {
                    futures.add(
                            pool.submit(
                                    () -> {
                                        List<TaggedPage> out = new ArrayList<>();
                                        try (TaggerPredictor p = tagger.newPredictor()) {
                                            for (int r = 0; r < 5; r++) {
                                                out.clear();
                                                for (PageFeatures f : pages) {
                                                    out.add(p.predict(List.of(f)).get(0));
                                                }
                                            }
                                        }
                                        return out;
                                    }));
                }
                for (Future<List<TaggedPage>> f : futures) {
                    List<TaggedPage> got = f.get();
                    for (int i = 0; i < pages.size(); i++) {
                        assertThat(got.get(i).labels()).containsExactly(expected.get(i).labels());
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
