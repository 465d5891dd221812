package dev.vectorizer.adapter.hub;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body of at most {@code limit} bytes: a longer one is cut off (the subscription
 * cancelled) and fails the call, so a broken or hostile HiveHub cannot make this server buffer an
 * unbounded answer. (JDK 25 has {@code BodyHandlers.limiting}; the build targets 21.)
 */
final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {

    private final long limit;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    private BoundedBody(long limit) {
        this.limit = limit;
    }

    static HttpResponse.BodyHandler<byte[]> handler(long limit) {
        return response -> new BoundedBody(limit);
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        for (ByteBuffer buffer : buffers) {
            if (bytes.size() + (long) buffer.remaining() > limit) {
                subscription.cancel();
                result.completeExceptionally(new IOException("answer longer than " + limit + " bytes"));
                return;
            }
            byte[] chunk = new byte[buffer.remaining()];
            buffer.get(chunk);
            bytes.writeBytes(chunk);
        }
    }

    @Override
    public void onError(Throwable error) {
        result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        result.complete(bytes.toByteArray());
    }
}
