package dev.keyward.automation.browser;

import java.util.regex.Pattern;

/**
 * Which addresses name files a page loads as they are (a style sheet, a script, an image, a font). Any other
 * ending ({@code /account/delete.json}, {@code /keys/rotate.php}) names an endpoint as much as a path without one.
 */
public final class StaticFiles {

    private static final Pattern STATIC_FILE = Pattern.compile("(?i)\\.(?:css|js|mjs|map|png|jpe?g|gif|svg|webp|avif|"
            + "ico|bmp|woff2?|ttf|otf|eot|mp3|mp4|m4a|webm|ogg|oga|ogv|wav|flac|vtt|webmanifest)$");

    private StaticFiles() {
    }

    /** Whether a raw path (without query) ends in a known static-file extension. */
    public static boolean isStaticPath(String rawPath) {
        return rawPath != null && STATIC_FILE.matcher(rawPath).find();
    }
}
