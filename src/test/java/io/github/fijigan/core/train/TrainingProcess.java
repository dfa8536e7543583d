package io.github.fijigan.core.train;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import io.github.fijigan.core.model.ModelKind;

/**
 * A training process for tests that need one of their own: {@code memory RUN ITERATIONS} trains a
 * tiny DCGAN and prints its resident memory every 100 iterations; {@code checkpoints FILE} writes the
 * same checkpoint over and over, printing a line after each, until it is killed.
 */
public final class TrainingProcess {

    private TrainingProcess() {}

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "memory" -> memory(Path.of(args[1]), Integer.parseInt(args[2]));
            case "checkpoints" -> checkpoints(Path.of(args[1]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    private static void memory(Path run, int iterations) {
        TrainConfig config = ShapesData.tiny(ModelKind.DCGAN, iterations / 6).with("ngf", 4).with("ndf", 4).with("latent_size", 8)
                .with("augmentation", "hflip,crop");
        new GanTrainer(config, ShapesData.images(), run).listener(new TrainingListener() {
            @Override
            public void iterationDone(Iteration iteration) {
                if ((iteration.globalIteration() + 1) % 100 == 0) {
                    System.out.printf(Locale.ROOT, "rss %d %d%n", iteration.globalIteration() + 1, residentKiB());
                }
            }
        }).train();
    }

    private static void checkpoints(Path file) {
        TrainConfig config = ShapesData.tiny(ModelKind.DCGAN, 1);
        try (ai.djl.ndarray.NDManager manager = ai.djl.ndarray.NDManager.newBaseManager()) {
            SynthesisGan model = GanModels.create(config, 1, 0, manager);
            SynthesisData data = SynthesisData.of(ShapesData.images(), "shapes", false);
            for (int i = 0; ; i++) {
                SynthesisBundles.writeCheckpoint(file, model, config, data, new ResumePoint(0, 1, i));
                System.out.println("written " + i);
                System.out.flush();
            }
        }
    }

    /** @return the process's resident set size from /proc (Linux), in KiB */
    static long residentKiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }
}
