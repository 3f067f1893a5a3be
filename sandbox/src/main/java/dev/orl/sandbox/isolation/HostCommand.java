package dev.orl.sandbox.isolation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs one of the server's own short setup tools (gcc, ip) to completion; never a program under test. */
final class HostCommand {

  /**
   * How the tool ended: {@code ok} when it exited 0; {@code output} is its merged stdout/stderr, or null when it
   * could not start or ran past its deadline.
   */
  record Result(boolean ok, String output) {
    /** True when the tool ran to completion and failed, so its output says why. */
    boolean failedWithOutput() {
      return !ok && output != null;
    }
  }

  private HostCommand() {}

  static Result run(List<String> cmd, long timeoutSeconds) {
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return new Result(false, null);
      }
      return new Result(p.exitValue() == 0, output.strip());
    } catch (IOException e) {
      return new Result(false, null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(false, null);
    }
  }
}
