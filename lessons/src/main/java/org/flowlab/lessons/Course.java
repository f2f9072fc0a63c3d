package org.flowlab.lessons;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;

/** Where the bundled course lives: {@code org/flowlab/lessons/course/} on the classpath, in a jar or a folder. */
public final class Course {
    public static final String RESOURCE = "org/flowlab/lessons/course";

    private Course() {
    }

    /**
     * The bundled course folder. Inside a jar it is a path of the jar's file system, which stays open for the life of
     * the program (the lessons read their files from it).
     *
     * @throws IOException when the course is not on the classpath
     */
    public static Path bundled() throws IOException {
        URL url = Course.class.getClassLoader().getResource(RESOURCE);
        if (url == null) {
            throw new IOException("the bundled course (" + RESOURCE + ") is not on the classpath");
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                return fs.getPath(RESOURCE);
            }
            return Path.of(uri);
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IOException("cannot open the bundled course at " + url + ": " + e.getMessage(), e);
        }
    }
}
