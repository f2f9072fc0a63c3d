package org.flowlab.engine.parts;

import java.util.List;
import org.flowlab.engine.time.Ticks;

/**
 * Arrival rate over virtual time, in requests per second. Profiles are piecewise: {@link #nextBreak} tells when
 * the shape changes, and {@link #maxRate} bounds the rate up to then, which is all that thinning needs to sample
 * an exact non-homogeneous Poisson process.
 */
public sealed interface RateProfile {

    double rate(long t);

    /** The next instant strictly after {@code t} at which the rate's formula changes (Ticks.MAX if never). */
    long nextBreak(long t);

    /** An upper bound of the rate on [from, to). */
    double maxRate(long from, long to);

    /** The largest rate ever reached, for charts and limits. */
    double peak();

    record Constant(double perSecond) implements RateProfile {
        public Constant {
            rateCheck(perSecond);
        }

        @Override
        public double rate(long t) {
            return perSecond;
        }

        @Override
        public long nextBreak(long t) {
            return Ticks.MAX;
        }

        @Override
        public double maxRate(long from, long to) {
            return perSecond;
        }

        @Override
        public double peak() {
            return perSecond;
        }
    }

    /** {@code from} until {@code at}, then {@code to}. */
    record Step(double from, double to, long at) implements RateProfile {
        public Step {
            rateCheck(from);
            rateCheck(to);
        }

        @Override
        public double rate(long t) {
            return t < at ? from : to;
        }

        @Override
        public long nextBreak(long t) {
            return t < at ? at : Ticks.MAX;
        }

        @Override
        public double maxRate(long a, long b) {
            return a < at ? (b > at ? Math.max(from, to) : from) : to;
        }

        @Override
        public double peak() {
            return Math.max(from, to);
        }
    }

    /** {@code from} until {@code start}, linear to {@code to} at {@code end}, then {@code to}. */
    record Ramp(double from, double to, long start, long end) implements RateProfile {
        public Ramp {
            rateCheck(from);
            rateCheck(to);
            if (end <= start) {
                throw new IllegalArgumentException("a ramp must end after it starts");
            }
        }

        @Override
        public double rate(long t) {
            if (t <= start) {
                return from;
            }
            if (t >= end) {
                return to;
            }
            return from + (to - from) * (double) (t - start) / (end - start);
        }

        @Override
        public long nextBreak(long t) {
            if (t < start) {
                return start;
            }
            return t < end ? end : Ticks.MAX;
        }

        @Override
        public double maxRate(long a, long b) {
            return Math.max(rate(a), rate(Math.min(b, Ticks.MAX - 1)));
        }

        @Override
        public double peak() {
            return Math.max(from, to);
        }
    }

    /** {@code base}, with {@code peak} during [at, at + length). */
    record Spike(double base, double peakRate, long at, long length) implements RateProfile {
        public Spike {
            rateCheck(base);
            rateCheck(peakRate);
            if (length <= 0) {
                throw new IllegalArgumentException("a spike needs a positive duration");
            }
        }

        @Override
        public double rate(long t) {
            return t >= at && t < at + length ? peakRate : base;
        }

        @Override
        public long nextBreak(long t) {
            if (t < at) {
                return at;
            }
            return t < at + length ? at + length : Ticks.MAX;
        }

        @Override
        public double maxRate(long a, long b) {
            return rate(a);
        }

        @Override
        public double peak() {
            return Math.max(base, peakRate);
        }
    }

    /** Piecewise-constant: each point's rate holds from its time until the next point. Before the first: 0. */
    record Piecewise(List<Point> points) implements RateProfile {
        public record Point(long at, double perSecond) {
        }

        public Piecewise {
            if (points == null || points.isEmpty()) {
                throw new IllegalArgumentException("a piecewise profile needs at least one point");
            }
            points = List.copyOf(points);
            for (int i = 0; i < points.size(); i++) {
                rateCheck(points.get(i).perSecond());
                if (i > 0 && points.get(i).at() <= points.get(i - 1).at()) {
                    throw new IllegalArgumentException("piecewise points must be in increasing time order");
                }
            }
        }

        private int indexAt(long t) {
            int idx = -1;
            for (int i = 0; i < points.size() && points.get(i).at() <= t; i++) {
                idx = i;
            }
            return idx;
        }

        @Override
        public double rate(long t) {
            int i = indexAt(t);
            return i < 0 ? 0 : points.get(i).perSecond();
        }

        @Override
        public long nextBreak(long t) {
            int i = indexAt(t);
            return i + 1 < points.size() ? points.get(i + 1).at() : Ticks.MAX;
        }

        @Override
        public double maxRate(long a, long b) {
            return rate(a);
        }

        @Override
        public double peak() {
            return points.stream().mapToDouble(Point::perSecond).max().orElse(0);
        }
    }

    private static void rateCheck(double r) {
        if (!(r >= 0) || Double.isInfinite(r)) {
            throw new IllegalArgumentException("a rate must be ≥ 0 and finite; got " + r);
        }
    }
}
