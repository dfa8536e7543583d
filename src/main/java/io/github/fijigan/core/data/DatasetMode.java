package io.github.fijigan.core.data;

import java.util.Arrays;
import java.util.Locale;

/**
 * How the images of a {@link TranslationImages} dataset pair up, named as pix2pix/CycleGAN's
 * {@code --dataset_mode}.
 *
 * <pre>{@code
 * DatasetMode mode = DatasetMode.parse("aligned");   // from a config or a macro key
 * String stored = mode.spec();                       // "aligned"
 * }</pre>
 */
public enum DatasetMode {

    /**
     * Two unpaired domains (CycleGAN): folders {@code trainA} and {@code trainB} under a root, or two
     * folders given apart. An epoch has max(|A|, |B|) samples; sample {@code i} takes A image
     * {@code i mod |A|} and a B image drawn at random.
     */
    UNALIGNED("unaligned"),

    /**
     * Pairs (pix2pix): two folders whose files match by name, or one folder of A|B images side by
     * side. A and B of a pair get the same crop and flip.
     */
    ALIGNED("aligned"),

    /** One domain only (inference, tests): batches have no targets. */
    SINGLE("single");

    private final String spec;

    DatasetMode(String spec) {
        this.spec = spec;
    }

    /** @return the name configs and macros use: {@code unaligned}, {@code aligned} or {@code single} */
    public String spec() {
        return spec;
    }

    /**
     * @param spec a mode's name, case and surrounding spaces ignored
     * @throws IllegalArgumentException naming the text and the known modes
     */
    public static DatasetMode parse(String spec) {
        String s = spec == null ? "" : spec.trim().toLowerCase(Locale.ROOT);
        for (DatasetMode m : values()) {
            if (m.spec.equals(s)) {
                return m;
            }
        }
        throw new IllegalArgumentException("dataset mode '" + spec + "' not understood; use one of "
                + Arrays.stream(values()).map(DatasetMode::spec).toList());
    }
}
