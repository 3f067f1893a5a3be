package dev.orl.model.device;

import ai.djl.Device;
import ai.djl.engine.Engine;

/** Parses a device choice: {@code auto} (a GPU when DJL sees one, else the CPU), {@code cpu}, {@code gpu} or {@code gpu:N}. */
public final class Devices {

    private Devices() {}

    /** The device named by {@code spec}; an error if it names a GPU DJL cannot see. */
    public static Device parse(String spec) {
        String s = spec.trim().toLowerCase(java.util.Locale.ROOT);
        int gpus = Engine.getInstance().getGpuCount();
        if (s.equals("auto")) {
            return gpus > 0 ? Device.gpu(0) : Device.cpu();
        }
        if (s.equals("cpu")) {
            return Device.cpu();
        }
        if (s.equals("gpu") || s.startsWith("gpu:")) {
            int id;
            try {
                id = s.equals("gpu") ? 0 : Integer.parseInt(s.substring(4));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("device '" + spec + "': expected gpu:N with a number N", e);
            }
            if (id < 0 || id >= gpus) {
                throw new IllegalArgumentException("device '" + spec + "': DJL sees " + gpus + " GPU(s); for CUDA "
                        + "natives set PYTORCH_LIBRARY_PATH/PYTORCH_VERSION/PYTORCH_FLAVOR (README.md, \"Running on a"
                        + " GPU\")");
            }
            return Device.gpu(id);
        }
        throw new IllegalArgumentException("device '" + spec + "': expected auto, cpu, gpu or gpu:N");
    }
}
