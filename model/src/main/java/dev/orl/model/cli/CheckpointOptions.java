package dev.orl.model.cli;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import dev.orl.model.device.Devices;
import dev.orl.model.kernels.KernelsFactory;
import dev.orl.model.qwen2.Qwen2Model;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --device} and {@code --kernels} options of a command that loads one checkpoint, and the loading. */
final class CheckpointOptions {

    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu or gpu:N (default ${DEFAULT-VALUE})")
    String device;

    @Option(names = "--kernels", defaultValue = "plain",
            description = "attention/norm kernels: plain or torchscript (default ${DEFAULT-VALUE})")
    String kernels;

    /** Loads {@code checkpoint} on the chosen device with the chosen kernels. */
    LoadedModel load(Path checkpoint) throws IOException {
        Device dev = Devices.parse(device);
        NDManager kernelsManager = NDManager.newBaseManager(dev);
        try {
            return new LoadedModel(Qwen2Model.load(checkpoint, KernelsFactory.create(kernels, kernelsManager), dev),
                    kernelsManager);
        } catch (IOException | RuntimeException e) {
            kernelsManager.close();
            throw e;
        }
    }

    /** A loaded model and the manager that holds its kernels' tensors, which must outlive it. */
    record LoadedModel(Qwen2Model model, NDManager kernelsManager) implements AutoCloseable {
        @Override
        public void close() {
            try {
                model.close();
            } finally {
                kernelsManager.close();
            }
        }
    }
}
