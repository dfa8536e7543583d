package io.github.fijigan.core.metrics.benefit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import ai.djl.Device;
import io.github.fijigan.core.progress.CancellationToken;
import io.github.fijigan.core.progress.ProgressListener;

/**
 * The augmentation-benefit experiment on images already in memory: for each repeat, the three
 * {@link Arm}s' training sets ({@link ArmSets}), a classifier trained on each, and its confusion on
 * the test set. {@link AugmentationBenefitJob} runs it on folders and writes the results.
 *
 * <p>Repeat r (1, 2, …) uses seed {@code seed + r - 1} for everything random in it: the stratified
 * split (when there is no separate test set), the images added, the classifier's initial weights
 * and its batch order. The arms of one repeat therefore share the split, the initial weights and
 * the batch-order seed; repeats differ in all of them.
 *
 * <pre>{@code
 * BenefitExperiment experiment = new BenefitExperiment(SyntheticMode.BALANCE, ClassicalAugmentation.parse("hflip, rotate:10"),
 *         CnnClassifier.Options.DEFAULT, 0.25, 1, 5);
 * BenefitExperiment.Outcome outcome = experiment.run(real, null, synthetic, Device.cpu(), ProgressListener.NONE, new CancellationToken());
 * outcome.table().summary(Arm.SYNTHETIC, "macro_f1");
 * }</pre>
 *
 * @param mode how many synthetic images join
 * @param augmentation the classical augmentation of the {@link Arm#CLASSICAL} arm
 * @param classifier the classifier's size and training
 * @param testFraction each class's share held out when no test set is given, in (0, 1)
 * @param seed the first repeat's seed
 * @param repeats how many repeats, 1 or more
 */
public record BenefitExperiment(SyntheticMode mode, ClassicalAugmentation augmentation, CnnClassifier.Options classifier,
        double testFraction, long seed, int repeats) {

    public BenefitExperiment {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(augmentation, "augmentation");
        Objects.requireNonNull(classifier, "classifier");
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be 1 or more, got " + repeats);
        }
    }

    /**
     * What the experiment found.
     *
     * @param table every run
     * @param warnings each distinct warning of the repeats' {@link ArmSets}, in order
     */
    public record Outcome(BenefitTable table, List<String> warnings) {

        public Outcome {
            warnings = List.copyOf(warnings);
        }
    }

    /** @return the classifier epochs the experiment trains in all, the unit of its progress reports */
    public long epochs() {
        return (long) repeats * Arm.values().length * classifier.epochs();
    }

    /**
     * @param real the real images: the training set, or the images to split when {@code test} is null
     * @param test the held-out real test set, or null to split {@code real} anew in each repeat
     * @param synthetic the synthetic images, over the same classes
     * @param progress hears each classifier epoch, out of {@link #epochs()}
     * @throws IllegalArgumentException when the sets do not match, or a class is too small to split
     * @throws io.github.fijigan.core.progress.CancelledException when cancelled
     */
    public Outcome run(LabelledImages real, LabelledImages test, LabelledImages synthetic, Device device,
            ProgressListener progress, CancellationToken cancel) {
        List<BenefitTable.Run> runs = new ArrayList<>();
        Set<String> warnings = new LinkedHashSet<>();
        int arms = Arm.values().length;
        for (int r = 1; r <= repeats; r++) {
            long repeatSeed = seed + r - 1;
            LabelledImages train = real;
            LabelledImages judgeOn = test;
            if (test == null) {
                StratifiedSplit split = StratifiedSplit.of(real, testFraction, repeatSeed);
                train = real.subset(split.train());
                judgeOn = real.subset(split.test());
            }
            ArmSets sets = ArmSets.build(train, synthetic, mode, augmentation, repeatSeed);
            warnings.addAll(sets.warnings());
            for (Arm arm : arms()) {
                LabelledImages trainOn = sets.get(arm);
                long done = (long) ((r - 1) * arms + arm.ordinal()) * classifier.epochs();
                ProgressListener part = progress.part(done, classifier.epochs(), epochs());
                String what = String.format(Locale.ROOT, "Repeat %d/%d, %s (%d images)", r, repeats, arm.label(), trainOn.size());
                try (CnnClassifier judge = CnnClassifier.create(train.channels(), train.imageSize(), train.classes().size(),
                        classifier, repeatSeed, device)) {
                    judge.train(trainOn, (d, t, m) -> part.progress(d, t, what + ": epoch " + Math.min(d + 1, t) + "/" + t), cancel);
                    ClassificationMetrics metrics = ClassificationMetrics.of(judgeOn.labels(), judge.predict(judgeOn),
                            judgeOn.classes().size());
                    runs.add(new BenefitTable.Run(arm, r, repeatSeed, trainOn.classCounts(), metrics));
                }
            }
        }
        return new Outcome(new BenefitTable(real.classes(), runs), new ArrayList<>(warnings));
    }

    private static List<Arm> arms() {
        return List.of(Arm.values());
    }
}
