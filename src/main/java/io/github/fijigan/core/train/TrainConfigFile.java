package io.github.fijigan.core.train;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.github.fijigan.core.job.JobInputException;

/**
 * Reads a {@link TrainConfig} from a JSON file or from JSON text, for the command line
 * ({@code --config}), the Fiji command ({@code config}) and the macro function
 * ({@code Ext.train(config, runFolder)}). A relative {@code data} folder (or validation folder,
 * e.g. {@code validation_a}) in a file is taken
 * relative to the file's own folder, so a config can sit beside its data and be run from
 * anywhere; in JSON text it is taken relative to the working directory.
 *
 * <pre>{@code
 * TrainConfig config = TrainConfigFile.read(Path.of("configs/shapes.json"));    // "data": "../shapes"
 * TrainConfig inline = TrainConfigFile.parse("{\"kind\": \"dcgan\", \"epochs\": 2}", Path.of(""));
 * }</pre>
 */
public final class TrainConfigFile {

    /** Where Gson's messages say the problem is. */
    private static final Pattern WHERE = Pattern.compile("line (\\d+) column (\\d+)");

    /** The input key in messages. */
    public static final String INPUT = "config";

    private TrainConfigFile() {
    }

    /**
     * @throws JobInputException naming the file: missing, unreadable, not JSON, or a bad key
     */
    public static TrainConfig read(Path file) throws JobInputException {
        if (!Files.exists(file)) {
            throw new JobInputException(INPUT, file + ": file not found");
        }
        if (!Files.isRegularFile(file)) {
            throw new JobInputException(INPUT, file + ": not a file");
        }
        String text;
        try {
            text = Files.readString(file);
        } catch (MalformedInputException e) {
            throw new JobInputException(INPUT, file + ": not a text file (not UTF-8)", e);
        } catch (IOException e) {
            throw new JobInputException(INPUT, file + ": cannot read it: " + e.getMessage(), e);
        }
        Path base = file.toAbsolutePath().getParent();
        return fromText(text, file.toString(), base);
    }

    /**
     * @param jsonOrFile JSON text (starting with <code>{</code>) or the path of a JSON file
     * @param base the folder a relative {@code data} in JSON text is taken from
     * @throws JobInputException when the text or file is not a valid config
     */
    public static TrainConfig parse(String jsonOrFile, Path base) throws JobInputException {
        String trimmed = jsonOrFile == null ? "" : jsonOrFile.strip();
        if (trimmed.isEmpty()) {
            throw new JobInputException(INPUT, "no config given (a JSON file or JSON text)");
        }
        if (trimmed.startsWith("{")) {
            return fromText(trimmed, "config text", base.toAbsolutePath());
        }
        return read(Path.of(trimmed));
    }

    private static TrainConfig fromText(String text, String where, Path base) throws JobInputException {
        JsonElement json;
        try {
            json = JsonParser.parseString(text);
        } catch (JsonParseException e) {
            Matcher at = WHERE.matcher(String.valueOf(e.getMessage()));
            throw new JobInputException(INPUT, where + ": not valid JSON" + (at.find() ? " at line " + at.group(1)
                    + ", column " + at.group(2) : ""), e);
        }
        if (!json.isJsonObject()) {
            throw new JobInputException(INPUT, where + ": must be a JSON object {\"kind\": ..., ...}");
        }
        JsonObject object = json.getAsJsonObject();
        TrainConfig config;
        try {
            config = TrainConfig.fromJson(object, where);
        } catch (IllegalArgumentException e) {
            throw new JobInputException(INPUT, e.getMessage(), e);
        }
        config = resolve(config, "data", config.data(), where, base);
        for (String key : config.validationFolderKeys()) {
            config = resolve(config, key, config.toJson().get(key).getAsString(), where, base);
        }
        return config;
    }

    /** @return the config with a relative folder key taken from {@code base} */
    private static TrainConfig resolve(TrainConfig config, String key, String folder, String where, Path base) throws JobInputException {
        if (folder.isEmpty()) {
            return config;
        }
        Path path;
        try {
            path = Path.of(folder);
        } catch (InvalidPathException e) {
            throw new JobInputException(INPUT, where + ": " + key + ": not a valid path: " + folder, e);
        }
        return path.isAbsolute() ? config : config.with(key, base.resolve(path).normalize().toString());
    }
}
