package kz.region715.dsr.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * GreenMail behind a relay the service's mailer points at. The relay can stall connections: it accepts them and
 * never sends the SMTP greeting, as an overloaded or half-dead mail server does; the others reach GreenMail.
 */
public class StallingSmtpResource extends GreenMailResource {

    private static final AtomicInteger stallNext = new AtomicInteger();
    private static volatile boolean stallAll;
    private static final List<Socket> stalled = new CopyOnWriteArrayList<>();
    private static ServerSocket relay;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        try {
            relay = new ServerSocket(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(StallingSmtpResource::accept, "stalling-smtp-relay");
        acceptor.setDaemon(true);
        acceptor.start();
        config.put("quarkus.mailer.port", Integer.toString(relay.getLocalPort()));
        return config;
    }

    @Override
    public void stop() {
        try {
            relay.close();
        } catch (IOException e) {
            // closing anyway
        }
        release();
        super.stop();
    }

    /** The next {@code count} connections get no greeting. */
    public static void stallNext(int count) {
        stallNext.set(count);
    }

    /** Every connection from now on gets no greeting (until {@link #release()}). */
    public static void stallAll() {
        stallAll = true;
    }

    /** Connections accepted and never answered since the last {@link #release()}. */
    public static int stalledCount() {
        return stalled.size();
    }

    /** Greets again, and drops the connections held so far. */
    public static void release() {
        stallAll = false;
        stallNext.set(0);
        for (Socket socket : stalled) {
            try {
                socket.close();
            } catch (IOException e) {
                // gone already
            }
        }
        stalled.clear();
    }

    private static void accept() {
        while (!relay.isClosed()) {
            try {
                Socket client = relay.accept();
                if (stallAll || stallNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    stalled.add(client); // accepted, never answered
                    continue;
                }
                Socket server = new Socket("127.0.0.1", port());
                pipe(client, server);
                pipe(server, client);
            } catch (IOException e) {
                // the relay is closed, or GreenMail is down: the client sees its connection fail
            }
        }
    }

    private static void pipe(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // one side closed
            } finally {
                try {
                    from.close();
                    to.close();
                } catch (IOException e) {
                    // closed already
                }
            }
        }, "stalling-smtp-pipe");
        thread.setDaemon(true);
        thread.start();
    }
}
