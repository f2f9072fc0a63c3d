package org.flowlab.engine.scenario.read;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import org.flowlab.engine.expr.CloseNames;

/** Finds the known word closest to a misspelt one, for "did you mean 'capacity'?" hints. */
public final class Suggestions {
    private Suggestions() {
    }

    /** The closest candidate within a few edits (scaled to the word's length), if any. */
    public static Optional<String> closest(String word, Collection<String> candidates) {
        String w = word.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(w, c.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        int allowed = Math.max(1, Math.min(3, w.length() / 3));
        boolean prefix = best != null && w.length() >= 3 && best.toLowerCase(Locale.ROOT).startsWith(w);
        return best != null && (bestDistance <= allowed || prefix) ? Optional.of(best) : Optional.empty();
    }

    /** "did you mean 'x'? " or the empty string. */
    public static String didYouMean(String word, Collection<String> candidates) {
        return closest(word, candidates).map(s -> "did you mean '" + s + "'? ").orElse("");
    }

    /** Edit distance, shared with the expression language's name hints (one implementation, one behaviour). */
    static int distance(String a, String b) {
        return CloseNames.distance(a, b);
    }
}
