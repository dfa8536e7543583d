package io.github.fijigan.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * target/update-site/jars must hold exactly what Fiji lacks: our plugin jar and every runtime
 * dependency that pom-scijava (the bill of materials Fiji is built from) does not manage. This is
 * the check behind the pom's {@code excludeGroupIds} list.
 */
class UpdateSiteIT {

    private static final String PLUGIN_INDEX = "META-INF/json/org.scijava.plugin.Plugin";

    /** groupId:artifactId → version, as pom-scijava manages them. */
    private static Map<String, String> managedByFiji;
    /** Jar file name → groupId:artifactId, for every runtime dependency. */
    private static Map<String, String> runtimeDependencies;
    private static Set<String> shipped;
    private static String ourJar;

    @BeforeAll
    static void readBuildOutputs() throws IOException {
        managedByFiji = new ManagedArtifacts(BuildLayout.localRepository())
                .of("org.scijava", "pom-scijava", BuildLayout.pomScijavaVersion());
        runtimeDependencies = runtimeDependencies(BuildLayout.classpathFile(),
                BuildLayout.localRepository());
        try (Stream<Path> jars = Files.list(BuildLayout.updateSiteJars())) {
            shipped = jars.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
        ourJar = BuildLayout.artifactId() + '-' + BuildLayout.version() + ".jar";
    }

    @Test
    void pomScijavaIsReadCompletely() {
        // Guards against a parser that silently finds nothing, which would let every check pass.
        assertTrue(managedByFiji.size() > 500, "only " + managedByFiji.size() + " managed");
        for (String known : new String[] {"org.scijava:scijava-common", "net.imagej:ij",
            "net.imglib2:imglib2", "com.google.code.gson:gson", "org.slf4j:slf4j-api"}) {
            assertTrue(managedByFiji.containsKey(known), known);
        }
        assertTrue(runtimeDependencies.containsValue("ai.djl:api"), runtimeDependencies.toString());
    }

    @Test
    void shipsNothingFijiAlreadyHas() {
        List<String> duplicated = shipped.stream().filter(jar -> !jar.equals(ourJar)).sorted()
                .filter(jar -> managedByFiji.containsKey(coordinatesOf(jar)))
                .map(jar -> jar + " (" + coordinatesOf(jar) + ")")
                .collect(Collectors.toList());
        assertEquals(List.of(), duplicated,
                "Fiji already ships these: add their groupIds to excludeGroupIds in pom.xml");
    }

    @Test
    void everythingLeftOutIsShippedByFiji() {
        List<String> missing = runtimeDependencies.entrySet().stream()
                .filter(e -> !shipped.contains(e.getKey()))
                .filter(e -> !managedByFiji.containsKey(e.getValue()))
                .map(e -> e.getKey() + " (" + e.getValue() + ")").sorted()
                .collect(Collectors.toList());
        assertEquals(List.of(), missing, "neither in update-site/jars nor in Fiji:"
                + " narrow excludeGroupIds in pom.xml");
        reportVersionDifferences();
    }

    @Test
    void everyExcludedGroupIsARuntimeDependency() {
        // A stale entry would silently keep a future dependency of that group off the site.
        Set<String> groups = runtimeDependencies.values().stream()
                .map(ga -> ga.substring(0, ga.indexOf(':'))).collect(Collectors.toSet());
        List<String> unused = Stream.of(BuildLayout.excludedGroupIds().split(","))
                .map(String::trim).filter(g -> !groups.contains(g)).sorted()
                .collect(Collectors.toList());
        assertEquals(List.of(), unused, "excludeGroupIds entries that match no runtime dependency");
    }

    /**
     * Inside Fiji our code runs against Fiji's versions of what we leave out; printing the
     * differences keeps that visible in the build log without failing on it.
     */
    private static void reportVersionDifferences() {
        runtimeDependencies.forEach((jar, ga) -> {
            String fijiVersion = managedByFiji.get(ga);
            String artifactId = ga.substring(ga.indexOf(':') + 1);
            if (!shipped.contains(jar) && fijiVersion != null
                    && !jar.startsWith(artifactId + '-' + fijiVersion + '.')
                    && !jar.startsWith(artifactId + '-' + fijiVersion + '-')) {
                System.out.println("[update-site] " + jar + ": Fiji's pom-scijava "
                        + BuildLayout.pomScijavaVersion() + " has " + ga + ' ' + fijiVersion);
            }
        });
    }

    @Test
    void containsOurPluginJarWithItsPluginIndex() throws IOException {
        Path jar = BuildLayout.updateSiteJars().resolve(ourJar);
        assertTrue(Files.isRegularFile(jar), "missing " + jar);
        assumeTrue(hasPluginClass(), "no @Plugin class in src/main/java yet, so no plugin index"
                + " is expected in " + ourJar);
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry index = zip.getEntry(PLUGIN_INDEX);
            assertNotNull(index, PLUGIN_INDEX + " missing from " + jar);
            String json = new String(zip.getInputStream(index).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertTrue(json.contains("io.github.fijigan."), json);
        }
    }

    private static String coordinatesOf(String jarName) {
        String coordinates = runtimeDependencies.get(jarName);
        assertNotNull(coordinates, jarName + " is in update-site/jars but not a runtime dependency");
        return coordinates;
    }

    /** Reads DependencyPlugin's build-classpath output; paths lie in the local repository. */
    private static Map<String, String> runtimeDependencies(Path classpathFile, Path repository)
            throws IOException {
        Map<String, String> byJarName = new TreeMap<>();
        Path repo = repository.toAbsolutePath().normalize();
        for (String entry : Files.readString(classpathFile).trim().split(File.pathSeparator)) {
            Path jar = Path.of(entry).toAbsolutePath().normalize();
            assertTrue(jar.startsWith(repo), jar + " is not under " + repo);
            // <group/as/path>/<artifactId>/<version>/<file>
            Path relative = repo.relativize(jar);
            int n = relative.getNameCount();
            String groupId = relative.subpath(0, n - 3).toString().replace(File.separatorChar, '.');
            String artifactId = relative.getName(n - 3).toString();
            byJarName.put(jar.getFileName().toString(), groupId + ':' + artifactId);
        }
        return byJarName;
    }

    private static boolean hasPluginClass() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            return files.filter(p -> p.toString().endsWith(".java")).anyMatch(p -> {
                try {
                    return Files.readString(p).contains("@Plugin(");
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }
}
