package io.github.fijigan.core.model;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Reads one entry. An NDList: size-bounded checksum first, so nothing unverified is decoded, then the
 * DJL decode, then names and shapes against {@code parameter_shapes}. A TorchScript module: its
 * bytes, size-bounded, checksum, then the archive's structure and CRCs ({@link TorchScriptArchive}).
 */
final class EntryDecoder {

    /** TorchScript modules are read into memory; a GAN generator's is tens of megabytes, unet_256's about 220. */
    static final int MODULE_LIMIT = 1 << 30;

    /** Room for each array's header (name, type, shape) besides its data. */
    private static final long HEADER_BYTES_PER_ARRAY = 1024;
    private static final long HEADER_BYTES = 64 << 10;

    private final String file;
    private final ZipFile zip;
    private final NDManager manager;

    EntryDecoder(String file, ZipFile zip, NDManager manager) {
        this.file = file;
        this.zip = zip;
        this.manager = manager;
    }

    /**
     * @return the most bytes a parameter file of this spec can hold, allowing up to 8 bytes a
     *     number: anything longer is not what the manifest describes
     */
    static long sizeLimit(NetworkSpec spec) {
        long limit = HEADER_BYTES;
        for (Shape shape : spec.parameterShapes().values()) {
            long data = shape.size() > Long.MAX_VALUE / 8 ? Long.MAX_VALUE : shape.size() * 8;
            limit = saturatedAdd(limit, saturatedAdd(data, HEADER_BYTES_PER_ARRAY));
        }
        return limit;
    }

    static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    NDList network(String name, NetworkSpec spec, ZipEntry entry) {
        String field = "networks." + name;
        NDList list = decode(entry, field, spec.sha256(), sizeLimit(spec), "larger than its parameter_shapes allow");
        Map<String, Shape> expected = spec.parameterShapes();
        String where = entry.getName() + " (" + field + ".parameter_shapes)";
        Set<String> seen = new HashSet<>();
        for (NDArray a : list) {
            String p = a.getName();
            if (p == null || p.isEmpty()) {
                throw new ModelBundleException(file, where, "holds an array without a name; parameters are stored by name");
            }
            if (!seen.add(p)) {
                throw new ModelBundleException(file, where, "holds parameter '" + p + "' twice");
            }
            Shape want = expected.get(p);
            if (want == null) {
                throw new ModelBundleException(file, where, "holds parameter '" + p + "' that model.json does not list");
            }
            if (!want.equals(a.getShape())) {
                throw new ModelBundleException(file, entry.getName() + " (" + field + ".parameter_shapes." + p + ")",
                        "stored array has shape " + JsonFields.format(a.getShape()) + ", model.json says " + JsonFields.format(want));
            }
        }
        for (String p : expected.keySet()) {
            if (!seen.contains(p)) {
                throw new ModelBundleException(file, where, "parameter '" + p + "' listed in model.json is not in the file");
            }
        }
        return list;
    }

    /**
     * @return the bytes of a TorchScript module entry, after checking its size, its SHA-256 and
     *     that it is a TorchScript archive
     */
    byte[] torchScript(String name, NetworkSpec spec, ZipEntry entry) {
        String field = "networks." + name;
        String where = entry.getName() + " (" + field + ")";
        byte[] bytes;
        try (InputStream in = zip.getInputStream(entry)) {
            bytes = BoundedInput.readAll(in, MODULE_LIMIT);
        } catch (BoundedInput.TooLargeException e) {
            throw new ModelBundleException(file, where, "larger than " + (MODULE_LIMIT >> 20) + " MiB; refusing to read it", e);
        } catch (IOException e) {
            throw new ModelBundleException(file, where, "cannot read the zip entry (damaged zip?): " + e.getMessage(), e);
        }
        checkSha256(entry, field, spec.sha256(), Checksums.hex(Checksums.sha256().digest(bytes)));
        String problem = TorchScriptArchive.problem(bytes);
        if (problem != null) {
            throw new ModelBundleException(file, where, problem);
        }
        return bytes;
    }

    NDList state(String name, StateSpec spec, ZipEntry entry, long limit) {
        return decode(entry, "state." + name, spec.sha256(), limit, "larger than any optimiser state of these networks");
    }

    private void checkSha256(ZipEntry entry, String field, String expected, String actual) {
        if (!actual.equals(expected)) {
            throw new ModelBundleException(file, entry.getName() + " (" + field + ".sha256)", "checksum mismatch: model.json says "
                    + Checksums.abbreviate(expected) + ", the entry hashes to " + Checksums.abbreviate(actual)
                    + "; the file is damaged or was changed after it was written");
        }
    }

    private NDList decode(ZipEntry entry, String field, String sha256, long limit, String tooLarge) {
        String where = entry.getName() + " (" + field + ")";
        MessageDigest digest = Checksums.sha256();
        try (InputStream in = zip.getInputStream(entry)) {
            BoundedInput.digest(in, limit, digest);
        } catch (BoundedInput.TooLargeException e) {
            throw new ModelBundleException(file, where, tooLarge + " (" + e.getMessage() + "); refusing to read it", e);
        } catch (IOException e) {
            throw new ModelBundleException(file, where, "cannot read the zip entry (damaged zip?): " + e.getMessage(), e);
        }
        checkSha256(entry, field, sha256, Checksums.hex(digest.digest()));
        // The bytes are now known to be the ones the writer hashed; a second pass decodes them.
        try (InputStream in = new BufferedInputStream(zip.getInputStream(entry), 65536)) {
            NDList list = NDList.decode(manager, in);
            if (in.read() != -1) {
                list.close();
                throw new ModelBundleException(file, where, "has bytes after its NDList; not a file this format writes");
            }
            return list;
        } catch (ModelBundleException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ModelBundleException(file, where, "not a decodable DJL NDList file (" + e.getMessage() + ")", e);
        }
    }
}
