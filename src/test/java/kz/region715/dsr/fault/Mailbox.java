package kz.region715.dsr.fault;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.io.IOException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import kz.region715.dsr.notification.GreenMailResource;

/**
 * The SMTP server of a test (GreenMail through the suite's {@link GreenMailResource}), which can go down and come
 * back on the same port. Mail received before an outage is kept, so counts cover the whole test.
 */
final class Mailbox implements AutoCloseable {

    private static final Pattern CODE = Pattern.compile("#request=[0-9a-f-]{36}&token=[A-Za-z0-9_-]+.*?\\b(\\d{6})\\b",
            Pattern.DOTALL);
    private final GreenMailResource resource = new GreenMailResource();
    private final int port;
    private final List<Received> before = new ArrayList<>();

    /** One received message: its recipients, subject and text. */
    record Received(List<String> to, String subject, String text) {
    }

    Mailbox() {
        Map<String, String> settings = resource.start();
        port = Integer.parseInt(settings.get("quarkus.mailer.port"));
    }

    int port() {
        return port;
    }

    synchronized void stop() {
        before.addAll(current());
        GreenMailResource.stopServer();
    }

    synchronized void start() {
        GreenMailResource.startServer();
    }

    /** Every message received so far, across outages. */
    synchronized List<Received> all() {
        List<Received> all = new ArrayList<>(before);
        all.addAll(current());
        return all;
    }

    List<Received> to(String address) {
        return all().stream().filter(m -> m.to().contains(address)).toList();
    }

    /** Messages per recipient. */
    Map<String, Long> countByRecipient() {
        return all().stream().flatMap(m -> m.to().stream())
                .collect(Collectors.groupingBy(a -> a, Collectors.counting()));
    }

    /** The six-digit code of the newest verification mail to {@code address}, or null before it arrives. */
    String verificationCode(String address) {
        List<Received> mails = to(address);
        for (int i = mails.size() - 1; i >= 0; i--) {
            Matcher code = CODE.matcher(mails.get(i).text());
            if (code.find()) {
                return code.group(1);
            }
        }
        return null;
    }

    private List<Received> current() {
        if (GreenMailResource.server() == null) {
            return List.of();
        }
        return Arrays.stream(GreenMailResource.server().getReceivedMessages()).map(Mailbox::read).toList();
    }

    private static Received read(MimeMessage message) {
        try {
            List<String> to = Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString)
                    .toList();
            return new Received(to, message.getSubject(), text(message));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The decoded text/plain part (the HTML part carries the same link and code). */
    private static String text(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return part.getContent().toString();
        }
        if (part.getContent() instanceof Multipart multipart) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                text.append(text(multipart.getBodyPart(i)));
            }
            return text.toString();
        }
        return "";
    }

    @Override
    public void close() {
        resource.stop();
    }
}
