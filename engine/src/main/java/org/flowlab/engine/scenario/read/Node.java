package org.flowlab.engine.scenario.read;

import java.util.ArrayList;
import java.util.List;

/**
 * A YAML value with the place it was written, so every message can name file, line and column. Scalars keep
 * their text: units ({@code 200ms}, {@code 6/s}) are parsed by the readers, which know what a value means.
 */
public sealed interface Node {
    Location location();

    /** How this kind of node is called in messages ("a single value", "a map", "a list"). */
    String describe();

    /** What the YAML parser saw; quoted numbers are STRING. */
    enum Kind { STRING, NUMBER, BOOLEAN, NULL }

    record Scalar(Location location, String text, Kind kind) implements Node {
        public boolean isNull() {
            return kind == Kind.NULL;
        }

        @Override
        public String describe() {
            return isNull() ? "no value" : "the single value '" + text + "'";
        }
    }

    record Sequence(Location location, List<Node> items) implements Node {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String describe() {
            return "a list";
        }
    }

    /** One {@code key: value} line of a mapping; the key keeps its own location for unknown-key messages. */
    record Entry(String key, Location keyLocation, Node value) {
    }

    /** A mapping in file order. Keys are unique: the tree builder reports duplicates. */
    record Mapping(Location location, List<Entry> entries) implements Node {
        public Mapping {
            entries = List.copyOf(entries);
        }

        public Node get(String key) {
            for (Entry e : entries) {
                if (e.key().equals(key)) {
                    return e.value();
                }
            }
            return null;
        }

        public boolean has(String key) {
            return get(key) != null;
        }

        public List<String> keys() {
            return entries.stream().map(Entry::key).toList();
        }

        /** A copy with {@code key} set to {@code value}: replaced in place, or appended when absent. */
        public Mapping with(String key, Location keyLocation, Node value) {
            List<Entry> copy = new ArrayList<>(entries);
            for (int i = 0; i < copy.size(); i++) {
                if (copy.get(i).key().equals(key)) {
                    copy.set(i, new Entry(key, copy.get(i).keyLocation(), value));
                    return new Mapping(location, copy);
                }
            }
            copy.add(new Entry(key, keyLocation, value));
            return new Mapping(location, copy);
        }

        @Override
        public String describe() {
            return "a map of keys";
        }
    }
}
