package org.flowlab.engine.expr;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Finds the known names closest to a misspelt one, for "did you mean" hints: the expression checker uses it for
 * unknown names and functions, and so can anything that looks names up (parts, metrics, checkpoints).
 */
public final class CloseNames {
    private static final int MAX_SHOWN = 3;
    private static final int MAX_LISTED = 12;

    private CloseNames() {
    }

    /** Up to three names within a few edits (scaled to the length) or sharing a prefix, closest first. */
    public static List<String> of(String word, Collection<String> candidates) {
        String w = word.toLowerCase(Locale.ROOT);
        int allowed = Math.max(1, Math.min(3, w.length() / 3));
        record Scored(String name, int distance) {
        }
        List<Scored> close = new ArrayList<>();
        for (String c : candidates) {
            String lc = c.toLowerCase(Locale.ROOT);
            int d = distance(w, lc);
            boolean related = w.length() >= 3 && (lc.startsWith(w) || w.startsWith(lc) && lc.length() >= 3);
            if (d <= allowed || related) {
                close.add(new Scored(c, d));
            }
        }
        close.sort(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name));
        return close.stream().limit(MAX_SHOWN).map(Scored::name).toList();
    }

    /**
     * A hint for an unknown word: "did you mean 'level'?", "did you mean one of: a, b?" or, when nothing is
     * close, the known names if there are few ("known names: a, b, c"); empty when there are none.
     */
    public static String hint(String word, Collection<String> candidates, String kind) {
        List<String> close = of(word, candidates);
        if (close.size() == 1) {
            return "did you mean '" + close.get(0) + "'?";
        }
        if (!close.isEmpty()) {
            return "did you mean one of: " + String.join(", ", close) + "?";
        }
        if (candidates.isEmpty()) {
            return "";
        }
        List<String> all = candidates.stream().sorted().limit(MAX_LISTED).toList();
        return "known " + kind + ": " + String.join(", ", all) + (candidates.size() > MAX_LISTED ? ", ..." : "");
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
    public static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
