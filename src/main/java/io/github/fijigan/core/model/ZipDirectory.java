package io.github.fijigan.core.model;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The central directory of a zip held in memory, and a check of each entry's CRC-32. Written for
 * TorchScript archives, which {@code java.util.zip.ZipInputStream} refuses (stored entries followed
 * by data descriptors) and whose checksums libtorch does not verify: a changed weight byte would
 * load silently.
 */
final class ZipDirectory {

    /** One entry as the central directory describes it. */
    record Entry(String name, int method, long crc, long compressedSize, long size, long localHeader) {}

    /**
     * The entries, and where the directory starts: all entry data lies before it.
     *
     * @param entries in directory order
     * @param offset the directory's position in the archive
     */
    record Listing(List<Entry> entries, long offset) {

        List<String> names() {
            return entries.stream().map(Entry::name).toList();
        }

        /** @return the first entry whose data is not what the directory says (cut off, changed), if any */
        Entry firstDamaged(byte[] b) {
            for (Entry e : entries) {
                if (!intact(b, e, offset)) {
                    return e;
                }
            }
            return null;
        }
    }

    private static final int LOCAL_HEADER = 0x04034b50;
    private static final int CENTRAL_HEADER = 0x02014b50;
    private static final int END_RECORD = 0x06054b50;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final int ZIP64_END_RECORD = 0x06064b50;
    private static final int ZIP64_EXTRA = 0x0001;
    private static final int END_RECORD_SIZE = 22;
    private static final long SATURATED = 0xFFFFFFFFL;

    private ZipDirectory() {}

    static boolean startsLikeZip(byte[] b) {
        return b.length >= 4 && int32(b, 0) == LOCAL_HEADER;
    }

    /** @return the entries, or {@code null} when the directory is missing, cut off or inconsistent */
    static Listing read(byte[] b) {
        int end = findEndRecord(b);
        if (end < 0) {
            return null;
        }
        long count = uint16(b, end + 10);
        long size = uint32(b, end + 12);
        long offset = uint32(b, end + 16);
        long directoryEnd = end;
        if (count == 0xFFFF || size == SATURATED || offset == SATURATED) {
            // ZIP64: the real numbers are in a second end record, found through a locator just before the first.
            int locator = end - 20;
            if (locator < 0 || int32(b, locator) != ZIP64_LOCATOR) {
                return null;
            }
            long record = int64(b, locator + 8);
            if (record < 0 || record > locator - 56 || int32(b, (int) record) != ZIP64_END_RECORD) {
                return null;
            }
            count = int64(b, (int) record + 32);
            size = int64(b, (int) record + 40);
            offset = int64(b, (int) record + 48);
            directoryEnd = record;
        }
        if (count < 0 || size < 0 || offset < 0 || offset + size > directoryEnd) {
            return null;
        }
        List<Entry> entries = new ArrayList<>();
        long pos = offset;
        for (long i = 0; i < count; i++) {
            if (pos + 46 > directoryEnd || int32(b, (int) pos) != CENTRAL_HEADER) {
                return null;
            }
            int p = (int) pos;
            int nameLength = uint16(b, p + 28);
            int extraLength = uint16(b, p + 30);
            long next = pos + 46 + nameLength + extraLength + uint16(b, p + 32);
            if (next > directoryEnd) {
                return null;
            }
            long[] sizes = {uint32(b, p + 24), uint32(b, p + 20), uint32(b, p + 42)}; // size, compressed, local header
            if (!applyZip64(b, p + 46 + nameLength, extraLength, sizes)) {
                return null;
            }
            Entry e = new Entry(new String(b, p + 46, nameLength, StandardCharsets.UTF_8), uint16(b, p + 10), uint32(b, p + 16),
                    sizes[1], sizes[0], sizes[2]);
            if (e.localHeader() + 30 > offset) {
                return null;
            }
            entries.add(e);
            pos = next;
        }
        return new Listing(entries, offset);
    }

    /**
     * @return whether the entry's data lies inside the archive before the directory and matches its
     *     CRC-32 and size
     */
    private static boolean intact(byte[] b, Entry e, long directoryOffset) {
        int h = (int) e.localHeader();
        if (int32(b, h) != LOCAL_HEADER) {
            return false;
        }
        long start = e.localHeader() + 30 + uint16(b, h + 26) + uint16(b, h + 28);
        if (start + e.compressedSize() > directoryOffset) {
            return false;
        }
        CRC32 crc = new CRC32();
        if (e.method() == 0) {
            if (e.size() != e.compressedSize()) {
                return false;
            }
            crc.update(b, (int) start, (int) e.compressedSize());
        } else if (e.method() == 8) {
            Inflater inflater = new Inflater(true);
            try {
                inflater.setInput(b, (int) start, (int) e.compressedSize());
                byte[] buffer = new byte[65536];
                long total = 0;
                while (!inflater.finished()) {
                    int n = inflater.inflate(buffer);
                    if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                        return false;
                    }
                    total += n;
                    if (total > e.size()) {
                        return false;
                    }
                    crc.update(buffer, 0, n);
                }
                if (total != e.size()) {
                    return false;
                }
            } catch (DataFormatException ex) {
                return false;
            } finally {
                inflater.end();
            }
        } else {
            return false;
        }
        return crc.getValue() == e.crc();
    }

    /** Replaces saturated 32-bit fields (size, compressed size, local header offset) from the ZIP64 extra field. */
    private static boolean applyZip64(byte[] b, int extra, int length, long[] fields) {
        boolean needed = fields[0] == SATURATED || fields[1] == SATURATED || fields[2] == SATURATED;
        if (!needed) {
            return true;
        }
        for (int p = extra; p + 4 <= extra + length; ) {
            int id = uint16(b, p);
            int size = uint16(b, p + 2);
            if (p + 4 + size > extra + length) {
                return false;
            }
            if (id == ZIP64_EXTRA) {
                int q = p + 4;
                for (int i = 0; i < fields.length; i++) {
                    if (fields[i] == SATURATED) {
                        if (q + 8 > p + 4 + size) {
                            return false;
                        }
                        fields[i] = int64(b, q);
                        q += 8;
                    }
                }
                return fields[0] >= 0 && fields[1] >= 0 && fields[2] >= 0;
            }
            p += 4 + size;
        }
        return false;
    }

    /** The end record is the last 22 bytes unless a comment (at most 65535 bytes) follows it. */
    private static int findEndRecord(byte[] b) {
        int last = b.length - END_RECORD_SIZE;
        for (int i = last; i >= 0 && i >= last - 0xFFFF; i--) {
            if (int32(b, i) == END_RECORD && i + END_RECORD_SIZE + uint16(b, i + 20) == b.length) {
                return i;
            }
        }
        return -1;
    }

    private static int uint16(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8;
    }

    private static int int32(byte[] b, int i) {
        return uint16(b, i) | uint16(b, i + 2) << 16;
    }

    private static long uint32(byte[] b, int i) {
        return int32(b, i) & 0xFFFFFFFFL;
    }

    private static long int64(byte[] b, int i) {
        return uint32(b, i) | uint32(b, i + 4) << 32;
    }
}
