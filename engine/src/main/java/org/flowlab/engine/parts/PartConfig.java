package org.flowlab.engine.parts;

/** The configuration of one part, as read from a scenario file. Each part type has its own record. */
public interface PartConfig {
    String id();

    String type();

    static void checkId(String id) {
        if (id == null || !id.matches("[A-Za-z][A-Za-z0-9_-]*")) {
            throw new IllegalArgumentException("a part id starts with a letter and uses letters, digits, '_' or '-'; got '" + id + "'");
        }
    }
}
