package dev.keyward.app.child;

import dev.keyward.vault.crypto.Wipe;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;

/**
 * The values a program was given, compiled for masking its output: every form {@link MaskPatterns}
 * knows, in one byte-level Aho-Corasick automaton, so a stream is scanned once whatever the number of
 * values. Build one per run with {@link #of}, {@link #wrap} each output stream, {@link #wipe} at the end.
 */
public final class OutputMask {

    /** What a masked value is replaced with. */
    public static final String CONCEALED = "<concealed by keyward>";
    /** Values shorter than this many characters are not masked. */
    public static final int MIN_VALUE_LENGTH = MaskPatterns.MIN_VALUE_LENGTH;

    /** The automaton's start: no byte of any form pending. */
    static final int ROOT = 0;
    private static final int NONE = -1;

    // The trie, one entry per node: the byte on the edge into it, its first child and next sibling,
    // its depth, its failure link, and the length of the longest pattern that ends at it.
    private byte[] label = new byte[64];
    private int[] firstChild = new int[64];
    private int[] nextSibling = new int[64];
    private int[] depth = new int[64];
    private int[] fail = new int[64];
    private int[] longest = new int[64];
    private int nodes = 1;
    /** The root's transitions as a table: most bytes of ordinary output leave the automaton at its root. */
    private final int[] fromRoot = new int[256];
    private int longestPattern;

    private OutputMask() {
        firstChild[ROOT] = NONE;
        nextSibling[ROOT] = NONE;
    }

    /**
     * The mask for {@code values} (values shorter than {@link #MIN_VALUE_LENGTH} are left out). The
     * arrays are read, not kept or wiped: the caller wipes them when it is done with them.
     */
    public static OutputMask of(Collection<char[]> values) {
        OutputMask mask = new OutputMask();
        for (char[] value : values) {
            for (byte[] pattern : MaskPatterns.of(value)) {
                mask.add(pattern);
                Wipe.bytes(pattern);
            }
        }
        mask.link();
        return mask;
    }

    /** True when no value was long enough to mask: wrapping a stream then changes nothing. */
    public boolean isEmpty() {
        return longestPattern == 0;
    }

    /** The longest form of any value, in bytes: a masking stream holds back at most one byte less. */
    public int longestPattern() {
        return longestPattern;
    }

    /**
     * {@code target} behind a masking filter; closing the filter writes what it still holds and closes
     * {@code target}. {@code destination} says whether {@code target} is an interactive terminal, the
     * only place where held bytes are written after a pause (see {@link MaskingOutputStream.Destination}).
     */
    public MaskingOutputStream wrap(OutputStream target, MaskingOutputStream.Destination destination) {
        return new MaskingOutputStream(this, target, destination);
    }

    /** Zeroes the automaton's bytes; a stream still wrapped by it stops recognising values. */
    public synchronized void wipe() {
        Wipe.bytes(label);
        Arrays.fill(fromRoot, ROOT);
        Arrays.fill(longest, 0);
        Arrays.fill(firstChild, NONE);
    }

    static byte[] concealedBytes() {
        return CONCEALED.getBytes(StandardCharsets.US_ASCII);
    }

    /** The state after reading {@code b} in {@code state}. */
    int next(int state, byte b) {
        int s = state;
        while (s != ROOT) {
            int child = child(s, b);
            if (child != NONE) {
                return child;
            }
            s = fail[s];
        }
        return fromRoot[b & 0xFF];
    }

    /** Whether a longer form goes on from {@code state} (it is not the last byte of a form that nothing extends). */
    boolean canGrow(int state) {
        return firstChild[state] != NONE;
    }

    /** Whether some form of a value begins with {@code b}. */
    boolean begins(byte b) {
        return fromRoot[b & 0xFF] != ROOT;
    }

    /** How many of the last bytes read may still begin a value's form. */
    int depth(int state) {
        return depth[state];
    }

    /** The length of the longest form that ends with the byte just read, 0 for none. */
    int matchLength(int state) {
        return longest[state];
    }

    private int child(int node, byte b) {
        if (node == ROOT) {
            int target = fromRoot[b & 0xFF];
            return target == ROOT ? NONE : target;
        }
        for (int c = firstChild[node]; c != NONE; c = nextSibling[c]) {
            if (label[c] == b) {
                return c;
            }
        }
        return NONE;
    }

    private void add(byte[] pattern) {
        int node = ROOT;
        for (byte b : pattern) {
            int child = child(node, b);
            if (child == NONE) {
                child = newNode(node, b);
            }
            node = child;
        }
        longest[node] = pattern.length;
        longestPattern = Math.max(longestPattern, pattern.length);
    }

    private int newNode(int parent, byte b) {
        if (nodes == label.length) {
            int size = nodes * 2;
            byte[] grown = Arrays.copyOf(label, size);
            Wipe.bytes(label);
            label = grown;
            firstChild = Arrays.copyOf(firstChild, size);
            nextSibling = Arrays.copyOf(nextSibling, size);
            depth = Arrays.copyOf(depth, size);
            fail = Arrays.copyOf(fail, size);
            longest = Arrays.copyOf(longest, size);
        }
        int node = nodes++;
        label[node] = b;
        firstChild[node] = NONE;
        depth[node] = depth[parent] + 1;
        if (parent == ROOT) {
            nextSibling[node] = NONE;
            fromRoot[b & 0xFF] = node;
        } else {
            nextSibling[node] = firstChild[parent];
            firstChild[parent] = node;
        }
        return node;
    }

    /** Failure links breadth first; each node's match length becomes the longest of its suffixes'. */
    private void link() {
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int b = 0; b < 256; b++) {
            if (fromRoot[b] != ROOT) {
                fail[fromRoot[b]] = ROOT;
                queue.add(fromRoot[b]);
            }
        }
        while (!queue.isEmpty()) {
            int node = queue.poll();
            for (int c = firstChild[node]; c != NONE; c = nextSibling[c]) {
                fail[c] = next(fail[node], label[c]);
                longest[c] = Math.max(longest[c], longest[fail[c]]);
                queue.add(c);
            }
        }
    }
}
