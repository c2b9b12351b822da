package kz.region715.dsr.support;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Calls sent all at once, each on a thread and a connection of its own. */
public final class Burst {

    private Burst() {
    }

    /** A client address of its own (for X-Forwarded-For), so that a test's calls meet no other test's limit. */
    public static String newClientAddress() {
        UUID random = UUID.randomUUID();
        return "10.%d.%d.%d".formatted(random.hashCode() & 0xff, (random.hashCode() >> 8) & 0xff,
                (random.hashCode() >> 16) & 0xff);
    }

    /** Sends {@code count} requests together and returns the answers in the order of {@code request}'s index. */
    public static List<HttpResponse<String>> atOnce(int count, IntFunction<HttpRequest> request) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(count);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                HttpRequest call = request.apply(i);
                Callable<HttpResponse<String>> send = () -> {
                    try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
                        start.await();
                        return http.send(call, HttpResponse.BodyHandlers.ofString());
                    }
                };
                answers.add(threads.submit(send));
            }
            start.countDown();
            List<HttpResponse<String>> result = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : answers) {
                result.add(answer.get());
            }
            return result;
        } finally {
            threads.shutdownNow();
        }
    }
}
