package org.flowlab.engine.parts;

import java.util.List;
import org.flowlab.engine.parts.call.CallPolicy;
import org.flowlab.engine.time.SimDuration;

/**
 * The optional mechanisms of a server, each null or empty when unused.
 *
 * @param maxWait     longest wait in the queue before the request is refused (a pool's max wait); null = forever
 * @param dropExpired skip requests whose caller has already given up (deadline passed) instead of serving them
 * @param call        the downstream call each request makes after local work (sync holds the worker)
 * @param store       idempotent writes: what happens to a request's key when it is served
 */
public record ServerFeatures(SimDuration maxWait, boolean dropExpired, CallPolicy call, StoreConfig store,
                             SheddingConfig shedding, GcConfig gc, List<FaultSpec> faults) {
    public static final ServerFeatures NONE = new ServerFeatures(null, false, null, null, null, null, List.of());

    public ServerFeatures {
        faults = faults == null ? List.of() : List.copyOf(faults);
        if (maxWait != null && maxWait.nanos() == 0) {
            maxWait = null;
        }
    }
}
