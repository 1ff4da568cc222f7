package io.medvie.model.network;

/**
 * The tagger's sizes; stored in the model artifact.
 *
 * @param embedding width of the hashed-id embedding (averaged over a token's ids)
 * @param layout width of the projection of the dense layout features
 * @param hidden width of the per-token layer fed to the LSTMs
 * @param lstm state size of each of the two LSTMs (left-to-right, right-to-left)
 * @param dropout dropout rate while training
 */
public record TaggerConfig(int embedding, int layout, int hidden, int lstm, float dropout) {

    public static final TaggerConfig DEFAULT = new TaggerConfig(48, 32, 96, 64, 0.1f);

    public TaggerConfig {
        if (embedding < 1 || layout < 1 || hidden < 1 || lstm < 1) {
            throw new IllegalArgumentException(
                    "TaggerConfig sizes must be positive, got embedding="
                            + embedding
                            + " layout="
                            + layout
                            + " hidden="
                            + hidden
                            + " lstm="
                            + lstm);
        }
        if (dropout < 0 || dropout >= 1) {
            throw new IllegalArgumentException(
                    "TaggerConfig.dropout must be in [0, 1), got " + dropout);
        }
    }
}
