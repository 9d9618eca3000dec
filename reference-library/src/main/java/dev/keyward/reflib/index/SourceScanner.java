package dev.keyward.reflib.index;

import dev.keyward.reflib.FileDigest;
import dev.keyward.reflib.ProgressListener;
import dev.keyward.reflib.ReferenceSyncCancelledException;
import dev.keyward.reflib.SyncPhase;
import dev.keyward.reflib.SyncProgress;
import dev.keyward.reflib.store.FileRecord;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * Walks freshly extracted files once: hashes every file for verify and cuts the text files
 * into chunks for the full-text index.
 */
public final class SourceScanner {

    /** Receives what the scan finds, inside the caller's transaction. */
    public interface Sink {
        void file(FileRecord record) throws SQLException;

        void chunk(String path, int startLine, String text) throws SQLException;
    }

    /**
     * Totals of one scan.
     *
     * @param fileCount  regular files
     * @param totalBytes their size
     * @param chunks     chunks sent to the index
     */
    public record Totals(long fileCount, long totalBytes, int chunks) {}

    private SourceScanner() {}

    public static Totals scan(Path root, String sourceName, Sink sink, ProgressListener listener)
            throws IOException, SQLException {
        SourceTree tree = SourceTree.walk(root);
        long total = tree.regularFiles().size();
        long bytes = 0;
        int chunks = 0;
        long done = 0;
        for (String path : tree.regularFiles()) {
            if (Thread.currentThread().isInterrupted()) {
                throw new ReferenceSyncCancelledException(sourceName);
            }
            Path file = SourceTree.resolve(root, path);
            long size = Files.size(file);
            bytes += size;
            String fileName = file.getFileName().toString();
            if (IndexableFiles.candidate(fileName, size)) {
                byte[] content = Files.readAllBytes(file);
                sink.file(new FileRecord(path, content.length, FileDigest.sha256Hex(content)));
                if (!IndexableFiles.looksBinary(content)) {
                    for (TextChunker.Chunk chunk : TextChunker.chunks(decode(content))) {
                        sink.chunk(path, chunk.startLine(), chunk.text());
                        chunks++;
                    }
                }
            } else {
                sink.file(new FileRecord(path, size, FileDigest.sha256Hex(file)));
            }
            if (++done % 200 == 0 || done == total) {
                listener.onProgress(new SyncProgress(sourceName, SyncPhase.INDEXING, done, total));
            }
        }
        return new Totals(total, bytes, chunks);
    }

    /** UTF-8 with bad bytes replaced: reference text is for reading, not for round-tripping. */
    private static String decode(byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("a replacing decoder does not throw", e);
        }
    }
}
