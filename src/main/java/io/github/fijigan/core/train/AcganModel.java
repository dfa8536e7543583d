package io.github.fijigan.core.train;

import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import io.github.fijigan.core.loss.Losses;
import io.github.fijigan.core.tensor.GraphConstants;

/**
 * AC-GAN (Odena et al. 2017): the generator takes a class with the noise; the discriminator has a
 * real/fake head and an auxiliary class head, trained to classify real images by their label. The
 * generator is rewarded when its fakes are classified as asked, so class k's samples look like class
 * k: synthetic data for a chosen, under-represented class.
 */
public final class AcganModel extends SynthesisGan {

    public AcganModel(TrainConfig config, int channels, int classes, NDManager manager) {
        super(config, channels, requireClasses(classes), manager);
    }

    private static int requireClasses(int classes) {
        if (classes < 2) {
            throw new IllegalArgumentException("AC-GAN needs images in at least 2 class subfolders, found " + classes);
        }
        return classes;
    }

    @Override
    public List<String> lossNames() {
        return List.of("loss_D", "loss_G", "class_D", "class_G", "accuracy_real");
    }

    @Override
    protected NDArray discriminatorLoss(NDArray real, NDArray fake, NDList generatorInput, TrainingStep step) {
        if (input.labels() == null) {
            throw new IllegalStateException("AC-GAN needs labelled batches (class subfolders)");
        }
        NDList realOut = discriminator.forward(new NDList(real), true);
        NDList fakeOut = discriminator.forward(new NDList(fake), true);
        // The class head learns from real images only. Taught on fakes too (as in Odena et al.), it can
        // learn classes from whatever the generator happens to draw, and the generator then follows that
        // instead of the data: measured on two classes, samples came out as the other class.
        NDArray classLoss = Losses.softmaxCrossEntropy(realOut.get(1), input.labels());
        losses.put("class_D", (double) classLoss.getFloat());
        NDArray predicted = realOut.get(1).argMax(1).toType(input.labels().getDataType(), false);
        losses.put("accuracy_real", (double) predicted.eq(input.labels()).toType(ai.djl.ndarray.types.DataType.FLOAT32, false)
                .mean().getFloat());
        NDArray weighted = GraphConstants.times(classLoss, (float) config.auxWeight());
        return adversarial.discriminatorLoss(realOut.get(0), fakeOut.get(0)).add(weighted);
    }

    @Override
    protected NDArray generatorLoss(NDArray fake, NDList generatorInput) {
        NDList out = discriminator.forward(new NDList(fake), true);
        NDArray classLoss = Losses.softmaxCrossEntropy(out.get(1), generatorInput.get(1));
        losses.put("class_G", (double) classLoss.getFloat());
        return adversarial.generatorLoss(out.get(0)).add(GraphConstants.times(classLoss, (float) config.auxWeight()));
    }
}
