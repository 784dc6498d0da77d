package io.mensajero.broker.internal.auth;

import io.mensajero.broker.internal.definitions.DefinitionsStore;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class AccessControlTest {
    private static final InetSocketAddress LOCAL = new InetSocketAddress("127.0.0.1", 40000);
    private static final InetSocketAddress REMOTE = new InetSocketAddress("192.0.2.7", 40000);

    @Test
    void startsWithRabbitMqsDefaultsAndStoresThem() {
        DefinitionsStore store = DefinitionsStore.inMemory();
        AccessControl control = new AccessControl(store, Set.of("guest"));
        assertThat(control.model().user("guest").tags()).containsExactly("administrator");
        assertThat(control.model().canAccess("guest", "/")).isTrue();
        assertThat(store.load("users")).containsKey("guest");
        assertThat(store.load("users").get("guest").toString()).doesNotContain("password=guest");
        assertThat(store.load("permissions")).hasSize(1);
        assertThat(store.load("vhosts")).containsKey("%2F");
    }

    @Test
    void reloadsWhatTheStoreHolds() {
        DefinitionsStore store = DefinitionsStore.inMemory();
        AccessControl first = new AccessControl(store, Set.of("guest"));
        first.putUser(User.withPassword("ana", "pw", List.of("management")));
        first.putVhost(VhostInfo.named("shop"));
        first.putPermission(Permission.full("ana", "shop"));
        first.deleteUser("guest");
        AccessControl second = new AccessControl(store, Set.of("guest"));
        assertThat(second.model().user("guest")).isNull();
        assertThat(second.model().user("ana").checkPassword("pw")).isTrue();
        assertThat(second.model().canAccess("ana", "shop")).isTrue();
        assertThat(second.model().permissions()).hasSize(1);
    }

    @Test
    void deletingAUserOrVhostDropsTheirPermissions() throws Exception {
        AccessControl control = new AccessControl(DefinitionsStore.inMemory(), Set.of());
        control.putUser(User.withPassword("ana", "pw", List.of()));
        control.putVhost(VhostInfo.named("shop"));
        control.putPermission(Permission.full("ana", "shop"));
        control.putTopicPermission(TopicPermission.of("ana", "shop", "amq.topic", ".*", ".*"));
        control.deleteVhost("shop");
        assertThat(control.model().permissions()).noneMatch(p -> p.user().equals("ana"));
        assertThat(control.model().topicPermissions()).isEmpty();
    }

    @Test
    void guestLogsInFromLoopbackOnly() throws Exception {
        AccessControl control = new AccessControl(DefinitionsStore.inMemory(), Set.of("guest"));
        assertThat(control.login("PLAIN", "guest", "guest", LOCAL).name()).isEqualTo("guest");
        AuthenticationException e = catchThrowableOfType(AuthenticationException.class,
                () -> control.login("PLAIN", "guest", "guest", REMOTE));
        assertThat(e.getMessage()).isEqualTo("user 'guest' can only connect via localhost");
        assertThat(catchThrowableOfType(AuthenticationException.class,
                () -> control.login("PLAIN", "guest", "wrong", LOCAL)).getMessage())
                .isEqualTo("invalid credentials for user 'guest'").doesNotContain("wrong");
    }

    @Test
    void definitionsWithAClearPasswordAreHashed() {
        User u = SecurityDefinitions.user(Map.of("name", "bob", "password", "s3cret", "tags", "a, b,,a"));
        assertThat(u.passwordHash()).doesNotContain("s3cret");
        assertThat(u.checkPassword("s3cret")).isTrue();
        assertThat(u.tags()).containsExactly("a", "b");
    }
}
