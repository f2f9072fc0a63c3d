package org.flowlab.engine.cli;

import java.util.ArrayList;
import java.util.List;
import org.flowlab.engine.des.Simulation;
import org.flowlab.engine.metrics.MetricInfo;
import org.flowlab.engine.metrics.MetricKind;
import org.flowlab.engine.stats.SeriesRecorder;

/**
 * Records every stock, flow and gauge of a run over virtual time (warm-up included) with bounded memory: a
 * sample per interval, at most {@link #MAX_POINTS} points, halving the resolution when full. Observing never
 * changes the run: sampling events are internal and draw no random numbers.
 */
final class SeriesCapture implements AutoCloseable {
    static final int MAX_POINTS = 20_000;

    private final SeriesRecorder recorder;
    private final AutoCloseable subscription;

    SeriesCapture(Simulation sim, long intervalNanos) {
        List<MetricInfo> infos = sim.metrics().index().infos();
        List<String> names = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < infos.size(); i++) {
            MetricKind k = infos.get(i).kind();
            if (k == MetricKind.STOCK || k == MetricKind.FLOW || k == MetricKind.GAUGE) {
                names.add(infos.get(i).name());
                positions.add(i);
            }
        }
        this.recorder = new SeriesRecorder(names, intervalNanos, MAX_POINTS);
        int[] at = positions.stream().mapToInt(Integer::intValue).toArray();
        this.subscription = sim.subscribe(intervalNanos, snap -> {
            double[] v = new double[at.length];
            for (int j = 0; j < at.length; j++) {
                v[j] = snap.valueAt(at[j]);
            }
            recorder.offer(snap.timeNanos(), v);
        });
    }

    String csv() {
        return recorder.toCsv();
    }

    int points() {
        return recorder.size();
    }

    @Override
    public void close() throws Exception {
        subscription.close();
    }
}
