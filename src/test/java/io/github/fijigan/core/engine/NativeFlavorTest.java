package io.github.fijigan.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class NativeFlavorTest {

    @Test
    void readsTheFlavorFromDjlsCacheFolderName() {
        assertEquals("cpu", NativeFlavor.fromCacheFolder(
                "2.7.1-20250812-cpu-linux-x86_64", "2.7.1-20250812", "linux-x86_64"));
        assertEquals("cu128", NativeFlavor.fromCacheFolder(
                "2.7.1-20250812-cu128-linux-x86_64", "2.7.1-20250812", "linux-x86_64"));
    }

    @Test
    void givesUpOnFoldersOfAnotherShape() {
        assertNull(NativeFlavor.fromCacheFolder("lib", "2.7.1", "linux-x86_64"));
        assertNull(NativeFlavor.fromCacheFolder("2.7.1--linux-x86_64", "2.7.1", "linux-x86_64"));
        assertNull(NativeFlavor.fromCacheFolder(
                "2.5.1-cpu-linux-x86_64", "2.7.1", "linux-x86_64"));
    }
}
