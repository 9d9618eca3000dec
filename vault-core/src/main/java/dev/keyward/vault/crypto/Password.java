package dev.keyward.vault.crypto;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.security.auth.Destroyable;

/**
 * A password or recovery code held as a wipeable {@code char[]}; it is never turned into a
 * {@code String} on Keyward's side. Close it (or call {@link #destroy()}) as soon as it is used.
 */
public final class Password implements Destroyable, AutoCloseable {

    private final char[] chars;
    private boolean destroyed;

    private Password(char[] chars) {
        this.chars = chars;
    }

    /** Takes ownership of {@code chars}: the caller must not use or wipe the array afterwards. */
    public static Password adopt(char[] chars) {
        return new Password(chars);
    }

    /** Copies {@code chars}; the caller stays responsible for wiping its own array. */
    public static Password copyOf(char[] chars) {
        return new Password(Arrays.copyOf(chars, chars.length));
    }

    public int length() {
        checkAlive();
        return chars.length;
    }

    public boolean isEmpty() {
        return length() == 0;
    }

    /** A view of the characters; valid until this password is destroyed. */
    public char[] chars() {
        checkAlive();
        return chars;
    }

    /** UTF-8 bytes of the password in a fresh array that the caller must wipe. */
    public byte[] utf8() {
        checkAlive();
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        byte[] out = new byte[encoded.remaining()];
        encoded.get(out);
        if (encoded.hasArray()) {
            Arrays.fill(encoded.array(), (byte) 0);
        }
        return out;
    }

    /** Constant-time comparison, for "type the password twice". */
    public boolean sameAs(Password other) {
        byte[] mine = utf8();
        byte[] theirs = other.utf8();
        try {
            return java.security.MessageDigest.isEqual(mine, theirs);
        } finally {
            Wipe.bytes(mine, theirs);
        }
    }

    @Override
    public void destroy() {
        Wipe.chars(chars);
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public void close() {
        destroy();
    }

    private void checkAlive() {
        if (destroyed) {
            throw new IllegalStateException("password was already wiped");
        }
    }
}
