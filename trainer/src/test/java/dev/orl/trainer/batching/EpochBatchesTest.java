package dev.orl.trainer.batching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Batch n of a training list is fixed by the seed and n alone, and every epoch visits every row once. */
class EpochBatchesTest {

    private static List<String> rows(int count) {
        return IntStream.range(0, count).mapToObj(i -> "row" + i).toList();
    }

    @Test
    void drawsEveryRowOnceAnEpoch() {
        List<String> rows = rows(12);
        EpochBatches<String> batches = new EpochBatches<>(rows, 4, 7);
        for (int epoch = 0; epoch < 3; epoch++) {
            List<String> seen = new ArrayList<>();
            for (long n = epoch * 3L + 1; n <= epoch * 3L + 3; n++) {
                seen.addAll(batches.batch(n));
            }
            assertEquals(rows.stream().sorted().toList(), seen.stream().sorted().toList(),
                    "epoch " + epoch + " must visit each of the 12 rows exactly once, saw " + seen);
        }
    }

    @Test
    void followsTheEpochOrderAcrossEpochBoundaries() {
        // 10 rows in batches of 3: batch 4 takes one row from epoch 0 and two from epoch 1.
        List<String> rows = rows(10);
        EpochBatches<String> batches = new EpochBatches<>(rows, 3, 11);
        EpochOrder order = new EpochOrder(10, 11);
        for (long n = 1; n <= 8; n++) {
            List<String> expected = new ArrayList<>();
            for (long position = (n - 1) * 3; position < n * 3; position++) {
                expected.add(rows.get(order.at(position)));
            }
            assertEquals(expected, batches.batch(n), "batch " + n + " must be rows at positions " + (n - 1) * 3
                    + ".." + (n * 3 - 1) + " of the seeded epoch order (checkpoints depend on these draws)");
        }
    }

    @Test
    void aResumedRunDrawsTheSameBatchWithoutReplayingEarlierOnes() {
        List<String> rows = rows(9);
        EpochBatches<String> walked = new EpochBatches<>(rows, 4, 3);
        for (long n = 1; n < 6; n++) {
            walked.batch(n);
        }
        EpochBatches<String> resumed = new EpochBatches<>(rows, 4, 3);
        assertEquals(walked.batch(6), resumed.batch(6), "batch 6 must not depend on which batches were drawn before");
    }

    @Test
    void countsAPartialLastBatchAsOneMore() {
        assertEquals(4, new EpochBatches<>(rows(10), 3, 0).perEpoch(), "10 rows in batches of 3 take 4 batches");
        assertEquals(2, EpochBatches.perEpoch(8, 4), "8 rows in batches of 4 take exactly 2 batches");
    }

    @Test
    void refusesABatchSizeBelowOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new EpochBatches<>(rows(3), 0, 1));
        assertEquals("batch size must be at least 1, got 0", e.getMessage());
    }
}
