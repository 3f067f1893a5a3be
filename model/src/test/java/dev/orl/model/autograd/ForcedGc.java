package dev.orl.model.autograd;

import java.lang.ref.PhantomReference;
import java.lang.ref.ReferenceQueue;
import java.nio.ByteBuffer;

/**
 * Runs the garbage collector until a freshly dropped direct buffer has been found unreachable, so that the direct
 * buffers dropped before the call are released too: turns "a collection may fall between forward and backward"
 * into "one always does".
 */
public final class ForcedGc {

    private ForcedGc() {}

    /** Returns once the collector has processed the direct buffers that were unreachable at the call. */
    public static void releaseUnreachableDirectBuffers() {
        ReferenceQueue<Object> queue = new ReferenceQueue<>();
        PhantomReference<Object> canary = new PhantomReference<>(ByteBuffer.allocateDirect(4), queue);
        try {
            boolean collected = false;
            for (int attempt = 0; attempt < 200 && !collected; attempt++) {
                System.gc();
                collected = queue.remove(50) != null;
            }
            if (!collected) {
                throw new IllegalStateException("the garbage collector did not release a dropped buffer in 10 s");
            }
            // buffer cleaners run on the reference-handler thread right after the queueing; give them a moment
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the garbage collector", e);
        } finally {
            canary.clear();
        }
    }
}
