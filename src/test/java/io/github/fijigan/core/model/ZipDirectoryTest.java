package io.github.fijigan.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Our zip directory reader against java.util.zip.ZipFile, on PyTorch's archives and on Java's own zips. */
class ZipDirectoryTest {

    @TempDir
    Path dir;

    private static List<String> namesByJava(Path zip) throws IOException {
        try (ZipFile z = new ZipFile(zip.toFile())) {
            return Collections.list(z.entries()).stream().map(ZipEntry::getName).toList();
        }
    }

    private static byte[] entryByJava(Path zip, String name) throws IOException {
        try (ZipFile z = new ZipFile(zip.toFile()); InputStream in = z.getInputStream(z.getEntry(name))) {
            return in.readAllBytes();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tiny_resnet.pt", "tiny_resnet_rgb.pt", "tiny_resnet_state_dict.pt"})
    void listsWhatZipFileLists(String file) throws IOException {
        Path pt = TorchScriptFixture.FOLDER.resolve(file);
        byte[] b = Files.readAllBytes(pt);
        ZipDirectory.Listing listing = ZipDirectory.read(b);
        assertEquals(namesByJava(pt), listing.names());
        assertNull(listing.firstDamaged(b));
    }

    @Test
    void deflatedEntriesOfAJavaZip() throws IOException {
        Path zip = dir.resolve("bundle.zip");
        TestModels.writeGood(zip);
        byte[] b = Files.readAllBytes(zip);
        ZipDirectory.Listing listing = ZipDirectory.read(b);
        assertEquals(namesByJava(zip), listing.names());
        assertEquals(8, listing.entries().get(0).method());
        assertNull(listing.firstDamaged(b));
        String last = listing.names().get(listing.names().size() - 1);
        flipInside(b, entryRawOffset(b, listing, last));
        assertEquals(last, listing.firstDamaged(b).name());
    }

    /** PyTorch writes a ZIP64 end record as well; with the classic record's fields saturated, it must be the one used. */
    @Test
    void zip64EndRecord() throws IOException {
        Path pt = TorchScriptFixture.FOLDER.resolve("tiny_resnet.pt");
        byte[] b = Files.readAllBytes(pt);
        int end = b.length - 22;
        Arrays.fill(b, end + 8, end + 20, (byte) 0xFF); // entries on disk, entries, directory size, directory offset
        ZipDirectory.Listing listing = ZipDirectory.read(b);
        assertNotNull(listing, "read through the ZIP64 record");
        assertEquals(namesByJava(pt), listing.names());
        assertNull(listing.firstDamaged(b));

        byte[] noLocator = b.clone();
        noLocator[end - 20] = 0;
        assertNull(ZipDirectory.read(noLocator));
    }

    @Test
    void changedWeightByteIsFound() throws IOException {
        Path pt = TorchScriptFixture.FOLDER.resolve("tiny_resnet.pt");
        byte[] b = Files.readAllBytes(pt);
        byte[] weights = entryByJava(pt, "tiny_resnet/data/2");
        int at = indexOf(b, weights);
        b[at + weights.length / 2] ^= 0x04;
        assertEquals("tiny_resnet/data/2", ZipDirectory.read(b).firstDamaged(b).name());
    }

    @Test
    void cutArchivesHaveNoDirectory() throws IOException {
        byte[] b = Files.readAllBytes(TorchScriptFixture.FOLDER.resolve("tiny_resnet.pt"));
        List<Integer> lengths = new ArrayList<>(List.of(0, 3, 22, b.length / 2, b.length - 1));
        for (int length : lengths) {
            assertNull(ZipDirectory.read(Arrays.copyOf(b, length)), "cut at " + length);
        }
    }

    private static long entryRawOffset(byte[] b, ZipDirectory.Listing listing, String name) {
        ZipDirectory.Entry e = listing.entries().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
        int h = (int) e.localHeader();
        int nameLength = (b[h + 26] & 0xFF) | (b[h + 27] & 0xFF) << 8;
        int extraLength = (b[h + 28] & 0xFF) | (b[h + 29] & 0xFF) << 8;
        return h + 30L + nameLength + extraLength + e.compressedSize() / 2;
    }

    private static void flipInside(byte[] b, long at) {
        b[(int) at] ^= 0x20;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("entry bytes not found stored in the archive");
    }
}
