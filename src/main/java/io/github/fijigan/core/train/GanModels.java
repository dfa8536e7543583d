package io.github.fijigan.core.train;

import ai.djl.ndarray.NDManager;

/** Makes the model class for a config's kind. */
public final class GanModels {

    private GanModels() {}

    /**
     * @param channels image channels of the training data
     * @param classes number of classes (AC-GAN), 0 otherwise
     * @param manager owns the networks' parameters
     */
    public static SynthesisGan create(TrainConfig config, int channels, int classes, NDManager manager) {
        return switch (config.kind()) {
            case DCGAN -> new DcganModel(config, channels, manager);
            case WGANGP -> new WganGpModel(config, channels, manager);
            case SNGAN -> new SnganModel(config, channels, manager);
            case ACGAN -> new AcganModel(config, channels, classes, manager);
            default -> throw new IllegalArgumentException("kind " + config.kind().id() + " is not a synthesis GAN");
        };
    }

    /**
     * @param channelsA channels of the input domain
     * @param channelsB channels of the output domain
     * @param manager owns the networks' parameters
     */
    public static TranslationGan createTranslation(TrainConfig config, int channelsA, int channelsB, NDManager manager) {
        return switch (config.kind()) {
            case PIX2PIX -> new Pix2PixModel(config, channelsA, channelsB, manager);
            case CYCLEGAN -> new CycleGanModel(config, channelsA, channelsB, manager);
            default -> throw new IllegalArgumentException("kind " + config.kind().id() + " is not a translation model");
        };
    }
}
