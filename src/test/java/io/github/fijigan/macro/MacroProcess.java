package io.github.fijigan.macro;

import java.nio.file.Files;
import java.nio.file.Path;

import ij.IJ;
import ij.macro.Interpreter;

/**
 * The child JVM of the macro tests: runs one {@code .ijm} file through ImageJ1's real macro
 * interpreter, as <i>Plugins › Macros › Run…</i> does, with an ImageJ1 plugins folder whose jars'
 * {@code plugins.config} add menu commands (as in Fiji.app/plugins). Exit status 0: the macro ran
 * to its end; 3: it stopped early ({@code exit(message)}, or an error in the macro).
 *
 * <p>Arguments: the macro file, the macro's argument, the folder holding {@code plugins/}.
 */
public final class MacroProcess {

    private MacroProcess() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("plugins.dir", args[2]);
        String macro = Files.readString(Path.of(args[0]));
        Interpreter interpreter = new Interpreter();
        boolean stopped;
        try {
            interpreter.run(macro, args[1]);
            stopped = interpreter.wasError();
        } catch (RuntimeException e) {
            // exit("message") prints the message (no ImageJ window here) and throws "Macro canceled".
            System.out.println("macro stopped: " + e.getMessage());
            stopped = true;
        }
        String log = IJ.getLog();
        if (log != null) {
            System.out.print(log);
        }
        System.out.flush();
        System.exit(stopped ? 3 : 0);
    }
}
