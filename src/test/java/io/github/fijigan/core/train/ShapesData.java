package io.github.fijigan.core.train;

import java.nio.file.Path;

import io.github.fijigan.core.data.TrainingImages;
import io.github.fijigan.core.model.ModelKind;
import io.github.fijigan.testdata.Shapes;

/** The committed two-class shapes set at 32×32, and tiny configs that train on it in seconds. */
final class ShapesData {

    static final Path FOLDER = Shapes.FOLDER;

    private ShapesData() {}

    /** @return the 96 shapes (48 circles, 48 squares), labelled by subfolder; loaded once */
    static TrainingImages images() {
        return Shapes.images();
    }

    /**
     * A config with small widths (nz 16, ngf = ndf = 8: about 20 thousand parameters in each network),
     * batch 16 (6 iterations an epoch), no periodic checkpoints and no augmentation. The learning rate
     * is 1e-3 rather than the papers' 2e-4 / 1e-4: networks this narrow move too little in a few hundred
     * steps at the full-size rate (measured: DCGAN's histogram distance 1.46 after 300 iterations at
     * 2e-4, 0.45 at 1e-3).
     */
    static TrainConfig tiny(ModelKind kind, int epochs) {
        return TrainConfig.defaults(kind)
                .with("image_size", 32)
                .with("latent_size", 16)
                .with("ngf", 8)
                .with("ndf", 8)
                .with("batch_size", 16)
                .with("epochs", epochs)
                .with("checkpoint_every", 0)
                .with("sample_count", 16)
                .with("augmentation", "none")
                .with("lr_g", 1e-3)
                .with("lr_d", 1e-3)
                .with("seed", 11);
    }
}
