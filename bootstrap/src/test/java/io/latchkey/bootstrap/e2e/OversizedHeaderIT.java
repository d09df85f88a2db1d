package io.latchkey.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Requests the HTTP decoder refuses before Spring sees them still get problem+json: written on a raw socket,
 * since an HTTP client library may refuse to send such a request in the first place.
 */
class OversizedHeaderIT extends IntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void givenHeadersOverTheLimit_theServerAnswers431ProblemJsonAndCloses() throws Exception {
        String response = exchange("GET /api/v1/me HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + "a".repeat(9000)
                + "\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 431 ");
        assertThat(response).containsIgnoringCase("content-type: application/problem+json");
        assertThat(response).containsIgnoringCase("connection: close");
        assertThat(body(response))
                .contains("\"type\":\"urn:problem:auth:request-header-fields-too-large\"")
                .contains("\"status\":431")
                .contains("\"detail\":\"The request's header fields are larger than the 8 KB");
    }

    @Test
    void givenManyHeadersTogetherOverTheLimit_theAnswerIsThe431ProblemToo() throws Exception {
        StringBuilder request = new StringBuilder("GET /ping HTTP/1.1\r\nHost: localhost\r\n");
        for (int i = 0; i < 40; i++) {
            request.append("X-Header-").append(i).append(": ").append("b".repeat(250)).append("\r\n");
        }
        String response = exchange(request.append("\r\n").toString());
        assertThat(response).startsWith("HTTP/1.1 431 ");
        assertThat(body(response)).contains("\"status\":431");
    }

    @Test
    void givenRequestLineOverTheLimit_theAnswerIs414ProblemJson() throws Exception {
        String response = exchange("GET /ping?" + "q".repeat(5000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 414 ");
        assertThat(response).containsIgnoringCase("content-type: application/problem+json");
        assertThat(body(response)).contains("\"type\":\"urn:problem:auth:uri-too-long\"");
    }

    @Test
    void givenHeadersUnderTheLimit_theRequestIsServedAsUsual() throws Exception {
        String response = exchange("GET /ping HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nX-Padding: "
                + "a".repeat(6000) + "\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 204 ");
    }

    @Test
    void givenOversizedRequestPipelinedBehindOneBeingHandled_theFirstAnswerOnTheConnectionIsTheFirstRequests()
            throws Exception {
        // Login with an unknown account takes a password hash's time, so the second request's failure is decoded
        // while the first is still being handled.
        String login = "{\"email\":\"nobody-" + System.nanoTime() + "@example.com\",\"password\":\"wrong password\"}";
        String response = exchange("POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + login.length() + "\r\n\r\n" + login
                + "GET /ping HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + "a".repeat(9000) + "\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 401 ");
        assertThat(response.split("HTTP/1.1 431 ", -1)).as("431 answers").hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void givenMalformedContentType_aRequestThatNeedsNoBody_isServedAsUsual() throws Exception {
        for (String contentType : java.util.List.of("x", "text/plain;charset=bogus")) {
            String response = exchange("GET /ping HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    + "Content-Type: " + contentType + "\r\n\r\n");
            assertThat(response).as(contentType).startsWith("HTTP/1.1 204 ");
        }
    }

    private String exchange(String request) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            try {
                in.transferTo(received);
            } catch (SocketTimeoutException quiet) {
                // A connection the server keeps open: what arrived so far is the answer.
            }
            return received.toString(StandardCharsets.UTF_8);
        }
    }

    private static String body(String response) {
        return response.substring(response.indexOf("\r\n\r\n") + 4);
    }
}
