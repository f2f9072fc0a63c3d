package org.flowlab.engine.scenario.read;

import java.util.List;
import org.flowlab.engine.parts.PartConfig;

/**
 * Reads one part type ({@code type: server}) from its YAML map into its config record. To add a part type,
 * write one class implementing this and list it in {@link PartReaders#standard()}.
 */
public interface PartReader {

    /** The type word in scenario files: {@code source}, {@code server}, ... */
    String type();

    /** One line for people, shown when a type word is unknown. */
    String summary();

    /** Whether other parts may send requests to this one ({@code to: ID}). */
    boolean receives();

    /**
     * The keys allowed at a level of this part: {@code []} for the part's own map, {@code ["queue"]} for a
     * server's queue map. Empty when there is no map at that path. Used to check keys and {@code --set} paths.
     */
    List<String> keysAt(List<String> path);

    /**
     * Reads the part. Records problems in {@code ctx} (every one it finds) and returns null when any was found.
     *
     * @param id   the part's id, already checked
     * @param part the part's map, including {@code id} and {@code type}
     */
    PartConfig read(String id, Node.Mapping part, ReadContext ctx);
}
