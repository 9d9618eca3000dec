package dev.keyward.automation.net;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body but cancels the exchange as soon as it grows past the cap, so a hostile
 * or misconfigured host cannot make us buffer an unbounded answer.
 */
final class CappedBodySubscriber implements BodySubscriber<byte[]> {

    /** Signals that the body passed the cap; carries no text from the response. */
    static final class BodyTooLargeException extends RuntimeException {
        BodyTooLargeException() {
            super("response body exceeded the size cap", null, false, false);
        }
    }

    private final long cap;
    private final long declaredLength;
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private Flow.Subscription subscription;
    private long received;

    CappedBodySubscriber(long cap, long declaredLength) {
        this.cap = cap;
        this.declaredLength = declaredLength;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (declaredLength > cap) {
            // The host told us up front; do not read a byte of it.
            subscription.cancel();
            body.completeExceptionally(new BodyTooLargeException());
            return;
        }
        subscription.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (body.isDone()) {
            return;
        }
        for (ByteBuffer item : items) {
            received += item.remaining();
            if (received > cap) {
                subscription.cancel();
                body.completeExceptionally(new BodyTooLargeException());
                return;
            }
            byte[] chunk = new byte[item.remaining()];
            item.get(chunk);
            buffer.writeBytes(chunk);
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable throwable) {
        body.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        body.complete(buffer.toByteArray());
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return body;
    }
}
