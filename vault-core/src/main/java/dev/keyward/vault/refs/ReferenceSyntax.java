package dev.keyward.vault.refs;

import dev.keyward.vault.secrets.SecretService;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The written form of a {@link Reference}: {@code keyward://} (lowercase), the kind ({@code secrets}
 * or {@code projects}), then one part per name, separated by {@code /}. Letters, digits and
 * {@code - . _ ~ : @} stand as they are; every other character of a name (a {@code /}, a space,
 * anything beyond ASCII) is percent-encoded as UTF-8 bytes ({@code %2F}, {@code %20}). Parsing is strict:
 * no query, no fragment, no empty part, no stray {@code %}, no control character, nothing after the
 * last name.
 */
public final class ReferenceSyntax {

    /** How every reference starts. */
    public static final String SCHEME = "keyward://";
    /** The longest reference read, in characters: a name is at most a few hundred. */
    public static final int MAX_LENGTH = 2048;

    static final String SECRETS = "secrets";
    static final String PROJECTS = "projects";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private ReferenceSyntax() {
    }

    /** Whether the value names a reference anywhere in it; reads the characters without copying them to a String. */
    public static boolean holdsReference(char[] value) {
        outer:
        for (int i = 0; i + SCHEME.length() <= value.length; i++) {
            for (int j = 0; j < SCHEME.length(); j++) {
                if (value[i + j] != SCHEME.charAt(j)) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** Whether {@code c} stands unencoded in a name. */
    static boolean plain(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~' || c == ':' || c == '@';
    }

    /**
     * Whether {@code c} continues a reference found in a text: the plain characters, {@code %} and
     * {@code /}, and {@code ?} and {@code #} so that a query or fragment is refused rather than cut off.
     */
    public static boolean continues(char c) {
        return plain(c) || c == '%' || c == '/' || c == '?' || c == '#';
    }

    /** {@code name} as one part of a reference: plain characters kept, all others percent-encoded. */
    static String encode(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (b >= 0 && plain(c)) {
                out.append(c);
            } else {
                out.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
            }
        }
        return out.toString();
    }

    static Reference parse(String text) throws ReferenceSyntaxException {
        if (text == null || text.isEmpty()) {
            throw new ReferenceSyntaxException("it is empty");
        }
        if (text.length() > MAX_LENGTH) {
            throw new ReferenceSyntaxException("it is longer than " + MAX_LENGTH + " characters");
        }
        if (!text.startsWith(SCHEME)) {
            if (text.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
                throw new ReferenceSyntaxException("its scheme must be written 'keyward://' in lowercase");
            }
            throw new ReferenceSyntaxException("it does not start with 'keyward://'");
        }
        String rest = text.substring(SCHEME.length());
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            int column = SCHEME.length() + i + 1;
            if (c == '?') {
                throw new ReferenceSyntaxException("it has a query ('?' at character " + column + "), which a reference cannot have");
            }
            if (c == '#') {
                throw new ReferenceSyntaxException("it has a fragment ('#' at character " + column + "), which a reference cannot have");
            }
            if (!plain(c) && c != '%' && c != '/') {
                throw new ReferenceSyntaxException("character " + column + " (" + shown(c) + ") cannot stand in a reference"
                        + " as it is; percent-encode it (a space is %20, a '/' inside a name is %2F)");
            }
        }
        List<String> parts = List.of(rest.split("/", -1));
        String kind = parts.get(0);
        if (kind.isEmpty()) {
            throw new ReferenceSyntaxException("it names no kind after 'keyward://' (secrets or projects)");
        }
        int wanted = switch (kind) {
            case SECRETS -> 2;
            case PROJECTS -> 3;
            default -> throw new ReferenceSyntaxException("'" + kind + "' is not a kind of reference; the kinds are"
                    + " 'secrets' (keyward://secrets/NAME) and 'projects' (keyward://projects/PROJECT/VAR)");
        };
        String shape = SECRETS.equals(kind) ? "keyward://secrets/NAME" : "keyward://projects/PROJECT/VAR";
        if (parts.size() != wanted) {
            throw new ReferenceSyntaxException("it has " + (parts.size() - 1) + (parts.size() == 2 ? " name" : " names")
                    + " after '" + kind + "/', where " + shape + " has " + (wanted - 1)
                    + (parts.size() > wanted ? "; write a '/' inside a name as %2F" : ""));
        }
        String[] names = new String[wanted - 1];
        for (int i = 1; i < wanted; i++) {
            if (parts.get(i).isEmpty()) {
                throw new ReferenceSyntaxException("its " + (i == 1 && wanted == 3 ? "project" : SECRETS.equals(kind)
                        ? "secret" : "variable") + " name is empty");
            }
            names[i - 1] = decode(parts.get(i));
        }
        if (SECRETS.equals(kind)) {
            if (!SecretService.isValidName(names[0])) {
                throw new ReferenceSyntaxException("its secret name is not one a secret can have (1 to 128 letters,"
                        + " digits and _ . : @ / -, starting with a letter or digit)");
            }
            return new Reference.Secret(names[0]);
        }
        return new Reference.ProjectVariable(names[0], names[1]);
    }

    /** One part's name: percent-escapes turned into UTF-8 bytes, strictly decoded, no control characters. */
    private static String decode(String part) throws ReferenceSyntaxException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(part.length());
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c != '%') {
                bytes.write(c);
                continue;
            }
            if (i + 2 >= part.length() || hex(part.charAt(i + 1)) < 0 || hex(part.charAt(i + 2)) < 0) {
                throw new ReferenceSyntaxException("it has a '%' that is not followed by two hexadecimal digits"
                        + " (a '%' inside a name is %25)");
            }
            bytes.write(hex(part.charAt(i + 1)) * 16 + hex(part.charAt(i + 2)));
            i += 2;
        }
        String name;
        try {
            name = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new ReferenceSyntaxException("its percent-encoded bytes are not UTF-8");
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                throw new ReferenceSyntaxException("it encodes a control character, which no name holds");
            }
        }
        return name;
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }

    private static String shown(char c) {
        return Character.isISOControl(c) || Character.isWhitespace(c) || Character.getType(c) == Character.FORMAT
                ? String.format("U+%04X", (int) c) : "'" + c + "'";
    }
}
