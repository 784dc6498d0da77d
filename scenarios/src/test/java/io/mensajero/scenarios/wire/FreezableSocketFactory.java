package io.mensajero.scenarios.wire;

import javax.net.SocketFactory;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;

/**
 * Sockets for amqp-client whose sending side can be frozen, as if the client process hung: once
 * {@link #freeze()} is called every write blocks (heartbeats included) until the socket is closed.
 * Reading goes on, so the client still sees the broker close the connection.
 */
final class FreezableSocketFactory extends SocketFactory {
    private final Object lock = new Object();
    private volatile boolean frozen;

    void freeze() {
        frozen = true;
    }

    /** Lets writes through again (blocked ones go on). */
    void thaw() {
        frozen = false;
    }

    @Override
    public Socket createSocket() {
        return new FreezableSocket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new FreezableSocket(), host, port);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        Socket socket = new FreezableSocket();
        socket.bind(new java.net.InetSocketAddress(localHost, localPort));
        return connected(socket, host, port);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        Socket socket = new FreezableSocket();
        socket.connect(new java.net.InetSocketAddress(host, port));
        return socket;
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        Socket socket = new FreezableSocket();
        socket.bind(new java.net.InetSocketAddress(localAddress, localPort));
        socket.connect(new java.net.InetSocketAddress(address, port));
        return socket;
    }

    private static Socket connected(Socket socket, String host, int port) throws IOException {
        socket.connect(new java.net.InetSocketAddress(host, port));
        return socket;
    }

    private final class FreezableSocket extends Socket {
        private OutputStream out;

        @Override
        public synchronized OutputStream getOutputStream() throws IOException {
            if (out == null) {
                out = new FilterOutputStream(super.getOutputStream()) {
                    @Override
                    public void write(int b) throws IOException {
                        awaitThaw();
                        super.out.write(b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        awaitThaw();
                        super.out.write(b, off, len);
                    }

                    @Override
                    public void flush() throws IOException {
                        awaitThaw();
                        super.flush();
                    }
                };
            }
            return out;
        }

        /** Blocks while frozen; a closed socket fails the write instead. */
        private void awaitThaw() throws IOException {
            while (frozen) {
                if (isClosed()) {
                    throw new IOException("socket closed while frozen");
                }
                synchronized (lock) {
                    try {
                        lock.wait(50);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new InterruptedIOException("interrupted while frozen");
                    }
                }
            }
        }
    }
}
