package io.github.fijigan.macro;

import java.util.stream.Collectors;

import ij.IJ;
import ij.macro.ExtensionDescriptor;
import ij.macro.Functions;
import ij.macro.MacroExtension;
import ij.plugin.PlugIn;

/**
 * <i>Plugins › GAN › GAN Macro Functions</i>: makes the GAN functions of {@link GanMacros}
 * available to the running macro as {@code Ext.} functions, as Bio-Formats' macro extensions do.
 * Each returns a status string, {@code ok: …} or {@code error: …}.
 *
 * <pre>
 * run("GAN Macro Functions");
 * status = Ext.train("/configs/shapes.json", "/runs/shapes");
 * status = Ext.generate("/runs/shapes/model.zip", "/data/synthetic", 100, "", 7);
 * print(Ext.modelInfo("/runs/shapes/model.zip"));
 * </pre>
 */
public class GanMacroFunctions implements PlugIn, MacroExtension {

    /** Registers the functions with the running macro; outside a macro, says how to use them. */
    @Override
    public void run(String arg) {
        if (!IJ.macroRunning()) {
            IJ.showMessage("GAN Macro Functions", "Call from a macro:\n \nrun(\"GAN Macro Functions\");\n"
                    + GanMacros.FUNCTIONS.stream().map(MacroFunction::usage).collect(Collectors.joining("\n")));
            return;
        }
        Functions.registerExtensions(this);
    }

    @Override
    public ExtensionDescriptor[] getExtensionFunctions() {
        return GanMacros.FUNCTIONS.stream()
                .map(f -> ExtensionDescriptor.newDescriptor(f.name(), this, f.argTypes()))
                .toArray(ExtensionDescriptor[]::new);
    }

    @Override
    public String handleExtension(String name, Object[] args) {
        for (MacroFunction f : GanMacros.FUNCTIONS) {
            if (f.name().equals(name)) {
                return f.body().call(new MacroFunction.Arguments(args == null ? new Object[0] : args));
            }
        }
        return "error: no GAN macro function " + name;
    }
}
