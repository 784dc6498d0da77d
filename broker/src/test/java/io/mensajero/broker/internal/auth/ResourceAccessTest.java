package io.mensajero.broker.internal.auth;

import io.mensajero.broker.internal.AmqpException;
import io.mensajero.broker.internal.definitions.DefinitionsStore;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ResourceAccessTest {

    private static AccessControl control() throws Exception {
        AccessControl c = new AccessControl(DefinitionsStore.inMemory(), Set.of("guest"));
        c.putUser(User.withPassword("ana", "pw", List.of()));
        c.putPermission(Permission.of("ana", "/", "^q", "^x", "^q"));
        return c;
    }

    @Test
    void refusalsCarryRabbitMqsText() throws Exception {
        ResourceAccess access = new ResourceAccess(control(), "ana", "/");
        access.configure("queue", "q1");
        AmqpException e = catchThrowableOfType(AmqpException.class, () -> access.configure("queue", "other"));
        assertThat(e.replyText()).isEqualTo("ACCESS_REFUSED - access to queue 'other' in vhost '/' refused for user 'ana'");
        AmqpException d = catchThrowableOfType(AmqpException.class, () -> access.write("exchange", ""));
        assertThat(d.replyText())
                .isEqualTo("ACCESS_REFUSED - access to exchange 'amq.default' in vhost '/' refused for user 'ana'");
    }

    @Test
    void aChannelRemembersChecksThatPassedAsRabbitMqsDoes() throws Exception {
        AccessControl control = control();
        ResourceAccess channel = new ResourceAccess(control, "ana", "/");
        channel.read("queue", "q1");
        control.putPermission(Permission.of("ana", "/", "", "", ""));
        channel.read("queue", "q1");
        assertThat(catchThrowableOfType(AmqpException.class, () -> channel.read("queue", "q2"))).isNotNull();
        assertThat(catchThrowableOfType(AmqpException.class,
                () -> new ResourceAccess(control, "ana", "/").read("queue", "q1"))).isNotNull();
    }

    @Test
    void emptyExpressionMatchesNothingNamed() throws Exception {
        Permission p = Permission.of("u", "/", "", "", "");
        assertThat(p.allows(Permission.Kind.CONFIGURE, "q")).isFalse();
        assertThat(p.allows(Permission.Kind.WRITE, "amq.default")).isFalse();
    }
}
