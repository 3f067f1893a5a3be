package dev.orl.sandbox.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.orl.sandbox.isolation.Isolation;
import dev.orl.sandbox.isolation.WorkerSlot;
import dev.orl.sandbox.judge.FileTrees;
import dev.orl.sandbox.judge.Judge;
import dev.orl.sandbox.judge.Languages;
import dev.orl.sandbox.judge.RunCodeService;
import dev.orl.sandbox.protocol.Json;
import dev.orl.sandbox.protocol.JudgeRequest;
import dev.orl.sandbox.protocol.RunCodeRequest;
import dev.orl.sandbox.protocol.SandboxInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox HTTP server. Start it in-process with {@link #start(ServerConfig)} (the trainer and tests do, on an
 * ephemeral loopback port) or through {@code orl sandbox serve}. Bodies over the limit get 413, a full queue gets 429
 * with Retry-After, a sandbox failure gets 503: a client can always tell "the program failed" (a 200 with verdicts)
 * from "the server could not judge".
 */
public final class SandboxServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SandboxServer.class);
  private static final String VERSION = "orl-sandbox/0.1";

  private final ServerConfig config;
  private final Isolation isolation;
  private final Admission admission;
  private final Judge judge;
  private final RunCodeService runCode;
  private final ObjectMapper json = Json.newMapper();
  private final HttpServer http;
  private final ExecutorService handlers;
  private final Path jobRoot;

  static {
    // The JDK server writes headers and body as separate segments; with Nagle's algorithm on, the body waits for
    // the client's delayed ACK (tens of ms per request on loopback). Read once when the JDK server classes load.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    // The JDK's default launch (posix_spawn of jspawnhelper, which then execs the target) costs one more exec, ~0.5 ms
    // of CPU per run here; vfork execs the launcher directly. Like posix_spawn it never copies the JVM's address
    // space. Read when the first process is started: a JVM that started one before keeps its setting.
    if (System.getProperty("jdk.lang.Process.launchMechanism") == null) {
      System.setProperty("jdk.lang.Process.launchMechanism", "VFORK");
    }
  }

  private SandboxServer(ServerConfig config) throws IOException {
    this.config = config;
    this.isolation = Isolation.create(config.workers(), config.baseUid(), config.isolation());
    this.admission = new Admission(isolation.slots(), config.queueCapacity());
    removeStaleJobRoots();
    this.jobRoot = Files.createTempDirectory(jobParent(), "orl-sandbox-jobs-" + ProcessHandle.current().pid() + "-");
    Files.setPosixFilePermissions(jobRoot, PosixFilePermissions.fromString("rwx--x--x"));
    this.judge = new Judge(isolation.sandbox(), Languages.detect(config.pythonNoSite()), jobRoot, json);
    this.runCode = new RunCodeService(judge);
    this.http = bind(config, isolation, jobRoot);
    this.handlers = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "sandbox-http");
      t.setDaemon(true);
      return t;
    });
    http.setExecutor(handlers);
    http.createContext("/", this::route);
  }

  /** The HTTP server on the configured address; on failure releases what the constructor set up before it. */
  private static HttpServer bind(ServerConfig config, Isolation isolation, Path jobRoot) throws IOException {
    try {
      return HttpServer.create(new InetSocketAddress(config.host(), config.port()), 256);
    } catch (IOException e) {
      isolation.close();
      try {
        FileTrees.delete(jobRoot);
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup);
      }
      // The JDK says only "Address already in use", not which address.
      throw new IOException("cannot listen on " + config.host() + ":" + config.port() + ": " + e.getMessage(), e);
    }
  }

  /** Starts a server; it serves until {@link #close()}. */
  public static SandboxServer start(ServerConfig config) throws IOException {
    SandboxServer server = new SandboxServer(config);
    server.http.start();
    LOG.info("sandbox server listening on {} ({}, {} workers, queue {})", server.uri(),
        server.isolation.profile().describe(), config.workers(), config.queueCapacity());
    return server;
  }

  /** The bound port (useful with port 0). */
  public int port() {
    return http.getAddress().getPort();
  }

  /** Base URI, e.g. {@code http://127.0.0.1:41234}. */
  public URI uri() {
    return URI.create("http://" + config.host() + ":" + port());
  }

  /** Where job directories live (tests check that none is left behind). */
  Path jobRoot() {
    return jobRoot;
  }

  /** Host uids of the worker slots (tests check that no process of theirs outlives a run). */
  java.util.List<Integer> slotUids() {
    return isolation.slots().stream().map(WorkerSlot::uid).toList();
  }

  public SandboxInfo info() {
    return new SandboxInfo(VERSION, judge.languages().versions(), isolation.profile().describe(),
        isolation.profile().warnings(), config.workers(), admission.queueCapacity(), admission.waiting(),
        admission.running(), config.maxBodyBytes());
  }

  @Override
  public void close() {
    http.stop(0);
    handlers.shutdownNow();
    isolation.close();
    try {
      FileTrees.delete(jobRoot);
    } catch (IOException e) {
      LOG.warn("could not remove {}: {}", jobRoot, e.toString());
    }
  }

  /**
   * Where job directories go: a tmpfs when there is one ({@code /dev/shm}), since every request creates and deletes a
   * directory tree and on a journaling disk file system that cost ~0.5 ms of CPU per request here; else the temp dir.
   */
  private static Path jobParent() {
    Path shm = Path.of("/dev/shm");
    try {
      if (Files.isDirectory(shm) && Files.isWritable(shm) && Files.getFileStore(shm).type().equals("tmpfs")) {
        return shm;
      }
    } catch (IOException e) {
      LOG.debug("no tmpfs for job directories: {}", e.toString());
    }
    return Path.of(System.getProperty("java.io.tmpdir"));
  }

  /** Deletes job roots of servers that died without closing (the pid in their name is gone). */
  private static void removeStaleJobRoots() {
    for (Path parent : Stream.of(jobParent(), Path.of(System.getProperty("java.io.tmpdir"))).distinct().toList()) {
      removeStaleJobRoots(parent);
    }
  }

  private static void removeStaleJobRoots(Path tmp) {
    try (var roots = Files.newDirectoryStream(tmp, "orl-sandbox-jobs-*")) {
      for (Path root : roots) {
        String[] parts = root.getFileName().toString().split("-");
        if (parts.length == 5 && parts[3].chars().allMatch(Character::isDigit)
            && ProcessHandle.of(Long.parseLong(parts[3])).isEmpty()) {
          FileTrees.delete(root);
        }
      }
    } catch (IOException | RuntimeException e) {
      LOG.debug("could not sweep stale job roots: {}", e.toString());
    }
  }

  private void route(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath();
      String method = ex.getRequestMethod();
      switch (path) {
        case "/healthz" -> requireThen(ex, method, "GET", () -> send(ex, 200, Map.of("status", "ok")));
        case "/v1/info" -> requireThen(ex, method, "GET", () -> send(ex, 200, info()));
        case "/run_code" -> requireThen(ex, method, "POST", () -> execute(ex, RunCodeRequest.class));
        case "/v1/judge" -> requireThen(ex, method, "POST", () -> execute(ex, JudgeRequest.class));
        default -> send(ex, 404, error("no such endpoint: " + path));
      }
    } catch (RuntimeException e) {
      LOG.error("unexpected failure serving {}", ex.getRequestURI(), e);
      sendQuietly(ex, 500, error("internal error: " + e));
    }
  }

  private interface Action {
    void run() throws IOException;
  }

  private void requireThen(HttpExchange ex, String method, String expected, Action action) throws IOException {
    if (!method.equals(expected)) {
      ex.getResponseHeaders().set("Allow", expected);
      send(ex, 405, error(method + " not allowed here; use " + expected));
      return;
    }
    action.run();
  }

  private <T> void execute(HttpExchange ex, Class<T> type) throws IOException {
    byte[] body = readBody(ex);
    if (body == null) {
      ex.getResponseHeaders().set("Connection", "close");
      send(ex, 413, error("request body exceeds " + config.maxBodyBytes() + " bytes"));
      return;
    }
    T request;
    try {
      request = json.readValue(body, type);
      if (request == null) {
        throw new IllegalArgumentException("empty request body");
      }
      if (request instanceof JudgeRequest j) {
        judge.validate(j);
      } else {
        runCode.validate((RunCodeRequest) request);
      }
    } catch (JsonProcessingException | IllegalArgumentException e) {
      send(ex, 400, error("bad request: " + RequestErrors.describe(e)));
      return;
    }
    if (!admission.tryAdmit()) {
      ex.getResponseHeaders().set("Retry-After", "1");
      send(ex, 429, error("queue full (" + admission.queueCapacity() + " waiting); retry later"));
      return;
    }
    WorkerSlot slot = null;
    try {
      slot = admission.acquire();
      long start = System.nanoTime();
      Object response = request instanceof JudgeRequest j ? judge.judge(j, slot)
          : runCode.run((RunCodeRequest) request, slot);
      send(ex, 200, response);
      if (LOG.isDebugEnabled()) {
        LOG.debug("{} in slot {}: {} in {} ms", ex.getRequestURI().getPath(), slot.index(),
            response instanceof dev.orl.sandbox.protocol.JudgeResponse r ? r.passed() + "/" + r.total() + " passed"
                : ((dev.orl.sandbox.protocol.RunCodeResponse) response).status(),
            (System.nanoTime() - start) / 1_000_000);
      }
    } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
      LOG.error("sandbox failure", e);
      ex.getResponseHeaders().set("Retry-After", "1");
      sendQuietly(ex, 503, Map.of("status", "SandboxError", "message", "sandbox failure: " + e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      sendQuietly(ex, 503, Map.of("status", "SandboxError", "message", "server shutting down"));
    } finally {
      admission.release(slot);
    }
  }

  /** The body, or null when it is larger than the limit (checked before reading when Content-Length is given). */
  private byte[] readBody(HttpExchange ex) throws IOException {
    String length = ex.getRequestHeaders().getFirst("Content-Length");
    long limit = config.maxBodyBytes();
    if (length != null) {
      try {
        if (Long.parseLong(length.trim()) > limit) {
          return null;
        }
      } catch (NumberFormatException e) {
        return null;
      }
    }
    try (InputStream in = ex.getRequestBody()) {
      byte[] body = in.readNBytes((int) limit + 1);
      return body.length > limit ? null : body;
    }
  }

  private static Map<String, String> error(String message) {
    return Map.of("error", message);
  }

  private void send(HttpExchange ex, int status, Object body) throws IOException {
    byte[] bytes = json.writeValueAsBytes(body);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  private void sendQuietly(HttpExchange ex, int status, Object body) {
    try {
      send(ex, status, body);
    } catch (IOException | RuntimeException e) {
      LOG.debug("could not send {} response: {}", status, e.toString());
    }
  }
}
