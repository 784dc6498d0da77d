package io.mensajero.scenarios.console;

import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;
import io.mensajero.scenarios.support.Names;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An administrator adds a user with the management tag and permissions on "/", on the users
 * page and the user's page. That user logs in: sees the queues, but no admin page in the
 * navigation, and an admin page reached by its address says it is for administrators only.
 * When the administrator then deletes the user, the user's session ends with a message.
 */
class AddedUserLogsInButSeesNoAdminPages {

    @EachBroker
    void managementUserHasNoAdminPages(BrokerUnderTest broker) {
        String user = Names.unique("console-user");
        String password = "pw-" + user;
        ManagementApi api = new ManagementApi(ConsoleUnderTest.managementUri(broker));
        try (ConsoleUnderTest console = ConsoleUnderTest.of(broker); Browser admin = Browser.start("en");
             Browser other = Browser.start("en")) {
            admin.open(console.url(), "#/users").login("guest", "guest");
            admin.await("the users", () -> admin.text(By.id("users")).contains("guest"));
            admin.type(By.id("user-name-new"), user);
            admin.click(By.cssSelector("#add-user button[type=submit]"));
            admin.awaitText(By.cssSelector("#add-user .form-msg"), "Some values are not valid");
            assertThat(admin.text(By.cssSelector("#add-user .field-error"))).isEqualTo("Enter a password.");
            admin.type(By.id("user-password-new"), password);
            admin.click(By.xpath("//form[@id='add-user']//button[text()='management']"));
            assertThat(admin.find(By.id("user-tags-new")).getAttribute("value")).isEqualTo("management");
            admin.click(By.cssSelector("#add-user button[type=submit]"));
            admin.awaitText(By.cssSelector("#add-user .form-msg"), "User " + user + " added.");
            admin.await("the new user listed", () -> admin.visible(By.linkText(user)));
            admin.click(By.linkText(user));
            admin.await("the user's page", () -> admin.text(By.cssSelector("#view h1")).equals("User " + user));
            admin.choose(By.id("permission-vhost"), "/");
            admin.click(By.cssSelector("#permission-form button[type=submit]"));
            admin.await("the permission listed", () -> admin.text(By.id("user-permissions")).contains(".*"));

            other.open(console.url(), "").login(user, password);
            other.await("the overview", () -> other.visible(By.cssSelector("[data-total='queues'] .value")));
            assertThat(other.visible(By.cssSelector("#nav a[href='#/queues']"))).isTrue();
            for (String page : new String[] {"users", "vhosts", "permissions", "policies", "definitions"}) {
                assertThat(other.visible(By.cssSelector("#nav a[href='#/" + page + "']"))).as(page + " in the navigation").isFalse();
            }
            other.go("#/users");
            other.awaitText(By.id("not-allowed"), "for administrators only");
            assertThat(other.all(By.id("users"))).as("no users table").isEmpty();
            other.go("#/queues");
            other.await("the queues page works for them", () -> other.visible(By.id("queues")));

            admin.clickAndConfirm(By.xpath("//button[text()='Delete user']"));
            admin.await("back on the users list", () -> admin.text(By.cssSelector("#view h1")).equals("Users"));
            other.awaitText(By.id("login-message"), "Your session ended");
            assertThat(admin.scriptErrors()).isEmpty();
            assertThat(other.scriptErrors()).isEmpty();
        } finally {
            api.deleteUser(user);
        }
    }
}
