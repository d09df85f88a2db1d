package io.latchkey.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * A layer-4 load balancer on loopback: each client connection goes, byte for byte, to the next backend port in
 * rotation that accepts it, so HTTP keep-alive pins a connection to one instance as a TCP balancer does. A backend
 * that refuses the connection is skipped (a passive health check); one {@linkplain #remove taken out of rotation}, as
 * Kubernetes takes a terminating pod out of a Service, gets no new connections while those it holds keep flowing until
 * either side closes them.
 */
public final class RoundRobinProxy implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_MILLIS = 500;

    private final ServerSocket server;
    private final List<Integer> rotation;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicLong refused = new AtomicLong();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    private RoundRobinProxy(ServerSocket server, List<Integer> backendPorts) {
        this.server = server;
        this.rotation = new CopyOnWriteArrayList<>(backendPorts);
        threads.execute(this::accept);
    }

    /** Listens on a free loopback port and balances over {@code backendPorts}. */
    public static RoundRobinProxy start(List<Integer> backendPorts) {
        try {
            return new RoundRobinProxy(new ServerSocket(0, 512, InetAddress.getLoopbackAddress()), backendPorts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    /** New connections no longer go to {@code backendPort}; open ones stay. */
    public void remove(int backendPort) {
        rotation.remove(Integer.valueOf(backendPort));
    }

    public void add(int backendPort) {
        if (!rotation.contains(backendPort)) {
            rotation.add(backendPort);
        }
    }

    /** Client connections that no backend in rotation accepted, and that were therefore closed at once. */
    public long refusedConnections() {
        return refused.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                threads.execute(() -> route(client));
            } catch (IOException e) {
                if (!server.isClosed()) {
                    refused.incrementAndGet();
                }
            }
        }
    }

    private void route(Socket client) {
        Socket backend = connectToNext();
        if (backend == null) {
            refused.incrementAndGet();
            closeQuietly(client);
            return;
        }
        open.add(client);
        open.add(backend);
        try {
            client.setTcpNoDelay(true);
            backend.setTcpNoDelay(true);
        } catch (IOException e) {
            closeBoth(client, backend);
            return;
        }
        threads.execute(() -> pump(client, backend));
        pump(backend, client);
    }

    private @Nullable Socket connectToNext() {
        List<Integer> ports = List.copyOf(rotation);
        int start = Math.floorMod(next.getAndIncrement(), Math.max(1, ports.size()));
        for (int i = 0; i < ports.size(); i++) {
            Socket backend = new Socket();
            try {
                backend.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), ports.get((start + i) % ports.size())),
                        CONNECT_TIMEOUT_MILLIS);
                return backend;
            } catch (IOException refusedHere) {
                closeQuietly(backend);
            }
        }
        return null;
    }

    /** Copies {@code from} to {@code to} until either ends, then closes both, as a balancer drops a half-dead pair. */
    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream()) {
            OutputStream out = to.getOutputStream();
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException ended) {
            // A reset or a close on either side ends the pair below.
        } finally {
            closeBoth(from, to);
        }
    }

    private void closeBoth(Socket one, Socket other) {
        closeQuietly(one);
        closeQuietly(other);
        open.remove(one);
        open.remove(other);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Already gone.
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // Closing anyway.
        }
        open.forEach(RoundRobinProxy::closeQuietly);
        threads.shutdownNow();
    }
}
