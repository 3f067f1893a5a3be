package dev.orl.trainer.batching;

import java.util.ArrayList;
import java.util.List;

/**
 * Fixed-size batches drawn from a fixed training list in {@link EpochOrder}: batch {@code n} is a pure function of
 * the seed and {@code n}, so a resumed stage needs no data cursor. A batch that crosses an epoch boundary takes its
 * tail from the next epoch's order.
 */
public final class EpochBatches<T> {

    private final List<T> rows;
    private final int batchSize;
    private final long seed;
    private EpochOrder order;

    public EpochBatches(List<T> rows, int batchSize, long seed) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        this.rows = List.copyOf(rows);
        this.batchSize = batchSize;
        this.seed = seed;
    }

    /** Batches in one pass over the rows (the last one may wrap into the next epoch). */
    public long perEpoch() {
        return perEpoch(rows.size(), batchSize);
    }

    /** Batches of {@code batchSize} in one pass over {@code rows} rows, for sizing a stage before it opens. */
    public static long perEpoch(int rows, int batchSize) {
        return (rows + batchSize - 1) / batchSize;
    }

    /** Batch {@code n} (1-based): the rows at global positions {@code (n-1)·batchSize} onwards. */
    public List<T> batch(long n) {
        List<T> out = new ArrayList<>(batchSize);
        long first = (n - 1) * batchSize;
        for (long i = first; i < first + batchSize; i++) {
            out.add(rows.get(order().at(i)));
        }
        return out;
    }

    /** Built on first use: a stage restored from a checkpoint may have no batch to draw before it ends. */
    private EpochOrder order() {
        if (order == null) {
            order = new EpochOrder(rows.size(), seed);
        }
        return order;
    }
}
