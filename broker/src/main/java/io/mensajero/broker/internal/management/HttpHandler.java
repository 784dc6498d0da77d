package io.mensajero.broker.internal.management;

import io.mensajero.broker.internal.AmqpException;
import io.mensajero.broker.internal.auth.AccessControl;
import io.mensajero.broker.internal.auth.AuthenticationException;
import io.mensajero.broker.internal.auth.User;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Serves one HTTP connection of the management port: {@code /api/...} (routed, logged in with
 * HTTP basic auth, answered in RabbitMQ's JSON), {@code /metrics} (Prometheus text, no login,
 * as RabbitMQ's prometheus plugin) and static files for everything else. Runs on the management
 * threads; what it needs from the broker comes through {@link BrokerBridge}.
 */
@io.netty.channel.ChannelHandler.Sharable
final class HttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger LOG = LoggerFactory.getLogger(HttpHandler.class);

    private final Router router;
    private final AccessControl access;
    private final Metrics metrics;

    HttpHandler(Router router, AccessControl access, Metrics metrics) {
        this.router = router;
        this.access = access;
        this.metrics = metrics;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
        boolean keepAlive = HttpUtil.isKeepAlive(req);
        boolean head = req.method().equals(HttpMethod.HEAD);
        if (!req.decoderResult().isSuccess()) {
            send(ctx, error(new ApiException(HttpResponseStatus.BAD_REQUEST, "bad_request", "malformed HTTP request")),
                    false, false);
            return;
        }
        QueryStringDecoder uri = new QueryStringDecoder(req.uri());
        String path = uri.rawPath();
        CompletableFuture<ApiResponse> answer;
        try {
            if (path.equals("/api") || path.startsWith("/api/")) {
                answer = api(ctx, req, path, uri.parameters());
            } else if (path.equals("/metrics") || path.startsWith("/metrics/")) {
                answer = metrics.serve(ctx.executor(), path);
            } else {
                answer = CompletableFuture.completedFuture(StaticFiles.serve(req.method(), path));
            }
        } catch (ApiException e) {
            answer = CompletableFuture.completedFuture(error(e));
        }
        answer.whenComplete((response, failure) -> {
            ApiResponse r = failure == null ? response : error(unwrap(failure));
            ctx.executor().execute(() -> send(ctx, r, keepAlive, head));
        });
    }

    private CompletableFuture<ApiResponse> api(ChannelHandlerContext ctx, FullHttpRequest req, String path,
                                               Map<String, List<String>> query) {
        List<String> segments = segments(path);
        Router.Match match = router.match(segments);
        if (match == null) {
            throw ApiException.notFound();
        }
        Router.Handler handler = match.route().handler(req.method());
        if (req.method().equals(HttpMethod.OPTIONS)) {
            return CompletableFuture.completedFuture(ApiResponse.noContent().withHeader("allow", match.route().allow()));
        }
        if (handler == null) {
            throw ApiException.methodNotAllowed(match.route().allow());
        }
        User user = authenticate(ctx, req);
        byte[] body = ByteBufUtil.getBytes(req.content());
        ApiRequest request = new ApiRequest(match.params(), query, body, req.headers(), user, ctx.executor(),
                (java.net.InetSocketAddress) ctx.channel().localAddress(),
                ctx.pipeline().get(io.netty.handler.ssl.SslHandler.class) != null);
        return handler.handle(request);
    }

    /** HTTP basic auth, checked as RabbitMQ's management plugin checks it. */
    private User authenticate(ChannelHandlerContext ctx, FullHttpRequest req) {
        String header = req.headers().get(HttpHeaderNames.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw new ApiException(HttpResponseStatus.UNAUTHORIZED, null, null, challenge());
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw loginFailed();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw loginFailed();
        }
        User user;
        try {
            user = access.login("HTTP basic", decoded.substring(0, colon), decoded.substring(colon + 1),
                    ctx.channel().remoteAddress());
        } catch (AuthenticationException e) {
            LOG.info("management API login refused: {}", e.getMessage());
            if (e.isLoopbackOnly()) {
                throw ApiException.notAuthorised("User can only log in via localhost");
            }
            throw loginFailed();
        }
        if (!user.isManagementUser()) {
            throw ApiException.notAuthorised("Not management user");
        }
        return user;
    }

    private static Map<String, String> challenge() {
        return Map.of("www-authenticate", "Basic realm=\"RabbitMQ Management\"");
    }

    private static ApiException loginFailed() {
        return new ApiException(HttpResponseStatus.UNAUTHORIZED, "not_authorized", "Login failed", challenge());
    }

    /** The path's segments after {@code /}, each percent-decoded ('+' stays '+', as in a path). */
    static List<String> segments(String rawPath) {
        List<String> out = new ArrayList<>();
        String trimmed = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
        for (String s : trimmed.split("/", -1)) {
            try {
                out.add(URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("malformed percent-encoding in the path");
            }
        }
        if (out.size() > 1 && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    private static Throwable unwrap(Throwable t) {
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static ApiResponse error(Throwable failure) {
        if (failure instanceof ApiException e) {
            return error(e);
        }
        if (failure instanceof AmqpException e) {
            return error(ApiException.badRequest(e.replyText()));
        }
        LOG.error("management API: internal error", failure);
        return error(new ApiException(HttpResponseStatus.INTERNAL_SERVER_ERROR, "internal_server_error",
                String.valueOf(failure.getMessage())));
    }

    private static ApiResponse error(ApiException e) {
        Object body = null;
        if (e.error() != null) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("error", e.error());
            m.put("reason", e.reason());
            body = m;
        }
        return new ApiResponse(e.status(), body, null, null, e.headers());
    }

    private static void send(ChannelHandlerContext ctx, ApiResponse r, boolean keepAlive, boolean head) {
        byte[] body;
        String type;
        if (r.raw() != null) {
            body = r.raw();
            type = r.contentType();
        } else if (r.json() != null) {
            body = Json.write(r.json());
            type = "application/json";
        } else {
            body = new byte[0];
            type = null;
        }
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, r.status(),
                head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body));
        if (type != null) {
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, type);
        }
        response.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-cache");
        r.headers().forEach((k, v) -> response.headers().set(k, v));
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        if (keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            ctx.writeAndFlush(response);
        } else {
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("management connection {}: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
