package io.github.fijigan.io;

import java.io.IOException;
import java.nio.file.Files;

import org.scijava.Priority;
import org.scijava.io.AbstractIOPlugin;
import org.scijava.io.IOPlugin;
import org.scijava.io.location.Location;
import org.scijava.plugin.Plugin;

/** A format plugin that opens ".testtext" files as text: what a reader of images must refuse clearly. */
@Plugin(type = IOPlugin.class, priority = Priority.HIGH)
public class TestTextIOPlugin extends AbstractIOPlugin<String> {

    @Override
    public Class<String> getDataType() {
        return String.class;
    }

    @Override
    public boolean supportsOpen(Location source) {
        return source.getName() != null && source.getName().endsWith(".testtext");
    }

    @Override
    public String open(Location source) throws IOException {
        return Files.readString(IJ1ImageIOPlugin.file(source));
    }
}
