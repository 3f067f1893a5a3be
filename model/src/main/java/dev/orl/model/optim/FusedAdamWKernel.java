package dev.orl.model.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.orl.model.kernels.torchscript.TorchScriptArchive;
import dev.orl.model.kernels.torchscript.TorchScriptModule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * AdamW through libtorch's multi-tensor kernels ({@code _fused_adamw_}, {@code _foreach_norm}, {@code _foreach_mul_})
 * called via TorchScript: one native call per step for all parameters, no full-size temporaries.
 */
final class FusedAdamWKernel implements AdamWKernel {

    /**
     * {@code _fused_adamw_} reads but does not advance the step tensors (PyTorch's Python wrapper does that), so the
     * caller passes steps already incremented. The empty list is {@code max_exp_avg_sqs}, used only with amsgrad.
     * The kernel divides each gradient by {@code grad_scale} as it reads it (AMP's unscaling), which is how a clipping
     * factor is applied without a pass of its own over every gradient.
     */
    private static final String METHODS = """
            def adamw(self: __torch__.OrlAdamW, params: List[Tensor], grads: List[Tensor], exp_avgs: List[Tensor], \
            exp_avg_sqs: List[Tensor], steps: List[Tensor], grad_scale: Tensor, lr: float, beta1: float, beta2: float, \
            weight_decay: float, eps: float) -> int:
              max_exp_avg_sqs: List[Tensor] = []
              torch._fused_adamw_(params, grads, exp_avgs, exp_avg_sqs, max_exp_avg_sqs, steps, lr=lr, beta1=beta1, \
            beta2=beta2, weight_decay=weight_decay, eps=eps, amsgrad=False, maximize=False, grad_scale=grad_scale)
              torch._foreach_zero_(grads)
              return len(params)
            def global_norm(self: __torch__.OrlAdamW, grads: List[Tensor]) -> float:
              norms = torch._foreach_norm(grads, 2)
              return float(torch.linalg_vector_norm(torch.stack(norms), 2).item())
            def scale(self: __torch__.OrlAdamW, grads: List[Tensor], factor: float) -> int:
              torch._foreach_mul_(grads, factor)
              return len(grads)
            """;

    private final TorchScriptModule module;

    FusedAdamWKernel(NDManager manager) {
        this.module = TorchScriptModule.load(manager, new TorchScriptArchive("OrlAdamW", METHODS));
    }

    @Override
    public String name() {
        return "fused";
    }

    @Override
    public double globalNorm(List<NDArray> grads) {
        if (grads.isEmpty()) {
            return 0;
        }
        return module.callNoGradForDouble("global_norm", new TorchScriptModule.Args().tensors(grads));
    }

    @Override
    public void scale(List<NDArray> grads, double factor) {
        if (!grads.isEmpty()) {
            module.callNoGrad("scale", new TorchScriptModule.Args().tensors(grads).scalar(factor));
        }
    }

    @Override
    public void update(List<ParameterState> states, List<NDArray> grads, double gradFactor, double lr,
            AdamWConfig c) {
        if (states.isEmpty()) {
            return;
        }
        // Parameters normally share one step count; one 0-d tensor per distinct count serves them all.
        Map<Long, NDArray> stepTensors = new HashMap<>();
        try (NDArray gradScale = module.manager().create((float) (1.0 / gradFactor))) {
            List<NDArray> params = new ArrayList<>(states.size());
            List<NDArray> expAvgs = new ArrayList<>(states.size());
            List<NDArray> expAvgSqs = new ArrayList<>(states.size());
            List<NDArray> steps = new ArrayList<>(states.size());
            for (ParameterState s : states) {
                params.add(s.weight());
                expAvgs.add(s.expAvg);
                expAvgSqs.add(s.expAvgSq);
                steps.add(stepTensors.computeIfAbsent(s.step, n -> module.manager().create((float) (long) n)));
            }
            module.callNoGrad("adamw", new TorchScriptModule.Args().tensors(params).tensors(grads).tensors(expAvgs)
                    .tensors(expAvgSqs).tensors(steps).tensor(gradScale).scalar(lr).scalar(c.beta1()).scalar(c.beta2())
                    .scalar(c.weightDecay()).scalar(c.eps()));
        } finally {
            stepTensors.values().forEach(NDArray::close);
        }
    }

    @Override
    public void close() {
        module.close();
    }
}
