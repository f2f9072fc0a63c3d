package org.flowlab.lessons.check;

import java.util.Locale;
import java.util.Optional;

/** How a trailing window folds the samples it holds into one number: {@code max(api.p99_s) over 30s}. */
public enum Aggregate {
    MIN("the smallest sample"),
    MAX("the largest sample"),
    AVG("the mean of the samples"),
    DELTA("the newest sample minus the oldest (how much a value grew)");

    private final String meaning;

    Aggregate(String meaning) {
        this.meaning = meaning;
    }

    /** The word as written in a checkpoint: {@code min}, {@code max}, {@code avg}, {@code delta}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String meaning() {
        return meaning;
    }

    public static Optional<Aggregate> of(String word) {
        for (Aggregate a : values()) {
            if (a.word().equals(word)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
