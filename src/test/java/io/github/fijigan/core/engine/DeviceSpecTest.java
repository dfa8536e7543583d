package io.github.fijigan.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class DeviceSpecTest {

    @ParameterizedTest(name = "\"{0}\" reads as {1}")
    @CsvSource(delimiter = '|', value = {
        "auto|auto", "AUTO|auto", "  Auto  |auto",
        "cpu|cpu", "CPU|cpu", " cPu |cpu",
        "gpu|gpu:0", "GPU|gpu:0",
        "gpu:0|gpu:0", "gpu:1|gpu:1", "GPU:7|gpu:7", " gpu:12 |gpu:12", "gpu:007|gpu:7"
    })
    void acceptsTheDocumentedForms(String text, String canonical) {
        DeviceSpec spec = DeviceSpec.parse(text);
        assertEquals(canonical, spec.toString());
        assertEquals(spec, DeviceSpec.parse(spec.toString()), "toString reads back");
    }

    @Test
    void ignoresTabsAndNewlinesAroundTheValue() {
        assertEquals(DeviceSpec.cpu(), DeviceSpec.parse("\tcpu\n"));
        assertEquals(DeviceSpec.gpu(2), DeviceSpec.parse("\r\ngpu:2\t"));
    }

    @ParameterizedTest(name = "\"{0}\" is refused")
    @ValueSource(strings = {"gpu:-1", "gpu:x", "cuda", "", "  ", "gpu:1:2", "gpu:", "gpu0",
        "cpu:0", "gpu: 1", "gpu:+1", "gpu:1.0", "gpu:99999999999", "auto,cpu", "mps"})
    void refusesAnythingElseNamingTheValueAndTheForms(String text) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> DeviceSpec.parse(text));
        assertTrue(e.getMessage().contains('"' + text + '"'), e.getMessage());
        assertTrue(e.getMessage().contains(DeviceSpec.ACCEPTED_FORMS), e.getMessage());
    }

    @ParameterizedTest
    @NullSource
    void refusesNull(String text) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> DeviceSpec.parse(text));
        assertTrue(e.getMessage().contains("null"), e.getMessage());
        assertTrue(e.getMessage().contains("gpu:N"), e.getMessage());
    }

    @Test
    void kindsAndIndices() {
        assertEquals(DeviceSpec.Kind.AUTO, DeviceSpec.parse("auto").kind());
        assertEquals(DeviceSpec.Kind.CPU, DeviceSpec.parse("cpu").kind());
        assertEquals(DeviceSpec.Kind.GPU, DeviceSpec.parse("gpu:3").kind());
        assertEquals(3, DeviceSpec.parse("gpu:3").gpuIndex().getAsInt());
        assertTrue(DeviceSpec.cpu().gpuIndex().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> DeviceSpec.gpu(-1));
    }

    @Test
    void autoPicksTheFirstGpuOnlyWhenThereIsOne() {
        assertEquals(Device.cpu(), DeviceSpec.auto().resolve(0));
        assertEquals(Device.gpu(0), DeviceSpec.auto().resolve(2));
    }

    @Test
    void cpuIsAlwaysTheCpu() {
        assertEquals(Device.cpu(), DeviceSpec.cpu().resolve(0));
        assertEquals(Device.cpu(), DeviceSpec.cpu().resolve(4));
    }

    @Test
    void gpuResolvesWithinTheCount() {
        assertEquals(Device.gpu(0), DeviceSpec.gpu(0).resolve(1));
        assertEquals(Device.gpu(3), DeviceSpec.parse("gpu:3").resolve(4));
    }

    @Test
    void refusesAGpuIndexPastTheCount() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DeviceSpec.parse("gpu:3").resolve(1));
        assertTrue(e.getMessage().startsWith("gpu:3 requested but DJL sees 1 GPU(s)"),
                e.getMessage());
        assertTrue(e.getMessage().contains("0 to 0"), e.getMessage());

        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> DeviceSpec.gpu(0).resolve(0));
        assertTrue(none.getMessage().startsWith("gpu:0 requested but DJL sees 0 GPU(s)"),
                none.getMessage());
    }

    @Test
    void refusesANegativeGpuCount() {
        assertThrows(IllegalArgumentException.class, () -> DeviceSpec.auto().resolve(-1));
    }
}
