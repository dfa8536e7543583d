package io.github.fijigan.build;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The {@code groupId:artifactId} pairs a Maven bill of materials manages, with their versions,
 * read from the local repository with the JDK's XML parser: its own {@code dependencyManagement},
 * its parents', and BOMs it imports. Names must resolve; a version that does not is reported
 * as {@code ?} since it only serves information.
 */
final class ManagedArtifacts {

    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

    private final Path repository;

    /** @param repository the local Maven repository, e.g. {@code ~/.m2/repository} */
    ManagedArtifacts(Path repository) {
        this.repository = repository;
    }

    /**
     * @return every managed {@code groupId:artifactId}, mapped to its version
     * @throws IllegalStateException if a pom is missing, unreadable, or a name stays unresolved
     */
    Map<String, String> of(String groupId, String artifactId, String version) {
        Map<String, String> managed = new HashMap<>();
        collect(groupId, artifactId, version, managed, new HashSet<>());
        return managed;
    }

    private void collect(String groupId, String artifactId, String version,
            Map<String, String> managed, Set<String> visited) {
        if (!visited.add(groupId + ':' + artifactId + ':' + version)) {
            return;
        }
        Element project = read(pomPath(groupId, artifactId, version));
        Map<String, String> properties = properties(project, groupId, version);

        Element parent = child(project, "parent");
        if (parent != null) {
            // dependencyManagement is inherited, so the parent's entries count too.
            collect(text(parent, "groupId"), text(parent, "artifactId"), text(parent, "version"),
                    managed, visited);
        }
        Element management = child(project, "dependencyManagement");
        Element dependencies = management == null ? null : child(management, "dependencies");
        if (dependencies == null) {
            return;
        }
        for (Element dependency : children(dependencies, "dependency")) {
            String g = resolve(text(dependency, "groupId"), properties);
            String a = resolve(text(dependency, "artifactId"), properties);
            if ("import".equals(text(dependency, "scope"))) {
                collect(g, a, resolve(text(dependency, "version"), properties), managed, visited);
            } else {
                // A child's entry overrides its parent's, and parents are collected first.
                managed.put(g + ':' + a, versionOrUnknown(text(dependency, "version"), properties));
            }
        }
    }

    /** A pom's properties merged over its parents', plus the project.* values names use. */
    private Map<String, String> properties(Element project, String groupId, String version) {
        Map<String, String> properties = new HashMap<>();
        Element parent = child(project, "parent");
        if (parent != null) {
            String pg = text(parent, "groupId");
            String pv = text(parent, "version");
            properties.putAll(properties(read(pomPath(pg, text(parent, "artifactId"), pv)), pg, pv));
            properties.put("project.parent.version", pv);
            properties.put("parent.version", pv);
        }
        Element own = child(project, "properties");
        if (own != null) {
            for (Node n = own.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element) {
                    properties.put(((Element) n).getTagName(), n.getTextContent().trim());
                }
            }
        }
        properties.put("project.groupId", groupId);
        properties.put("project.version", version);
        properties.put("project.artifactId", text(project, "artifactId"));
        return properties;
    }

    private static String versionOrUnknown(String version, Map<String, String> properties) {
        try {
            return version == null ? "?" : resolve(version, properties);
        } catch (IllegalStateException e) {
            return "?";
        }
    }

    static String resolve(String value, Map<String, String> properties) {
        if (value == null) {
            return null;
        }
        String result = value;
        // Properties may refer to properties; ten rounds is far more than any real pom nests.
        for (int round = 0; round < 10 && result.contains("${"); round++) {
            Matcher m = PROPERTY.matcher(result);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                String replacement = properties.get(m.group(1));
                if (replacement == null) {
                    throw new IllegalStateException("Unresolved property ${" + m.group(1)
                            + "} in '" + value + "'");
                }
                m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
            }
            m.appendTail(sb);
            result = sb.toString();
        }
        return result;
    }

    private Path pomPath(String groupId, String artifactId, String version) {
        return repository.resolve(groupId.replace('.', '/')).resolve(artifactId).resolve(version)
                .resolve(artifactId + '-' + version + ".pom");
    }

    private static Element read(Path pom) {
        if (!Files.isRegularFile(pom)) {
            throw new IllegalStateException("Missing pom " + pom
                    + " (run mvn once online so Maven fetches it)");
        }
        try (InputStream in = Files.newInputStream(pom)) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            DocumentBuilder builder = factory.newDocumentBuilder();
            Document document = builder.parse(in);
            return document.getDocumentElement();
        } catch (IOException | SAXException | ParserConfigurationException e) {
            throw new IllegalStateException("Cannot read " + pom, e);
        }
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element && name.equals(((Element) n).getTagName())) {
                return (Element) n;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> list = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element
                    && name.equals(((Element) nodes.item(i)).getTagName())) {
                list.add((Element) nodes.item(i));
            }
        }
        return list;
    }

    private static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : e.getTextContent().trim();
    }
}
