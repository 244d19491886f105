package io.tributary.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Free loopback ports for the parts of a suite. A port is free when it is handed out but only taken when its part
 * starts, so the operating system may offer it again in between: each port is handed out once per process.
 */
public final class FreePort {

    private static final int ATTEMPTS = 100;
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private FreePort() {
    }

    /** The given port, or a free loopback port, not handed out before, when it is 0. */
    public static int orAny(int port) {
        if (port != 0) {
            return port;
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int candidate = anyFree();
            if (HANDED_OUT.add(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no free port that was not handed out already after " + ATTEMPTS
                + " attempts");
    }

    private static int anyFree() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
