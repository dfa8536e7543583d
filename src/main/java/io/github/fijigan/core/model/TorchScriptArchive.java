package io.github.fijigan.core.model;

import java.util.HexFormat;
import java.util.List;

/**
 * Tells whether bytes are a TorchScript archive ({@code torch.jit.save}), and if not, what they are,
 * before libtorch sees them: libtorch's own errors for a wrong file are long C++ traces, and it
 * does not check the archive's checksums at all.
 *
 * <p>A TorchScript archive is a zip whose entries sit in one folder {@code NAME/} and include
 * {@code NAME/data.pkl}, {@code NAME/constants.pkl} and compiled code under {@code NAME/code/}. A
 * {@code torch.save} file (a state_dict or a pickled model) is a zip with {@code data.pkl} but no
 * code, which is the usual mistake.
 */
final class TorchScriptArchive {

    private static final String HOW_TO_EXPORT = "export the generator with torch.jit.trace or torch.jit.script and save it with torch.jit.save";
    private static final String DATA = "/data.pkl";

    private TorchScriptArchive() {}

    /** @return what is wrong with {@code bytes} as a TorchScript archive, or {@code null} when it is one */
    static String problem(byte[] bytes) {
        if (bytes.length == 0) {
            return "empty file, not a TorchScript module";
        }
        if (!ZipDirectory.startsLikeZip(bytes)) {
            if ((bytes[0] & 0xFF) == 0x80 && bytes.length > 1 && bytes[1] >= 2 && bytes[1] <= 5) {
                return "a Python pickle (torch.save in PyTorch's legacy format), not a TorchScript module; " + HOW_TO_EXPORT;
            }
            return "not a zip archive, so not a TorchScript module (it starts with bytes "
                    + HexFormat.ofDelimiter(" ").formatHex(bytes, 0, Math.min(8, bytes.length)) + ")";
        }
        ZipDirectory.Listing listing = ZipDirectory.read(bytes);
        if (listing == null) {
            return "damaged or truncated zip archive (its directory at the end is missing or inconsistent); copy or export it again";
        }
        List<String> names = listing.names();
        String top = null;
        for (String name : names) {
            if (name.endsWith(DATA) && name.indexOf('/') == name.length() - DATA.length()) {
                top = name.substring(0, name.length() - DATA.length() + 1);
            }
        }
        if (top == null) {
            String shown = String.join(", ", names.stream().limit(5).toList()) + (names.size() > 5 ? ", … " + names.size() + " entries" : "");
            return "a zip archive but not a TorchScript module (it holds " + (names.isEmpty() ? "no entries" : shown) + ")";
        }
        if (!names.contains(top + "constants.pkl") || !hasPrefix(names, top + "code/")) {
            return "a PyTorch file saved with torch.save (weights or a pickled model), not a TorchScript module; " + HOW_TO_EXPORT;
        }
        ZipDirectory.Entry damaged = listing.firstDamaged(bytes);
        if (damaged != null) {
            return "damaged: entry " + damaged.name() + " does not match its CRC-32 or size (the file was changed or cut after it "
                    + "was saved); copy or export it again";
        }
        return null;
    }

    private static boolean hasPrefix(List<String> names, String prefix) {
        return names.stream().anyMatch(n -> n.startsWith(prefix) && n.length() > prefix.length());
    }
}
