package io.latchkey.bootstrap.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The status a URL answers with, or -1 while nothing answers: for tests that wait on a process. */
public final class HttpProbe {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private HttpProbe() {
    }

    public static int status(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(8)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception nothingAnswers) {
            return -1;
        }
    }
}
