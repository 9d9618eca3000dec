package dev.keyward.automation.program;

/** A placeholder could not be resolved at run time; the message names it but never holds a value. */
public class PlaceholderResolutionException extends RuntimeException {

    public PlaceholderResolutionException(String message) {
        super(message);
    }
}
