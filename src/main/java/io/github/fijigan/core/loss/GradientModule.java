package io.github.fijigan.core.loss;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.JniUtils;

/**
 * A TorchScript module, written here as source and compiled by libtorch when loaded, whose
 * {@code forward(output, input)} returns {@code torch.autograd.grad(output, input, ones,
 * retain_graph=True, create_graph=True)}.
 *
 * <p>Why: DJL offers double backward only as {@code backward(create_graph=True)}, which accumulates
 * graph-carrying gradients into every leaf, the input and all parameters. Each such leaf and its
 * {@code .grad} then hold each other through the graph (PyTorch warns about this reference cycle);
 * DJL cannot reset a {@code .grad} to None, so every step's graph stays alive: about 2.3 MB per step
 * for a batch of 16 float64 32x32 images through an 8-filter critic, measured. {@code autograd.grad}
 * accumulates into nothing, so nothing is left behind.
 *
 * <p>The archive is the minimal TorchScript zip: {@code version}, {@code constants.pkl} (an empty
 * tuple), {@code data.pkl} (the module object, pickle protocol 2) and {@code code/__torch__.py}.
 */
final class GradientModule {

    private static final String ARCHIVE = "gradient_of_sum/";

    private static final String CODE = String.join("\n",
            "class GradientOfSum(Module):",
            "  __parameters__ = []",
            "  __buffers__ = []",
            "  training : bool",
            "  def forward(self: __torch__.GradientOfSum,",
            "    output: Tensor,",
            "    input: Tensor) -> Tensor:",
            "    ones = annotate(List[Optional[Tensor]], [torch.ones_like(output)])",
            "    grads = torch.autograd.grad([output], [input], ones, True, True)",
            "    return unchecked_cast(Tensor, grads[0])",
            "");

    private static PtSymbolBlock module;

    private GradientModule() {}

    /** @return the compiled module, loaded once per JVM into a manager of its own that stays open */
    static synchronized PtSymbolBlock get() {
        if (module == null) {
            // The module holds no tensors, so the device it is loaded for does not matter.
            NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch");
            try {
                module = JniUtils.loadModule((PtNDManager) manager, new ByteArrayInputStream(archive()), false, false);
            } catch (IOException e) {
                manager.close();
                throw new UncheckedIOException("cannot load the TorchScript gradient module", e);
            }
        }
        return module;
    }

    /** @return the TorchScript archive's bytes */
    static byte[] archive() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            stored(zip, "version", ascii("3\n"));
            stored(zip, "constants.pkl", new byte[] {(byte) 0x80, 2, ')', '.'});
            stored(zip, "data.pkl", modulePickle());
            stored(zip, "code/__torch__.py", CODE.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** An instance of {@code __torch__.GradientOfSum} with its one attribute, {@code training = True}. */
    private static byte[] modulePickle() {
        ByteArrayOutputStream p = new ByteArrayOutputStream();
        p.writeBytes(new byte[] {(byte) 0x80, 2}); // PROTO 2
        p.write('c'); // GLOBAL module\nname\n
        p.writeBytes(ascii("__torch__\nGradientOfSum\n"));
        p.writeBytes(new byte[] {')', (byte) 0x81, '}', '('}); // EMPTY_TUPLE NEWOBJ EMPTY_DICT MARK
        byte[] key = ascii("training");
        p.write('X'); // BINUNICODE, 4-byte little-endian length
        p.writeBytes(new byte[] {(byte) key.length, 0, 0, 0});
        p.writeBytes(key);
        p.writeBytes(new byte[] {(byte) 0x88, 'u', 'b', '.'}); // NEWTRUE SETITEMS BUILD STOP
        return p.toByteArray();
    }

    /** Stored, not deflated, as torch.jit.save writes its archives. */
    private static void stored(ZipOutputStream zip, String name, byte[] data) throws IOException {
        ZipEntry entry = new ZipEntry(ARCHIVE + name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(data.length);
        entry.setCompressedSize(data.length);
        CRC32 crc = new CRC32();
        crc.update(data);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(data);
        zip.closeEntry();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
