package dev.keyward.vault.scan;

/** How a value was written where it was found; {@link #label()} is the word a report shows. */
public enum ValueEncoding {
    /** The value's own UTF-8 bytes (quoted or not: the quotes are around it, not in it). */
    AS_IS("as is"),
    /** A multi-line value with every line break written as CR LF (a Windows file, a terminal). */
    AS_IS_CRLF("as is, CRLF line breaks"),
    /** Standard base64 of the value alone, padded or not. */
    BASE64("base64"),
    /** base64url of the value alone, padded or not. */
    BASE64URL("base64url"),
    /** The value's part of a longer standard base64 text (a JSON blob or a Basic auth header, encoded whole). */
    BASE64_INSIDE("inside base64"),
    /** The value's part of a longer base64url text (a JWT, a URL-safe token). */
    BASE64URL_INSIDE("inside base64url"),
    /** Percent-encoded as in a URL (upper or lower hex, a space as {@code +} or {@code %20}). */
    URL_ENCODED("URL-encoded"),
    /** The content of a JSON string with escapes ({@code \"}, {@code \\}, {@code \/}, {@code \\uXXXX}). */
    JSON_ESCAPED("JSON-escaped"),
    /** Hexadecimal of the UTF-8 bytes, lower or upper case. */
    HEX("hex");

    private final String label;

    ValueEncoding(String label) {
        this.label = label;
    }

    /** The words a report uses for this encoding, such as {@code base64}. */
    public String label() {
        return label;
    }
}
