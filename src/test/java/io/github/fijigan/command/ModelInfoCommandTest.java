package io.github.fijigan.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import com.google.gson.JsonObject;
import io.github.fijigan.core.model.BlockParameters;
import io.github.fijigan.core.model.DomainSpec;
import io.github.fijigan.core.model.ModelBundle;
import io.github.fijigan.core.model.ModelBundles;
import io.github.fijigan.core.model.ModelKind;
import io.github.fijigan.core.model.ModelManifest;
import io.github.fijigan.core.model.NetworkRole;
import io.github.fijigan.core.model.NetworkSpec;
import io.github.fijigan.core.normalize.IntensityMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.log.LogService;

class ModelInfoCommandTest {

    @TempDir
    Path dir;

    private Context context;

    @BeforeEach
    void createContext() {
        context = new Context(CommandService.class, LogService.class);
    }

    @AfterEach
    void disposeContext() {
        context.dispose();
    }

    private CommandModule run(File model) throws Exception {
        return context.service(CommandService.class).run(ModelInfoCommand.class, true, "model", model).get();
    }

    /** A one-network colouriser, written as a real bundle. */
    private Path writeModel(String name) {
        Path zip = dir.resolve(name);
        JsonObject options = new JsonObject();
        options.addProperty("ngf", 8);
        ModelManifest manifest = ModelManifest.builder(ModelKind.COLORIZER)
                .network("G", NetworkSpec.of("unet_128", options, 1, 3, NetworkRole.GENERATOR))
                .domain("A", new DomainSpec(1, new IntensityMap("minmax", 0, 255, false, Double.NaN, Double.NaN), ""))
                .domain("B", new DomainSpec(3, new IntensityMap("percentile", 2, 250, true, 1, 99.8), "OD"))
                .tileMultiple(128)
                .build();
        try (NDManager manager = NDManager.newBaseManager()) {
            Block conv = Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(3).build();
            conv.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 8, 8));
            NDList params = BlockParameters.parametersOf(conv, manager);
            try (ModelBundle bundle = ModelBundle.of(manifest, Map.of("G", params), Map.of())) {
                ModelBundles.write(zip, bundle);
            }
        }
        return zip;
    }

    @Test
    void summarisesAGoodModel() throws Exception {
        CommandModule module = run(writeModel("he2ihc.zip").toFile());
        assertFalse(module.isCanceled(), module.getCancelReason());
        assertEquals("""
                Model kind: colorizer (format fiji-gan-model version 1)
                Networks:
                  G: generator, unet_128, 1 -> 3 channels, 30 parameters
                    options: {"ngf":8}
                Domains:
                  A: 1 channel, normalisation minmax [0.00000, 255.000], unit (none)
                  B: 3 channels, normalisation percentile 1.00000-99.8000% [2.00000, 250.000] clipped, unit OD
                Tile multiple: 128
                Training: not recorded""", module.getOutput("info"));
    }

    @Test
    void cancelsWithTheBundleMessageOnABadFile() throws Exception {
        Path png = dir.resolve("slice.zip");
        Files.copy(Path.of("test-data/synthetic/shapes/square/square_016.png"), png);
        CommandModule module = run(png.toFile());
        assertTrue(module.isCanceled());
        assertEquals("slice.zip: not a zip archive: it looks like a PNG image", module.getCancelReason());
        assertNull(module.getOutput("info"));
    }

    @Test
    void cancelsWithTheFieldOnABadManifest() throws Exception {
        Path missing = dir.resolve("gone.zip");
        CommandModule module = run(missing.toFile());
        assertTrue(module.isCanceled());
        assertEquals("gone.zip: file not found: " + missing.toAbsolutePath(), module.getCancelReason());
    }

    @Test
    void pluginIndexListsTheCommandWithItsMenuPath() throws Exception {
        Path index = Path.of("target/classes/META-INF/json/org.scijava.plugin.Plugin");
        assertTrue(Files.isRegularFile(index), "SciJava's annotation processor must have written " + index);
        List<String> entries = List.of(Files.readString(index).split("(?<=})\\s*(?=\\{)"));
        String entry = entries.stream().filter(e -> e.contains("\"" + ModelInfoCommand.class.getName() + "\"")).findFirst()
                .orElseThrow(() -> new AssertionError("ModelInfoCommand is not in " + index));
        assertTrue(entry.contains("\"menuPath\":\"Plugins>GAN>Model Info\""), entry);
        assertTrue(entry.contains("\"headless\":true"), entry);
        assertTrue(entry.contains("\"type\":\"org.scijava.command.Command\""), entry);
    }
}
