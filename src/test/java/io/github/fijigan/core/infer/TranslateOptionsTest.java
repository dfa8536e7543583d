package io.github.fijigan.core.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.Device;
import io.github.fijigan.core.infer.TranslateOptions.OutputType;
import org.junit.jupiter.api.Test;

class TranslateOptionsTest {

    @Test
    void defaultsAndWithers() {
        TranslateOptions d = TranslateOptions.DEFAULTS;
        assertEquals(512, d.tileSize());
        assertEquals(32, d.overlap());
        assertEquals(4, d.tileBatch());
        assertEquals(OutputType.SAME_AS_INPUT, d.outputType());
        assertNull(d.device());
        TranslateOptions o = d.withTileSize(256).withOverlap(16).withTileBatch(1).withOutputType(OutputType.FLOAT32).withDevice(Device.cpu());
        assertEquals(new TranslateOptions(256, 16, 1, OutputType.FLOAT32, Device.cpu()), o);
    }

    @Test
    void outputTypesByName() {
        assertEquals(OutputType.SAME_AS_INPUT, OutputType.parse(" Same "));
        assertEquals(OutputType.FLOAT32, OutputType.parse("float32"));
        assertEquals(OutputType.FLOAT32, OutputType.parse("FLOAT"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OutputType.parse("double"));
        assertEquals("output type 'double' not understood; use same or float32", e.getMessage());
    }

    @Test
    void refusesValuesOutOfRange() {
        assertEquals("tile size must be at least 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> TranslateOptions.DEFAULTS.withTileSize(0)).getMessage());
        assertEquals("tile overlap must be at least 0, got -2",
                assertThrows(IllegalArgumentException.class, () -> TranslateOptions.DEFAULTS.withOverlap(-2)).getMessage());
        assertEquals("tile batch must be at least 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> TranslateOptions.DEFAULTS.withTileBatch(0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> TranslateOptions.DEFAULTS.withOutputType(null));
    }
}
