package io.github.fijigan.command;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import org.scijava.Cancelable;
import org.scijava.Context;
import org.scijava.app.StatusService;
import org.scijava.command.CommandService;
import org.scijava.log.LogService;
import org.scijava.module.Module;
import org.scijava.prefs.PrefService;
import org.scijava.ui.UIService;

/**
 * The child JVM of {@link DisplaySessionTest}: runs the training and sampling commands in a
 * context with a display, then prints what ImageJ shows ({@code key=value} lines) and exits.
 *
 * <p>Argument: a scratch folder.
 */
public final class DisplaySession {

    private DisplaySession() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Context context = new Context(CommandService.class, LogService.class, StatusService.class, PrefService.class,
                UIService.class);
        context.service(PrefService.class).clear(TrainSynthesisCommand.class);
        context.service(PrefService.class).clear(GenerateSamplesCommand.class);
        context.service(PrefService.class).clear(EvaluateImageQualityCommand.class);
        context.service(PrefService.class).clear(EvaluateSyntheticDataCommand.class);
        context.service(PrefService.class).clear(EvaluateAugmentationBenefitCommand.class);
        System.out.println("ui-headless=" + context.service(UIService.class).isHeadless());

        JsonObject json = JsonParser.parseString(Files.readString(Path.of("test-data/configs/shapes_dcgan_tiny.json")))
                .getAsJsonObject();
        json.addProperty("epochs", 2);
        json.addProperty("data", Path.of("test-data/synthetic/shapes/circle").toAbsolutePath().toString());
        Path config = Files.writeString(dir.resolve("two_epochs.json"), json.toString());
        Path run = dir.resolve("shapes_run");
        CommandService commands = context.service(CommandService.class);
        Module train = commands.run(TrainSynthesisCommand.class, true, Map.of("config", config.toFile(),
                "run_folder", run.toFile(), "device", "cpu")).get();
        System.out.println("train-cancelled=" + ((Cancelable) train).isCanceled());
        String[] titles = WindowManager.getImageTitles();
        Arrays.sort(titles);
        System.out.println("windows=" + String.join("|", titles));
        System.out.println("losses-shown=" + same(WindowManager.getImage("shapes_run losses (epoch 2 of 2)"),
                run.resolve("losses.png")));
        System.out.println("samples-shown=" + same(WindowManager.getImage("shapes_run samples (epoch 2 of 2)"),
                run.resolve("samples/epoch_002.png")));

        Module generate = commands.run(GenerateSamplesCommand.class, true, Map.of("model",
                Path.of("test-data/models/shapes_acgan_tiny.zip").toFile(), "output_folder", dir.resolve("samples").toFile(),
                "count", 3, "class_name", "", "seed", 1L, "device", "cpu")).get();
        ImagePlus stack = (ImagePlus) generate.getOutput("samples");
        System.out.println("stack=" + (stack == null ? "none" : stack.getTitle() + " " + stack.getWidth() + "x"
                + stack.getHeight() + "x" + stack.getStackSize() + " first=" + stack.getStack().getSliceLabel(1)
                + " last=" + stack.getStack().getSliceLabel(stack.getStackSize())));
        evaluations(commands, dir);
        context.dispose();
        System.exit(0);
    }

    /** The three Evaluate commands: their tables become ImageJ tables, their plots images. */
    private static void evaluations(CommandService commands, Path dir) throws Exception {
        File shapes = Path.of("test-data/synthetic/shapes").toFile();
        File synthetic = dir.resolve("samples").toFile();
        Module quality = commands.run(EvaluateImageQualityCommand.class, true, Map.of("reference_folder",
                Path.of("test-data/synthetic/paired/B").toFile(), "test_folder", Path.of("test-data/synthetic/paired/B").toFile(),
                "output_folder", dir.resolve("quality").toFile(), "metrics", "psnr, ssim", "data_range", 255.0)).get();
        Module realism = commands.run(EvaluateSyntheticDataCommand.class, true, Map.ofEntries(Map.entry("real_folder", shapes),
                Map.entry("synthetic_folder", synthetic), Map.entry("output_folder", dir.resolve("realism").toFile()),
                Map.entry("image_size", 32), Map.entry("latent_size", 4), Map.entry("latent_channels", 8), Map.entry("epochs", 1),
                Map.entry("batch_size", 16), Map.entry("learning_rate", 1e-3), Map.entry("seed", 0L), Map.entry("pairs", 2),
                Map.entry("device", "cpu"))).get();
        Module benefit = commands.run(EvaluateAugmentationBenefitCommand.class, true, Map.ofEntries(Map.entry("real_folder", shapes),
                Map.entry("test_folder", new File("")), Map.entry("test_fraction", 0.25), Map.entry("synthetic_folder", synthetic),
                Map.entry("synthetic_mode", "all"), Map.entry("augmentation", "hflip"), Map.entry("output_folder",
                        dir.resolve("benefit").toFile()), Map.entry("image_size", 16), Map.entry("epochs", 1), Map.entry("width", 4),
                Map.entry("batch_size", 16), Map.entry("learning_rate", 3e-3), Map.entry("repeats", 1), Map.entry("seed", 0L),
                Map.entry("device", "cpu"))).get();
        System.out.println("evaluate-cancelled=" + ((Cancelable) quality).isCanceled() + "," + ((Cancelable) realism).isCanceled() + ","
                + ((Cancelable) benefit).isCanceled());
        String[] tables = WindowManager.getNonImageTitles();
        Arrays.sort(tables);
        System.out.println("tables=" + String.join("|", tables));
        System.out.println("box-plot-shown=" + same((ImagePlus) realism.getOutput("box_plot"), dir.resolve("realism/latent_distances.png")));
        System.out.println("pairs-shown=" + same((ImagePlus) realism.getOutput("closest_pairs"), dir.resolve("realism/closest_pairs.png")));
        System.out.println("benefit-shown=" + same((ImagePlus) benefit.getOutput("plot"), dir.resolve("benefit/benefit.png")));
    }

    /** @return whether the window's image has the PNG's pixels */
    private static boolean same(ImagePlus shown, Path png) {
        if (shown == null) {
            return false;
        }
        ImagePlus file = IJ.openImage(png.toString());
        return shown.getWidth() == file.getWidth() && shown.getHeight() == file.getHeight()
                && Arrays.equals((int[]) shown.getProcessor().convertToRGB().getPixels(),
                        (int[]) file.getProcessor().convertToRGB().getPixels());
    }
}
