package org.flowlab.engine.mechanisms;

import java.util.ArrayList;
import java.util.List;
import org.flowlab.engine.parts.FaultKind;
import org.flowlab.engine.parts.FaultSpec;
import org.flowlab.engine.parts.GcConfig;
import org.flowlab.engine.parts.ServerFeatures;
import org.flowlab.engine.parts.SheddingConfig;
import org.flowlab.engine.parts.StoreConfig;
import org.flowlab.engine.parts.call.CallPolicy;
import org.flowlab.engine.time.SimDuration;

/** Names the optional server mechanisms, so tests do not pass seven positional arguments. */
final class Features {
    private SimDuration maxWait;
    private boolean dropExpired;
    private CallPolicy call;
    private StoreConfig store;
    private SheddingConfig shedding;
    private GcConfig gc;
    private final List<FaultSpec> faults = new ArrayList<>();

    static Features with() {
        return new Features();
    }

    Features maxWait(SimDuration d) {
        maxWait = d;
        return this;
    }

    Features dropExpired() {
        dropExpired = true;
        return this;
    }

    Features call(CallPolicy p) {
        call = p;
        return this;
    }

    Features store(boolean uniqueKey) {
        store = new StoreConfig(uniqueKey, null);
        return this;
    }

    Features shedding(SheddingConfig s) {
        shedding = s;
        return this;
    }

    Features gc(GcConfig g) {
        gc = g;
        return this;
    }

    /** A fault from {@code fromSeconds} lasting {@code forSeconds} (0 = to the end of the run). */
    Features fault(FaultKind kind, double fromSeconds, double forSeconds, double value) {
        faults.add(new FaultSpec(kind, Mech.nanos(fromSeconds), Mech.nanos(forSeconds), value));
        return this;
    }

    ServerFeatures build() {
        return new ServerFeatures(maxWait, dropExpired, call, store, shedding, gc, faults);
    }
}
