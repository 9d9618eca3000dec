package dev.keyward.vault.scan;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.eclipse.jgit.ignore.IgnoreNode;

/**
 * The {@code .gitignore} rules in force in one folder: its own file's and every enclosing folder's up
 * to the repository's top (where {@code .git/info/exclude} is read too), as git applies them: the
 * deepest file with a matching pattern decides, and within a file the last matching pattern. JGit's
 * {@link IgnoreNode} reads and matches the patterns. An unreadable ignore file counts as empty.
 */
final class IgnoreRules {

    private static final IgnoreRules NONE = new IgnoreRules(null, null, null);

    private final IgnoreRules parent;
    private final Path folder;
    private final IgnoreNode node;

    private IgnoreRules(IgnoreRules parent, Path folder, IgnoreNode node) {
        this.parent = parent;
        this.folder = folder;
        this.node = node;
    }

    /** No rules at all ({@code --no-ignore}). */
    static IgnoreRules none() {
        return NONE;
    }

    /**
     * The rules in force in {@code folder} (a real, absolute path) from the folders above it, up to the
     * repository's top; when no enclosing folder has a {@code .git}, only {@code folder}'s own.
     */
    static IgnoreRules enclosing(Path folder) {
        Path top = null;
        for (Path p = folder; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) {
                top = p;
                break;
            }
        }
        IgnoreRules rules = NONE;
        if (top == null) {
            return rules.enter(folder);
        }
        rules = rules.with(top, top.resolve(".git").resolve("info").resolve("exclude"));
        rules = rules.enter(top);
        Path current = top;
        for (Path part : top.relativize(folder)) {
            if (part.toString().isEmpty()) {
                continue;
            }
            current = current.resolve(part);
            rules = rules.enter(current);
        }
        return rules;
    }

    /** These rules and those of {@code child}'s own {@code .gitignore} (a folder just entered). */
    IgnoreRules enter(Path child) {
        return with(child, child.resolve(".gitignore"));
    }

    private IgnoreRules with(Path folder, Path file) {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return this;
        }
        IgnoreNode read = new IgnoreNode();
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            read.parse(file.toString(), in);
        } catch (IOException e) {
            return this;
        }
        return read.getRules().isEmpty() ? this : new IgnoreRules(this, folder, read);
    }

    /** True when {@code path} (real, absolute) is ignored; {@code folder} says whether it is a folder. */
    boolean ignores(Path path, boolean isFolder) {
        for (IgnoreRules rules = this; rules != NONE; rules = rules.parent) {
            if (!path.startsWith(rules.folder) || path.equals(rules.folder)) {
                continue;
            }
            String relative = rules.folder.relativize(path).toString().replace('\\', '/');
            Boolean ignored = rules.node.checkIgnored(relative, isFolder);
            if (ignored != null) {
                return ignored;
            }
        }
        return false;
    }
}
