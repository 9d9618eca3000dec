package dev.keyward.packaging;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line of {@link PackageBuild}, as the Maven profile passes it.
 *
 * @param input            folder with the app jar and its runtime libraries
 * @param mainJar          the app jar's file name in {@code input}
 * @param projectVersion   the Maven version, e.g. {@code 0.1.0-SNAPSHOT}
 * @param appVersionOverride numeric package version to use instead of the one derived from the project version, or empty
 * @param resources        jpackage resource folder (linux/, mac/, windows/)
 * @param work             scratch folder (staged jars, runtime, icons)
 * @param dest             output folder (app image, installers, sizes)
 * @param types            {@code auto} (app image + this platform's installer) or a comma-separated list
 * @param installerOptions extra jpackage options for installers, separated by spaces, quotes group words
 */
public record BuildOptions(Path input, String mainJar, String projectVersion, String appVersionOverride, Path resources,
                           Path work, Path dest, String types, List<String> installerOptions) {

    /**
     * Parses {@code --name=value} arguments (one token each, so an empty value from an unset
     * Maven property cannot shift the others); every option except the overrides is required.
     */
    public static BuildOptions parse(String... args) {
        Map<String, String> values = new HashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 0) {
                throw new IllegalArgumentException("Expected '--option=value', got '" + arg + "'.");
            }
            values.put(arg.substring(2, equals), arg.substring(equals + 1));
        }
        String extra = values.getOrDefault("installer-options", "").strip();
        return new BuildOptions(Path.of(required(values, "input")), required(values, "main-jar"),
                required(values, "version"), values.getOrDefault("app-version", "").strip(),
                Path.of(required(values, "resources")), Path.of(required(values, "work")),
                Path.of(required(values, "dest")), values.getOrDefault("types", "auto").strip(),
                words(extra));
    }

    /**
     * The numeric version installers need: the override when given, else the project version
     * without its qualifier ({@code 0.1.0-SNAPSHOT} becomes {@code 0.1.0}). macOS refuses a
     * bundle version starting with 0, so there an override is required until 1.0.
     */
    public String appVersion(HostPlatform platform) {
        String version = appVersionOverride.isEmpty() ? projectVersion.replaceFirst("-.*$", "") : appVersionOverride;
        if (!version.matches("\\d+(\\.\\d+){0,3}")) {
            throw new IllegalArgumentException("Package version '" + version + "' is not numeric (like 1.2.3); "
                    + "set one with -Dkeyward.package.version=1.2.3.");
        }
        if (platform == HostPlatform.mac && version.startsWith("0")) {
            throw new IllegalArgumentException("macOS bundle versions cannot start with 0 (got " + version + "); "
                    + "set one with -Dkeyward.package.version=1.0.0.");
        }
        return version;
    }

    /** Installer formats to build after the app image. */
    public List<String> installerTypes(HostPlatform platform) {
        if (types.equals("auto")) {
            return platform.installerTypes();
        }
        return Arrays.stream(types.split(",")).map(String::strip).filter(t -> !t.isEmpty() && !t.equals("app-image"))
                .toList();
    }

    /** Splits on spaces, keeping '...' or "..." together (signing identities contain spaces). */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        char quote = 0;
        boolean inWord = false;
        for (char c : text.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("Unclosed quote in the installer options: " + text);
        }
        if (inWord) {
            words.add(word.toString());
        }
        return List.copyOf(words);
    }

    private static String required(Map<String, String> values, String name) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Missing --" + name + ".");
        }
        return value;
    }
}
