package dev.keyward.automation.program;

/** A reference inside a string field that the runner replaces at run time. */
public sealed interface Placeholder {

    /** {@code {{secret:NAME}}}: the value of a vault secret. */
    record SecretRef(String name) implements Placeholder {}

    /** {@code {{input:NAME}}}: a value supplied when the run starts, or the input's default. */
    record InputRef(String name) implements Placeholder {}

    /** {@code {{provider.FIELD}}}: a field of the program's provider record. */
    record ProviderRef(ProviderField field) implements Placeholder {}
}
