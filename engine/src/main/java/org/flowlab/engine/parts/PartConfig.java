package org.flowlab.engine.parts;

import org.flowlab.engine.des.Simulation;

/** The configuration of one part, as read from a scenario file. Each part type has its own record. */
public interface PartConfig {
    String id();

    String type();

    /**
     * Builds the live part inside a simulation. Each config knows its own part, so a new part type is one
     * config record, one part class and one scenario reader, with no central switch to edit.
     */
    Part create(Simulation sim, Receivers receivers);

    static void checkId(String id) {
        if (id == null || !id.matches("[A-Za-z][A-Za-z0-9_-]*")) {
            throw new IllegalArgumentException("a part id starts with a letter and uses letters, digits, '_' or '-'; got '" + id + "'");
        }
    }
}
