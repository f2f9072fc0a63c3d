package org.flowlab.lessons.check;

/**
 * The state of one checkpoint in one run.
 *
 * @param status  pending, passed or failed
 * @param atNanos step time (since the step started) when it was decided, or -1 while pending
 * @param detail  what the run showed, for people: "held from 12.00 s to 42.00 s", "false at 31.25 s (api.queue_depth = 63)"
 */
public record Verdict(Status status, long atNanos, String detail) {
    public static final Verdict PENDING = new Verdict(Status.PENDING, -1, "");

    public Verdict {
        detail = detail == null ? "" : detail;
    }

    public boolean passed() {
        return status == Status.PASSED;
    }
}
