package org.flowlab.engine.scenario.read;

import java.util.List;
import org.flowlab.engine.parts.ArrivalKind;
import org.flowlab.engine.parts.PartConfig;
import org.flowlab.engine.parts.RateProfile;
import org.flowlab.engine.parts.SourceConfig;
import org.flowlab.engine.units.Quantities;

/** {@code type: source}: users who send requests at a rate (or a rate profile) to one part. */
public final class SourceReader implements PartReader {
    static final List<String> KEYS = List.of("id", "type", "arrivals", "rate", "to");

    @Override
    public String type() {
        return "source";
    }

    @Override
    public String summary() {
        return "users sending requests at a rate";
    }

    @Override
    public boolean receives() {
        return false;
    }

    @Override
    public List<String> keysAt(List<String> path) {
        if (path.isEmpty()) {
            return KEYS;
        }
        return path.equals(List.of("rate")) ? RateProfileReader.ALL_KEYS : List.of();
    }

    @Override
    public PartConfig read(String id, Node.Mapping part, ReadContext ctx) {
        int mark = ctx.mark();
        ctx.checkKeys(part, KEYS, id);
        ArrivalKind arrivals = ArrivalKind.POISSON;
        Node a = part.get("arrivals");
        if (a != null) {
            arrivals = ctx.choice(a, id + ".arrivals", ArrivalKind.class);
        }
        RateProfile rate = null;
        Node r = ctx.required(part, "rate", id, "expected rate: " + Quantities.RATE_HINT + ", or a profile map");
        if (r != null) {
            rate = RateProfileReader.read(r, id + ".rate", ctx);
        }
        String to = null;
        Node t = ctx.required(part, "to", id, "expected to: ID, the part its requests go to" + ctx.receiverList());
        if (t != null) {
            to = ctx.reference(t, id + ".to");
        }
        if (ctx.failedSince(mark)) {
            return null;
        }
        ArrivalKind kind = arrivals;
        RateProfile profile = rate;
        String target = to;
        return ctx.build(part, id, () -> new SourceConfig(id, kind, profile, target));
    }
}
