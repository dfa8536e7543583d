package io.github.fijigan.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class EngineOptionsTest {

    @Test
    void defaultsAreAutoAndEngineChosenThreads() {
        EngineOptions options = EngineOptions.defaults();
        assertEquals(DeviceSpec.auto(), options.device());
        assertEquals(0, options.intraOpThreads());
        assertEquals(0, options.interOpThreads());
    }

    @Test
    void withersChangeOneFieldEach() {
        EngineOptions options = EngineOptions.defaults()
                .withDevice(DeviceSpec.gpu(1)).withIntraOpThreads(4).withInterOpThreads(2);
        assertEquals(new EngineOptions(DeviceSpec.gpu(1), 4, 2), options);
    }

    @Test
    void refusesNegativeThreadsAndNoDevice() {
        assertThrows(IllegalArgumentException.class,
                () -> EngineOptions.defaults().withIntraOpThreads(-1));
        assertThrows(IllegalArgumentException.class,
                () -> EngineOptions.defaults().withInterOpThreads(-2));
        assertThrows(NullPointerException.class, () -> EngineOptions.defaults().withDevice(null));
    }
}
