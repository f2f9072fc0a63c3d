package org.flowlab.lessons;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * The rule for files a lesson uses (its scenario, images, linked files): they live inside the lesson's folder. A
 * path is refused when it is absolute, contains {@code ..}, uses backslashes, or reaches (through a symbolic link)
 * a file outside the folder.
 */
public final class Assets {
    private Assets() {
    }

    /** A path refused by the rule; the message says why and what would be accepted. */
    public static final class AssetException extends IllegalArgumentException {
        private final String expected;

        AssetException(String message, String expected) {
            super(message);
            this.expected = expected;
        }

        /** What a valid path looks like, for the "expected" half of a problem. */
        public String expected() {
            return expected;
        }
    }

    static final String EXPECTED = "a file inside the lesson's folder, named relative to it, such as tub.yaml or images/tub.png";

    /**
     * Resolves {@code relative} against {@code folder} and checks that it is an existing regular file inside it.
     *
     * @throws AssetException when the path breaks the rule or there is no such file
     */
    public static Path resolve(Path folder, String relative) {
        String r = relative == null ? "" : relative.strip();
        if (r.isEmpty()) {
            throw new AssetException("the file name is empty", EXPECTED);
        }
        if (r.contains("\\")) {
            throw new AssetException("the path '" + r + "' uses '\\'", "folders separated by '/', as in images/tub.png");
        }
        if (r.startsWith("/") || r.startsWith("~") || r.matches("^[A-Za-z]:.*")) {
            throw new AssetException("the path '" + r + "' is absolute: a lesson may only use files in its own folder",
                    EXPECTED);
        }
        for (String segment : r.split("/")) {
            if (segment.equals("..")) {
                throw new AssetException("the path '" + r + "' leaves the lesson's folder (it contains '..')", EXPECTED);
            }
        }
        Path base = folder.toAbsolutePath().normalize();
        Path target = base.resolve(r).normalize();
        if (!target.startsWith(base)) {
            throw new AssetException("the path '" + r + "' leaves the lesson's folder", EXPECTED);
        }
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new AssetException("there is no file '" + r + "' in the lesson's folder", EXPECTED);
        }
        try {
            Path realBase = base.toRealPath();
            Path real = target.toRealPath();
            if (!real.startsWith(realBase)) {
                throw new AssetException("the path '" + r + "' is a link to a file outside the lesson's folder",
                        "a real file in the lesson's folder, not a symbolic link leading out of it");
            }
            if (!Files.isRegularFile(real)) {
                throw new AssetException("'" + r + "' is not a file", EXPECTED);
            }
            return real;
        } catch (IOException e) {
            throw new AssetException("cannot read '" + r + "': " + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage()), EXPECTED);
        }
    }
}
