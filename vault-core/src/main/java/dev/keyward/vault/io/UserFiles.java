package dev.keyward.vault.io;

import dev.keyward.vault.InvalidInputException;
import dev.keyward.vault.NotFoundException;
import dev.keyward.vault.OperationFailedException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Files a user names on the command line or in a file chooser: read only when they are regular
 * files and only up to a limit (a device such as {@code /dev/zero}, a pipe or a huge file must
 * not hang or exhaust Keyward), and written only over a regular file or into an existing folder,
 * atomically and owner-only.
 */
public final class UserFiles {

    /** Text files a user hands Keyward (.env, programs, markdown) are read up to this size. */
    public static final long TEXT_LIMIT = 16L * 1024 * 1024;

    private UserFiles() {
    }

    /**
     * The bytes of {@code file}, which must be a regular file of at most {@code limit} bytes.
     *
     * @throws NotFoundException      when there is no such file
     * @throws InvalidInputException  when it is a folder, a device, a pipe, or too large
     */
    public static byte[] read(Path file, long limit) {
        try (SeekableByteChannel channel = openRegular(file, limit);
             InputStream in = Channels.newInputStream(channel)) {
            // The size may have changed since it was checked: read at most one byte past the limit.
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (bytes.length > limit) {
                java.util.Arrays.fill(bytes, (byte) 0);
                throw tooLarge(file, limit);
            }
            return bytes;
        } catch (IOException e) {
            throw new OperationFailedException("Could not read " + file + ".", e);
        }
    }

    /**
     * {@code file} opened for reading, a regular file of at most {@code limit} bytes (a symbolic
     * link to one is fine: its target is opened). The caller closes the channel.
     *
     * <p>The checks happen before the open, and the file could be swapped in between. So the
     * target is opened by its real path without following links, and what was opened must still
     * be the regular file that was checked (same file key), else it is refused.
     *
     * @throws NotFoundException      when there is no such file
     * @throws InvalidInputException  when it is a folder, a device, a pipe, too large, or was replaced
     */
    public static SeekableByteChannel openRegular(Path file, long limit) {
        BasicFileAttributes checked = requireRegularFile(file);
        if (checked.size() > limit) {
            throw tooLarge(file, limit);
        }
        Path real;
        try {
            real = file.toRealPath();
        } catch (NoSuchFileException e) {
            throw new NotFoundException("There is no file " + file + ".");
        } catch (IOException e) {
            throw new OperationFailedException("Could not read " + file + ".", e);
        }
        return openChecked(file, real, checked);
    }

    /** Opens {@code real} without following links and refuses it unless it is still the file {@code checked} describes. */
    static SeekableByteChannel openChecked(Path named, Path real, BasicFileAttributes checked) {
        // Checked again just before the open too: Java cannot open without blocking, so a pipe
        // swapped in before this point must be refused here rather than opened.
        requireSame(named, real, checked);
        SeekableByteChannel channel;
        try {
            channel = Files.newByteChannel(real, java.util.Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS));
        } catch (NoSuchFileException e) {
            throw new NotFoundException("There is no file " + named + ".");
        } catch (IOException e) {
            if (Files.isSymbolicLink(real)) {
                // ELOOP: the real path became a symbolic link after it was resolved.
                throw replaced(named);
            }
            throw new OperationFailedException("Could not read " + named + ".", e);
        }
        try {
            requireSame(named, real, checked);
            return channel;
        } catch (RuntimeException e) {
            try {
                channel.close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /** Refuses {@code real} unless it is (not through a link) the regular file {@code checked} describes. */
    private static void requireSame(Path named, Path real, BasicFileAttributes checked) {
        BasicFileAttributes now;
        try {
            now = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            throw new NotFoundException("There is no file " + named + ".");
        } catch (IOException e) {
            throw new OperationFailedException("Could not read " + named + ".", e);
        }
        if (!now.isRegularFile() || !java.util.Objects.equals(now.fileKey(), checked.fileKey())) {
            throw replaced(named);
        }
    }

    private static InvalidInputException replaced(Path file) {
        return new InvalidInputException(file + " was replaced while it was being opened; nothing was read.");
    }

    /**
     * The text of {@code file} (not secret: a program, a document), a regular file of at most
     * {@code limit} bytes in strict UTF-8.
     *
     * @throws InvalidInputException when it is not a regular file, too large, or not UTF-8
     */
    public static String readUtf8(Path file, long limit) {
        byte[] bytes = read(file, limit);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(file + " is not UTF-8 text; nothing was read.");
        }
    }

    /**
     * The attributes of {@code file}, which must be a regular file (a symbolic link to one is fine).
     *
     * @throws NotFoundException     when there is no such file
     * @throws InvalidInputException when it is a folder, a device, a pipe or a socket
     */
    public static BasicFileAttributes requireRegularFile(Path file) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new NotFoundException("There is no file " + file + ".");
        } catch (IOException e) {
            throw new OperationFailedException("Could not read " + file + ".", e);
        }
        if (attributes.isDirectory()) {
            throw new InvalidInputException(file + " is a folder, not a file; nothing was read.");
        }
        if (!attributes.isRegularFile()) {
            throw new InvalidInputException(file + " is not a regular file (it is a device, a pipe or a socket);"
                    + " nothing was read.");
        }
        return attributes;
    }

    private static InvalidInputException tooLarge(Path file, long limit) {
        return new InvalidInputException(file + " is larger than " + describe(limit) + "; nothing was read.");
    }

    /** A byte count as a reader says it ("16 MiB"). */
    public static String describe(long bytes) {
        if (bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MiB";
        }
        if (bytes % 1024 == 0) {
            return bytes / 1024 + " KiB";
        }
        return bytes + " bytes";
    }

    /**
     * Writes {@code content} to {@code target} atomically, readable by the owner only. The target
     * must be absent or a regular file (never a symbolic link, device or folder, which a rename
     * would replace), and its folder must already exist: a mistyped folder is reported, never
     * created.
     *
     * @throws InvalidInputException when the target or its folder is not acceptable; nothing is written
     */
    public static void write(Path target, byte[] content) throws IOException {
        checkWritable(target);
        AtomicFiles.write(target, content);
    }

    /** Refuses a target {@link #write} would not write; nothing is changed. */
    public static void checkWritable(Path target) {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new InvalidInputException("The folder " + folder + " does not exist; create it first."
                    + " Nothing was written.");
        }
        if (Files.isSymbolicLink(absolute)) {
            throw new InvalidInputException(target + " is a symbolic link; name the file itself."
                    + " Nothing was written.");
        }
        if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(absolute, LinkOption.NOFOLLOW_LINKS)) {
            throw new InvalidInputException(target + " is not a regular file (a folder, device or pipe);"
                    + " nothing was written.");
        }
    }
}
