package io.github.fijigan.command;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Map;
import java.util.function.Consumer;

import io.github.fijigan.core.engine.EngineOptions;
import io.github.fijigan.core.engine.EngineStarter;
import org.scijava.Cancelable;
import org.scijava.Context;
import org.scijava.app.StatusService;
import org.scijava.app.event.StatusEvent;
import org.scijava.command.Command;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.event.EventHandler;
import org.scijava.event.EventService;
import org.scijava.event.EventSubscriber;
import org.scijava.log.LogService;
import org.scijava.module.Module;
import org.scijava.module.ModuleService;
import org.scijava.prefs.PrefService;

/**
 * A headless SciJava context for one test: runs a command with a parameter map (as a macro or
 * {@code --run} does: with pre- and postprocessing), starting from no remembered values, and
 * records the status events it sends.
 */
final class CommandHarness implements AutoCloseable {

    final Context context = new Context(CommandService.class, LogService.class, StatusService.class, PrefService.class);
    /** Events arrive on SciJava's threads, some after the module is done: iterating sees a snapshot. */
    final List<StatusEvent> status = new CopyOnWriteArrayList<>();
    private final List<EventSubscriber<?>> subscribers;
    private Consumer<StatusEvent> onStatus = e -> { };

    CommandHarness(Class<? extends Command> command) {
        // Commands run on SciJava's worker threads. PyTorch's grad mode is per thread and DJL turns
        // it off on the thread that loads the engine only: load it here, on the test thread, as
        // every other test does, so tests run after these see the thread state they expect.
        EngineStarter.start(EngineOptions.defaults());
        context.service(PrefService.class).clear(command);
        subscribers = context.service(EventService.class).subscribe(this);
    }

    @EventHandler
    public void onStatus(StatusEvent event) {
        status.add(event);
        onStatus.accept(event);
    }

    /** @param action called on each status event, on the command's thread */
    void whenStatus(Consumer<StatusEvent> action) {
        onStatus = action;
    }

    Module run(Class<? extends Command> command, Map<String, Object> inputs) throws Exception {
        return context.service(CommandService.class).run(command, true, inputs).get();
    }

    /** @return the module before it runs, so a test can cancel it while it runs */
    Module create(Class<? extends Command> command) {
        CommandInfo info = context.service(CommandService.class).getCommand(command);
        return context.service(ModuleService.class).createModule(info);
    }

    Module run(Module module, Map<String, Object> inputs) throws Exception {
        return context.service(ModuleService.class).run(module, true, inputs).get();
    }

    static boolean canceled(Module module) {
        return ((Cancelable) module).isCanceled();
    }

    static String reason(Module module) {
        return ((Cancelable) module).getCancelReason();
    }

    @Override
    public void close() {
        context.service(EventService.class).unsubscribe(subscribers);
        context.dispose();
    }
}
