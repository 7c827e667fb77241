package cn.gongkai.crawl;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body up to a byte cap. Past the cap it cancels the subscription (closing the connection)
 * and completes with what it has. The bytes read so far stay readable if the caller gives up on the deadline.
 */
final class CappedBody implements HttpResponse.BodySubscriber<CappedBody> {

    private final long cap;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final CompletableFuture<CappedBody> done = new CompletableFuture<>();
    private Flow.Subscription subscription;
    private boolean capped;
    private boolean cancelled;

    CappedBody(long cap) {
        this.cap = cap;
    }

    @Override
    public synchronized void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (cancelled) {
            s.cancel();
        } else {
            s.request(1);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        boolean finished;
        synchronized (this) {
            if (cancelled) {
                return;
            }
            for (ByteBuffer b : items) {
                int n = b.remaining();
                long room = cap - out.size();
                int take = (int) Math.min(n, Math.max(room, 0));
                byte[] chunk = new byte[take];
                b.get(chunk);
                out.write(chunk, 0, take);
                if (take < n) {
                    capped = true;
                    break;
                }
            }
            finished = capped;
            if (finished) {
                cancelled = true;
                subscription.cancel();
            } else {
                subscription.request(1);
            }
        }
        if (finished) {
            done.complete(this);
        }
    }

    @Override
    public void onError(Throwable t) {
        done.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        done.complete(this);
    }

    @Override
    public CompletionStage<CappedBody> getBody() {
        return done;
    }

    /** Stops reading: the server is left talking to a closed connection. */
    synchronized void abandon() {
        cancelled = true;
        if (subscription != null) {
            subscription.cancel();
        }
    }

    synchronized byte[] bytes() {
        return out.toByteArray();
    }

    synchronized boolean capped() {
        return capped;
    }
}
