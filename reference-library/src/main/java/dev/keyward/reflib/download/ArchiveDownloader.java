package dev.keyward.reflib.download;

import dev.keyward.reflib.FileDigest;
import dev.keyward.reflib.ProgressListener;
import dev.keyward.reflib.ReferenceArchiveException;
import dev.keyward.reflib.ReferenceDownloadException;
import dev.keyward.reflib.ReferenceSyncCancelledException;
import dev.keyward.reflib.SyncPhase;
import dev.keyward.reflib.SyncProgress;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Streams an archive into a {@code .part} file, resuming an interrupted transfer with an HTTP
 * range request when the server honours it and starting over when it does not.
 */
public final class ArchiveDownloader {

    private static final long PROGRESS_STEP = 256 * 1024;
    /** How long to wait for the response headers; body silence is governed by the stall timeout. */
    private static final Duration HEADERS_TIMEOUT = Duration.ofSeconds(60);

    /** One daemon thread watches every transfer for stalls; the JDK client has no read timeout. */
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "reference-download-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    private final HttpClient http;
    private final long maxArchiveBytes;
    private final int maxAttempts;
    private final Duration stallTimeout;

    /**
     * @param stallTimeout how long the body may stay silent before the attempt is abandoned;
     *                     the next attempt resumes
     */
    public ArchiveDownloader(HttpClient http, long maxArchiveBytes, int maxAttempts, Duration stallTimeout) {
        this.http = http;
        this.maxArchiveBytes = maxArchiveBytes;
        this.maxAttempts = maxAttempts;
        this.stallTimeout = stallTimeout;
    }

    /** How one attempt ended when it did not throw. */
    private enum AttemptEnd {
        /** The whole archive came in this response. */
        COMPLETE,
        /** The archive is complete, partly from earlier attempts. */
        COMPLETE_RESUMED,
        /** The partial file did not fit the server's answer and was discarded. */
        START_OVER
    }

    /**
     * Downloads {@code url} into {@code part}, continuing whatever {@code part} already holds.
     * A broken transfer is retried (and resumed) up to the attempt limit; when all attempts
     * fail, {@code part} is kept so a later call resumes it.
     *
     * @param sourceName used in progress reports and error sentences
     */
    public DownloadedArchive download(URI url, Path part, String sourceName, ProgressListener listener) {
        IOException lastFailure = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            long alreadyHave = sizeOrZero(part);
            try {
                AttemptEnd end = attempt(url, part, alreadyHave, sourceName, listener);
                if (end != AttemptEnd.START_OVER) {
                    boolean resumed = end == AttemptEnd.COMPLETE_RESUMED;
                    return new DownloadedArchive(part, FileDigest.sha256Hex(part), Files.size(part), resumed);
                }
            } catch (IOException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new ReferenceSyncCancelledException(sourceName);
                }
                lastFailure = e; // the bytes received so far stay in the part file for the next attempt
            }
        }
        throw new ReferenceDownloadException("The download of " + sourceName
                + " did not complete (network error); run sync again to resume it.", lastFailure);
    }

    private AttemptEnd attempt(URI url, Path part, long alreadyHave, String sourceName, ProgressListener listener)
            throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .GET()
                .timeout(HEADERS_TIMEOUT)
                .header("User-Agent", "Keyward reference library");
        if (alreadyHave > 0) {
            request.header("Range", "bytes=" + alreadyHave + "-");
        }
        HttpResponse<InputStream> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReferenceSyncCancelledException(sourceName);
        }
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            if (status == 416 && alreadyHave > 0) {
                OptionalLong total = ContentRange.unsatisfiedTotal(response.headers().firstValue("Content-Range"));
                if (total.isPresent() && total.getAsLong() == alreadyHave) {
                    return AttemptEnd.COMPLETE_RESUMED; // an earlier run received everything but stopped before using it
                }
                Files.deleteIfExists(part);
                return AttemptEnd.START_OVER;
            }
            long offset;
            long total;
            if (status == 206 && alreadyHave > 0) {
                var range = ContentRange.parse(response.headers().firstValue("Content-Range"));
                if (range.isEmpty() || range.get().start() != alreadyHave) {
                    Files.deleteIfExists(part);
                    return AttemptEnd.START_OVER;
                }
                offset = alreadyHave;
                total = range.get().total();
            } else if (status == 200) {
                offset = 0; // a server without range support sends everything again
                total = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            } else {
                throw new ReferenceDownloadException(statusSentence(status, sourceName, url));
            }
            if (total > maxArchiveBytes) {
                throw tooLarge(sourceName);
            }
            copy(body, part, offset, total, sourceName, listener);
            return offset > 0 ? AttemptEnd.COMPLETE_RESUMED : AttemptEnd.COMPLETE;
        }
    }

    private void copy(InputStream body, Path part, long offset, long total, String sourceName,
            ProgressListener listener) throws IOException {
        AtomicLong lastRead = new AtomicLong(System.nanoTime());
        AtomicBoolean stalled = new AtomicBoolean();
        long checkEvery = Math.max(50, stallTimeout.toMillis() / 4);
        ScheduledFuture<?> watch = WATCHDOG.scheduleWithFixedDelay(() -> {
            if (System.nanoTime() - lastRead.get() > stallTimeout.toNanos() && !stalled.getAndSet(true)) {
                closeQuietly(body); // wakes the blocked read, which then ends or fails
            }
        }, checkEvery, checkEvery, TimeUnit.MILLISECONDS);
        try {
            copyWatched(body, part, offset, total, sourceName, listener, lastRead);
        } finally {
            watch.cancel(false);
        }
        if (stalled.get()) {
            throw new IOException("no data for " + stallTimeout.toSeconds() + " seconds");
        }
    }

    private void copyWatched(InputStream body, Path part, long offset, long total, String sourceName,
            ProgressListener listener, AtomicLong lastRead) throws IOException {
        StandardOpenOption mode = offset > 0 ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING;
        long done = offset;
        long reported = -PROGRESS_STEP;
        listener.onProgress(new SyncProgress(sourceName, SyncPhase.DOWNLOADING, done, total));
        try (OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = body.read(buffer)) >= 0; ) {
                lastRead.set(System.nanoTime());
                if (Thread.currentThread().isInterrupted()) {
                    throw new ReferenceSyncCancelledException(sourceName);
                }
                done += n;
                if (done > maxArchiveBytes) {
                    throw tooLarge(sourceName);
                }
                out.write(buffer, 0, n);
                if (done - reported >= PROGRESS_STEP) {
                    listener.onProgress(new SyncProgress(sourceName, SyncPhase.DOWNLOADING, done, total));
                    reported = done;
                }
            }
        }
        if (total >= 0 && done != total) {
            throw new IOException("received " + done + " of " + total + " bytes");
        }
        listener.onProgress(new SyncProgress(sourceName, SyncPhase.DOWNLOADING, done, total < 0 ? done : total));
    }

    private ReferenceArchiveException tooLarge(String sourceName) {
        return new ReferenceArchiveException(ReferenceArchiveException.Problem.TOO_LARGE,
                "The archive of " + sourceName + " is larger than the allowed " + (maxArchiveBytes / (1024 * 1024))
                        + " MiB; the download was stopped.");
    }

    private static String statusSentence(int status, String sourceName, URI url) {
        if (status == 404 || status == 410) {
            return "The archive of " + sourceName + " was not found at " + url
                    + "; check the repository URL and commit.";
        }
        if (status >= 500) {
            return "The archive server answered HTTP " + status + " for " + sourceName + "; try the sync again later.";
        }
        return "The archive server refused the download of " + sourceName + " (HTTP " + status
                + "); check the repository URL and commit.";
    }

    private static void closeQuietly(InputStream body) {
        try {
            body.close();
        } catch (IOException ignored) {
            // the transfer is being abandoned anyway
        }
    }

    private static long sizeOrZero(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
