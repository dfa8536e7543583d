package io.github.fijigan.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;

/** What Fiji builds its menus from: SciJava's plugin index, and ImageJ1's plugins.config. */
class PluginIndexTest {

    private static final Map<Class<?>, String> MENU_PATHS = Map.ofEntries(
            Map.entry(ModelInfoCommand.class, "Plugins>GAN>Model Info"),
            Map.entry(GenerateSamplesCommand.class, "Plugins>GAN>Generate Samples"),
            Map.entry(TrainSynthesisCommand.class, "Plugins>GAN>Train>Synthesis (DCGAN, WGAN-GP, SN-GAN, AC-GAN)..."),
            Map.entry(TranslateCommand.class, "Plugins>GAN>Translate"),
            Map.entry(DenoiseCommand.class, "Plugins>GAN>Denoise"),
            Map.entry(TrainTranslationCommand.class, "Plugins>GAN>Train>Translation (pix2pix, CycleGAN)..."),
            Map.entry(TrainDenoisingCommand.class, "Plugins>GAN>Train>Denoising..."),
            Map.entry(NormalizeStainCommand.class, "Plugins>GAN>Normalize Stain"),
            Map.entry(TrainColorizerCommand.class, "Plugins>GAN>Train>Stain Colorizer..."),
            Map.entry(EvaluateImageQualityCommand.class, "Plugins>GAN>Evaluate>Image Quality..."),
            Map.entry(EvaluateSyntheticDataCommand.class, "Plugins>GAN>Evaluate>Synthetic Data..."),
            Map.entry(EvaluateAugmentationBenefitCommand.class, "Plugins>GAN>Evaluate>Augmentation Benefit..."));

    @Test
    void theIndexListsEveryCommandAtItsMenuPathAsHeadless() throws Exception {
        Path index = Path.of("target/classes/META-INF/json/org.scijava.plugin.Plugin");
        List<String> entries = List.of(Files.readString(index).split("(?<=})\\s*(?=\\{)"));
        for (Map.Entry<Class<?>, String> e : MENU_PATHS.entrySet()) {
            String entry = entries.stream().filter(x -> x.contains("\"" + e.getKey().getName() + "\"")).findFirst()
                    .orElseThrow(() -> new AssertionError(e.getKey() + " is not in " + index));
            assertTrue(entry.contains("\"menuPath\":\"" + e.getValue() + "\""), entry);
            assertTrue(entry.contains("\"headless\":true"), entry);
        }
        for (Class<?> plugin : List.of(MenuPathCodeRunner.class, ParameterCheckPreprocessor.class)) {
            assertTrue(entries.stream().anyMatch(x -> x.contains("\"" + plugin.getName() + "\"")), plugin.getName());
        }
    }

    @Test
    void aContextFindsTheCommandsByMenuPathWithUniqueLabels() {
        Context context = new Context(CommandService.class);
        try {
            List<CommandInfo> ours = context.service(CommandService.class).getCommands().stream()
                    .filter(c -> c.getMenuPath() != null && c.getMenuPath().getMenuString().startsWith("Plugins > GAN"))
                    .toList();
            assertEquals(MENU_PATHS.size(), ours.size(), ours.toString());
            // imagej-legacy names ImageJ1 commands after the menu label: they must differ.
            assertEquals(ours.size(), ours.stream().map(c -> c.getMenuPath().getLeaf().getName()).distinct().count());
        } finally {
            context.dispose();
        }
    }

    @Test
    void pluginsConfigRegistersTheMacroFunctionsForImageJ1() throws Exception {
        String config = Files.readString(Path.of("target/classes/plugins.config"));
        assertTrue(config.lines().anyMatch(
                l -> l.equals("Plugins>GAN, \"GAN Macro Functions\", io.github.fijigan.macro.GanMacroFunctions")), config);
    }
}
