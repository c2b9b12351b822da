package kz.region715.dsr.hostile;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Sends {@link HttpCall}s with a bounded wait (10 s): through java.net.http (full control over headers, no default
 * Content-Type, chunked bodies of unknown length), or byte for byte on a socket for what a client refuses to send.
 */
final class Wire {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final String host = "localhost";
    private final int port;
    private final HttpClient client;

    Wire(int port) {
        this.port = port;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }

    HttpCall.Answer send(HttpCall call) {
        if (call.transport == HttpCall.Transport.RAW) {
            return raw(call);
        }
        HttpCall.Answer answer = viaClient(call);
        if (answer.status() == 0 && answer.error() == null && call.transport == HttpCall.Transport.CLIENT) {
            // A pooled connection the server had closed after its previous answer (Connection: close) fails a POST
            // without a retry by the client; a second attempt goes on a fresh connection.
            answer = viaClient(call);
        }
        return answer;
    }

    private HttpCall.Answer viaClient(HttpCall call) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + call.target))
                    .timeout(TIMEOUT);
            if (!"anonymous".equals(call.role)) {
                request.header("Authorization", basic(call.role));
            }
            for (String[] h : call.headers) {
                request.header(h[0], h[1]);
            }
            HttpRequest.BodyPublisher body;
            if (call.body == null) {
                body = HttpRequest.BodyPublishers.noBody();
            } else if (call.transport == HttpCall.Transport.CLIENT_CHUNKED) {
                byte[] bytes = call.body;
                body = HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes));
            } else {
                body = HttpRequest.BodyPublishers.ofByteArray(call.body);
            }
            request.method(call.method, body);
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            Map<String, String> headers = new LinkedHashMap<>();
            response.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
            return new HttpCall.Answer(response.statusCode(), headers,
                    new String(response.body(), StandardCharsets.UTF_8), null);
        } catch (HttpTimeoutException e) {
            return new HttpCall.Answer(0, Map.of(), "", "no answer within " + TIMEOUT.toSeconds() + " s (hang)");
        } catch (IOException e) {
            // The server may close the connection on a refused upload; that is no answer, not a failure by itself.
            return new HttpCall.Answer(0, Map.of(), "", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Writes the request line, headers and body as given; reads until the server closes (Connection: close). */
    private HttpCall.Answer raw(HttpCall call) {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        StringBuilder head = new StringBuilder();
        head.append(call.method).append(' ').append(call.target).append(" HTTP/1.1\r\n");
        head.append("Host: ").append(host).append(':').append(port).append("\r\n");
        if (!"anonymous".equals(call.role)) {
            head.append("Authorization: ").append(basic(call.role)).append("\r\n");
        }
        for (String[] h : call.headers) {
            head.append(h[0]).append(": ").append(h[1]).append("\r\n");
        }
        if (call.body != null) {
            head.append("Content-Length: ").append(call.body.length).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        request.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        if (call.body != null) {
            request.writeBytes(call.body);
        }
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(request.toByteArray());
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    received.write(buffer, 0, n);
                    if (complete(received.toByteArray())) {
                        break;
                    }
                }
            } catch (SocketTimeoutException e) {
                if (received.size() == 0) {
                    return new HttpCall.Answer(0, Map.of(), "", "no answer within " + TIMEOUT.toSeconds() + " s (hang)");
                }
                // an answer came but the connection stayed open despite Connection: close: parse what came
            } catch (IOException e) {
                // reset after (part of) an answer
            }
            return parse(received.toByteArray());
        } catch (IOException e) {
            return new HttpCall.Answer(0, Map.of(), "", null);
        }
    }

    /** A whole answer has come (headers and a body of the announced length, or the last chunk). */
    private static boolean complete(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        String head = text.substring(0, end).toLowerCase(Locale.ROOT);
        java.util.regex.Matcher length = java.util.regex.Pattern.compile("\r\ncontent-length:\\s*(\\d+)").matcher(head);
        if (length.find()) {
            return bytes.length - end - 4 >= Integer.parseInt(length.group(1));
        }
        return head.contains("transfer-encoding: chunked") && text.endsWith("0\r\n\r\n");
    }

    static HttpCall.Answer parse(byte[] bytes) {
        if (bytes.length == 0) {
            return new HttpCall.Answer(0, Map.of(), "", null);
        }
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        String head = end < 0 ? text : text.substring(0, end);
        String[] lines = head.split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        int status;
        try {
            status = Integer.parseInt(statusLine[1]);
        } catch (RuntimeException e) {
            return new HttpCall.Answer(0, Map.of(), text, "unreadable answer: " + HttpCall.printable(lines[0], 80));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.merge(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim(), (a, b) -> a + "," + b);
            }
        }
        byte[] rest = end < 0 ? new byte[0] : java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
        if (headers.getOrDefault("transfer-encoding", "").toLowerCase(Locale.ROOT).contains("chunked")) {
            rest = dechunk(rest);
        } else if (headers.containsKey("content-length")) {
            try {
                int length = Integer.parseInt(headers.get("content-length"));
                rest = java.util.Arrays.copyOf(rest, Math.min(length, rest.length));
            } catch (NumberFormatException e) {
                // keep what came
            }
        }
        return new HttpCall.Answer(status, headers, new String(rest, StandardCharsets.UTF_8), null);
    }

    private static byte[] dechunk(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < data.length) {
            int lineEnd = indexOf(data, i);
            if (lineEnd < 0) {
                break;
            }
            String size = new String(data, i, lineEnd - i, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int n;
            try {
                n = Integer.parseInt(size, 16);
            } catch (NumberFormatException e) {
                break;
            }
            if (n == 0) {
                break;
            }
            int start = lineEnd + 2;
            out.write(data, start, Math.min(n, data.length - start));
            i = start + n + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, int from) {
        for (int i = from; i + 1 < data.length; i++) {
            if (data[i] == '\r' && data[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
