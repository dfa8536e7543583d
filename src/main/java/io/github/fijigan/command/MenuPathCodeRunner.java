package io.github.fijigan.command;

import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.scijava.MenuEntry;
import org.scijava.MenuPath;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.run.AbstractCodeRunner;
import org.scijava.run.CodeRunner;

/**
 * Lets SciJava's {@code --run} take a command's menu path, as users read it in the menu:
 * {@code --run "Plugins>GAN>Model Info" "model='m.zip'"}. SciJava itself accepts a command's class
 * name or title; this adds the menu path (spaces around {@code >} do not matter), in Fiji as in
 * {@code fiji-gan-cli.jar}. The command runs with pre- and postprocessing and the call returns when
 * it has finished.
 */
@Plugin(type = CodeRunner.class)
public class MenuPathCodeRunner extends AbstractCodeRunner {

    @Parameter
    private CommandService commandService;

    @Override
    public void run(Object code, Object... args) throws InvocationTargetException {
        waitFor(commandService.run(find(code), true, args));
    }

    @Override
    public void run(Object code, Map<String, Object> inputMap) throws InvocationTargetException {
        waitFor(commandService.run(find(code), true, inputMap));
    }

    @Override
    public boolean supports(Object code) {
        return find(code) != null;
    }

    /** @return the command whose menu path is {@code code}, or null */
    CommandInfo find(Object code) {
        if (!(code instanceof String text) || text.indexOf('>') < 0) {
            return null;
        }
        List<String> wanted = Arrays.stream(text.split(">")).map(String::strip).toList();
        for (CommandInfo info : commandService.getCommands()) {
            MenuPath path = info.getMenuPath();
            if (path != null && path.stream().map(MenuEntry::getName).map(String::strip).toList().equals(wanted)) {
                return info;
            }
        }
        return null;
    }
}
