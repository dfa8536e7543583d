package io.github.fijigan.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import io.github.fijigan.core.engine.DeviceSpec;
import io.github.fijigan.core.job.JobInputException;
import io.github.fijigan.core.train.TrainConfig;
import io.github.fijigan.core.train.TrainConfigFile;
import io.github.fijigan.core.train.TrainingJob;
import io.github.fijigan.ij.ImageJReader;

/**
 * {@code fiji-gan train}: trains any model kind (DCGAN, WGAN-GP, SN-GAN, AC-GAN, pix2pix, CycleGAN,
 * denoiser, stain colorizer) from a config file into a run folder; running it again on the same folder resumes from the last checkpoint,
 * and Ctrl+C stops after the current iteration with a checkpoint to resume from.
 *
 * <pre>
 * java -jar fiji-gan-cli.jar train --config shapes.json --run-folder runs/shapes --epochs 50 --device gpu
 * </pre>
 */
public final class TrainSubcommand implements Subcommand {

    private static final String CONFIG = "--config";
    private static final String RUN_FOLDER = "--run-folder";
    private static final String DATA = "--data";
    private static final String EPOCHS = "--epochs";
    private static final String DEVICE = "--device";
    private static final String HELP = "--help";

    @Override
    public String name() {
        return "train";
    }

    @Override
    public String summary() {
        return "train a GAN from a config file: dcgan, wgangp, sngan, acgan, pix2pix, cyclegan, denoise, colorizer";
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) {
        CommandLineOptions options = CommandLineOptions.parse(name(), args,
                Set.of(CONFIG, RUN_FOLDER, DATA, EPOCHS, DEVICE), Set.of(HELP));
        if (options.has(HELP)) {
            out.print(usage());
            return 0;
        }
        Subcommands.noPositional(name(), options);
        String configFile = Subcommands.required(name(), options, CONFIG);
        String runFolder = Subcommands.required(name(), options, RUN_FOLDER);
        int epochs = options.intValue(EPOCHS, 0, 1);
        String device = options.value(DEVICE, null);
        if (device != null) {
            Subcommands.checkDevice(name(), device);
        }
        TrainConfig config;
        try {
            config = TrainConfigFile.read(Subcommands.path(name(), CONFIG, configFile));
            if (epochs > 0) {
                config = config.withEpochs(epochs);
            }
            if (device != null) {
                config = config.with("device", device);
            }
        } catch (JobInputException e) {
            throw new CommandFailure(CONFIG + ": " + e.problem(), e);
        }
        String data = options.value(DATA, null);
        TrainingJob job = TrainingJob.create(config, Subcommands.path(name(), RUN_FOLDER, runFolder), new ImageJReader(err::println))
                .data(data == null ? null : Subcommands.path(name(), DATA, data))
                .warnings(w -> err.println("warning: " + w));
        return JobRunner.run(job, Map.of(TrainConfigFile.INPUT, CONFIG), out, err);
    }

    private static String usage() {
        return "Usage: fiji-gan train --config FILE --run-folder FOLDER [--data FOLDER] [--epochs N]\n"
                + "                      [--device auto|cpu|gpu|gpu:N]\n"
                + "  --config      training config (JSON): \"kind\" and any key to change from that kind's\n"
                + "                defaults (unknown keys are refused); a relative \"data\" is taken from the\n"
                + "                file's folder. Kinds and what \"data\" holds:\n"
                + "                  dcgan, wgangp, sngan  a folder of images\n"
                + "                  acgan                 one subfolder per class\n"
                + "                  pix2pix               A/ and B/ with matching names, or A|B side by side\n"
                + "                  cyclegan              trainA/ and trainB/, unpaired\n"
                + "                  denoise               clean images (noise simulated: gaussian, poisson,\n"
                + "                                        rician), or noisy/ and clean/ pairs\n"
                + "                  colorizer             tiles of the target stain's slides (RGB)\n"
                + "                the keys and their defaults: see README.md and docs/model-format.md\n"
                + "  --run-folder  where config.json, history.csv, losses.png, samples/, checkpoints/ and\n"
                + "                model.zip go; a folder of the same run resumes from its last checkpoint\n"
                + "  --data        the training data, instead of the config's \"data\"\n"
                + "  --epochs      train to this many epochs, instead of the config's (synthesis kinds:\n"
                + "                \"epochs\"; the others: n_epochs + n_epochs_decay)\n"
                + "  --device      " + DeviceSpec.ACCEPTED_FORMS + " (default: the config's, auto)\n"
                + "Ctrl+C stops after the current iteration and writes a checkpoint to resume from.\n"
                + "Exit status: 0 trained, 1 failed or stopped, 2 bad command line.\n";
    }
}
