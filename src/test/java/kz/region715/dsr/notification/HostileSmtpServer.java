package kz.region715.dsr.notification;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small SMTP server on a real socket whose every conversation can misbehave on purpose, as relays do under load
 * or when half dead. It is also the mailbox: it keeps each message whose data reached the final dot (a relay that
 * got the whole data may deliver it even if it never answers), with its Message-ID and recipients. Reusable by the
 * fault suite against the packaged jar.
 */
public final class HostileSmtpServer implements AutoCloseable {

    /** What one conversation does. */
    public enum Behaviour {
        /** A well-behaved relay. */
        NORMAL,
        /** Accepts the connection and never sends the greeting. */
        NO_GREETING,
        /** Never answers MAIL FROM. */
        STALL_AFTER_MAIL_FROM,
        /** Takes the whole data and never answers the final dot (until {@link #endStalls}). */
        STALL_AFTER_DATA,
        /** Closes the connection after RCPT TO. */
        DROP_AFTER_RCPT,
        /** Greets with 421 (service not available) and closes. */
        REPLY_421,
        /** Takes the data and answers 451 (local error): nothing is kept. */
        REPLY_451_AFTER_DATA,
        /** Writes every reply one byte at a time, {@link #byteDelay} apart. */
        BYTE_AT_A_TIME
    }

    /** A message whose data reached the final dot; {@code stalled} if its conversation then withheld the answer. */
    public record Received(String messageId, List<String> to, String data, Instant at, boolean stalled) {
    }

    private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:\\s*(\\S+)");
    private static final Pattern ADDRESS = Pattern.compile("<([^>]*)>");

    private final ServerSocket server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Queue<Behaviour> next = new ConcurrentLinkedQueue<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final AtomicInteger conversations = new AtomicInteger();
    private final AtomicInteger stalledBeforeData = new AtomicInteger();
    private final AtomicInteger stalledAfterData = new AtomicInteger();
    private volatile IntFunction<Behaviour> plan = n -> Behaviour.NORMAL;
    private volatile Predicate<String> refused = address -> false;
    private volatile Duration byteDelay = Duration.ofMillis(50);
    private volatile boolean stallsEnded;
    private volatile boolean answerEndedStalls;
    private volatile boolean frozen;
    private final Object freezer = new Object();

    public HostileSmtpServer() {
        try {
            server = new ServerSocket(0, 1000, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::accept, "hostile-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The next conversations behave so, one each, before the {@link #plan}. */
    public HostileSmtpServer next(Behaviour... behaviours) {
        next.addAll(List.of(behaviours));
        return this;
    }

    /** Conversation number n (from 1, counted since the start) behaves as {@code plan} says. */
    public HostileSmtpServer plan(IntFunction<Behaviour> plan) {
        this.plan = plan;
        return this;
    }

    /** Recipients for whom {@code refused} holds get 550 to RCPT TO. */
    public HostileSmtpServer refuse(Predicate<String> refused) {
        this.refused = refused;
        return this;
    }

    public HostileSmtpServer byteDelay(Duration delay) {
        this.byteDelay = delay;
        return this;
    }

    /**
     * Ends the stalls: conversations stalled after the data get 250 if {@code answer} (the message was taken; else
     * they are closed), others are closed; later stalling conversations do not stall.
     */
    public void endStalls(boolean answer) {
        answerEndedStalls = answer;
        stallsEnded = true;
    }

    /** Back to a well-behaved server with no queued behaviours, no refusals and stalls possible again. */
    public void reset() {
        next.clear();
        plan = n -> Behaviour.NORMAL;
        refused = address -> false;
        stallsEnded = false;
        thaw();
    }

    /** Stops answering anything (as a process under SIGSTOP): connections are accepted by the kernel only. */
    public void freeze() {
        frozen = true;
    }

    public void thaw() {
        synchronized (freezer) {
            frozen = false;
            freezer.notifyAll();
        }
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> receivedBy(String address) {
        return received.stream().filter(r -> r.to().contains(address)).toList();
    }

    /** Conversations started so far. */
    public int conversations() {
        return conversations.get();
    }

    /** Connections open now. */
    public int openConnections() {
        return open.size();
    }

    /** Conversations stalling now (the client has not yet closed them). */
    public int stalledNow() {
        return stalledBeforeData.get() + stalledAfterData.get();
    }

    /** Conversations stalling now before the data (greeting, MAIL FROM) that the client has not yet closed. */
    public int stalledBeforeDataNow() {
        return stalledBeforeData.get();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        thaw();
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        threads.shutdownNow();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                int number = conversations.incrementAndGet();
                Behaviour queued = next.poll();
                Behaviour planned = queued != null ? queued : plan.apply(number);
                boolean stalls = planned == Behaviour.NO_GREETING || planned == Behaviour.STALL_AFTER_MAIL_FROM
                        || planned == Behaviour.STALL_AFTER_DATA;
                Behaviour behaviour = stalls && stallsEnded ? Behaviour.NORMAL : planned;
                open.add(socket);
                threads.execute(() -> converse(socket, behaviour));
            } catch (IOException e) {
                // closed
            }
        }
    }

    private void converse(Socket socket, Behaviour behaviour) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            Wire wire = new Wire(in, out, behaviour == Behaviour.BYTE_AT_A_TIME);
            awaitThaw();
            if (behaviour == Behaviour.NO_GREETING) {
                stall(socket, in, null, stalledBeforeData);
                return;
            }
            if (behaviour == Behaviour.REPLY_421) {
                wire.reply("421 4.3.2 service not available");
                return;
            }
            wire.reply("220 hostile.test ESMTP");
            String from = null;
            List<String> to = new ArrayList<>();
            while (true) {
                String line = wire.line();
                awaitThaw();
                if (line == null) {
                    return;
                }
                String command = line.toUpperCase(Locale.ROOT);
                if (command.startsWith("EHLO")) {
                    wire.reply("250-hostile.test", "250 8BITMIME");
                } else if (command.startsWith("HELO")) {
                    wire.reply("250 hostile.test");
                } else if (command.startsWith("MAIL FROM")) {
                    if (behaviour == Behaviour.STALL_AFTER_MAIL_FROM) {
                        stall(socket, in, null, stalledBeforeData);
                        return;
                    }
                    from = line;
                    to.clear();
                    wire.reply("250 2.1.0 ok");
                } else if (command.startsWith("RCPT TO")) {
                    Matcher address = ADDRESS.matcher(line);
                    String recipient = address.find() ? address.group(1) : "";
                    if (refused.test(recipient)) {
                        wire.reply("550 5.1.1 <" + recipient + ">: recipient unknown");
                        continue;
                    }
                    to.add(recipient);
                    if (behaviour == Behaviour.DROP_AFTER_RCPT) {
                        return;
                    }
                    wire.reply("250 2.1.5 ok");
                } else if (command.equals("DATA")) {
                    if (from == null || to.isEmpty()) {
                        wire.reply("503 5.5.1 no valid recipients");
                        continue;
                    }
                    wire.reply("354 end with <CRLF>.<CRLF>");
                    String data = wire.data();
                    if (data == null) {
                        return;
                    }
                    awaitThaw();
                    if (behaviour == Behaviour.REPLY_451_AFTER_DATA) {
                        wire.reply("451 4.3.0 local error");
                        continue;
                    }
                    Matcher id = MESSAGE_ID.matcher(data);
                    boolean withheld = behaviour == Behaviour.STALL_AFTER_DATA && !stallsEnded;
                    received.add(new Received(id.find() ? id.group(1) : null, List.copyOf(to), data, Instant.now(),
                            withheld));
                    if (withheld) {
                        if (stall(socket, in, "250 2.0.0 queued", stalledAfterData)) {
                            continue;
                        }
                        return;
                    }
                    awaitThaw();
                    wire.reply("250 2.0.0 queued");
                    from = null;
                } else if (command.equals("RSET")) {
                    from = null;
                    to.clear();
                    wire.reply("250 ok");
                } else if (command.equals("NOOP")) {
                    wire.reply("250 ok");
                } else if (command.equals("QUIT")) {
                    wire.reply("221 bye");
                    return;
                } else {
                    wire.reply("502 5.5.2 not implemented");
                }
            }
        } catch (IOException e) {
            // the client closed or gave up
        } finally {
            open.remove(socket);
        }
    }

    /**
     * Holds the conversation, reading (and ignoring) whatever comes, until the client closes it or the stalls end;
     * then answers {@code answer} if there is one and {@link #endStalls} asked for it. Returns whether it answered.
     */
    private boolean stall(Socket socket, InputStream in, String answer, AtomicInteger stalled) throws IOException {
        if (stallsEnded) {
            return false;
        }
        stalled.incrementAndGet();
        try {
            socket.setSoTimeout(50);
            while (!stallsEnded) {
                try {
                    if (in.read() < 0) {
                        return false; // the client gave up and closed: what the tests look for
                    }
                } catch (SocketTimeoutException e) {
                    // still stalling
                }
            }
            socket.setSoTimeout(0);
            if (answer != null && answerEndedStalls) {
                socket.getOutputStream().write((answer + "\r\n").getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                return true;
            }
            return false;
        } finally {
            stalled.decrementAndGet();
        }
    }

    private void awaitThaw() {
        synchronized (freezer) {
            while (frozen) {
                try {
                    freezer.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Lines in, replies out (a byte at a time if asked). */
    private final class Wire {

        private final InputStream in;
        private final OutputStream out;
        private final boolean trickle;

        Wire(InputStream in, OutputStream out, boolean trickle) {
            this.in = in;
            this.out = out;
            this.trickle = trickle;
        }

        void reply(String... lines) throws IOException {
            for (String line : lines) {
                byte[] bytes = (line + "\r\n").getBytes(StandardCharsets.US_ASCII);
                if (!trickle) {
                    out.write(bytes);
                    continue;
                }
                for (byte b : bytes) {
                    out.write(b);
                    out.flush();
                    sleep(byteDelay);
                }
            }
            out.flush();
        }

        /** A line without its CRLF, or null at the end of the stream. */
        String line() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0) {
                if (b == '\n') {
                    String text = line.toString(StandardCharsets.UTF_8);
                    return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
                }
                line.write(b);
            }
            return null;
        }

        /** The data up to the final dot, un-stuffed; null if the client closed first. */
        String data() throws IOException {
            StringBuilder data = new StringBuilder();
            while (true) {
                String line = line();
                if (line == null) {
                    return null;
                }
                if (line.equals(".")) {
                    return data.toString();
                }
                data.append(line.startsWith("..") ? line.substring(1) : line).append("\r\n");
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // gone
        }
    }
}
