package io.latchkey.adapters.web.server;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import org.jspecify.annotations.Nullable;

/**
 * Sits between Netty's HTTP decoder and Reactor Netty's traffic handler. When the decoder gives up on a request
 * (headers over the size limit, a request line over its limit, malformed HTTP), Reactor Netty would answer by
 * itself with a bare status and no body, before Spring sees the request. This answers instead, with the same
 * status and an RFC 9457 problem+json body, then closes the connection, as Reactor Netty does: after a decoding
 * failure nothing more on it can be trusted. One instance per connection.
 */
final class DecodingFailureResponder extends ChannelInboundHandlerAdapter {

    private final DecodingFailureProblems problems;
    private final @Nullable String hsts;
    private boolean failed;

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
        DecoderResult result = msg instanceof HttpObject http ? http.decoderResult() : DecoderResult.SUCCESS;
        if (!result.isFailure()) {
            ctx.fireChannelRead(msg);
            return;
        }
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
