package io.github.fijigan.core.infer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import ai.djl.Device;
import io.github.fijigan.core.image.CalibratedImage;
import io.github.fijigan.core.job.JobInputException;
import io.github.fijigan.core.progress.CancellationToken;
import io.github.fijigan.core.progress.ProgressListener;
import io.github.fijigan.ij.ImageJReader;
import io.github.fijigan.ij.SampleWriters;
import io.github.fijigan.ij.TiffWriter;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.real.FloatType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The denoise job over a folder and a file: what it writes equals the Denoiser's output; bad inputs are named. */
class DenoiseJobTest {

    @TempDir
    Path dir;

    private final ImageJReader reader = new ImageJReader();

    @Test
    void aFolderIsDenoisedIntoTiffsWithTheRemovedNoise() throws Exception {
        Path model = DenoiserTest.bundle(dir.resolve("denoiser.zip"), 1, 11);
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.copy(Path.of("test-data/dicom/CT_small.dcm"), in.resolve("ct.dcm"));
        float[] values = DenoiserTest.ct(40, 30, 1, 12);
        TiffWriter.write(new CalibratedImage<>(ArrayImgs.floats(values, 40, 30), List.of(io.github.fijigan.core.image.Axis.X,
                io.github.fijigan.core.image.Axis.Y), io.github.fijigan.core.image.SpatialCalibration.UNCALIBRATED,
                new io.github.fijigan.core.image.ValueCalibration(1, 0, "HU"), "float"), in.resolve("float.tif"));
        Path out = dir.resolve("out");
        DenoiseJob.Result r = DenoiseJob.create(model, in, out).removedNoise(true).options(TranslateOptions.DEFAULTS.withTileSize(64))
                .device("cpu").reader(reader).writer(SampleWriters.tiff()).run(ProgressListener.NONE, new CancellationToken());
        assertEquals(2, r.images());
        assertEquals(List.of(out.resolve("ct.tif"), out.resolve("ct_noise.tif"), out.resolve("float.tif"), out.resolve("float_noise.tif")),
                r.files());
        assertTrue(r.summary().startsWith("denoised 2 images to"), r.summary());

        CalibratedImage<?> ct = reader.read(in.resolve("ct.dcm"));
        try (DenoiseModel opened = DenoiseModel.open(model, Device.cpu())) {
            Denoising expected = opened.denoiser(TranslateOptions.DEFAULTS.withTileSize(64)).withRemovedNoise().denoise(ct);
            CalibratedImage<?> written = reader.read(out.resolve("ct.tif"));
            assertEquals(ct.valueCalibration(), written.valueCalibration(), "the CT's map to HU is kept");
            assertArrayEquals(TranslatorTest.values(expected.image().data()), TranslatorTest.values(written.data()));
            CalibratedImage<?> noise = reader.read(out.resolve("ct_noise.tif"));
            assertTrue(noise.data().getType() instanceof FloatType);
            assertArrayEquals(TranslatorTest.values(expected.removedNoise().orElseThrow().data()), TranslatorTest.values(noise.data()));
        }
        DenoiseJob.Result one = DenoiseJob.create(model, in.resolve("float.tif"), dir.resolve("one")).device("cpu").reader(reader)
                .writer(SampleWriters.tiff()).run(ProgressListener.NONE, new CancellationToken());
        assertEquals(List.of(dir.resolve("one/float.tif")), one.files());
    }

    @Test
    void badModelsAndInputsAreNamed() throws Exception {
        Path model = DenoiserTest.bundle(dir.resolve("denoiser.zip"), 1, 11);
        Path rgb = dir.resolve("rgb.tif");
        TiffWriter.write(CalibratedImage.plain(ArrayImgs.argbs(8, 8), "rgb"), rgb);
        JobInputException e = assertThrows(JobInputException.class, () -> DenoiseJob.create(Path.of("test-data/models/shapes_acgan_tiny.zip"),
                rgb, dir.resolve("o")).device("cpu").reader(reader).writer(SampleWriters.tiff()).run(ProgressListener.NONE,
                new CancellationToken()));
        assertEquals(DenoiseJob.MODEL, e.input());
        assertTrue(e.getMessage().contains("does not denoise images"), e.getMessage());
        e = assertThrows(JobInputException.class, () -> DenoiseJob.create(model, rgb, dir.resolve("o")).device("cpu").reader(reader)
                .writer(SampleWriters.tiff()).run(ProgressListener.NONE, new CancellationToken()));
        assertEquals(DenoiseJob.INPUT, e.input());
        assertTrue(e.getMessage().contains("rgb.tif: image 'rgb.tif' has 3 channels but the denoiser takes 1"), e.getMessage());
        e = assertThrows(JobInputException.class, () -> DenoiseJob.create(model, dir.resolve("missing"), dir.resolve("o")).reader(reader)
                .writer(SampleWriters.tiff()).run(ProgressListener.NONE, new CancellationToken()));
        assertEquals(DenoiseJob.INPUT, e.input());
    }
}
