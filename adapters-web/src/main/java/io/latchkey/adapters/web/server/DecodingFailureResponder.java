package io.latchkey.adapters.web.server;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import org.jspecify.annotations.Nullable;

/**
 * Sits between Netty's HTTP decoder and Reactor Netty's traffic handler. When the decoder gives up on a request's
 * line or headers (headers over the size limit, a request line over its limit, malformed HTTP), Reactor Netty
 * would answer by itself with a bare status and no body, before Spring sees the request. This answers instead,
 * with the same status and an RFC 9457 problem+json body, then closes the connection, as Reactor Netty does:
 * after a decoding failure nothing more on it can be trusted.
 * <p>
 * It does so only while no other request is in flight on the connection (read, its response not yet written).
 * A failure behind a pipelined request, and a failure inside the body of a request already being handled, are
 * left to Reactor Netty, which orders them with the response under way; answering them here could put a second
 * response, or one out of order, on the connection. One instance per connection, used on its event loop only.
 */
final class DecodingFailureResponder extends ChannelDuplexHandler {

    private final DecodingFailureProblems problems;
    private final @Nullable String hsts;
    private boolean failed;
    /** Requests passed on whose final response has not been written yet. */
    private int inFlight;

    DecodingFailureResponder(DecodingFailureProblems problems, @Nullable String hsts) {
        this.problems = problems;
        this.hsts = hsts;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (failed) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (!(msg instanceof HttpRequest request) || !request.decoderResult().isFailure() || inFlight > 0) {
            if (msg instanceof HttpRequest) {
                inFlight++;
            }
            ctx.fireChannelRead(msg);
            return;
        }
        DecoderResult result = request.decoderResult();
        failed = true;
        ReferenceCountUtil.release(msg);
        HttpResponseStatus status = statusFor(result.cause());
        byte[] body = problems.bodyFor(status);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, DecodingFailureProblems.MEDIA_TYPE)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        if (hsts != null) {
            response.headers().set("Strict-Transport-Security", hsts);
        }
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        boolean informational = msg instanceof HttpResponse response
                && response.status().codeClass() == HttpStatusClass.INFORMATIONAL;
        if (msg instanceof LastHttpContent && !informational && inFlight > 0) {
            inFlight--;
        }
        ctx.write(msg, promise);
    }

    static HttpResponseStatus statusFor(Throwable cause) {
        if (cause instanceof TooLongHttpHeaderException) {
            return HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
        }
        if (cause instanceof TooLongHttpLineException) {
            return HttpResponseStatus.REQUEST_URI_TOO_LONG;
        }
        return HttpResponseStatus.BAD_REQUEST;
    }
}
