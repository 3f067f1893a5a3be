package dev.orl.rewards.code;

import dev.orl.sandbox.client.SandboxClient;
import dev.orl.sandbox.server.SandboxServer;
import dev.orl.sandbox.server.ServerConfig;
import java.io.IOException;
import java.net.URI;

/**
 * A sandbox server started in this JVM on an ephemeral loopback port, with a client for it: what a host that was
 * given no sandbox URLs puts into its {@code RewardContext} so {@code code_exec} works out of the box. Closing it
 * stops the server and removes its job directories.
 */
public final class LocalSandbox implements AutoCloseable {

    private final SandboxServer server;
    private final SandboxClient client;

    private LocalSandbox(SandboxServer server) {
        this.server = server;
        this.client = SandboxClient.builder().url(server.uri()).build();
    }

    /** Starts a server with {@code workers} concurrent runs ({@code null}: {@link ServerConfig#defaultWorkers()}). */
    public static LocalSandbox start(Integer workers) throws IOException {
        ServerConfig config = ServerConfig.defaults();
        return new LocalSandbox(SandboxServer.start(workers == null ? config : config.withWorkers(workers)));
    }

    /** The client to share (e.g. as a {@code RewardContext} service). */
    public SandboxClient client() {
        return client;
    }

    /** The server's base URI. */
    public URI uri() {
        return server.uri();
    }

    @Override
    public void close() {
        client.close();
        server.close();
    }
}
