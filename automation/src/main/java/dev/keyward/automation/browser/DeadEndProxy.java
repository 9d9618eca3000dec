package dev.keyward.automation.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * A loopback port that refuses every connection: a TCP socket bound but never listening holds the port, so no
 * other program can take it, and the kernel answers each connection attempt with a reset. Used as the proxy
 * for every host off a run's allowlist: such a request fails in the browser and never leaves the machine.
 */
public final class DeadEndProxy implements AutoCloseable {

    private final Socket reserved;

    private DeadEndProxy(Socket reserved) {
        this.reserved = reserved;
    }

    /** Reserves a loopback port. */
    public static DeadEndProxy open() {
        Socket socket = new Socket();
        try {
            socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            return new DeadEndProxy(socket);
        } catch (IOException e) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // Nothing was reserved.
            }
            throw new UncheckedIOException("No loopback port could be reserved for the browser's host limits", e);
        }
    }

    /** The proxy address to give the browser. */
    public String server() {
        return "http://127.0.0.1:" + reserved.getLocalPort();
    }

    @Override
    public void close() {
        try {
            reserved.close();
        } catch (IOException e) {
            // The port is released either way.
        }
    }
}
