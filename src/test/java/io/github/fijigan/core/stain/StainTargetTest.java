package io.github.fijigan.core.stain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.github.fijigan.core.model.PrettyJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stored form of a target: exact round trips and messages that name the wrong field. */
class StainTargetTest {

    @TempDir
    Path dir;

    @Test
    void roundTripsExactlyThroughAFile() throws IOException {
        RgbPixels he = StainFixtures.load(StainFixtures.HE);
        StainTarget target = StainTarget.fit(he, "he_from_ihc.png");
        Path file = dir.resolve("target.json");
        target.write(file);
        StainTarget back = StainTarget.read(file);
        assertEquals(target, back);
        // bit for bit, not only close
        for (int c = 0; c < 3; c++) {
            assertEquals(Double.doubleToRawLongBits(target.requireReinhard().mean()[c]), Double.doubleToRawLongBits(back.requireReinhard().mean()[c]));
            assertEquals(Double.doubleToRawLongBits(target.requireReinhard().std()[c]), Double.doubleToRawLongBits(back.requireReinhard().std()[c]));
        }
        for (int k = 0; k < 2; k++) {
            assertArrayEquals(target.requireMacenko().stain(k), back.requireMacenko().stain(k), 0.0);
        }
        assertArrayEquals(target.requireMacenko().maxConcentrations(), back.requireMacenko().maxConcentrations(), 0.0);
        assertEquals(target.toJson(), back.toJson());
        // normalising with the stored target gives the same image as with the fitted one
        RgbPixels ihc = StainFixtures.load(StainFixtures.IHC);
        for (String method : StainNormalizers.METHODS) {
            assertEquals(StainNormalizers.create(method, target).normalize(ihc), StainNormalizers.create(method, back).normalize(ihc), method);
        }
    }

    @Test
    void eitherSectionMayBeAbsent() {
        LabStatistics lab = new LabStatistics(new double[] {60, 20, -10}, new double[] {10, 5, 4}, TissueMask.DEFAULT);
        StainTarget reinhardOnly = new StainTarget("", lab, null);
        StainTarget back = StainTarget.fromJson(StainTargetJson.parse(PrettyJson.format(reinhardOnly.toJson())));
        assertEquals(reinhardOnly, back);
        assertFalse(back.macenko().isPresent());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StainNormalizers.create("macenko", back));
        assertTrue(e.getMessage().contains("no Macenko stain vectors"), e.getMessage());
        assertEquals("reinhard", StainNormalizers.create(" Reinhard ", back).method());
    }

    @Test
    void fitsOnlyTheNamedMethods() {
        StainTarget t = StainTarget.fit(StainFixtures.load(StainFixtures.HE), "he", List.of("macenko"));
        assertTrue(t.macenko().isPresent());
        assertFalse(t.reinhard().isPresent());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StainTarget.fit(StainFixtures.load(StainFixtures.HE), "he", List.of("vahadane")));
        assertEquals("unknown stain normalisation method 'vahadane'; known: reinhard, macenko", e.getMessage());
    }

    @Test
    void wrongFieldsAreNamed() throws IOException {
        JsonObject good = StainTarget.fit(StainFixtures.load(StainFixtures.HE), "he").toJson();
        assertMessage(with(good, j -> j.addProperty("format", "other")), "field format: must be \"fiji-gan-stain-target\"");
        assertMessage(with(good, j -> j.addProperty("version", 2)), "field version: this build reads version 1");
        assertMessage(with(good, j -> j.getAsJsonObject("reinhard").remove("lab_std")), "field reinhard.lab_std: missing");
        assertMessage(with(good, j -> j.getAsJsonObject("reinhard").addProperty("lab_mean", "x")), "field reinhard.lab_mean: must be an array of 3");
        assertMessage(with(good, j -> j.getAsJsonObject("reinhard").addProperty("colour", 1)), "field reinhard.colour: unknown field");
        assertMessage(with(good, j -> j.getAsJsonObject("macenko").addProperty("io", 240)), "field macenko.io: must be 255.0");
        assertMessage(with(good, j -> j.getAsJsonObject("macenko").getAsJsonArray("stain_matrix").remove(1)),
                "field macenko.stain_matrix: must be 2 stain vectors");
        assertMessage(with(good, j -> {
            JsonArray v = new JsonArray();
            v.add(1);
            v.add(1);
            v.add(0);
            j.getAsJsonObject("macenko").getAsJsonArray("stain_matrix").set(0, v);
        }), "stain vector 0 [1.0, 1.0, 0.0] must have length 1");
        assertMessage(with(good, j -> j.getAsJsonObject("macenko").getAsJsonArray("max_concentrations").set(1, new JsonPrimitive(-1))),
                "maximum concentrations must be positive");
        assertMessage(with(good, j -> {
            j.remove("reinhard");
            j.remove("macenko");
        }), "a stain target needs Reinhard statistics, Macenko stain vectors or both");
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\"format\": ");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StainTarget.read(file));
        assertTrue(e.getMessage().startsWith("stain target " + file + ": not valid JSON"), e.getMessage());
    }

    private static JsonObject with(JsonObject json, Consumer<JsonObject> change) {
        JsonObject copy = json.deepCopy();
        change.accept(copy);
        return copy;
    }

    private void assertMessage(JsonObject json, String expected) throws IOException {
        Path file = dir.resolve("t.json");
        Files.writeString(file, PrettyJson.format(json));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StainTarget.read(file));
        assertTrue(e.getMessage().startsWith("stain target " + file + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage() + "\n does not contain: " + expected);
    }
}
