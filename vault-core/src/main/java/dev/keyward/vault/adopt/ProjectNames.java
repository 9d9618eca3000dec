package dev.keyward.vault.adopt;

import dev.keyward.vault.projects.ProjectService;
import java.nio.file.Path;

/**
 * The project a {@code .env} file is adopted into: the name of its folder (or the name given), and for a
 * variant such as {@code .env.production} that name with {@code .production} added, so that the values of
 * {@code .env} and {@code .env.production} never meet in one project.
 */
final class ProjectNames {

    private ProjectNames() {
    }

    /** The project for {@code file}; {@code given} replaces the folder's name when not null. */
    static String of(Path file, String given) {
        String base = given != null ? given : sanitized(folderName(file));
        String name = file.getFileName().toString();
        String variant = name.length() > 5 ? sanitized(name.substring(5)) : "";
        String full = variant.isEmpty() ? base : base + "." + variant;
        return full.length() > 64 ? full.substring(0, 64) : full;
    }

    private static String folderName(Path file) {
        Path folder = file.toAbsolutePath().normalize().getParent();
        return folder == null || folder.getFileName() == null ? "" : folder.getFileName().toString();
    }

    /** Characters a project name cannot hold become '-'; a name must start with a letter or digit. */
    private static String sanitized(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '.' || c == '-';
            out.append(plain ? c : '-');
        }
        int start = 0;
        while (start < out.length() && !Character.isLetterOrDigit(out.charAt(start))) {
            start++;
        }
        return out.substring(start);
    }

    /** Whether the name works as a project's. */
    static boolean valid(String name) {
        return ProjectService.isValidName(name);
    }
}
