package io.github.fijigan.command;

import java.util.List;
import java.util.Locale;

import org.scijava.command.CommandModule;
import org.scijava.log.LogService;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;
import org.scijava.module.process.AbstractPreprocessorPlugin;
import org.scijava.module.process.PreprocessorPlugin;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Refuses a {@link JobCommand}'s inputs that break their declared limits, before the command runs:
 * a number outside its {@code min}/{@code max}, a text not among its {@code choices}. SciJava's
 * dialogs keep values inside the limits, but a macro line, a script or {@code --run} passes values
 * straight through; this makes them fail the same way, with a message naming the parameter:
 * {@code epochs: must be between 1 and 100000, got 0}.
 *
 * <p>It runs after the inputs are filled in (remembered values, the dialog or the macro's options)
 * and after SciJava's check for required inputs.
 */
@Plugin(type = PreprocessorPlugin.class, priority = ParameterCheckPreprocessor.PRIORITY)
public class ParameterCheckPreprocessor extends AbstractPreprocessorPlugin {

    /** After the input harvester (-10000) and SciJava's required-input check (-10002). */
    public static final double PRIORITY = -10003;

    @Parameter(required = false)
    private LogService log;

    @Override
    public void process(Module module) {
        if (!(module instanceof CommandModule command) || !(command.getCommand() instanceof JobCommand)) {
            return;
        }
        for (ModuleItem<?> item : module.getInfo().inputs()) {
            String problem = problem(item, item.getValue(module));
            if (problem != null) {
                String message = item.getName() + ": " + problem;
                if (log != null) {
                    log.error(module.getInfo().getTitle() + ": " + message);
                }
                cancel(message);
                return;
            }
        }
    }

    /** @return what is wrong with the value, or null when it is within the item's limits */
    static String problem(ModuleItem<?> item, Object value) {
        if (value instanceof Number number) {
            Object min = item.getMinimumValue();
            Object max = item.getMaximumValue();
            double v = number.doubleValue();
            boolean low = min instanceof Number m && v < m.doubleValue();
            boolean high = max instanceof Number m && v > m.doubleValue();
            if (Double.isNaN(v) || low || high) {
                return limits(min, max) + ", got " + format(number);
            }
        }
        List<?> choices = item.getChoices();
        if (value instanceof String text && choices != null && !choices.isEmpty() && !choices.contains(text)) {
            return "must be one of " + String.join(", ", choices.stream().map(String::valueOf).toList()) + "; got '" + text + "'";
        }
        return null;
    }

    private static String limits(Object min, Object max) {
        if (min instanceof Number lo && max instanceof Number hi) {
            return "must be between " + format(lo) + " and " + format(hi);
        }
        if (min instanceof Number lo) {
            return "must be at least " + format(lo);
        }
        return max instanceof Number hi ? "must be at most " + format(hi) : "must be a number";
    }

    private static String format(Number n) {
        double d = n.doubleValue();
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : String.format(Locale.ROOT, "%s", n);
    }
}
