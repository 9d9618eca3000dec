package dev.keyward.automation.discovery;

/** Scrubs secret values from a sentence before it is logged or stored; the vault's redactor implements this. */
@FunctionalInterface
public interface TextRedactor {

    String redact(String text);
}
