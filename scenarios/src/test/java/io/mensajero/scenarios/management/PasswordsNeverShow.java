package io.mensajero.scenarios.management;

import com.rabbitmq.client.ConnectionFactory;
import io.mensajero.cli.process.Participant;
import io.mensajero.cli.process.ParticipantEvent;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;
import io.mensajero.scenarios.support.ManagementApi;
import io.mensajero.scenarios.support.Names;
import io.mensajero.scenarios.support.TestUsers;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Passwords never show: the API lists users and exports definitions with salted hashes only, and
 * Mensajero's broker logs logins refused and accepted (AMQP and HTTP) without the passwords tried.
 */
class PasswordsNeverShow {

    @EachBroker
    void apiShowsHashesOnly(BrokerUnderTest broker) {
        ManagementApi api = ManagementApi.of(broker);
        String password = Names.unique("Secret-Password");
        try (TestUsers t = new TestUsers(api)) {
            String user = t.user("secretive", password, "management");
            String hash = api.get("/api/users/" + user).json().get("password_hash").asText();
            assertThat(hash).isNotEmpty().doesNotContain(password);
            for (String path : new String[] {"/api/users", "/api/users/" + user, "/api/definitions",
                    "/api/users/without-permissions"}) {
                assertThat(api.get(path).body()).as(path).contains(user).doesNotContain(password);
            }
            assertThat(api.as(user, password).get("/api/whoami").status()).isEqualTo(200);
        }
    }

    @Test
    void mensajerosLogNeverHasThem() throws Exception {
        String password = Names.unique("Secret-Password");
        String wrong = Names.unique("Wrong-Password");
        try (Participant broker = Participant.start("broker", "--port", "0", "--management-port", "0")) {
            ParticipantEvent ready = broker.awaitEvent("ready", Duration.ofSeconds(60));
            int port = (int) ready.number("port");
            ManagementApi api = ManagementApi.at("http://127.0.0.1:" + ready.number("managementPort"));
            String user = Names.unique("logged");
            assertThat(api.put("/api/users/" + user, Map.of("password", password, "tags", "management")).status())
                    .isEqualTo(201);
            assertThat(api.put("/api/permissions/%2F/" + user, Map.of("configure", ".*", "write", ".*", "read", ".*"))
                    .status()).isEqualTo(201);
            assertThat(api.as(user, wrong).get("/api/whoami").status()).isEqualTo(401);
            ConnectionFactory f = new ConnectionFactory();
            f.setPort(port);
            f.setUsername(user);
            f.setPassword(wrong);
            assertThat(catchThrowable(f::newConnection)).isNotNull();
            f.setPassword(password);
            f.newConnection().close();
            assertThat(api.delete("/api/users/" + user).status()).isEqualTo(204);
            broker.interrupt();
            assertThat(broker.waitFor(Duration.ofSeconds(20))).isZero();
            String everything = broker.stderr() + String.join("\n", broker.otherLines())
                    + broker.events().toString();
            assertThat(everything).contains(user).doesNotContain(password).doesNotContain(wrong);
        }
    }
}
