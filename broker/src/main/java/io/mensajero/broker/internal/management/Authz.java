package io.mensajero.broker.internal.management;

import io.mensajero.broker.internal.AmqpException;
import io.mensajero.broker.internal.auth.AccessControl;
import io.mensajero.broker.internal.auth.ResourceAccess;
import io.mensajero.broker.internal.auth.SecurityModel;
import io.mensajero.broker.internal.auth.User;
import io.mensajero.protocol.ReplyCode;
import io.netty.handler.codec.http.HttpResponseStatus;

import java.util.List;

/**
 * Who may see and do what in the management API, as RabbitMQ's management plugin decides: the
 * administrator tag for users, vhosts, permissions and definitions; monitoring to see every vhost
 * and connection; a management user sees the vhosts it has permissions in and its own
 * connections; operations on queues and exchanges are also checked against the user's AMQP
 * permissions. And how AMQP refusals become HTTP answers.
 */
final class Authz {
    private Authz() {
    }

    static SecurityModel model(BrokerBridge bridge) {
        return bridge.broker().access().model();
    }

    /** The vhost must exist (else 404) and the user may use it (else 401). */
    static void vhost(BrokerBridge bridge, ApiRequest r, String vhost, boolean reading) {
        SecurityModel m = model(bridge);
        if (m.vhost(vhost) == null) {
            throw ApiException.notFound();
        }
        User u = r.user();
        boolean allowed = u.isAdministrator() || (reading && u.isMonitor()) || m.canAccess(u.name(), vhost);
        if (!allowed) {
            throw ApiException.notAuthorised("User not authorised to access virtual host");
        }
    }

    /**
     * The vhosts a list covers: the one in the path (which must exist and be the user's to read),
     * or, without one, every vhost the user sees.
     */
    static List<String> scope(BrokerBridge bridge, ApiRequest r) {
        if (r.hasParam("vhost")) {
            vhost(bridge, r, r.param("vhost"), true);
            return List.of(r.param("vhost"));
        }
        return visibleVhosts(bridge, r);
    }

    /** The vhosts whose objects the user sees: all for administrators and monitors. */
    static List<String> visibleVhosts(BrokerBridge bridge, ApiRequest r) {
        return model(bridge).visibleVhosts(r.user());
    }

    /** Connections and channels: monitors see all, others only their own. */
    static boolean seesConnectionsOf(ApiRequest r, String owner) {
        return r.user().isMonitor() || r.user().name().equals(owner);
    }

    /** The user's AMQP permissions in a vhost, for operations the API performs on its behalf. */
    static ResourceAccess resources(AccessControl access, ApiRequest r, String vhost) {
        return new ResourceAccess(access, r.user().name(), vhost);
    }

    /**
     * An AMQP refusal of a declare or delete as RabbitMQ's API answers it: 403 is 401 "Access
     * refused.", 404 is 404 with the text, 405 (locked) and 406 (inequivalent) are 400 with it.
     */
    static ApiException declareError(AmqpException e) {
        if (e.replyCode() == ReplyCode.ACCESS_REFUSED) {
            return ApiException.notAuthorised("Access refused.");
        }
        return amqpError(e);
    }

    /** Other AMQP refusals: 404 not_found or 400 bad_request with RabbitMQ's text (without the code's name). */
    static ApiException amqpError(AmqpException e) {
        String text = e.getMessage();
        if (e.replyCode() == ReplyCode.NOT_FOUND) {
            return new ApiException(HttpResponseStatus.NOT_FOUND, "not_found", text);
        }
        if (e.replyCode() == ReplyCode.ACCESS_REFUSED) {
            return ApiException.notAuthorised(e.replyText());
        }
        return ApiException.badRequest(text);
    }
}
