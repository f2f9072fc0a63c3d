package org.flowlab.engine.expr;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What an expression may refer to when it is compiled: the names that will have values, and the functions.
 * Compiling against a scope reports unknown names and functions (with the close ones) before anything runs.
 */
public interface Scope {

    /** Whether {@code name} will have a value when the expression is evaluated. */
    boolean has(String name);

    /** The known names, used to suggest close ones in messages (may be a subset for an open scope). */
    Collection<String> names();

    Functions functions();

    /** Exactly these names. */
    static Scope of(Collection<String> names, Functions functions) {
        Set<String> known = Set.copyOf(names);
        List<String> sorted = List.copyOf(new TreeSet<>(names));
        return new Scope() {
            @Override
            public boolean has(String name) {
                return known.contains(name);
            }

            @Override
            public Collection<String> names() {
                return sorted;
            }

            @Override
            public Functions functions() {
                return functions;
            }
        };
    }

    /** Any name is accepted (checked only when evaluated); functions are still checked. */
    static Scope open(Functions functions) {
        return new Scope() {
            @Override
            public boolean has(String name) {
                return true;
            }

            @Override
            public Collection<String> names() {
                return List.of();
            }

            @Override
            public Functions functions() {
                return functions;
            }
        };
    }
}
