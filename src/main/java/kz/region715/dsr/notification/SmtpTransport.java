package kz.region715.dsr.notification;

import io.vertx.core.MultiMap;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.mailencoder.MailEncoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.jboss.logging.Logger;

/**
 * A bounded SMTP client: one conversation per message on a connection of its own, every step within its limit
 * ({@link SmtpConfig}). A step past its limit closes the connection (a watchdog closes the socket, which also ends
 * a write the relay stopped reading, or a reply trickling in a byte at a time); no connection is ever reused, so a
 * stalled one never serves another message. Before the data's final dot, giving up loses nothing ({@code RETRY});
 * after it, the wait is long and giving up is {@code AMBIGUOUS}. At most {@code dsr.outbox.parallelism}
 * conversations are before their final dot at once (the sender reserves their places before it claims); waiting for the final reply takes no such place, so a relay
 * that stalls after the data never holds other mail back.
 *
 * <p>Why not the Quarkus mailer (Vert.x mail client): it has one idle timeout for the whole connection (no short
 * limit before the data and a long one after it), gives no way to tell a failure before the data from one after it,
 * and Quarkus Mailer sets no connect or idle timeout on it (see docs/operations.md). The message is composed by the
 * same encoder the Quarkus mailer uses (Vert.x {@link MailEncoder}), with the message's own Message-ID.
 */
final class SmtpTransport implements MailTransport {

    private static final Logger LOG = Logger.getLogger(SmtpTransport.class);
    private static final int MAX_LINE = 4096;

    /** Where and how to reach the relay: the {@code quarkus.mailer.*} settings. */
    record Relay(String host, int port, String from, boolean tls, String startTls, String login, String username,
            String password) {
    }

    private final Relay relay;
    private final SmtpConfig limits;
    private final Semaphore conversations;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "smtp-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    SmtpTransport(Relay relay, SmtpConfig limits, int parallelism) {
        this.relay = relay;
        this.limits = limits;
        this.conversations = new Semaphore(parallelism);
    }

    @Override
    public int reserve(int wanted) {
        int got = 0;
        while (got < wanted && conversations.tryAcquire()) {
            got++;
        }
        return got;
    }

    @Override
    public void giveBack(int places) {
        conversations.release(places);
    }

    @Override
    public Outcome send(Envelope mail) {
        String data;
        try {
            data = compose(mail);
        } catch (RuntimeException e) {
            conversations.release();
            return new Outcome(Result.RETRY, "compose:" + e.getClass().getSimpleName());
        }
        try (Conversation conversation = new Conversation()) {
            return conversation.run(mail, data);
        }
    }

    /** The message as it goes over the wire: headers (with its Message-ID) and the text and HTML parts. */
    String compose(Envelope mail) {
        MailMessage message = new MailMessage().setFrom(relay.from()).setTo(mail.to()).setSubject(mail.subject())
                .setText(mail.text()).setHtml(mail.html())
                .setHeaders(MultiMap.caseInsensitiveMultiMap().add("Message-ID", mail.messageId()));
        return new MailEncoder(message, limits.heloName()).encode();
    }

    /** One SMTP conversation; its connection is closed at its end, whatever happened. */
    private final class Conversation implements AutoCloseable {

        private Socket socket;
        private InputStream in;
        private OutputStream out;
        private ScheduledFuture<?> alarm;
        private boolean permitHeld = true;
        /** Set when a step's limit closed the connection. */
        private volatile boolean cut;
        private String step = "connect";

        Outcome run(Envelope mail, String data) {
            boolean dataSent = false;
            try {
                connect();
                step = "greeting";
                Reply greeting = read(limits.greetingTimeout());
                if (!greeting.positive()) {
                    return refused(greeting, false);
                }
                List<String> extensions = hello();
                if (!relay.tls() && wantsStartTls(extensions)) {
                    step = "STARTTLS";
                    Reply ready = command("STARTTLS", limits.commandTimeout());
                    if (!ready.positive()) {
                        return refused(ready, false);
                    }
                    upgrade();
                    extensions = hello();
                }
                authenticate(extensions);
                step = "MAIL FROM";
                Reply from = command("MAIL FROM:<" + address(relay.from()) + ">", limits.commandTimeout());
                if (!from.positive()) {
                    return refused(from, false);
                }
                step = "RCPT TO";
                Reply rcpt = command("RCPT TO:<" + mail.to() + ">", limits.commandTimeout());
                if (!rcpt.positive()) {
                    return refused(rcpt, true);
                }
                step = "DATA";
                Reply go = command("DATA", limits.commandTimeout());
                if (go.code() != 354) {
                    return refused(go, false);
                }
                step = "data";
                arm(limits.commandTimeout());
                out.write(dotStuffed(data));
                out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                dataSent = true;
                releasePermit(); // from here on only the relay's answer is awaited
                step = "final reply";
                Reply accepted = read(limits.finalReplyTimeout());
                if (!accepted.positive()) {
                    return refused(accepted, true);
                }
                quit();
                return Outcome.SENT;
            } catch (IOException | RuntimeException e) {
                cut |= e instanceof SocketTimeoutException;
                String error = e.getClass().getSimpleName() + " at " + step;
                if (dataSent) {
                    LOG.warnf("SMTP: no answer to the data of message %s (%s); it may have been delivered",
                            mail.id(), error);
                    return new Outcome(Result.AMBIGUOUS, error);
                }
                return new Outcome(Result.RETRY, error, cut);
            }
        }

        private void connect() throws IOException {
            Socket plain = new Socket();
            socket = plain;
            arm(limits.connectTimeout());
            plain.connect(new InetSocketAddress(relay.host(), relay.port()), millis(limits.connectTimeout()));
            if (relay.tls()) {
                upgrade();
            } else {
                in = plain.getInputStream();
                out = plain.getOutputStream();
            }
        }

        /** TLS on the open connection (implicit TLS, or after STARTTLS), the relay's name verified. */
        private void upgrade() throws IOException {
            arm(limits.connectTimeout());
            SSLSocket secure = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault())
                    .createSocket(socket, relay.host(), relay.port(), true);
            SSLParameters parameters = secure.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            secure.setSSLParameters(parameters);
            socket = secure;
            secure.setSoTimeout(millis(limits.connectTimeout()));
            secure.startHandshake();
            in = secure.getInputStream();
            out = secure.getOutputStream();
        }

        /** EHLO (HELO if refused); returns the extensions the relay offers. */
        private List<String> hello() throws IOException {
            step = "EHLO";
            Reply ehlo = command("EHLO " + limits.heloName(), limits.commandTimeout());
            if (ehlo.positive()) {
                return ehlo.lines();
            }
            step = "HELO";
            Reply helo = command("HELO " + limits.heloName(), limits.commandTimeout());
            if (!helo.positive()) {
                throw new SmtpRefusal(helo, step);
            }
            return List.of();
        }

        private boolean wantsStartTls(List<String> extensions) {
            String mode = relay.startTls().toUpperCase(Locale.ROOT);
            boolean offered = extensions.stream().anyMatch(l -> l.toUpperCase(Locale.ROOT).startsWith("STARTTLS"));
            if ("REQUIRED".equals(mode) && !offered) {
                throw new IllegalStateException("STARTTLS required but not offered");
            }
            return !"DISABLED".equals(mode) && offered;
        }

        /** AUTH PLAIN, or AUTH LOGIN when the relay offers only that: when required, or when credentials are set. */
        private void authenticate(List<String> extensions) throws IOException {
            String mode = relay.login().toUpperCase(Locale.ROOT);
            boolean credentials = relay.username() != null && !relay.username().isBlank();
            if ("DISABLED".equals(mode) || (!"REQUIRED".equals(mode) && !credentials)) {
                return;
            }
            String auth = extensions.stream().map(l -> l.toUpperCase(Locale.ROOT)).filter(l -> l.startsWith("AUTH"))
                    .findFirst().orElse("");
            if (!credentials || auth.isEmpty()) {
                if ("REQUIRED".equals(mode)) {
                    throw new IllegalStateException("login required but not possible");
                }
                return;
            }
            step = "AUTH";
            Reply done;
            if (auth.contains("PLAIN") || !auth.contains("LOGIN")) {
                done = command("AUTH PLAIN " + base64("\0" + relay.username() + "\0" + relay.password()),
                        limits.commandTimeout());
            } else {
                Reply user = command("AUTH LOGIN", limits.commandTimeout());
                if (user.code() != 334) {
                    throw new SmtpRefusal(user, step);
                }
                Reply password = command(base64(relay.username()), limits.commandTimeout());
                if (password.code() != 334) {
                    throw new SmtpRefusal(password, step);
                }
                done = command(base64(relay.password() == null ? "" : relay.password()), limits.commandTimeout());
            }
            if (!done.positive()) {
                throw new SmtpRefusal(done, step);
            }
        }

        private void quit() {
            try {
                step = "QUIT";
                command("QUIT", limits.commandTimeout());
            } catch (IOException | RuntimeException e) {
                // the mail is sent; how the relay ends the conversation does not matter
            }
        }

        /** A refusal: 5xx to the recipient or the data is permanent; any other is retried. */
        private Outcome refused(Reply reply, boolean permanentIf5xx) {
            String error = "SMTP " + reply.code() + " at " + step;
            if (permanentIf5xx && reply.code() >= 500) {
                return new Outcome(Result.PERMANENT_FAILURE, error);
            }
            return new Outcome(Result.RETRY, error);
        }

        private Reply command(String line, Duration limit) throws IOException {
            arm(limit);
            out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            return read(limit);
        }

        /** Reads one (possibly multi-line) reply within {@code limit}. */
        private Reply read(Duration limit) throws IOException {
            arm(limit);
            socket.setSoTimeout(millis(limit));
            List<String> lines = new ArrayList<>();
            while (true) {
                String line = readLine();
                if (line.length() < 3 || !Character.isDigit(line.charAt(0))) {
                    throw new IOException("malformed reply");
                }
                lines.add(line.length() > 4 ? line.substring(4) : "");
                if (line.length() == 3 || line.charAt(3) != '-') {
                    disarm();
                    return new Reply(Integer.parseInt(line.substring(0, 3)), lines);
                }
            }
        }

        private String readLine() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            while (true) {
                int b = in.read();
                if (b < 0) {
                    throw new java.io.EOFException("connection closed");
                }
                if (b == '\n') {
                    String text = line.toString(StandardCharsets.UTF_8);
                    return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
                }
                if (line.size() >= MAX_LINE) {
                    throw new IOException("reply line too long");
                }
                line.write(b);
            }
        }

        /** Closes the connection when {@code limit} passes before {@link #disarm()} or the next {@code arm}. */
        private void arm(Duration limit) {
            disarm();
            Socket current = socket;
            alarm = watchdog.schedule(() -> {
                cut = true;
                closeQuietly(current);
            }, limit.toMillis(), TimeUnit.MILLISECONDS);
        }

        private void disarm() {
            if (alarm != null) {
                alarm.cancel(false);
                alarm = null;
            }
        }

        private void releasePermit() {
            if (permitHeld) {
                permitHeld = false;
                conversations.release();
            }
        }

        @Override
        public void close() {
            disarm();
            releasePermit();
            closeQuietly(socket);
        }
    }

    /** A refusal in a step that has no outcome of its own (EHLO, AUTH): retried. */
    private static final class SmtpRefusal extends IOException {

        SmtpRefusal(Reply reply, String step) {
            super("SMTP " + reply.code() + " at " + step);
        }
    }

    private record Reply(int code, List<String> lines) {

        boolean positive() {
            return code >= 200 && code < 400;
        }
    }

    /** CRLF line ends, a leading dot doubled (RFC 5321 4.5.2), ending with CRLF. */
    static byte[] dotStuffed(String data) {
        StringBuilder wire = new StringBuilder(data.length() + 64);
        for (String line : data.split("\r?\n", -1)) {
            if (line.startsWith(".")) {
                wire.append('.');
            }
            wire.append(line).append("\r\n");
        }
        if (data.endsWith("\n")) {
            wire.setLength(wire.length() - 2); // the split's last, empty line
        }
        return wire.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The address within {@code "Name <address>"}, or the whole. */
    private static String address(String from) {
        int open = from.lastIndexOf('<');
        int close = from.lastIndexOf('>');
        return open >= 0 && close > open ? from.substring(open + 1, close) : from.strip();
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static int millis(Duration limit) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, limit.toMillis()));
    }

    private static void closeQuietly(Socket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closed already
            }
        }
    }
}
