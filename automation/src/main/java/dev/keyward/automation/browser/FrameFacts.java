package dev.keyward.automation.browser;

/**
 * The frame an element lives in, when it is not the top page: where the frame was loaded from and what the
 * embedding {@code <iframe>} calls it (payment processors' hosted fields have telling names and titles).
 *
 * @param url   the frame's address
 * @param name  the frame's {@code name}
 * @param title the embedding iframe's {@code title}
 */
public record FrameFacts(String url, String name, String title) {}
