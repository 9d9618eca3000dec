package dev.keyward.app.ui;

import java.util.Properties;

/**
 * Chooses JavaFX's rendering pipeline before its toolkit starts: the software one, unless the person
 * chose one with {@code -Dprism.order}.
 *
 * <p>Why not the GPU: JavaFX's default order tries OpenGL first, and that try loads the system's GL
 * driver for good, also where it then falls back to software (no GPU, a virtual display: Mesa's
 * llvmpipe with libLLVM, about 50 MiB resident for the process's whole life, measured in
 * docs/performance.md, "Desktop start-up"). Keyward's window is forms and tables, which the software
 * pipeline draws without trouble, and the app spends most of its life idle in the tray, where
 * memory counts and frame rate does not.
 */
public final class DesktopRendering {

    /** JavaFX's system property naming the pipelines to try, in order. */
    static final String ORDER = "prism.order";
    /** The software pipeline. */
    static final String SOFTWARE = "sw";
    /** JavaFX's switch for its cache of drawn region backgrounds. */
    static final String NO_REGION_CACHE = "prism.disableRegionCaching";

    private DesktopRendering() {
    }

    /**
     * Sets {@code prism.order} to the software pipeline in {@code properties} unless it is set already,
     * and then turns JavaFX's region cache off unless that was chosen too.
     *
     * <p>Why no region cache: JavaFX draws the backgrounds of buttons and panels once into a 2048x1024
     * texture and copies them from there. That saves a GPU's fill work; in software the texture is an
     * 8 MiB pixel array on the heap, kept for the process's life, also in the tray; in software a copy
     * from it is pixel work much like drawing the background again.
     */
    public static void choose(Properties properties) {
        String chosen = properties.getProperty(ORDER);
        if (chosen == null || chosen.isBlank()) {
            properties.setProperty(ORDER, SOFTWARE);
            chosen = SOFTWARE;
        }
        // Software first, whoever chose it: the cache is then a heap array and no saving.
        String cache = properties.getProperty(NO_REGION_CACHE);
        if (chosen.strip().startsWith(SOFTWARE) && (cache == null || cache.isBlank())) {
            properties.setProperty(NO_REGION_CACHE, "true");
        }
    }
}
