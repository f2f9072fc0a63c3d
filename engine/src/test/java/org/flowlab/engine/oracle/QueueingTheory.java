package org.flowlab.engine.oracle;

/**
 * Closed-form queueing results the engine is checked against (Kleinrock Vol. 1; Gross &amp; Harris). Notation as in
 * {@code shared/reference/oracles.md}: λ arrival rate, μ service rate per worker, c workers, a = λ/μ, ρ = λ/(cμ),
 * K = most requests in the system (workers plus waiting places).
 */
final class QueueingTheory {
    private QueueingTheory() {
    }

    // ----------------------------------------------------------------- M/M/1

    /** Mean number in system and its relatives for a stable M/M/1 queue. */
    record MM1(double lambda, double mu) {
        MM1 {
            if (!(lambda > 0 && mu > lambda)) {
                throw new IllegalArgumentException("M/M/1 needs 0 < λ < μ; got λ=" + lambda + ", μ=" + mu);
            }
        }

        double rho() {
            return lambda / mu;
        }

        double l() {
            return rho() / (1 - rho());
        }

        double lq() {
            return rho() * rho() / (1 - rho());
        }

        double w() {
            return 1 / (mu - lambda);
        }

        double wq() {
            return rho() / (mu - lambda);
        }

        /** P(N ≥ n) = ρⁿ: also the share of arrivals that find at least n requests (PASTA). */
        double atLeast(int n) {
            return Math.pow(rho(), n);
        }

        /** The p-quantile (0 &lt; p &lt; 1) of the FCFS sojourn time, which is Exponential(μ − λ). */
        double responseQuantile(double p) {
            return -Math.log(1 - p) / (mu - lambda);
        }

        /** P(W &gt; t): the share of requests a client timeout t would abandon. */
        double responseExceeds(double t) {
            return Math.exp(-(mu - lambda) * t);
        }
    }

    // ----------------------------------------------------------------- Erlang B and C

    /** Erlang B by the stable recursion B(0,a) = 1, B(k,a) = a·B(k−1,a)/(k + a·B(k−1,a)). */
    static double erlangB(int c, double a) {
        if (c < 0 || !(a >= 0)) {
            throw new IllegalArgumentException("Erlang B needs c ≥ 0 and a ≥ 0; got c=" + c + ", a=" + a);
        }
        double b = 1;
        for (int k = 1; k <= c; k++) {
            b = a * b / (k + a * b);
        }
        return b;
    }

    /** Erlang C, the probability that an arrival waits, in the stable form C = B/(1 − ρ(1 − B)). */
    static double erlangC(int c, double a) {
        double rho = a / c;
        if (!(rho < 1)) {
            throw new IllegalArgumentException("Erlang C needs a < c; got a=" + a + ", c=" + c);
        }
        double b = erlangB(c, a);
        return b / (1 - rho * (1 - b));
    }

    /** A stable M/M/c queue with an unbounded FIFO queue. */
    record MMc(double lambda, double mu, int c) {
        MMc {
            if (!(lambda > 0 && mu > 0 && c >= 1 && lambda < c * mu)) {
                throw new IllegalArgumentException("M/M/c needs 0 < λ < cμ; got λ=" + lambda + ", μ=" + mu + ", c=" + c);
            }
        }

        double offered() {
            return lambda / mu;
        }

        double probWait() {
            return erlangC(c, offered());
        }

        double wq() {
            return probWait() / (c * mu - lambda);
        }

        double w() {
            return wq() + 1 / mu;
        }

        double lq() {
            return lambda * wq();
        }

        double l() {
            return lambda * w();
        }
    }

    // ----------------------------------------------------------------- finite systems

    /**
     * M/M/c/K: c workers and K − c waiting places. Holds the whole stationary distribution P_0..P_K, computed in
     * relative terms (P_n/P_0 by the ratio recursion) so that large K or a cannot overflow.
     */
    record MMcK(double lambda, double mu, int c, int k, double[] p) {
        MMcK {
            p = p.clone();
        }

        static MMcK of(double lambda, double mu, int c, int k) {
            if (!(lambda > 0 && mu > 0 && c >= 1 && k >= c)) {
                throw new IllegalArgumentException("M/M/c/K needs λ, μ > 0 and K ≥ c ≥ 1; got λ=" + lambda
                        + ", μ=" + mu + ", c=" + c + ", K=" + k);
            }
            double a = lambda / mu;
            double[] p = new double[k + 1];
            p[0] = 1;
            double sum = 1;
            for (int n = 1; n <= k; n++) {
                p[n] = p[n - 1] * a / Math.min(n, c);
                sum += p[n];
            }
            for (int n = 0; n <= k; n++) {
                p[n] /= sum;
            }
            return new MMcK(lambda, mu, c, k, p);
        }

        /** Blocking probability: an arrival finds K in the system (PASTA), so it is P_K. */
        double blocking() {
            return p[k];
        }

        double throughput() {
            return lambda * (1 - blocking());
        }

        double l() {
            double l = 0;
            for (int n = 1; n <= k; n++) {
                l += n * p[n];
            }
            return l;
        }

        double lq() {
            double lq = 0;
            for (int n = c + 1; n <= k; n++) {
                lq += (n - c) * p[n];
            }
            return lq;
        }

        /** Mean sojourn of admitted requests, by Little's law with λ_eff. */
        double w() {
            return l() / throughput();
        }

        double wq() {
            return lq() / throughput();
        }

        /** Share of admitted requests that wait: they found all c workers busy but a free place (n in c..K−1). */
        double admittedWait() {
            double s = 0;
            for (int n = c; n < k; n++) {
                s += p[n];
            }
            return s / (1 - blocking());
        }
    }

    /** M/M/1/K in the closed form of the reference (separate from {@link MMcK} so each checks the other). */
    record MM1K(double lambda, double mu, int k) {
        double rho() {
            return lambda / mu;
        }

        double p(int n) {
            double r = rho();
            if (r == 1) {
                return 1.0 / (k + 1);
            }
            return (1 - r) * Math.pow(r, n) / (1 - Math.pow(r, k + 1));
        }

        double blocking() {
            return p(k);
        }

        double l() {
            double r = rho();
            if (r == 1) {
                return k / 2.0;
            }
            return r / (1 - r) - (k + 1) * Math.pow(r, k + 1) / (1 - Math.pow(r, k + 1));
        }

        double w() {
            return l() / (lambda * (1 - blocking()));
        }
    }

    // ----------------------------------------------------------------- M/G/1

    /**
     * M/G/1 by Pollaczek–Khinchine: Wq = ρ(1 + C_s²)/(2(1 − ρ))·E[S].
     *
     * @param meanService E[S] in seconds
     * @param scv         C_s² = Var(S)/E[S]²
     */
    record MG1(double lambda, double meanService, double scv) {
        MG1 {
            if (!(lambda > 0 && meanService > 0 && scv >= 0 && lambda * meanService < 1)) {
                throw new IllegalArgumentException("M/G/1 needs ρ = λE[S] < 1; got λ=" + lambda + ", E[S]=" + meanService);
            }
        }

        double rho() {
            return lambda * meanService;
        }

        double wq() {
            return rho() * (1 + scv) / (2 * (1 - rho())) * meanService;
        }

        double w() {
            return wq() + meanService;
        }

        double lq() {
            return lambda * wq();
        }

        double l() {
            return lambda * w();
        }
    }

    /** Relaxation time ≈ 1/(μ(1 − √ρ)²) of a single-server queue: warm up for at least ten of these. */
    static double relaxationTime(double mu, double rho) {
        double d = 1 - Math.sqrt(rho);
        return 1 / (mu * d * d);
    }
}
