package io.medvie.trainer.rl;

import io.medvie.model.dataset.LabeledDocument;
import io.medvie.model.decode.Decoder;
import io.medvie.model.eval.EvalReport;
import io.medvie.model.network.Tagger;
import java.util.List;

/** TEMPORARY STUB until the GRPO core lands on main: steps without changing the policy. */
public final class GrpoTrainer {
    private final GrpoConfig config;

    public GrpoTrainer(GrpoConfig config, Reward reward, Decoder decoder) {
        this.config = config;
    }

    public interface Listener {
        default void step(StepMetrics m) {}

        default void evaluated(int step, EvalReport selection, boolean best) {}

        default void afterStep(int step, Tagger policy) {}
    }

    public record Result(
            int steps,
            int bestStep,
            double bestF1,
            EvalReport selection,
            double seconds,
            int trainDocs) {}

    public Result train(
            Tagger policy,
            Tagger reference,
            List<LabeledDocument> train,
            List<LabeledDocument> selection,
            int startStep,
            Listener listener) {
        int total = totalSteps(config, train.size());
        for (int s = startStep; s < total; s++) {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            listener.step(new StepMetrics(s, total, 0, 1, 0.1, 0, 0, 1, 0, 1, 1e-4, 0, 4, 0.3));
            listener.afterStep(s, policy);
        }
        return new Result(total, total - 1, Double.NaN, null, 0, train.size());
    }

    public static int totalSteps(GrpoConfig c, int trainDocs) {
        return c.epochs() * ((trainDocs + c.docsPerStep() - 1) / c.docsPerStep());
    }
}
