package org.flowlab.engine.mechanisms;

import static org.flowlab.engine.mechanisms.Mech.fmt;
import static org.flowlab.engine.mechanisms.Mech.read;
import static org.flowlab.engine.mechanisms.Mech.report;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.flowlab.engine.des.Simulation;
import org.flowlab.engine.parts.call.CallPolicy;
import org.flowlab.engine.time.SimDuration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * M/M/1 with a client timeout and no cancellation (oracles.md §1): λ = 0.9, μ = 1, the server still finishes
 * abandoned work, so the sojourn time is Exponential(μ − λ) and the timed-out share is e^{−(μ−λ)T}.
 */
class ClientTimeoutOracleTest {
    private static final double LAMBDA = 0.9;
    private static final double MU = 1;

    @ParameterizedTest(name = "T = {0}")
    @CsvSource({"10, 0.367879", "20, 0.135335"})
    void timedOutShareIsTheSojournTail(double timeout, double theory) {
        assertEquals(Math.exp(-(MU - LAMBDA) * timeout), theory, 1e-6, "the table value is the closed form");
        CallPolicy client = CallPolicy.plain("api").withTimeout(SimDuration.ofSeconds(timeout));
        Simulation sim = Mech.model("mm1-timeout", 11,
                Mech.poisson("users", LAMBDA, "api").withClient(client),
                Mech.server("api", 1, Mech.exp(1 / MU))).simulation();
        long[] sums = new long[2];
        // Warm-up ≥ 10 relaxation times (380/μ at ρ = 0.9); 30 batches of 60,000 s ≈ 1.6 million requests.
        double[] shares = Mech.batches(sim, 10_000, 30, 60_000, s -> {
            double timedOut = read(s, "users.timed_out");
            sums[0] += (long) timedOut;
            sums[1] += (long) read(s, "users.wasted");
            return timedOut / read(s, "users.attempts");
        });
        Mech.assertCovers(fmt("M/M/1 timed-out share at T=%.0f", timeout), shares, theory, 0.02);
        // No cancellation: every abandoned attempt is still served and its answer comes back to nobody.
        long timedOut = sums[0];
        long wasted = sums[1];
        report(fmt("T=%.0f timed out %d, wasted answers %d", timeout, timedOut, wasted));
        assertTrue(Math.abs(timedOut - wasted) <= 0.002 * timedOut,
                () -> "abandoned work is still served: timed out " + timedOut + ", wasted " + wasted);
    }
}
