package org.flowlab.engine.flow.internal;

import org.flowlab.engine.flow.Integrator;

/**
 * An integration scheme as a strategy: given the rates at the start of a step, it finds the rates the step
 * applies. It never moves a stock itself, so limits, spill and conservation are handled once, by {@link FlowRun},
 * whatever the scheme.
 */
sealed interface Stepper {

    /** What a scheme may ask of the model: rates at any state, and a trial state part of the way along. */
    interface Model {
        /** The desired rate of every flow at {@code time} in {@code state}. */
        void rates(double time, double[] state, double[] out);

        /** The state after {@code h} seconds at {@code rates} from the step's start, clamped to the stocks' limits. */
        double[] trial(double[] rates, double h);
    }

    /**
     * @param r1  the rates at the start of the step
     * @param out the rates the step applies
     */
    void rates(Model model, double t, double dt, double[] r1, double[] out);

    static Stepper of(Integrator integrator, int flows) {
        return switch (integrator) {
            case EULER -> new Euler();
            case RK4 -> new RungeKutta4(flows);
        };
    }

    /** Forward Euler: the step applies the rates at its start. */
    final class Euler implements Stepper {
        @Override
        public void rates(Model model, double t, double dt, double[] r1, double[] out) {
            System.arraycopy(r1, 0, out, 0, r1.length);
        }
    }

    /** Classical fourth order: (r1 + 2 r2 + 2 r3 + r4) / 6, from rates at the start, twice halfway, and the end. */
    final class RungeKutta4 implements Stepper {
        private final double[] r2;
        private final double[] r3;
        private final double[] r4;

        RungeKutta4(int flows) {
            this.r2 = new double[flows];
            this.r3 = new double[flows];
            this.r4 = new double[flows];
        }

        @Override
        public void rates(Model model, double t, double dt, double[] r1, double[] out) {
            model.rates(t + dt / 2, model.trial(r1, dt / 2), r2);
            model.rates(t + dt / 2, model.trial(r2, dt / 2), r3);
            model.rates(t + dt, model.trial(r3, dt), r4);
            for (int f = 0; f < out.length; f++) {
                out[f] = (r1[f] + 2 * r2[f] + 2 * r3[f] + r4[f]) / 6;
            }
        }
    }
}
