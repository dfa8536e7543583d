package io.github.fijigan.build;

import java.nio.file.Path;

/**
 * Where the build put things, as failsafe tells the integration tests (see the pom), with the
 * Maven defaults as fallback so a test also runs from an IDE started in the project folder.
 */
final class BuildLayout {

    private BuildLayout() {}

    static Path buildDirectory() {
        return Path.of(System.getProperty("fijigan.buildDirectory", "target"));
    }

    static Path cliJar() {
        return buildDirectory().resolve("fiji-gan-cli.jar");
    }

    static Path updateSiteJars() {
        return buildDirectory().resolve("update-site").resolve("jars");
    }

    static Path classpathFile() {
        return buildDirectory().resolve("classpath.txt");
    }

    static String artifactId() {
        return System.getProperty("fijigan.artifactId", "fiji-gan");
    }

    static String version() {
        return System.getProperty("fijigan.version", "0.1.0-SNAPSHOT");
    }

    static String pomScijavaVersion() {
        return System.getProperty("fijigan.pomScijavaVersion", "45.0.0");
    }

    /** The pom's update-site.excludeGroupIds, comma-separated. */
    static String excludedGroupIds() {
        String groups = System.getProperty("fijigan.excludeGroupIds");
        if (groups == null || groups.isBlank()) {
            throw new IllegalStateException("fijigan.excludeGroupIds is not set; run through"
                    + " Maven (failsafe passes it from pom.xml)");
        }
        return groups;
    }

    static Path localRepository() {
        String configured = System.getProperty("maven.repo.local");
        return configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".m2", "repository");
    }
}
