package io.mensajero.scenarios.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Users and vhosts a scenario makes through the management API (so the same steps work on both
 * brokers), with unique names, removed again when the scenario ends.
 */
public final class TestUsers implements AutoCloseable {
    private final ManagementApi api;
    private final List<String> users = new ArrayList<>();
    private final List<String> vhosts = new ArrayList<>();

    public TestUsers(ManagementApi api) {
        this.api = api;
    }

    public ManagementApi api() {
        return api;
    }

    /** A new user with a unique name, the password and the tags (comma-separated); returns its name. */
    public String user(String prefix, String password, String tags) {
        String name = Names.unique(prefix);
        expect(api.put("/api/users/" + ManagementApi.enc(name), Map.of("password", password, "tags", tags)), 201);
        users.add(name);
        return name;
    }

    /** A new vhost with a unique name; returns its name. */
    public String vhost(String prefix) {
        String name = Names.unique(prefix);
        expect(api.put("/api/vhosts/" + ManagementApi.enc(name), Map.of()), 201);
        vhosts.add(name);
        return name;
    }

    public void permit(String user, String vhost, String configure, String write, String read) {
        ManagementApi.Response r = api.put("/api/permissions/" + ManagementApi.enc(vhost) + "/" + ManagementApi.enc(user),
                Map.of("configure", configure, "write", write, "read", read));
        if (r.status() != 201 && r.status() != 204) {
            throw new AssertionError("set_permissions failed: " + r.status() + " " + r.body());
        }
    }

    private static void expect(ManagementApi.Response r, int status) {
        if (r.status() != status) {
            throw new AssertionError("expected " + status + ", got " + r.status() + " " + r.body());
        }
    }

    @Override
    public void close() {
        for (String u : users) {
            api.delete("/api/users/" + ManagementApi.enc(u));
        }
        for (String v : vhosts) {
            api.delete("/api/vhosts/" + ManagementApi.enc(v));
        }
    }
}
