package org.flowlab.engine.parts;

/** A source as written in a scenario: who arrives, how often, and where they go. */
public record SourceConfig(String id, ArrivalKind arrivals, RateProfile rate, String to) implements PartConfig {
    public SourceConfig {
        PartConfig.checkId(id);
        if (arrivals == null || rate == null) {
            throw new IllegalArgumentException("source '" + id + "' needs arrivals and a rate");
        }
        if (to == null || to.isBlank()) {
            throw new IllegalArgumentException("source '" + id + "' needs 'to': the part its requests go to");
        }
    }

    @Override
    public String type() {
        return "source";
    }
}
