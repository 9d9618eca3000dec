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

    private DesktopRendering() {
    }

    /** Sets {@code prism.order} to the software pipeline in {@code properties} unless it is set already. */
    public static void choose(Properties properties) {
        String chosen = properties.getProperty(ORDER);
        if (chosen == null || chosen.isBlank()) {
            properties.setProperty(ORDER, SOFTWARE);
        }
    }
}
