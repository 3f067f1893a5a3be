package dev.orl.sandbox.server;

import dev.orl.sandbox.isolation.Isolation;

/**
 * How a sandbox server runs. {@code port} 0 picks an ephemeral port; {@code workers} concurrent runs (default:
 * {@link #defaultWorkers()}); {@code queueCapacity} requests wait beyond those before {@code 429}; {@code baseUid} is
 * the lowest host uid of the worker slots (slot i runs as base + i, base being the first block at or after
 * {@code baseUid} that no other server on the host holds, see {@code UidRange}); {@code pythonNoSite} (opt-in) starts
 * Python with {@code -S}, which saves ~2.5 ms of CPU per run but leaves only the standard library importable.
 */
public record ServerConfig(String host, int port, int workers, int queueCapacity, long maxBodyBytes, int baseUid,
    Isolation.Request isolation, boolean pythonNoSite) {

  public static final int DEFAULT_QUEUE = 64;
  public static final long DEFAULT_MAX_BODY_BYTES = 16L << 20;
  public static final int DEFAULT_BASE_UID = 61000;

  public ServerConfig {
    if (workers < 1 || queueCapacity < 0 || maxBodyBytes < 1024 || port < 0 || port > 65535) {
      throw new IllegalArgumentException("invalid server config: " + this);
    }
  }

  /**
   * Two concurrent runs per core. A sandboxed run spends about 40% of its wall time blocked in the kernel (namespace
   * and mount setup and teardown in bwrap: measured 11 ms wall for 4.8 ms CPU with {@code /bin/true}, 24 ms for
   * 13.8 ms with python), so one run per core leaves the cores idle that long. Oversubscribing cannot cause a false
   * time-out: limits are judged on CPU time and the wall-clock backstop only kills idle runs.
   */
  public static int defaultWorkers() {
    return 2 * Runtime.getRuntime().availableProcessors();
  }

  /** Loopback, ephemeral port, {@link #defaultWorkers()} workers, defaults elsewhere. */
  public static ServerConfig defaults() {
    return new ServerConfig("127.0.0.1", 0, defaultWorkers(), DEFAULT_QUEUE,
        DEFAULT_MAX_BODY_BYTES, DEFAULT_BASE_UID, Isolation.Request.AUTO, false);
  }

  public ServerConfig withPort(int p) {
    return new ServerConfig(host, p, workers, queueCapacity, maxBodyBytes, baseUid, isolation, pythonNoSite);
  }

  public ServerConfig withWorkers(int n) {
    return new ServerConfig(host, port, n, queueCapacity, maxBodyBytes, baseUid, isolation, pythonNoSite);
  }

  public ServerConfig withQueueCapacity(int n) {
    return new ServerConfig(host, port, workers, n, maxBodyBytes, baseUid, isolation, pythonNoSite);
  }

  public ServerConfig withHost(String h) {
    return new ServerConfig(h, port, workers, queueCapacity, maxBodyBytes, baseUid, isolation, pythonNoSite);
  }

  public ServerConfig withBaseUid(int uid) {
    return new ServerConfig(host, port, workers, queueCapacity, maxBodyBytes, uid, isolation, pythonNoSite);
  }

  public ServerConfig withIsolation(Isolation.Request r) {
    return new ServerConfig(host, port, workers, queueCapacity, maxBodyBytes, baseUid, r, pythonNoSite);
  }

  public ServerConfig withPythonNoSite(boolean noSite) {
    return new ServerConfig(host, port, workers, queueCapacity, maxBodyBytes, baseUid, isolation, noSite);
  }
}
