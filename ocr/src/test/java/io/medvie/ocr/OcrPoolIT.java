package io.medvie.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OcrPoolIT {

    @Test
    void readsDocumentsInParallelEachWorkerWithItsOwnEngine() throws Exception {
        PageReader reader = new PageReader();
        List<OcrWord> truth = new ArrayList<>();
        byte[] png = TestPages.encode(TestPages.labPage(150, truth), "png");
        Set<String> threads = ConcurrentHashMap.newKeySet();
        Set<TesseractOcr> engines = ConcurrentHashMap.newKeySet();
        List<CompletableFuture<List<Page>>> results = new ArrayList<>();
        try (OcrPool pool = new OcrPool(2, TesseractOcr::create)) {
            assertThat(pool.size()).isEqualTo(2);
            for (int i = 0; i < 4; i++) {
                results.add(
                        pool.submit(
                                ocr -> {
                                    threads.add(Thread.currentThread().getName());
                                    engines.add(ocr);
                                    return reader.read(png, "image/png", ocr);
                                }));
            }
            for (CompletableFuture<List<Page>> result : results) {
                Page page = result.get(2, TimeUnit.MINUTES).get(0);
                assertThat(TestPages.matched(truth, page.words()))
                        .isGreaterThanOrEqualTo(truth.size() - 3);
            }
        }
        assertThat(threads).allMatch(name -> name.startsWith("ocr-"));
        // Each thread used exactly one engine, never another thread's.
        assertThat(engines).hasSameSizeAs(threads);
    }

    @Test
    void typedErrorsReachTheCaller() throws Exception {
        try (OcrPool pool = new OcrPool(1, TesseractOcr::create)) {
            CompletableFuture<List<Page>> result = pool.read(new PageReader(), new byte[0], null);
            assertThatThrownBy(() -> result.get(1, TimeUnit.MINUTES))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(EmptyInputException.class);
        }
    }

    @Test
    void closedPoolRefusesWork() {
        OcrPool pool = new OcrPool(1, TesseractOcr::create);
        pool.close();
        assertThat(pool.submit(ocr -> 1)).isCompletedExceptionally();
    }
}
