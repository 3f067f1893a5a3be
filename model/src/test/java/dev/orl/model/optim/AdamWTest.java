package dev.orl.model.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AdamWTest {

    private static final AdamWConfig CONFIG = new AdamWConfig(0.9, 0.95, 1e-8, 0.1);
    private static final double[] LRS = {1e-2, 2e-2, 2e-2, 5e-3, 1e-2};

    private NDManager manager;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    /** A small problem: loss = sum(c * a) + 0.5 * sum(b^2), so grad a = c (fixed) and grad b = b (moves). */
    private final class Problem {
        final double[] c = {0.5, -1.5, 2.0, 0.25, -0.75, 3.0};
        final NDArray a = param(new float[] {0.1f, -0.2f, 0.3f, 0.4f, -0.5f, 0.6f}, new Shape(2, 3));
        final NDArray b = param(new float[] {1.0f, -2.0f, 0.5f}, new Shape(3));

        List<NamedParameter> parameters() {
            return List.of(new NamedParameter("a", a), new NamedParameter("b", b));
        }

        void backward(double gradScale) {
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray cs = manager.create(toFloats(c), new Shape(2, 3));
                NDArray loss = a.mul(cs).sum().add(b.square().sum().mul(0.5)).mul(gradScale);
                collector.backward(loss);
            }
        }
    }

    private NDArray param(float[] values, Shape shape) {
        NDArray p = manager.create(values, shape);
        p.setRequiresGradient(true);
        return p;
    }

    /** Hand-written torch.optim.AdamW in double precision for one parameter. */
    private static final class ReferenceAdamW {
        final double[] w;
        final double[] m;
        final double[] v;
        long t;

        ReferenceAdamW(float[] init) {
            w = new double[init.length];
            for (int i = 0; i < init.length; i++) {
                w[i] = init[i];
            }
            m = new double[init.length];
            v = new double[init.length];
        }

        void step(double[] g, double lr) {
            t++;
            double bc1 = 1 - Math.pow(CONFIG.beta1(), t);
            double bc2 = 1 - Math.pow(CONFIG.beta2(), t);
            for (int i = 0; i < w.length; i++) {
                w[i] *= 1 - lr * CONFIG.weightDecay();
                m[i] = CONFIG.beta1() * m[i] + (1 - CONFIG.beta1()) * g[i];
                v[i] = CONFIG.beta2() * v[i] + (1 - CONFIG.beta2()) * g[i] * g[i];
                w[i] -= lr / bc1 * m[i] / (Math.sqrt(v[i]) / Math.sqrt(bc2) + CONFIG.eps());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void matchesHandComputedAdamWOverSeveralSteps(boolean fused) {
        Problem p = new Problem();
        ReferenceAdamW refA = new ReferenceAdamW(p.a.toFloatArray());
        ReferenceAdamW refB = new ReferenceAdamW(p.b.toFloatArray());
        try (AdamW opt = AdamW.create(fused, p.parameters(), CONFIG, manager)) {
            for (double lr : LRS) {
                p.backward(1.0);
                double[] gradB = refB.w.clone(); // grad of 0.5*b^2 at the reference's current b
                opt.step(lr);
                refA.step(p.c, lr);
                refB.step(gradB, lr);
            }
            assertEquals(LRS.length, opt.stepCount(), "step count after " + LRS.length + " updates");
        }
        assertClose("a after " + LRS.length + " steps (" + (fused ? "fused" : "plain") + ")", refA.w, p.a);
        assertClose("b after " + LRS.length + " steps (" + (fused ? "fused" : "plain") + ")", refB.w, p.b);
    }

    @Test
    void fusedAndPlainAgreeStepByStepWithClipping() {
        Problem plainProblem = new Problem();
        Problem fusedProblem = new Problem();
        try (AdamW plain = AdamW.plain(plainProblem.parameters(), CONFIG, manager);
                AdamW fused = AdamW.fused(fusedProblem.parameters(), CONFIG, manager)) {
            for (double lr : LRS) {
                plainProblem.backward(3.0);
                fusedProblem.backward(3.0);
                double plainNorm = plain.clipGradNorm(1.0);
                double fusedNorm = fused.clipGradNorm(1.0);
                assertEquals(plainNorm, fusedNorm, 1e-5 * plainNorm, "pre-clip gradient norm");
                plain.step(lr);
                fused.step(lr);
                assertClose("a, fused vs plain", toDoubles(plainProblem.a), fusedProblem.a);
                assertClose("b, fused vs plain", toDoubles(plainProblem.b), fusedProblem.b);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void clipGradNormReturnsThePreClipNormAndScalesToTheLimit(boolean fused) {
        Problem p = new Problem();
        try (AdamW opt = AdamW.create(fused, p.parameters(), CONFIG, manager)) {
            p.backward(2.0);
            double expected = 0;
            for (double c : p.c) {
                expected += 4 * c * c;
            }
            for (float b : p.b.toFloatArray()) {
                expected += 4 * b * b;
            }
            expected = Math.sqrt(expected);
            double before = opt.clipGradNorm(1.5);
            assertEquals(expected, before, 1e-5 * expected, "clipGradNorm must return the norm before clipping");
            assertEquals(1.5, opt.gradNorm(), 1e-5, "gradients after clipping to 1.5");
            assertEquals(1.5, opt.clipGradNorm(10.0), 1e-5, "a norm under the limit");
            assertEquals(1.5, opt.gradNorm(), 1e-5, "a norm under the limit is left alone");
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void stepZeroesGradientsSoTheNextBackwardDoesNotAccumulate(boolean fused) {
        Problem p = new Problem();
        try (AdamW opt = AdamW.create(fused, p.parameters(), CONFIG, manager)) {
            p.backward(1.0);
            opt.step(0.0);
            assertEquals(0.0, opt.gradNorm(), 0.0, "gradient norm right after a step");
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void parameterWithoutGradientIsLeftAloneAndKeepsItsStep(boolean fused) {
        Problem p = new Problem();
        NDArray frozen = param(new float[] {1f, 2f}, new Shape(2));
        List<NamedParameter> params = List.of(p.parameters().get(0), p.parameters().get(1),
                new NamedParameter("unused", frozen));
        try (AdamW opt = AdamW.create(fused, params, CONFIG, manager)) {
            p.backward(1.0);
            opt.step(0.1);
            assertClose("weight that never had a gradient (no weight decay either)", new double[] {1, 2}, frozen);
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void clipAndStepMovesWeightsExactlyAsClipThenStep(boolean fused) {
        Problem separate = new Problem();
        Problem together = new Problem();
        try (AdamW twoCalls = AdamW.create(fused, separate.parameters(), CONFIG, manager);
                AdamW oneCall = AdamW.create(fused, together.parameters(), CONFIG, manager)) {
            for (double lr : LRS) {
                separate.backward(3.0); // a norm above the limit, so every step clips
                together.backward(3.0);
                double expectedNorm = twoCalls.clipGradNorm(1.0);
                twoCalls.step(lr);
                double norm = oneCall.clipAndStep(1.0, lr);
                assertEquals(expectedNorm, norm, 1e-5 * expectedNorm, "pre-clip norm returned by clipAndStep");
                assertTrue(norm > 1.5, "the test must clip: norm " + norm + " should exceed the limit 1.0");
                assertClose("a, clipAndStep vs clipGradNorm+step", toDoubles(separate.a), together.a);
                assertClose("b, clipAndStep vs clipGradNorm+step", toDoubles(separate.b), together.b);
            }
            assertEquals(0.0, oneCall.gradNorm(), 0.0, "gradient norm right after clipAndStep");
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void clipAndStepSkipsANonFiniteGradientAndZeroesIt(boolean fused) {
        Problem p = new Problem();
        double[] before = toDoubles(p.a);
        try (AdamW opt = AdamW.create(fused, p.parameters(), CONFIG, manager)) {
            p.backward(Double.NaN);
            double norm = opt.clipAndStep(1.0, 0.1);
            assertTrue(Double.isNaN(norm), "a NaN gradient must be reported as a NaN norm, got " + norm);
            assertEquals(0, opt.stepCount(), "no parameter may count a skipped update");
            assertEquals(0.0, opt.gradNorm(), 0.0, "gradients after a skipped update");
        }
        assertClose("a after a skipped update", before, p.a);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void savedStateResumesExactlyWhereItLeftOff(boolean fused, @TempDir Path dir) throws IOException {
        Problem straight = new Problem();
        Problem resumed = new Problem();
        try (AdamW opt = AdamW.create(fused, straight.parameters(), CONFIG, manager)) {
            for (double lr : LRS) {
                straight.backward(1.0);
                opt.step(lr);
            }
        }
        try (AdamW first = AdamW.create(fused, resumed.parameters(), CONFIG, manager)) {
            for (int i = 0; i < 2; i++) {
                resumed.backward(1.0);
                first.step(LRS[i]);
            }
            first.save(dir);
        }
        try (AdamW second = AdamW.create(fused, resumed.parameters(), CONFIG, manager)) {
            second.load(dir);
            assertEquals(2, second.stepCount(), "restored step count");
            for (int i = 2; i < LRS.length; i++) {
                resumed.backward(1.0);
                second.step(LRS[i]);
            }
        }
        assertClose("a after save/load mid-run vs straight run", toDoubles(straight.a), resumed.a);
        assertClose("b after save/load mid-run vs straight run", toDoubles(straight.b), resumed.b);
    }

    @Test
    void loadingStateOfAnotherModelNamesTheFileAndTheParameter(@TempDir Path dir) throws IOException {
        Problem p = new Problem();
        try (AdamW opt = AdamW.plain(List.of(p.parameters().get(0)), CONFIG, manager)) {
            opt.save(dir);
        }
        try (AdamW opt = AdamW.plain(p.parameters(), CONFIG, manager)) {
            IOException e = assertThrows(IOException.class, () -> opt.load(dir));
            assertTrue(e.getMessage().contains(AdamWStateFile.FILE_NAME) && e.getMessage().contains("b.exp_avg"),
                    "message should name the file and the missing state, was: " + e.getMessage());
        }
        Files.delete(dir.resolve(AdamWStateFile.FILE_NAME));
        try (AdamW opt = AdamW.plain(p.parameters(), CONFIG, manager)) {
            IOException e = assertThrows(IOException.class, () -> opt.load(dir));
            assertTrue(e.getMessage().contains(AdamWStateFile.FILE_NAME), "message should name the missing file, was: "
                    + e.getMessage());
        }
    }

    @Test
    void rejectsDuplicateParameterNames() {
        Problem p = new Problem();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AdamW.plain(
                List.of(new NamedParameter("a", p.a), new NamedParameter("a", p.b)), CONFIG, manager));
        assertTrue(e.getMessage().contains("'a'"), e.getMessage());
    }

    private static float[] toFloats(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }

    private static double[] toDoubles(NDArray a) {
        float[] f = a.toFloatArray();
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    private static void assertClose(String what, double[] expected, NDArray actual) {
        float[] a = actual.toFloatArray();
        assertEquals(expected.length, a.length, what + ": element count");
        for (int i = 0; i < a.length; i++) {
            double tolerance = 1e-5 * Math.max(1, Math.abs(expected[i]));
            assertEquals(expected[i], a[i], tolerance, what + ": element " + i);
        }
    }
}
