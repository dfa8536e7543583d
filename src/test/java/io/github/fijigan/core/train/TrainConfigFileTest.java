package io.github.fijigan.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import io.github.fijigan.core.job.JobInputException;
import io.github.fijigan.core.model.ModelKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainConfigFileTest {

    @TempDir
    Path dir;

    @Test
    void relativeDataIsTakenFromTheFilesFolderAndAbsoluteDataIsKept() throws Exception {
        Path sub = Files.createDirectories(dir.resolve("configs"));
        Path file = Files.writeString(sub.resolve("c.json"), "{\"kind\": \"SN-GAN\", \"data\": \"../images\", \"epochs\": 3}");
        TrainConfig config = TrainConfigFile.read(file);
        assertEquals(ModelKind.SNGAN, config.kind());
        assertEquals(3, config.epochs());
        assertEquals(dir.resolve("images").toAbsolutePath().toString(), config.data());

        Path absolute = Files.writeString(sub.resolve("d.json"), "{\"kind\": \"dcgan\", \"data\": \"/srv/x\"}");
        assertEquals("/srv/x", TrainConfigFile.read(absolute).data());
        assertEquals("", TrainConfigFile.read(Files.writeString(sub.resolve("e.json"), "{\"kind\": \"dcgan\"}")).data());
    }

    @Test
    void jsonTextIsTakenRelativeToTheBaseFolderAndAPathIsRead() throws Exception {
        TrainConfig inline = TrainConfigFile.parse(" {\"kind\": \"wgangp\", \"data\": \"imgs\"} ", dir);
        assertEquals(ModelKind.WGANGP, inline.kind());
        assertEquals(dir.resolve("imgs").toAbsolutePath().toString(), inline.data());
        Path file = Files.writeString(dir.resolve("c.json"), "{\"kind\": \"acgan\"}");
        assertEquals(ModelKind.ACGAN, TrainConfigFile.parse(file.toString(), Path.of("/elsewhere")).kind());
    }

    @Test
    void everyProblemNamesTheFileAndTheKey() throws Exception {
        Path missing = dir.resolve("none.json");
        assertEquals("config: " + missing + ": file not found",
                assertThrows(JobInputException.class, () -> TrainConfigFile.read(missing)).getMessage());
        Path notJson = Files.writeString(dir.resolve("bad.json"), "kind = dcgan");
        String message = assertThrows(JobInputException.class, () -> TrainConfigFile.read(notJson)).getMessage();
        assertTrue(message.startsWith("config: " + notJson + ": not valid JSON"), message);
        Path array = Files.writeString(dir.resolve("array.json"), "[1, 2]");
        assertEquals("config: " + array + ": must be a JSON object {\"kind\": ..., ...}",
                assertThrows(JobInputException.class, () -> TrainConfigFile.read(array)).getMessage());
        Path typo = Files.writeString(dir.resolve("typo.json"), "{\"kind\": \"dcgan\", \"epoch\": 3}");
        message = assertThrows(JobInputException.class, () -> TrainConfigFile.read(typo)).getMessage();
        assertTrue(message.startsWith("config: " + typo + ": epoch: unknown key; known keys are kind, data, "), message);
        Path range = Files.writeString(dir.resolve("range.json"), "{\"kind\": \"dcgan\", \"image_size\": 48}");
        assertEquals("config: " + range + ": image_size: must be 32, 64 or 128, got 48",
                assertThrows(JobInputException.class, () -> TrainConfigFile.read(range)).getMessage());
        assertEquals("config: no config given (a JSON file or JSON text)",
                assertThrows(JobInputException.class, () -> TrainConfigFile.parse("  ", dir)).getMessage());
    }
}
