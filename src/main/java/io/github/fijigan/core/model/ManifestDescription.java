package io.github.fijigan.core.model;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.google.gson.JsonObject;

/** The readable summary behind {@link ModelManifest#describe()}. */
final class ManifestDescription {

    private ManifestDescription() {}

    static String describe(ModelManifest m) {
        StringBuilder s = new StringBuilder();
        line(s, "Model kind: %s (format %s version %d)", m.kind().id(), ModelManifest.FORMAT, ModelManifest.FORMAT_VERSION);
        line(s, "Networks:");
        m.networks().forEach((name, n) -> {
            line(s, "  %s: %s, %s, %d -> %d channels, %s", name, n.role().id(), n.architecture(), n.inChannels(), n.outChannels(),
                    n.isTorchScript() ? "TorchScript module " + n.parameters()
                            : String.format(Locale.ROOT, "%,d parameters", n.parameterCount()));
            if (n.options().size() > 0) {
                line(s, "    options: %s", n.options());
            }
        });
        line(s, "Domains:");
        m.domains().forEach((name, d) -> line(s, "  %s: %d channel%s, normalisation %s, unit %s", name, d.channels(),
                d.channels() == 1 ? "" : "s", d.normalization(), d.valueUnit().isEmpty() ? "(none)" : d.valueUnit()));
        JsonObject extras = m.extras();
        if (m.kind() == ModelKind.TORCHSCRIPT) {
            line(s, "Direction: %s", extras.remove(TorchScriptSpec.DIRECTION).getAsString());
        }
        line(s, "Tile multiple: %d", m.tileMultiple());
        m.latentSize().ifPresent(size -> line(s, "Latent size: %d", size));
        if (!m.classes().isEmpty()) {
            line(s, "Classes: %s", String.join(", ", m.classes()));
        }
        describeTraining(s, m.training());
        if (!m.state().isEmpty()) {
            line(s, "Checkpoint state: %s", String.join(", ", m.state().keySet()));
        }
        if (extras.size() > 0) {
            line(s, "Fields from a newer version (ignored): %s", String.join(", ", extras.keySet()));
        }
        return s.toString().stripTrailing();
    }

    private static void describeTraining(StringBuilder s, TrainingProvenance t) {
        if (t.isEmpty()) {
            line(s, "Training: not recorded");
            return;
        }
        List<String> parts = new ArrayList<>();
        t.epochs().ifPresent(e -> parts.add(e + " epoch" + (e == 1 ? "" : "s")));
        if (!t.engine().isEmpty()) {
            parts.add(t.engine());
        }
        if (!t.device().isEmpty()) {
            parts.add("on " + t.device());
        }
        t.date().ifPresent(d -> parts.add("finished " + d.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)));
        line(s, "Training: %s", parts.isEmpty() ? "see below" : String.join(", ", parts));
        if (t.data().size() > 0) {
            line(s, "  data: %s", t.data());
        }
        if (t.config().size() > 0) {
            line(s, "  config: %s", t.config());
        }
    }

    private static void line(StringBuilder s, String format, Object... args) {
        s.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
