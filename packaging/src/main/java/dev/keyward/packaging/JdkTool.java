package dev.keyward.packaging;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.spi.ToolProvider;

/**
 * Runs a tool of the JDK this program runs on (jlink, jpackage) in-process, so the build uses
 * the toolchain JDK's tools without knowing where that JDK is installed.
 */
public final class JdkTool {

    private JdkTool() {
    }

    /** Runs {@code name} with {@code args}; returns what it printed, or throws with its output when it fails. */
    public static String run(String name, List<String> args) {
        ToolProvider tool = ToolProvider.findFirst(name).orElseThrow(() -> new IllegalStateException(
                "The JDK at " + System.getProperty("java.home") + " has no " + name
                        + "; package with a full JDK 21 or newer (the Maven toolchain picks one)."));
        StringWriter out = new StringWriter();
        int code;
        try (PrintWriter writer = new PrintWriter(out)) {
            code = tool.run(writer, writer, args.toArray(String[]::new));
        }
        if (code != 0) {
            throw new IllegalStateException(name + " failed (exit " + code + "):\n" + out + "\nCommand: " + name + " "
                    + String.join(" ", args));
        }
        return out.toString();
    }
}
