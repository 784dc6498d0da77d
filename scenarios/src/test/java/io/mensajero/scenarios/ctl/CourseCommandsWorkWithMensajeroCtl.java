package io.mensajero.scenarios.ctl;

import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;
import io.mensajero.scenarios.support.Names;

import java.util.List;

import static io.mensajero.scenarios.ctl.CtlRoundTripsUsersVhostsAndPermissions.canOpen;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seven rabbitmqctl commands the course teaches ("RabbitMQ CLI"), written as the course
 * writes them, run by sh with {@code ./mensajero ctl} in place of {@code rabbitmqctl} and the
 * placeholders filled in. The broker shows each took effect: the new user opens the new vhost
 * only once set_permissions ran, and no longer after the vhost or the user is gone.
 */
class CourseCommandsWorkWithMensajeroCtl {
    /** As in the course, one per line. */
    static final List<String> COURSE = List.of(
            "rabbitmqctl status",
            "rabbitmqctl help",
            "rabbitmqctl add_user <username> <password>",
            "rabbitmqctl delete_user <username>",
            "rabbitmqctl add_vhost <vhost>",
            "rabbitmqctl delete_vhost <vhost>",
            "rabbitmqctl set_permissions -p <vhost> <username> \".*\" \".*\" \".*\"");

    @EachBroker
    void theCoursesSevenCommands(BrokerUnderTest broker) {
        String user = Names.unique("course-user");
        String password = "course-secret";
        String vhost = Names.unique("course-vhost");
        try {
            Shell.Run status = run(broker, 0, user, password, vhost);
            assertThat(status.out().get(0)).startsWith("Status of node ");
            assertThat(run(broker, 1, user, password, vhost).out()).anyMatch(l -> l.matches(" +add_user +.*"));

            run(broker, 2, user, password, vhost);
            run(broker, 4, user, password, vhost);
            assertThat(canOpen(broker, user, password, vhost)).as("before set_permissions").isFalse();
            run(broker, 6, user, password, vhost);
            assertThat(canOpen(broker, user, password, vhost)).as("after set_permissions").isTrue();
            assertThat(Ctl.rows(broker, "list_permissions", "-p", vhost)).containsExactly(List.of(user, ".*", ".*", ".*"));

            run(broker, 5, user, password, vhost);
            assertThat(canOpen(broker, user, password, vhost)).as("vhost deleted").isFalse();
            run(broker, 3, user, password, vhost);
            assertThat(Ctl.rows(broker, "list_users", "user")).doesNotContain(List.of(user));
        } finally {
            Ctl.run(broker, "delete_vhost", vhost);
            Ctl.run(broker, "delete_user", user);
        }
    }

    /** The course's line {@code index}, with ./mensajero ctl for rabbitmqctl; it must exit 0. */
    private static Shell.Run run(BrokerUnderTest broker, int index, String user, String password, String vhost) {
        String line = COURSE.get(index).replace("rabbitmqctl", "./mensajero ctl").replace("<username>", user)
                .replace("<password>", password).replace("<vhost>", vhost);
        Shell.Run run = Shell.sh(broker, line);
        assertThat(run.exit()).as("%s: %s", line, run.all()).isZero();
        assertThat(run.all()).doesNotContain("stderr: [mensajero");
        return run;
    }
}
