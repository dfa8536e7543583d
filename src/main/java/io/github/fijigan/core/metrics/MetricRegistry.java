package io.github.fijigan.core.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The metrics by name, for commands and configuration: psnr, mse, mae, ssim, ssim_uniform, ms_ssim,
 * gmsd, ms_gmsd, mdsi, haarpsi. Look-ups ignore case and read '-' as '_' ("MS-SSIM" is ms_ssim).
 *
 * <pre>{@code
 * Metric m = MetricRegistry.get("MS-SSIM");
 * List<Metric> chosen = MetricRegistry.parse("psnr, ssim, haarpsi");
 * }</pre>
 */
public final class MetricRegistry {

    private static final Map<String, Metric> METRICS = new LinkedHashMap<>();

    static {
        for (Metric m : List.of(Psnr.INSTANCE, Mse.INSTANCE, Mae.INSTANCE, Ssim.GAUSSIAN, Ssim.UNIFORM, MsSsim.INSTANCE,
                Gmsd.INSTANCE, MsGmsd.INSTANCE, Mdsi.INSTANCE, HaarPsi.INSTANCE)) {
            METRICS.put(m.name(), m);
        }
    }

    private MetricRegistry() {}

    /**
     * @return the metric of that name
     * @throws IllegalArgumentException for an unknown name; the message lists the known ones
     */
    public static Metric get(String name) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        Metric m = METRICS.get(key);
        if (m == null) {
            throw new IllegalArgumentException("unknown metric '" + name + "'; known metrics: " + String.join(", ", names()));
        }
        return m;
    }

    /**
     * @param names metric names separated by commas or spaces, e.g. "psnr, ssim ms_ssim"
     * @return the metrics in the order given, each once
     * @throws IllegalArgumentException when a name is unknown or none is given
     */
    public static List<Metric> parse(String names) {
        List<Metric> out = new ArrayList<>();
        for (String part : (names == null ? "" : names).split("[,\\s]+")) {
            if (!part.isEmpty()) {
                Metric m = get(part);
                if (!out.contains(m)) {
                    out.add(m);
                }
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no metric named; known metrics: " + String.join(", ", names()));
        }
        return List.copyOf(out);
    }

    /** @return every metric's name, in a fixed order */
    public static List<String> names() {
        return List.copyOf(METRICS.keySet());
    }

    /** @return every metric, in the order of {@link #names()} */
    public static List<Metric> all() {
        return List.copyOf(METRICS.values());
    }
}
