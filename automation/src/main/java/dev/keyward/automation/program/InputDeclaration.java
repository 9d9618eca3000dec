package dev.keyward.automation.program;

import java.util.Objects;
import java.util.Optional;

/**
 * An input a program declares; {@code {{input:NAME}}} may only name declared inputs.
 *
 * @param name         {@code [a-z][a-z0-9_]{0,63}}
 * @param description  shown when the user starts a run, or null
 * @param defaultValue used when the run does not supply the input, or null (then the input is required)
 */
public record InputDeclaration(String name, String description, String defaultValue) {

    public InputDeclaration {
        Objects.requireNonNull(name, "name");
    }

    public Optional<String> defaultIfAny() {
        return Optional.ofNullable(defaultValue);
    }
}
