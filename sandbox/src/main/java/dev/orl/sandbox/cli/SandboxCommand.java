package dev.orl.sandbox.cli;

import dev.orl.sandbox.isolation.Isolation;
import dev.orl.sandbox.server.SandboxServer;
import dev.orl.sandbox.server.ServerConfig;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code orl sandbox ...}: run the code-execution server. */
@Command(name = "sandbox", description = "Code-execution sandbox server (SandboxFusion-compatible /run_code, /v1/judge).",
    subcommands = {SandboxCommand.Serve.class}, mixinStandardHelpOptions = true)
public final class SandboxCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.err);
  }

  /** {@code orl sandbox serve}: serves until killed; logs go to stderr, nothing to stdout. */
  @Command(name = "serve", description = "Serve /run_code, /v1/judge, /v1/info and /healthz over HTTP.",
      mixinStandardHelpOptions = true)
  static final class Serve implements Callable<Integer> {
    @Option(names = "--port", description = "TCP port (0 = ephemeral). Default: ${DEFAULT-VALUE}.")
    int port = 8080;

    @Option(names = "--host", description = "Address to bind. Default: ${DEFAULT-VALUE} (loopback only).")
    String host = "127.0.0.1";

    @Option(names = "--workers", description = "Concurrent runs. Default: twice the number of cores.")
    Integer workers;

    @Option(names = "--queue", description = "Requests that may wait beyond the workers before 429. Default: "
        + "${DEFAULT-VALUE}.")
    int queue = ServerConfig.DEFAULT_QUEUE;

    @Option(names = "--max-body-mb", description = "Largest request body in MiB (413 above). Default: "
        + "${DEFAULT-VALUE}.")
    int maxBodyMb = (int) (ServerConfig.DEFAULT_MAX_BODY_BYTES >> 20);

    @Option(names = "--base-uid", description = "Lowest host uid for the workers. Slot i runs as base+i, where base "
        + "is the first block at or above this uid (in steps of 64, or of the worker count if larger) that no other "
        + "sandbox server on this host holds; with other servers running, the uids are higher (the start-up log "
        + "names them). Default: ${DEFAULT-VALUE}.")
    int baseUid = ServerConfig.DEFAULT_BASE_UID;

    @Option(names = "--python-no-site", description = "Start Python with -S: ~2.5 ms less CPU per run, but only "
        + "the standard library is importable (no site or dist-packages such as numpy).")
    boolean pythonNoSite;

    @Override
    public Integer call() throws Exception {
      ServerConfig config = new ServerConfig(host, port,
          workers == null ? ServerConfig.defaultWorkers() : workers, queue, (long) maxBodyMb << 20,
          baseUid, Isolation.Request.AUTO, pythonNoSite);
      SandboxServer server = SandboxServer.start(config);
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        server.close();
        stopped.countDown();
      }, "sandbox-shutdown"));
      stopped.await();
      return 0;
    }
  }
}
