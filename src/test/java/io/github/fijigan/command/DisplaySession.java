package io.github.fijigan.command;

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
        context.dispose();
        System.exit(0);
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
