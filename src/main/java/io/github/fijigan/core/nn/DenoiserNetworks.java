package io.github.fijigan.core.nn;

import java.util.List;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import com.google.gson.JsonObject;
import io.github.fijigan.core.model.NetworkRole;
import io.github.fijigan.core.model.NetworkSpec;

/** The denoising generator {@code dncnn} ({@link ResidualDenoiser}). */
final class DenoiserNetworks implements NetworkFamily {

    private static final List<String> NAMES = List.of("dncnn");
    /** The patch side networks are initialised with when no size is given. */
    private static final int DEFAULT_SIZE = 64;

    @Override
    public List<String> architectures() {
        return NAMES;
    }

    @Override
    public Block build(String architecture, NetworkRole role, JsonObject json, int inChannels, int outChannels) {
        if (role != NetworkRole.GENERATOR) {
            throw NetworkFamily.wrongRole(architecture, role, "generator");
        }
        NetworkOptions options = new NetworkOptions(architecture + " generator", json);
        int ngf = options.integer("ngf", 64, 1);
        int layers = options.integer("layers", 17, 2);
        String norm = options.word("norm", Norms.NONE, Norms.PIX2PIX);
        options.rejectUnknown();
        return new ResidualDenoiser(inChannels, outChannels, ngf, layers, norm);
    }

    @Override
    public Shape[] inputShapes(NetworkSpec spec, int batch, int size) {
        if (spec.role() != NetworkRole.GENERATOR) {
            throw NetworkFamily.wrongRole(spec.architecture(), spec.role(), "generator");
        }
        NetworkFamily.checkSize(this, spec, size);
        return new Shape[] {new Shape(batch, spec.inChannels(), size, size)};
    }

    /** Only stride-1 convolutions: any size gives the same size back. */
    @Override
    public int sizeMultiple(NetworkSpec spec) {
        return 1;
    }

    @Override
    public int minimumSize(NetworkSpec spec) {
        return 1;
    }

    @Override
    public int defaultSize(NetworkSpec spec) {
        return DEFAULT_SIZE;
    }
}
