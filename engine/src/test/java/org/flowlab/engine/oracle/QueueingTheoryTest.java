package org.flowlab.engine.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The formulas of {@link QueueingTheory} against every numeric value in section 1 of oracles.md. A table value
 * printed with d decimals must agree to half a unit of its last digit (5e-7 for six decimals, 5e-5 for four),
 * which is all the table can promise; the six-decimal values are thus checked tighter than 1e-5.
 */
class QueueingTheoryTest {

    /** Passes iff {@code actual} rounds to the printed value. */
    static void assertPrinted(String printed, double actual, String what) {
        BigDecimal p = new BigDecimal(printed);
        double tolerance = 0.5 * Math.pow(10, -Math.max(p.scale(), 0)) * (1 + 1e-9);
        assertEquals(p.doubleValue(), actual, tolerance, what + " should print as " + printed);
    }

    @ParameterizedTest(name = "M/M/1 λ={0} μ={1}")
    @CsvSource({
            "0.5, 1, 1, 0.5, 2, 1, 0.000977, 1.3863, 9.2103",
            "0.8, 1, 4, 3.2, 5, 4, 0.107374, 3.4657, 23.0259",
            "0.9, 1, 9, 8.1, 10, 9, 0.348678, 6.9315, 46.0517",
    })
    void mm1Table(double lambda, double mu, String l, String lq, String w, String wq, String atLeast10, String p50,
                  String p99) {
        QueueingTheory.MM1 q = new QueueingTheory.MM1(lambda, mu);
        assertPrinted(l, q.l(), "L");
        assertPrinted(lq, q.lq(), "Lq");
        assertPrinted(w, q.w(), "W");
        assertPrinted(wq, q.wq(), "Wq");
        assertPrinted(atLeast10, q.atLeast(10), "P(N≥10)");
        assertPrinted(p50, q.responseQuantile(0.50), "W p50");
        assertPrinted(p99, q.responseQuantile(0.99), "W p99");
    }

    @Test
    void mm1InMillisecondsRow() {
        QueueingTheory.MM1 q = new QueueingTheory.MM1(90, 100);
        assertPrinted("9", q.l(), "L");
        assertPrinted("8.1", q.lq(), "Lq");
        assertPrinted("100", q.w() * 1e3, "W ms");
        assertPrinted("90", q.wq() * 1e3, "Wq ms");
        assertPrinted("0.348678", q.atLeast(10), "P(N≥10)");
        assertPrinted("69.3", q.responseQuantile(0.50) * 1e3, "p50 ms");
        assertPrinted("460.5", q.responseQuantile(0.99) * 1e3, "p99 ms");
    }

    @Test
    void clientTimeoutShareIsTheSojournTail() {
        QueueingTheory.MM1 q = new QueueingTheory.MM1(0.9, 1);
        assertPrinted("0.367879", q.responseExceeds(10), "P(W>10)");
        assertPrinted("0.135335", q.responseExceeds(20), "P(W>20)");
    }

    @ParameterizedTest(name = "M/M/c λ={0} μ={1} c={2}")
    @CsvSource({
            "1.6, 1, 2, 0.711111, 1.777778, 4.444444",
            "2, 1, 3, 0.444444, 0.444444, 2.888889",
            "9, 1, 10, 0.668732, 0.668732, 15.018584",
    })
    void erlangCTable(double lambda, double mu, int c, String probWait, String wq, String l) {
        QueueingTheory.MMc q = new QueueingTheory.MMc(lambda, mu, c);
        assertPrinted(probWait, q.probWait(), "C(c,a)");
        assertPrinted(wq, q.wq(), "Wq");
        assertPrinted(l, q.l(), "L");
        assertEquals(q.wq() + 1 / mu, q.w(), 1e-12);
    }

    @Test
    void erlangCStableFormEqualsTheTextbookSum() {
        for (int c = 1; c <= 30; c++) {
            for (double rho : new double[] {0.1, 0.5, 0.8, 0.95}) {
                double a = rho * c;
                double sum = 0;
                double term = 1;
                for (int k = 0; k < c; k++) {
                    sum += term;
                    term *= a / (k + 1);
                }
                double top = term * c / (c - a);
                assertEquals(top / (sum + top), QueueingTheory.erlangC(c, a), 1e-12, "c=" + c + " ρ=" + rho);
            }
        }
    }

    @Test
    void erlangBTable() {
        assertPrinted("1", QueueingTheory.erlangB(0, 3), "B(0,a)");
        assertPrinted("0.2", QueueingTheory.erlangB(2, 1), "B(2,1)");
        assertPrinted("0.110054", QueueingTheory.erlangB(5, 3), "B(5,3)");
    }

    @ParameterizedTest(name = "M/M/1/K λ={0} μ={1} K={2}")
    @CsvSource({
            "0.5, 1, 5, 0.015873, 0.904762, 1.838710",
            "0.9, 1, 10, 0.050814, 3.969441, 4.646601",
            "1.5, 1, 10, 0.337232, 8.128659, 8.176476",
    })
    void mm1kTable(double lambda, double mu, int k, String block, String l, String w) {
        QueueingTheory.MM1K q = new QueueingTheory.MM1K(lambda, mu, k);
        assertPrinted(block, q.blocking(), "P_block");
        assertPrinted(l, q.l(), "L");
        assertPrinted(w, q.w(), "W");
        QueueingTheory.MMcK general = QueueingTheory.MMcK.of(lambda, mu, 1, k);
        assertEquals(q.blocking(), general.blocking(), 1e-12);
        assertEquals(q.l(), general.l(), 1e-12);
        assertEquals(q.w(), general.w(), 1e-12);
    }

    @Test
    void overloadedFiniteQueueRejectsOneMinusMuOverLambda() {
        assertEquals(1 - 1 / 1.5, new QueueingTheory.MM1K(1.5, 1, 200).blocking(), 1e-12);
    }

    @Test
    void mmckWithoutWaitingRoomIsErlangB() {
        for (int c = 1; c <= 12; c++) {
            for (double a : new double[] {0.3, 1, 3, 8, 20}) {
                assertEquals(QueueingTheory.erlangB(c, a), QueueingTheory.MMcK.of(a, 1, c, c).blocking(), 1e-12,
                        "c=" + c + " a=" + a);
            }
        }
    }

    @Test
    void mmckWithAHugeRoomIsErlangC() {
        QueueingTheory.MMc unbounded = new QueueingTheory.MMc(9, 1, 10);
        QueueingTheory.MMcK bounded = QueueingTheory.MMcK.of(9, 1, 10, 2_000);
        assertEquals(unbounded.l(), bounded.l(), 1e-9);
        assertEquals(unbounded.wq(), bounded.wq(), 1e-9);
        assertEquals(unbounded.probWait(), bounded.admittedWait(), 1e-9);
    }

    @Test
    void mmckProbabilitiesFollowTheProductForm() {
        QueueingTheory.MMcK q = QueueingTheory.MMcK.of(6, 1, 4, 10);
        double a = 6;
        double p0 = q.p()[0];
        double sum = 0;
        for (int n = 0; n <= 10; n++) {
            double expected = n <= 4
                    ? p0 * Math.pow(a, n) / factorial(n)
                    : p0 * Math.pow(a, n) / (factorial(4) * Math.pow(4, n - 4));
            assertEquals(expected, q.p()[n], 1e-15, "P_" + n);
            sum += q.p()[n];
        }
        assertEquals(1, sum, 1e-12);
        assertEquals(q.l() - q.lq(), q.throughput() / 1, 1e-12, "busy workers = λ_eff/μ");
    }

    @Test
    void pollaczekKhinchine() {
        QueueingTheory.MG1 md1 = new QueueingTheory.MG1(0.9, 1, 0);
        assertPrinted("4.5", md1.wq(), "M/D/1 Wq");
        assertPrinted("5.5", md1.w(), "M/D/1 W");
        assertPrinted("4.95", md1.l(), "M/D/1 L");
        assertEquals(new QueueingTheory.MM1(0.9, 1).wq() / 2, md1.wq(), 1e-12, "M/D/1 waits half of M/M/1");
        assertPrinted("0.6667", new QueueingTheory.MG1(0.5, 1, 1.0 / 3).wq(), "uniform(0,2) Wq");
        QueueingTheory.MG1 mm1 = new QueueingTheory.MG1(0.8, 1, 1);
        assertEquals(new QueueingTheory.MM1(0.8, 1).l(), mm1.l(), 1e-12, "scv 1 is M/M/1");
    }

    @Test
    void relaxationTimesOfTheRunLengthRules() {
        assertPrinted("11.7", QueueingTheory.relaxationTime(1, 0.5), "ρ=0.5");
        assertPrinted("90", QueueingTheory.relaxationTime(1, 0.8), "ρ=0.8");
        assertTrue(Math.abs(QueueingTheory.relaxationTime(1, 0.9) - 380) < 1, "ρ=0.9");
    }

    @Test
    void unstableInputsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new QueueingTheory.MM1(1, 1));
        assertThrows(IllegalArgumentException.class, () -> QueueingTheory.erlangC(2, 2));
        assertThrows(IllegalArgumentException.class, () -> new QueueingTheory.MG1(1, 1, 0));
    }

    private static double factorial(int n) {
        double f = 1;
        for (int i = 2; i <= n; i++) {
            f *= i;
        }
        return f;
    }
}
