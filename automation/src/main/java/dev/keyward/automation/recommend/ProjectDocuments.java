package dev.keyward.automation.recommend;

import dev.keyward.vault.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The markdown a project describes itself in: its README at the top of the folder and the
 * {@code .md} files under {@code docs/}. Links are not followed, big files and deep trees are
 * capped, and a file that is not UTF-8 text is skipped.
 */
final class ProjectDocuments {

    static final int MAX_FILES = 200;
    static final long MAX_FILE_BYTES = 1024 * 1024;
    private static final int DOCS_DEPTH = 4;

    /** A markdown file's text and its path relative to the project folder. */
    record Markdown(String relativePath, String text) {}

    private ProjectDocuments() {}

    static List<Markdown> read(Path folder) {
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            throw new InvalidInputException("'" + folder + "' is not a folder; name a project folder or a project.");
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> top = Files.list(folder)) {
            top.filter(p -> isReadme(p.getFileName().toString()) && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .sorted().forEach(files::add);
        } catch (IOException e) {
            throw new InvalidInputException("The folder '" + folder + "' cannot be read; check its permissions.", e);
        }
        Path docs = folder.resolve("docs");
        if (Files.isDirectory(docs, LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> tree = Files.walk(docs, DOCS_DEPTH)) {
                tree.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".md")
                                && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                        .sorted(Comparator.comparing(Path::toString)).limit(MAX_FILES).forEach(files::add);
            } catch (IOException e) {
                throw new InvalidInputException("The docs folder '" + docs + "' cannot be read; check its permissions.", e);
            }
        }
        List<Markdown> out = new ArrayList<>();
        for (Path file : files) {
            String text = readText(file);
            if (text != null) {
                out.add(new Markdown(folder.relativize(file).toString().replace('\\', '/'), text));
            }
        }
        return out;
    }

    private static boolean isReadme(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.equals("readme.md") || lower.equals("readme.markdown");
    }

    private static String readText(Path file) {
        try {
            // Bounded and regular files only: a pipe or device named README.md must not hang or exhaust this.
            return dev.keyward.vault.io.UserFiles.readUtf8(file, MAX_FILE_BYTES);
        } catch (dev.keyward.vault.VaultException e) {
            return null; // too large, not a regular file, not UTF-8 or unreadable: the other documents still count
        }
    }
}
