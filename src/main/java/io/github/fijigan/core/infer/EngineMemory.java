package io.github.fijigan.core.infer;

import java.util.Locale;

import ai.djl.engine.EngineException;

/**
 * Recognises an engine's out-of-memory failure. PyTorch reports it as a plain {@link
 * EngineException} whose message says so: "CUDA out of memory. Tried to allocate ..." on a GPU,
 * "DefaultCPUAllocator: can't allocate memory" or "not enough memory" on the CPU, "MPS backend out
 * of memory" on Apple silicon.
 */
final class EngineMemory {

    private static final String[] SIGNS = {"out of memory", "can't allocate memory", "not enough memory", "outofmemory"};

    private EngineMemory() {}

    /** @return whether {@code e} or one of its causes is an engine exception saying memory ran out */
    static boolean isOutOfMemory(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof EngineException && t.getMessage() != null) {
                String message = t.getMessage().toLowerCase(Locale.ROOT);
                for (String sign : SIGNS) {
                    if (message.contains(sign)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
