package dev.keyward.automation.program;

/** Where an {@code extract} step puts the value it read: a run output or a vault secret. */
public sealed interface ExtractTarget {

    /** The name the value is stored under. */
    String name();

    /** A non-secret run output, shown in the run's result summary. */
    record Output(String name) implements ExtractTarget {}

    /** A vault secret; the value is stored encrypted and never shown in logs or results. */
    record Secret(String name) implements ExtractTarget {}
}
