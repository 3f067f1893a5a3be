package dev.orl.model.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * AdamW over named parameters, as PyTorch's {@code torch.optim.AdamW}: {@link #clipGradNorm} (global L2 norm),
 * then {@link #step} with the learning rate of this step, which updates every parameter that has a gradient and
 * zeroes the gradients (DJL's collectors never do). State can be saved to and loaded from a checkpoint folder.
 *
 * <p>Not thread-safe: one training thread owns it.
 */
public final class AdamW implements AutoCloseable {

    private final NDManager manager;
    private final List<ParameterState> states;
    private final AdamWConfig config;
    private final AdamWKernel kernel;

    private AdamW(List<NamedParameter> parameters, AdamWConfig config, NDManager parent,
            Function<NDManager, AdamWKernel> kernelFactory) {
        this.config = config;
        this.manager = parent.newSubManager();
        try {
            this.kernel = kernelFactory.apply(manager);
            this.states = Collections.unmodifiableList(allocateStates(parameters, manager));
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** AdamW with the plain NDArray update; state lives in a child of {@code parent}. */
    public static AdamW plain(List<NamedParameter> parameters, AdamWConfig config, NDManager parent) {
        return new AdamW(parameters, config, parent, m -> new PlainAdamWKernel());
    }

    /** AdamW with libtorch's fused multi-tensor update; state lives in a child of {@code parent}. */
    public static AdamW fused(List<NamedParameter> parameters, AdamWConfig config, NDManager parent) {
        return new AdamW(parameters, config, parent, FusedAdamWKernel::new);
    }

    /** {@link #fused} or {@link #plain} by flag, for configuration and benchmarks. */
    public static AdamW create(boolean fused, List<NamedParameter> parameters, AdamWConfig config,
            NDManager parent) {
        return fused ? fused(parameters, config, parent) : plain(parameters, config, parent);
    }

    private static List<ParameterState> allocateStates(List<NamedParameter> parameters, NDManager manager) {
        Set<String> names = new HashSet<>();
        List<ParameterState> states = new ArrayList<>(parameters.size());
        for (NamedParameter p : parameters) {
            if (!names.add(p.name())) {
                throw new IllegalArgumentException("parameter name '" + p.name() + "' appears twice");
            }
            NDArray w = p.array();
            states.add(new ParameterState(p, manager.zeros(w.getShape(), w.getDataType(), w.getDevice()),
                    manager.zeros(w.getShape(), w.getDataType(), w.getDevice())));
        }
        return states;
    }

    /** {@code plain} or {@code fused}. */
    public String kernelName() {
        return kernel.name();
    }

    /** The hyper-parameters this optimizer applies. */
    public AdamWConfig config() {
        return config;
    }

    /** How many updates the most-updated parameter has received (the step restored by {@link #load}). */
    public long stepCount() {
        return states.stream().mapToLong(s -> s.step).max().orElse(0);
    }

    /** The global L2 norm of all current gradients. */
    public double gradNorm() {
        return withGradients(grads -> kernel.globalNorm(grads.arrays()));
    }

    /**
     * Scales all gradients so their global L2 norm is at most {@code maxNorm} (as PyTorch's
     * {@code clip_grad_norm_}, with its 1e-6 guard) and returns the norm before clipping, the value to log as
     * {@code actor/grad_norm}. A non-positive or infinite {@code maxNorm} only measures.
     */
    public double clipGradNorm(double maxNorm) {
        return withGradients(grads -> {
            double norm = kernel.globalNorm(grads.arrays());
            double factor = clipFactor(norm, maxNorm);
            if (factor != 1) {
                kernel.scale(grads.arrays(), factor);
            }
            return norm;
        });
    }

    /**
     * Applies one AdamW update with learning rate {@code lr} to every parameter that has a gradient (parameters
     * without one are skipped and keep their step count, as in PyTorch), then zeroes those gradients.
     */
    public void step(double lr) {
        checkLearningRate(lr);
        withGradients(grads -> {
            update(grads, 1.0, lr);
            return null;
        });
    }

    /**
     * {@link #clipGradNorm} then {@link #step} in one pass: the clipping factor is applied inside the update (the
     * fused kernel reads each gradient once instead of scaling it first), and a non-finite norm skips the update and
     * zeroes the gradients, since one NaN would poison every weight through the moments. Returns the norm before
     * clipping (non-finite when the update was skipped); a non-positive or infinite {@code maxNorm} does not clip.
     */
    public double clipAndStep(double maxNorm, double lr) {
        checkLearningRate(lr);
        double norm = withGradients(grads -> {
            double n = kernel.globalNorm(grads.arrays());
            if (Double.isFinite(n)) {
                update(grads, clipFactor(n, maxNorm), lr);
            }
            return n;
        });
        if (!Double.isFinite(norm)) {
            zeroGrad();
        }
        return norm;
    }

    private void update(Gradients grads, double gradFactor, double lr) {
        for (ParameterState s : grads.states()) {
            s.step++;
        }
        kernel.update(grads.states(), grads.arrays(), gradFactor, lr, config);
    }

    private static void checkLearningRate(double lr) {
        if (!(lr >= 0) || !Double.isFinite(lr)) {
            throw new IllegalArgumentException("learning rate must be finite and >= 0, got " + lr);
        }
    }

    /** PyTorch's {@code clip_grad_norm_} factor (with its 1e-6 guard), or 1 when no clipping applies. */
    private static double clipFactor(double norm, double maxNorm) {
        double factor = maxNorm / (norm + 1e-6);
        return maxNorm > 0 && Double.isFinite(maxNorm) && factor < 1 ? factor : 1;
    }

    /** Zeroes all gradients without updating, e.g. to drop a micro-batch. */
    public void zeroGrad() {
        for (ParameterState s : states) {
            JniUtils.zeroGrad((PtNDArray) s.weight());
        }
    }

    /** Writes the state (step counts, moments) to {@code dir}; see {@link AdamWStateFile}. */
    public void save(Path dir) throws IOException {
        AdamWStateFile.save(dir, states, config);
    }

    /**
     * Replaces the state with the one saved in {@code dir}; every parameter must be there with its shape, or the
     * error names the file and the parameter.
     */
    public void load(Path dir) throws IOException {
        AdamWStateFile.load(dir, states, manager);
    }

    @Override
    public void close() {
        kernel.close();
        manager.close();
    }

    /** The parameters that have a gradient now, with fresh handles to those gradients. */
    private record Gradients(List<ParameterState> states, List<NDArray> arrays) {}

    private <T> T withGradients(Function<Gradients, T> action) {
        List<ParameterState> present = new ArrayList<>(states.size());
        List<NDArray> grads = new ArrayList<>(states.size());
        boolean gradMode = JniUtils.isGradMode();
        // In-place updates of leaves that require grad are illegal while autograd records.
        JniUtils.setGradMode(false);
        try {
            for (ParameterState s : states) {
                // getGradient() would invent a zero array for a missing gradient; the raw handle is null instead.
                NDArray g = JniUtils.getGradient((PtNDArray) s.weight());
                if (g != null) {
                    present.add(s);
                    grads.add(g);
                }
            }
            return action.apply(new Gradients(present, grads));
        } finally {
            grads.forEach(NDArray::close);
            JniUtils.setGradMode(gradMode);
        }
    }
}
