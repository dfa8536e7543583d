package io.github.fijigan.core.nn;

import java.util.List;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import com.google.gson.JsonObject;
import io.github.fijigan.core.model.NetworkRole;
import io.github.fijigan.core.model.NetworkSpec;

/**
 * Architectures built the same way, for {@link NetworkFactory}: which names they answer to, how
 * to build them from options, and what input sizes they take. The factory has already checked the
 * name, the batch and the channels (at least 1) when it calls one.
 */
interface NetworkFamily {

    /** @return the architecture names of this family, in the order the factory lists them */
    List<String> architectures();

    /**
     * @return the network, not initialised
     * @throws IllegalArgumentException for a role the architecture has no network for, bad channels
     *     or a bad option
     */
    Block build(String architecture, NetworkRole role, JsonObject options, int inChannels, int outChannels);

    /**
     * @param size the image side S; checked against {@link #sizeMultiple} and {@link #minimumSize}
     * @return the shapes {@code forward} takes
     */
    Shape[] inputShapes(NetworkSpec spec, int batch, int size);

    /** @return what image sides must be a multiple of */
    int sizeMultiple(NetworkSpec spec);

    /** @return the smallest image side the network takes */
    int minimumSize(NetworkSpec spec);

    /** @return the image side {@link NetworkFactory#inputShapes(NetworkSpec, int)} initialises with */
    int defaultSize(NetworkSpec spec);

    /** @return the error for an architecture asked for a role it has none for; {@code roles} lists those it has */
    static IllegalArgumentException wrongRole(String architecture, NetworkRole role, String roles) {
        return new IllegalArgumentException(architecture + " has no " + role.id() + " network; roles: " + roles);
    }

    /** @throws IllegalArgumentException unless {@code size} is a positive multiple of the network's, at least its minimum */
    static void checkSize(NetworkFamily family, NetworkSpec spec, int size) {
        int multiple = family.sizeMultiple(spec);
        int minimum = family.minimumSize(spec);
        if (size < minimum || size % multiple != 0) {
            throw new IllegalArgumentException(spec.architecture() + " " + spec.role().id() + " takes images whose side is a multiple of "
                    + multiple + " and at least " + minimum + ", got " + size);
        }
    }
}
