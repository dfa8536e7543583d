package io.github.fijigan.core.model;

import java.util.List;
import java.util.Objects;

import com.google.gson.JsonPrimitive;

/**
 * What Fiji GAN must know about a generator trained in PyTorch that the TorchScript file cannot
 * tell: the images it takes and gives (channels, and the intensity maps to and from its [-1, 1]
 * range), and the multiple its image sizes must be.
 *
 * <pre>{@code
 * IntensityMap t1 = new IntensityMap("percentile", 12.0, 980.0, true, 1.0, 99.8); // as fitted for training
 * IntensityMap ct = new WindowNormalizer(-1000, 1000, true).fit(new IntensitySample());
 * TorchScriptSpec spec = TorchScriptSpec.of(new DomainSpec(1, t1, ""), new DomainSpec(1, ct, "HU"), 4);
 * TorchScriptBundles.wrap(Path.of("G_AB.pt"), spec, Path.of("t1-to-ct.zip"));
 * }</pre>
 *
 * In the bundle the source domain is named {@value #SOURCE}, the target {@value #TARGET}, and
 * {@code model.json} says {@code "direction": "A->B"}.
 *
 * @param source the images the generator takes
 * @param target the images it gives
 * @param tileMultiple image widths and heights the generator accepts are multiples of this (4 for a
 *     ResNet generator with two down-sampling steps, 256 for {@code unet_256})
 * @param training provenance to record, {@link TrainingProvenance#NONE} when not known
 */
public record TorchScriptSpec(DomainSpec source, DomainSpec target, int tileMultiple, TrainingProvenance training) {

    /** The name of the generator network in a TorchScript bundle. */
    public static final String GENERATOR = "generator";
    /** The {@code model.json} key (kind torchscript) naming the generator's domains, e.g. {@code "A->B"}. */
    public static final String DIRECTION = "direction";
    /** The source domain's name in bundles written by {@link TorchScriptBundles#wrap}. */
    public static final String SOURCE = "A";
    /** The target domain's name in bundles written by {@link TorchScriptBundles#wrap}. */
    public static final String TARGET = "B";

    private static final String ARROW = "->";

    public TorchScriptSpec {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(training, "training");
        if (tileMultiple < 1) {
            throw new IllegalArgumentException("tile multiple must be at least 1, got " + tileMultiple);
        }
    }

    /** @return a spec without training provenance */
    public static TorchScriptSpec of(DomainSpec source, DomainSpec target, int tileMultiple) {
        return new TorchScriptSpec(source, target, tileMultiple, TrainingProvenance.NONE);
    }

    /**
     * Reads the spec back from a TorchScript bundle's manifest, following its {@code direction}
     * (so a hand-written {@code "B->A"} gives domain B as the source).
     *
     * @throws IllegalArgumentException when the manifest is not of kind torchscript
     */
    public static TorchScriptSpec from(ModelManifest manifest) {
        if (manifest.kind() != ModelKind.TORCHSCRIPT) {
            throw new IllegalArgumentException("the model is of kind " + manifest.kind().id() + ", not " + ModelKind.TORCHSCRIPT.id());
        }
        // The manifest's own rules guarantee a well-formed direction between two of its domains.
        List<String> ends = parseDirection(manifest.extras().get(DIRECTION).getAsString());
        return new TorchScriptSpec(manifest.domains().get(ends.get(0)), manifest.domains().get(ends.get(1)),
                manifest.tileMultiple(), manifest.training());
    }

    /** @return the manifest of a bundle holding this generator */
    public ModelManifest toManifest() {
        return ModelManifest.builder(ModelKind.TORCHSCRIPT)
                .network(GENERATOR, NetworkSpec.of(NetworkSpec.TORCHSCRIPT, null, source.channels(), target.channels(),
                        NetworkRole.GENERATOR))
                .domain(SOURCE, source)
                .domain(TARGET, target)
                .tileMultiple(tileMultiple)
                .training(training)
                .extra(DIRECTION, new JsonPrimitive(SOURCE + ARROW + TARGET))
                .build();
    }

    /** @return [from, to] of a direction such as {@code A->B}, or an empty list when it has another form */
    static List<String> parseDirection(String direction) {
        int arrow = direction.indexOf(ARROW);
        if (arrow < 0 || direction.indexOf(ARROW, arrow + 1) >= 0) {
            return List.of();
        }
        String from = direction.substring(0, arrow);
        String to = direction.substring(arrow + ARROW.length());
        return from.isEmpty() || to.isEmpty() ? List.of() : List.of(from, to);
    }
}
