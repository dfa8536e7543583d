package io.github.fijigan.command;

import ij.ImagePlus;

/** Window titles of images a command makes from an input image. */
final class Titles {

    private Titles() {
    }

    /** @return e.g. {@code "brain (denoised)"} for {@code brain.tif} */
    static String derived(ImagePlus source, String what) {
        String name = source.getTitle();
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name) + " (" + what + ")";
    }
}
