package io.github.fijigan.command;

import java.io.File;

import io.github.fijigan.core.model.ModelBundleException;
import io.github.fijigan.core.model.ModelBundles;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/**
 * Shows what a model bundle is: kind, networks, domains with their normalisation, tile multiple,
 * classes or latent size, and how it was trained. Reads {@code model.json} only, so it is fast on
 * any model. A bad file cancels the command with the bundle's message (file, field, problem).
 *
 * <pre>
 * run("Model Info", "model=[/data/t1t2.zip]");
 * fiji --headless --run "Plugins>GAN>Model Info" "model='/data/t1t2.zip'"
 * </pre>
 */
@Plugin(type = Command.class, menuPath = "Plugins>GAN>Model Info", headless = true)
public class ModelInfoCommand extends ContextCommand {

    @Parameter
    private LogService log;

    @Parameter(label = "Model file", style = FileWidget.OPEN_STYLE)
    private File model;

    @Parameter(type = ItemIO.OUTPUT, label = "Model information")
    private String info;

    @Override
    public void run() {
        if (model == null) {
            fail("Model Info: no model file given");
            return;
        }
        try {
            info = ModelBundles.readManifest(model.toPath()).describe();
            log.info(model.getName() + "\n" + info);
        } catch (ModelBundleException e) {
            fail(e.getMessage());
        }
    }

    private void fail(String message) {
        log.error(message);
        cancel(message);
    }
}
