package io.github.fijigan.core.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.fijigan.core.image.ValueCalibration;
import io.github.fijigan.core.tensor.LinearMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NormalizerTest {

    private static IntensitySample oneToHundred() {
        float[] v = new float[100];
        for (int i = 0; i < 100; i++) v[i] = i + 1;
        IntensitySample s = new IntensitySample();
        s.add(v, 0, v.length);
        return s;
    }

    @Test
    void percentilesInterpolateBetweenRanksAsNumPyDoes() {
        // np.percentile(np.arange(1, 101), [0, 1, 50, 99.8, 100]) = [1, 1.99, 50.5, 99.802, 100]
        IntensitySample s = oneToHundred();
        assertEquals(1, s.percentile(0), 1e-12);
        assertEquals(1.99, s.percentile(1), 1e-9);
        assertEquals(50.5, s.percentile(50), 1e-9);
        assertEquals(99.802, s.percentile(99.8), 1e-9);
        assertEquals(100, s.percentile(100), 1e-12);
        assertTrue(s.isExact());

        IntensityMap map = new PercentileNormalizer(1, 99.8, true).fit(s);
        assertEquals(1.99, map.low(), 1e-9);
        assertEquals(99.802, map.high(), 1e-9);
        assertTrue(map.clip());
    }

    @Test
    void minMaxAndWindowFitWhatTheySay() {
        IntensityMap minmax = new MinMaxNormalizer().fit(oneToHundred());
        assertEquals(1, minmax.low());
        assertEquals(100, minmax.high());
        assertFalse(minmax.clip());
        LinearMap in = minmax.toNetwork();
        assertEquals(-1, in.apply(1), 1e-12);
        assertEquals(1, in.apply(100), 1e-12);
        assertEquals(0, in.apply(50.5), 1e-12);
        assertEquals(1.0404, in.apply(102), 1e-4); // not clipped

        IntensityMap ct = new WindowNormalizer(-1000, 1000, true).fit(new IntensitySample());
        assertEquals(-1, ct.toNetwork().apply(-3000));
        assertEquals(1, ct.toNetwork().apply(3000));
        assertEquals(0.5, ct.toNetwork().apply(500), 1e-12);
        assertEquals(500, ct.fromNetwork().apply(0.5), 1e-9);
    }

    @Test
    void flatDataMapToZeroAndBack() {
        IntensitySample s = new IntensitySample();
        s.add(new float[] {7, 7, 7, Float.NaN}, 0, 4);
        assertEquals(3, s.count());
        IntensityMap map = new MinMaxNormalizer().fit(s);
        assertEquals(0, map.toNetwork().apply(7), 1e-12);
        assertEquals(7, map.fromNetwork().apply(0), 1e-12);
        assertThrows(IllegalStateException.class, () -> new MinMaxNormalizer().fit(new IntensitySample()));
    }

    @Test
    void storedValuesGoThroughValueCalibrationAndComeBackExactly() {
        // ImageJ keeps signed CT as unsigned 16-bit with the shift folded into the calibration: HU = v - 33792.
        ValueCalibration ct = new ValueCalibration(1, -33792, "HU");
        IntensityMap window = new WindowNormalizer(-1000, 1000, false).fit(new IntensitySample());
        LinearMap in = window.toNetwork(ct), out = window.fromNetwork(ct);
        for (int stored = 32768; stored < 36000; stored += 37) {
            double hu = ct.toPhysical(stored);
            assertEquals(window.toNetwork().apply(hu), in.apply(stored), 1e-12);
            // float32 in the tensor, then back: well within 1e-3 HU.
            float tensorValue = (float) in.apply(stored);
            assertEquals(stored, out.apply(tensorValue), 1e-3);
        }
    }

    @Test
    void largeDatasetsAreSampledWithinBoundedMemoryReproducibly() {
        SplittableRandom r = new SplittableRandom(1);
        float[] values = new float[1_000_000];
        for (int i = 0; i < values.length; i++) values[i] = (float) r.nextDouble();
        values[123] = -5;
        values[999_999] = 9;
        IntensitySample a = new IntensitySample(10_000, 42), b = new IntensitySample(10_000, 42);
        a.add(values, 0, values.length);
        b.add(values, 0, values.length);
        assertFalse(a.isExact());
        assertEquals(-5, a.min()); // extremes stay exact
        assertEquals(9, a.max());
        assertEquals(0.5, a.percentile(50), 0.02); // a 10k sample of a uniform: sd of the median ~0.005
        assertEquals(0.99, a.percentile(99), 0.01);
        assertEquals(a.percentile(37), b.percentile(37)); // same seed, same answer
    }

    @Test
    void mapsAndRecipesRoundTripThroughJson() {
        IntensityMap map = new PercentileNormalizer(2, 98, false).fit(oneToHundred());
        JsonObject json = JsonParser.parseString(map.toJson().toString()).getAsJsonObject();
        assertEquals(map, IntensityMap.fromJson(json, "domains.A.normalization"));

        for (Normalizer n : new Normalizer[] {new MinMaxNormalizer(), new PercentileNormalizer(1, 99.8, true), new WindowNormalizer(-160, 240, false)}) {
            assertEquals(n, Normalizer.fromJson(n.toJson(), "normalizer"));
            assertEquals(n.method(), Normalizer.parse(n.spec()).method());
        }
    }

    @Test
    void badJsonNamesTheField() {
        String path = "domains.B.normalization";
        assertMessage(path + ".high: must be greater than low", "{\"method\":\"window\",\"low\":5,\"high\":5,\"clip\":true}", path);
        assertMessage(path + ".method: unknown normalisation method 'zscore'", "{\"method\":\"zscore\",\"low\":0,\"high\":1,\"clip\":true}", path);
        assertMessage(path + ".low: missing or not a number", "{\"method\":\"minmax\",\"low\":\"a\",\"high\":1,\"clip\":true}", path);
        assertMessage(path + ".clip: missing", "{\"method\":\"minmax\",\"low\":0,\"high\":1}", path);
        assertMessage(path + ".low_percentile: missing", "{\"method\":\"percentile\",\"low\":0,\"high\":1,\"clip\":true}", path);
        assertMessage(path + ": percentiles need", "{\"method\":\"percentile\",\"low\":0,\"high\":1,\"clip\":true,\"low_percentile\":50,\"high_percentile\":10}", path);
    }

    private static void assertMessage(String expectedStart, String json, String path) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IntensityMap.fromJson(JsonParser.parseString(json).getAsJsonObject(), path));
        assertTrue(e.getMessage().startsWith(expectedStart), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"minmax", " MinMax ", "percentile", "percentile:1,99.8", "percentile:0.5, 99", "window:-1000,1000", "window:-160,240"})
    void parsesTheShortForms(String spec) {
        assertInstanceOf(Normalizer.class, Normalizer.parse(spec));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "zscore", "minmax:1", "percentile:99,1", "percentile:1", "percentile:-1,50", "window:5,5", "window:a,b", "window:1,2,3"})
    void refusesOtherFormsWithAMessageNamingThem(String spec) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Normalizer.parse(spec));
        assertTrue(e.getMessage().contains("'" + spec + "'"), e.getMessage());
    }
}
