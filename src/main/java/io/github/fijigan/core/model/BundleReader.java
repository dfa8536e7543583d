package io.github.fijigan.core.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;

/**
 * Opens a bundle and checks it from the outside in: the file, the zip's directory (every entry
 * name is checked before any entry is read), {@code model.json}, then the parameter files.
 */
final class BundleReader implements AutoCloseable {

    /** model.json holds names and numbers; anything near this is not a real manifest. */
    static final int MANIFEST_LIMIT = 16 << 20;
    static final int ENTRY_LIMIT = 4096;

    private final String file;
    private final ZipFile zip;
    private final Map<String, ZipEntry> entries;

    private BundleReader(String file, ZipFile zip, Map<String, ZipEntry> entries) {
        this.file = file;
        this.zip = zip;
        this.entries = entries;
    }

    static BundleReader open(Path path) {
        String file = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        if (!Files.exists(path)) {
            throw new ModelBundleException(file, "", "file not found: " + path.toAbsolutePath());
        }
        if (Files.isDirectory(path)) {
            throw new ModelBundleException(file, "", "is a folder, not a model file (a model is a .zip file)");
        }
        ZipFile zip;
        try {
            zip = new ZipFile(path.toFile());
        } catch (ZipException e) {
            throw new ModelBundleException(file, "", FileSniffer.notAZip(path, e.getMessage()), e);
        } catch (IOException e) {
            throw new ModelBundleException(file, "", "cannot be read: " + e.getMessage(), e);
        }
        try {
            return new BundleReader(file, zip, directory(file, zip));
        } catch (RuntimeException e) {
            closeQuietly(zip, e);
            throw e;
        }
    }

    /** Checks every entry name from the central directory; no entry data is read here. */
    private static Map<String, ZipEntry> directory(String file, ZipFile zip) {
        if (zip.size() > ENTRY_LIMIT) {
            throw new ModelBundleException(file, "", "holds " + zip.size() + " zip entries, more than a model bundle ever has ("
                    + ENTRY_LIMIT + "); nothing was read");
        }
        Map<String, ZipEntry> entries = new LinkedHashMap<>();
        for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
            ZipEntry entry = e.nextElement();
            String problem = Names.checkEntryName(entry.getName());
            if (problem != null) {
                throw new ModelBundleException(file, "", "unsafe zip entry: " + problem + "; nothing was read");
            }
            if (entries.put(entry.getName(), entry) != null) {
                throw new ModelBundleException(file, "", "zip entry '" + entry.getName() + "' appears twice; nothing was read");
            }
        }
        return entries;
    }

    /** Reads and validates model.json, and checks that every file it names is in the zip. */
    ModelManifest manifest() {
        String where = ModelManifest.ENTRY;
        ZipEntry entry = entries.get(where);
        if (entry == null) {
            throw new ModelBundleException(file, where, "missing: this zip is not a Fiji GAN model bundle (it holds "
                    + listing() + ")");
        }
        byte[] bytes;
        try (InputStream in = zip.getInputStream(entry)) {
            bytes = BoundedInput.readAll(in, MANIFEST_LIMIT);
        } catch (BoundedInput.TooLargeException e) {
            throw new ModelBundleException(file, where, "larger than " + (MANIFEST_LIMIT >> 20) + " MiB; refusing to read it", e);
        } catch (IOException e) {
            throw new ModelBundleException(file, where, "cannot read the zip entry (damaged zip?): " + e.getMessage(), e);
        }
        JsonObject json;
        try {
            json = StrictJson.parseObject(utf8(bytes, where));
        } catch (FieldException e) {
            throw new ModelBundleException(file, where, e.problem(), e);
        }
        ModelManifest manifest = ModelManifest.fromJson(json, file);
        manifest.networks().forEach((name, spec) -> requireEntry(spec.parameters(), "networks." + name + ".parameters"));
        manifest.state().forEach((name, spec) -> requireEntry(spec.file(), "state." + name + ".file"));
        return manifest;
    }

    /** Decodes every parameter and state file into a sub-manager of {@code manager}. */
    ModelBundle readAll(ModelManifest manifest, NDManager manager) {
        NDManager owned = manager.newSubManager();
        try {
            EntryDecoder decoder = new EntryDecoder(file, zip, owned);
            Map<String, NDList> parameters = new LinkedHashMap<>();
            Map<String, byte[]> modules = new LinkedHashMap<>();
            manifest.networks().forEach((name, spec) -> {
                if (spec.isTorchScript()) {
                    modules.put(name, decoder.torchScript(name, spec, entries.get(spec.parameters())));
                } else {
                    parameters.put(name, decoder.network(name, spec, entries.get(spec.parameters())));
                }
            });
            long stateLimit = Math.max(64L << 20, saturatedTimes(4, manifest.networks().values().stream()
                    .mapToLong(EntryDecoder::sizeLimit).reduce(0, EntryDecoder::saturatedAdd)));
            Map<String, NDList> state = new LinkedHashMap<>();
            manifest.state().forEach((name, spec) -> state.put(name, decoder.state(name, spec, entries.get(spec.file()), stateLimit)));
            return ModelBundle.decoded(manifest, parameters, state, modules, file, owned);
        } catch (RuntimeException | Error e) {
            owned.close();
            throw e;
        }
    }

    private void requireEntry(String entry, String field) {
        if (!entries.containsKey(entry)) {
            throw new ModelBundleException(file, ModelManifest.ENTRY + ": " + field, "entry '" + entry + "' is missing from the zip");
        }
    }

    private String utf8(byte[] bytes, String where) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ModelBundleException(file, where, "not UTF-8 text", e);
        }
    }

    private String listing() {
        if (entries.isEmpty()) {
            return "no entries";
        }
        String names = String.join(", ", entries.keySet().stream().limit(5).toList());
        return entries.size() > 5 ? names + ", … " + entries.size() + " entries" : names;
    }

    private static long saturatedTimes(long factor, long value) {
        return value > Long.MAX_VALUE / factor ? Long.MAX_VALUE : factor * value;
    }

    private static void closeQuietly(ZipFile zip, Throwable failure) {
        try {
            zip.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    @Override
    public void close() {
        try {
            zip.close();
        } catch (IOException e) {
            // Only a read-only handle: nothing was written, and the content was already validated.
        }
    }
}
