package dev.keyward.vault.scan;

/**
 * A byte array read as ISO-8859-1 text without copying it: each byte is one {@code char}, so an index
 * is a byte offset. The matcher and the format search read a chunk of a file through it.
 */
final class Latin1Text implements CharSequence {

    private final byte[] bytes;
    private final int offset;
    private final int length;

    Latin1Text(byte[] bytes, int offset, int length) {
        this.bytes = bytes;
        this.offset = offset;
        this.length = length;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException(index);
        }
        return (char) (bytes[offset + index] & 0xFF);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        if (start < 0 || end > length || start > end) {
            throw new IndexOutOfBoundsException();
        }
        return new Latin1Text(bytes, offset + start, end - start);
    }

    /** The text itself, as {@link CharSequence} requires (a regex group is read this way); never logged. */
    @Override
    public String toString() {
        return new String(bytes, offset, length, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
