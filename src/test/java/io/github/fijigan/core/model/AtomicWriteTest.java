package io.github.fijigan.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failed write must leave the previous model exactly as it was, and nothing else behind. */
class AtomicWriteTest {

    @TempDir
    Path dir;

    private NDManager manager;
    private Path zip;
    private byte[] previous;

    @BeforeEach
    void writePrevious() throws IOException {
        manager = NDManager.newBaseManager();
        zip = dir.resolve("t1t2.zip");
        TestModels.writeGood(zip);
        previous = Files.readAllBytes(zip);
    }

    @AfterEach
    void close() {
        manager.close();
    }

    /** A bundle whose bytes differ from the previous one. */
    private ModelBundle other() {
        return ModelBundle.of(TestModels.manifest(), Map.of(
                "G_AB", BlockParameters.parametersOf(TestModels.trained(manager, 21), manager),
                "G_BA", BlockParameters.parametersOf(TestModels.trained(manager, 22), manager)), Map.of());
    }

    private List<String> folder() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aStreamFailingMidwayLeavesThePreviousFileAndNoTemporaryFile() throws IOException {
        try (ModelBundle bundle = other()) {
            ModelBundleException e = assertThrows(ModelBundleException.class,
                    () -> ModelBundles.write(zip, bundle, out -> new FailAfter(out, 800)));
            assertEquals("t1t2.zip: networks/G_BA.ndlist: cannot write: java.io.IOException: disk full (injected after 800 bytes)",
                    e.getMessage());
        }
        assertArrayEquals(previous, Files.readAllBytes(zip));
        assertEquals(List.of("t1t2.zip"), folder());
    }

    @Test
    void anArrayThatCannotBeEncodedLeavesThePreviousFileAndNoTemporaryFile() throws IOException {
        try (ModelBundle bundle = other()) {
            bundle.parameters("G_BA").get(3).close();
            ModelBundleException e = assertThrows(ModelBundleException.class, () -> ModelBundles.write(zip, bundle));
            assertEquals("t1t2.zip: networks/G_BA.ndlist: cannot encode: Native resource has been released already.", e.getMessage());
        }
        assertArrayEquals(previous, Files.readAllBytes(zip));
        assertEquals(List.of("t1t2.zip"), folder());
    }

    @Test
    void aSuccessfulWriteReplacesTheFileWhole() throws IOException {
        ModelManifest written;
        try (ModelBundle bundle = other()) {
            written = ModelBundles.write(zip, bundle);
        }
        assertFalse(java.util.Arrays.equals(previous, Files.readAllBytes(zip)));
        assertEquals(written, ModelBundles.readManifest(zip));
        assertEquals(List.of("t1t2.zip"), folder());
    }

    @Test
    void writingOntoAFolderOrIntoAMissingFolderFailsWithAMessage() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("models.zip"));
        Path missing = dir.resolve("no-such-folder").resolve("m.zip");
        try (ModelBundle bundle = other()) {
            assertEquals("models.zip: is a folder; give a file name ending in .zip",
                    assertThrows(ModelBundleException.class, () -> ModelBundles.write(folder, bundle)).getMessage());
            assertEquals("m.zip: cannot write: folder " + missing.getParent() + " does not exist",
                    assertThrows(ModelBundleException.class, () -> ModelBundles.write(missing, bundle)).getMessage());
        }
        assertEquals(List.of("models.zip", "t1t2.zip"), folder());
    }

    @Test
    void theBundleStillOwnsItsListsAfterAFailedWrite() {
        try (ModelBundle bundle = other()) {
            assertThrows(ModelBundleException.class, () -> ModelBundles.write(zip, bundle, out -> new FailAfter(out, 10)));
            NDList g = bundle.parameters("G_AB");
            assertFalse(g.head().isReleased());
            ModelBundles.write(zip, bundle); // and a retry works
        }
    }

    /** Throws like a full disk once {@code limit} bytes have passed. */
    private static final class FailAfter extends FilterOutputStream {
        private final long limit;
        private long written;

        FailAfter(OutputStream out, long limit) {
            super(out);
            this.limit = limit;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (written + len > limit) {
                throw new IOException("disk full (injected after " + limit + " bytes)");
            }
            written += len;
            out.write(b, off, len);
        }
    }
}
