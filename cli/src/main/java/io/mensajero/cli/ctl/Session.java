package io.mensajero.cli.ctl;

import io.mensajero.cli.Errors;
import io.mensajero.client.Text;
import com.fasterxml.jackson.databind.JsonNode;
import io.mensajero.client.Failure;
import io.mensajero.client.MensajeroException;

import java.util.Map;
import java.util.function.Supplier;

/**
 * What one command runs with: the management API, the output, the vhost ({@code -p}); and the
 * questions several commands ask when the API says 404 or 400: does the vhost, the user exist?
 */
record Session(ManagementClient api, Output out, String vhost) {

    static String vhostPath(String vhost) {
        return "vhosts/" + ManagementClient.segment(vhost);
    }

    static String userPath(String user) {
        return "users/" + ManagementClient.segment(user);
    }

    boolean vhostExists(String name) {
        return api.find(Text.of("ctl.op.lookUpVhost", name), vhostPath(name)).isPresent();
    }

    boolean userExists(String name) {
        return api.find(Text.of("ctl.op.lookUpUser", name), userPath(name)).isPresent();
    }

    /** The user as the API has it (tags, password hash); exit 6 when there is none. */
    JsonNode user(String name) {
        return api.find(Text.of("ctl.op.lookUpUser", name), userPath(name)).orElseThrow(() -> noSuchUser(name));
    }

    /** DELETE; when there is nothing to delete (404), the failure {@code whenMissing} makes. */
    void delete(Text what, String path, Supplier<MensajeroException> whenMissing) {
        try {
            api.delete(what, path, Map.of());
        } catch (ApiException e) {
            throw e.status() == 404 ? whenMissing.get() : e.refused();
        }
    }

    /** Exit 5, as rabbitmqctl says it. */
    static MensajeroException noSuchVhost(String name) {
        return Errors.failure(Failure.ACCESS_REFUSED, Text.of("ctl.error.noSuchVhost", name), null);
    }

    static MensajeroException noSuchUser(String name) {
        return Errors.failure(Failure.BROKER_REFUSED, Text.of("ctl.error.noSuchUser", name), null);
    }

    /**
     * A 404 or 400 about something in a vhost: the vhost's absence if it is absent, else the
     * user's if one is named and absent, else the API's own answer.
     */
    MensajeroException explain(ApiException e, String vhostName, String userName) {
        if (vhostName != null && !vhostExists(vhostName)) {
            return noSuchVhost(vhostName);
        }
        if (userName != null && !userExists(userName)) {
            return noSuchUser(userName);
        }
        return e.refused();
    }
}
