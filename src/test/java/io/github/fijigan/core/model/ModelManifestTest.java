package io.github.fijigan.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import org.junit.jupiter.api.Test;

/** The rules a manifest obeys when built in code: the same ones, with the same field names, as when read. */
class ModelManifestTest {

    private static NetworkSpec spec(NetworkRole role) {
        return NetworkSpec.of("dcgan_64", new JsonObject(), 1, 1, role);
    }

    private static ModelManifest.Builder minimal(ModelKind kind) {
        return ModelManifest.builder(kind).network("G", spec(NetworkRole.GENERATOR))
                .domain("B", new DomainSpec(1, TestModels.windowMap(), "HU"));
    }

    private static String fails(ModelManifest.Builder b) {
        return assertThrows(IllegalArgumentException.class, b::build).getMessage();
    }

    @Test
    void defaultsAreFilledIn() {
        ModelManifest m = minimal(ModelKind.DENOISE).build();
        assertEquals(1, m.tileMultiple());
        assertTrue(m.latentSize().isEmpty());
        assertEquals(List.of(), m.classes());
        assertEquals(TrainingProvenance.NONE, m.training());
        assertEquals("networks/G.ndlist", m.networks().get("G").parameters());
    }

    @Test
    void brokenRulesNameTheField() {
        assertEquals("networks: kind cyclegan needs a network with role generator, found none",
                fails(ModelManifest.builder(ModelKind.CYCLEGAN).network("D", spec(NetworkRole.DISCRIMINATOR))
                        .domain("A", new DomainSpec(1, TestModels.windowMap(), ""))));
        assertEquals("latent_size: missing; kind dcgan generates from noise and needs the latent vector's length",
                fails(minimal(ModelKind.DCGAN)));
        assertEquals("classes: kind acgan is class-conditional and needs at least 2 class names, got 1",
                fails(minimal(ModelKind.ACGAN).latentSize(100).classes(List.of("tumour"))));
        assertEquals("classes[1]: class 'a' appears twice", fails(minimal(ModelKind.DENOISE).classes(List.of("a", "a"))));
        assertEquals("domains: no domains; a model needs at least one to normalise its images",
                fails(ModelManifest.builder(ModelKind.DENOISE).network("G", spec(NetworkRole.GENERATOR))));
        assertEquals("networks: name 'G AB' is not allowed (letters, digits, '_', '.' and '-', starting with a letter or digit, "
                + "at most 64 characters)", fails(minimal(ModelKind.DENOISE).network("G AB", spec(NetworkRole.OTHER))));
        assertEquals("tile_multiple: must be an integer >= 1, got 0", fails(minimal(ModelKind.DENOISE).tileMultiple(0)));
        assertEquals("networks.D.parameters: entry 'networks/G.ndlist' is already used by networks.G.parameters",
                fails(minimal(ModelKind.DENOISE).network("D", spec(NetworkRole.DISCRIMINATOR).withParameters("networks/G.ndlist"))));
        assertEquals("state.adam.file: entry 'model.json' is already used by the manifest",
                fails(minimal(ModelKind.DENOISE).state("adam", new StateSpec("model.json", ""))));
        assertEquals("kind: is a format field and cannot be kept as an extra",
                fails(minimal(ModelKind.DENOISE).extra("kind", new JsonPrimitive("x"))));
    }

    @Test
    void recordsAreImmutable() {
        JsonObject options = new JsonObject();
        options.addProperty("ngf", 64);
        NetworkSpec spec = NetworkSpec.of("resnet_9blocks", options, 1, 3, NetworkRole.GENERATOR);
        options.addProperty("ngf", 32);
        spec.options().addProperty("ngf", 16);
        assertEquals(64, spec.options().get("ngf").getAsInt());
        ModelManifest m = minimal(ModelKind.DENOISE).build();
        assertThrows(UnsupportedOperationException.class, () -> m.networks().clear());
    }

    @Test
    void fromJsonNamesTheFileAndModelJson() {
        JsonObject json = minimal(ModelKind.DENOISE).build().toJson();
        json.getAsJsonObject("networks").getAsJsonObject("G").addProperty("sha256", "ABC");
        ModelBundleException e = assertThrows(ModelBundleException.class, () -> ModelManifest.fromJson(json, "n2v.zip"));
        assertEquals("n2v.zip: model.json: networks.G.sha256: must be 64 lower-case hex digits (SHA-256), got 'ABC'", e.getMessage());
        assertEquals("n2v.zip", e.file());
        assertEquals("model.json: networks.G.sha256", e.where());
    }

    @Test
    void describeSummarisesForPeople() {
        ModelManifest m = TestModels.manifest();
        String text = m.describe();
        assertTrue(text.startsWith("Model kind: cyclegan (format fiji-gan-model version 1)\nNetworks:\n"
                + "  G_AB: generator, tiny_test, 1 -> 1 channels, 0 parameters\n"), text);
        assertTrue(text.contains("  A: 1 channel, normalisation window [-1000.00, 1000.00] clipped, unit HU\n"), text);
        assertTrue(text.contains("\nTile multiple: 4\nLatent size: 16\nClasses: normal, lesion\n"
                + "Training: 3 epochs, PyTorch 2.7.1, on cpu, finished 2025-03-01T14:05:00Z\n"), text);
    }
}
