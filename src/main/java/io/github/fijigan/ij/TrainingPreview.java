package io.github.fijigan.ij;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import ij.IJ;
import ij.ImagePlus;
import io.github.fijigan.core.train.RunFolder;
import io.github.fijigan.core.train.TrainingListener;

/**
 * Shows a training run live in ImageJ: the loss plot and the latest sample grid, each in a window
 * of its own, replaced after every epoch from the PNG files the trainer has just written to the run
 * folder ({@code losses.png}, {@code samples/epoch_NNN.png}), so the windows show exactly what the
 * folder keeps. A window the user closes is opened again at the next epoch.
 *
 * <p>Only for a session with a display: commands add it when their UI is not headless.
 *
 * <pre>{@code
 * TrainingJob job = TrainingJob.create(config, runFolder, reader).listener(new TrainingPreview());
 * }</pre>
 */
public final class TrainingPreview implements TrainingListener {

    private RunFolder run;
    private String name = "training";
    private ImagePlus losses;
    private ImagePlus samples;

    @Override
    public void started(Plan plan) {
        run = RunFolder.create(plan.runFolder());
        Path leaf = plan.runFolder().toAbsolutePath().getFileName();
        name = leaf == null ? "training" : leaf.toString();
    }

    @Override
    public void epochDone(Epoch epoch) {
        String suffix = String.format(Locale.ROOT, " (epoch %d of %d)", epoch.epoch() + 1, epoch.epochs());
        samples = show(samples, epoch.samples(), name + " samples" + suffix);
        if (run != null) {
            losses = show(losses, run.lossPlot(), name + " losses" + suffix);
        }
    }

    /** @return the window showing the image now; the old one, with new pixels, while it is open */
    private static ImagePlus show(ImagePlus current, Path png, String title) {
        if (png == null || !Files.isRegularFile(png)) {
            return current;
        }
        ImagePlus fresh = IJ.openImage(png.toString());
        if (fresh == null) {
            return current;
        }
        if (current == null || current.getWindow() == null || current.getWindow().isClosed()) {
            fresh.setTitle(title);
            fresh.show();
            return fresh;
        }
        current.setImage(fresh);
        current.setTitle(title);
        current.updateAndDraw();
        return current;
    }

    /** @return the loss plot's image, or null before the first epoch */
    public ImagePlus lossesImage() {
        return losses;
    }

    /** @return the latest sample grid's image, or null before the first epoch */
    public ImagePlus samplesImage() {
        return samples;
    }
}
