package dev.keyward.automation.program;

/** Size caps on a step program, so a stored or generated program stays reviewable by a human. */
public final class ProgramLimits {

    public static final int MAX_JSON_CHARS = 1_000_000;
    public static final int MAX_STEPS = 500;
    public static final int MAX_INPUTS = 50;
    public static final int MAX_ALLOWED_DOMAINS = 50;
    public static final int MAX_TITLE = 200;
    public static final int MAX_TEXT = 2_000;
    public static final int MAX_URL = 2_048;
    public static final int MAX_SELECTOR = 1_000;
    public static final int MAX_VALUE = 4_000;
    public static final int MAX_NAME = 128;
    public static final int MIN_TIMEOUT_MS = 1;
    public static final int MAX_TIMEOUT_MS = 300_000;

    private ProgramLimits() {}
}
