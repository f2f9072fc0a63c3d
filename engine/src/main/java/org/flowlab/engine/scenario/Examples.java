package org.flowlab.engine.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.flowlab.engine.scenario.read.Node;
import org.flowlab.engine.scenario.read.YamlTree;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scenarios bundled with the engine: every {@code NAME.yaml} in the resource folder
 * {@code org/flowlab/engine/examples}, found by listing the folder (in a jar or a directory), so adding an example
 * is dropping a file there. Each file's {@code description:} (its first line) is its one-line summary; a file
 * without one may get it from {@code index.txt} in the same folder.
 */
public final class Examples {
    public static final String FOLDER = "org/flowlab/engine/examples";
    private static final Logger LOG = LoggerFactory.getLogger(Examples.class);

    /** A bundled example and its one-line description. */
    public record Example(String name, String description) {
    }

    private final ClassLoader loader;
    private final String folder;

    public Examples(ClassLoader loader, String folder) {
        this.loader = loader;
        this.folder = folder;
    }

    public static Examples bundled() {
        return new Examples(Examples.class.getClassLoader(), FOLDER);
    }

    /** Names of the examples, sorted. */
    public List<String> names() {
        TreeSet<String> names = new TreeSet<>();
        CodeSource code = Examples.class.getProtectionDomain().getCodeSource();
        if (code != null && code.getLocation() != null) {
            try {
                scan(code.getLocation().toURI(), names);
            } catch (URISyntaxException | RuntimeException e) {
                LOG.debug("cannot list examples next to {}", code.getLocation(), e);
            }
        }
        URL url = loader.getResource(folder);
        if (url != null) {
            scanUrl(url, names);
        }
        return List.copyOf(names);
    }

    /** Every example with its description, sorted by name. */
    public List<Example> list() {
        List<Example> out = new ArrayList<>();
        YamlTree yaml = new YamlTree();
        Map<String, String> index = index();
        for (String name : names()) {
            String description = text(name).map(t -> summary(yaml, t)).orElse("");
            out.add(new Example(name, description.isEmpty() ? index.getOrDefault(name, "") : description));
        }
        return out;
    }

    /**
     * Descriptions from the optional {@code index.txt} ({@code NAME: text} lines, {@code #} comments), for files
     * that have no {@code description:} key.
     */
    private Map<String, String> index() {
        Map<String, String> index = new HashMap<>();
        try (InputStream in = loader.getResourceAsStream(folder + "/index.txt")) {
            if (in == null) {
                return index;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                int colon = line.indexOf(':');
                if (!line.isBlank() && !line.strip().startsWith("#") && colon > 0) {
                    index.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
                }
            }
        } catch (IOException e) {
            LOG.debug("cannot read the examples index", e);
        }
        return index;
    }

    /** The YAML text of an example, if there is one by that name. */
    public Optional<String> text(String name) {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
            return Optional.empty();
        }
        try (InputStream in = loader.getResourceAsStream(folder + "/" + name + ".yaml")) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            LOG.debug("cannot read example {}", name, e);
            return Optional.empty();
        }
    }

    private static String summary(YamlTree yaml, String text) {
        Node root = yaml.parseFile(text, "example", new ArrayList<>());
        if (root instanceof Node.Mapping m && m.get("description") instanceof Node.Scalar s && !s.isNull()) {
            String d = s.text().strip();
            int nl = d.indexOf('\n');
            return nl < 0 ? d : d.substring(0, nl).strip();
        }
        return "";
    }

    private void scan(URI location, TreeSet<String> names) {
        if (!"file".equals(location.getScheme())) {
            return;
        }
        Path p = Path.of(location);
        if (Files.isDirectory(p)) {
            listDirectory(p.resolve(folder), names);
        } else if (Files.isRegularFile(p)) {
            try (JarFile jar = new JarFile(p.toFile())) {
                listJar(jar, names);
            } catch (IOException e) {
                LOG.debug("cannot list examples in {}", p, e);
            }
        }
    }

    private void scanUrl(URL url, TreeSet<String> names) {
        try {
            if ("file".equals(url.getProtocol())) {
                listDirectory(Path.of(url.toURI()), names);
            } else if ("jar".equals(url.getProtocol()) && url.openConnection() instanceof JarURLConnection c) {
                c.setUseCaches(false);
                try (JarFile jar = c.getJarFile()) {
                    listJar(jar, names);
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            LOG.debug("cannot list examples at {}", url, e);
        }
    }

    private static void listDirectory(Path dir, TreeSet<String> names) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".yaml"))
                    .forEach(f -> names.add(f.substring(0, f.length() - ".yaml".length())));
        } catch (IOException e) {
            LOG.debug("cannot list {}", dir, e);
        }
    }

    private void listJar(JarFile jar, TreeSet<String> names) {
        String prefix = folder + "/";
        Enumeration<JarEntry> entries = jar.entries();
        while (entries.hasMoreElements()) {
            String n = entries.nextElement().getName();
            if (n.startsWith(prefix) && n.endsWith(".yaml") && n.indexOf('/', prefix.length()) < 0) {
                names.add(n.substring(prefix.length(), n.length() - ".yaml".length()));
            }
        }
    }
}
