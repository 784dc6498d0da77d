package io.mensajero.cli.ctl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** Values as rabbitmqctl shows them, RabbitMQ's error reasons on one line, amounts with units. */
class ValuesTest {
    private static JsonNode json(String text) throws IOException {
        return new ObjectMapper().readTree(text);
    }

    @Test
    void tableValuesLookLikeRabbitmqctls() throws IOException {
        assertThat(TableValues.render(json("{\"x-max-length\":10,\"x-queue-type\":\"classic\"}")))
                .isEqualTo("[{\"x-max-length\",10},{\"x-queue-type\",\"classic\"}]");
        assertThat(TableValues.render(json("{}"))).isEqualTo("[]");
        assertThat(TableValues.render(json("[\"management\",\"monitoring\"]"))).isEqualTo("[management, monitoring]");
        assertThat(TableValues.render(json("null"))).isEmpty();
        assertThat(TableValues.render(json("1.0"))).isEqualTo("1.0");
        assertThat(TableValues.render(json("false"))).isEqualTo("false");
        assertThat(TableValues.render(json("{\"capabilities\":{\"a\":true},\"list\":[1,\"x\"]}")))
                .isEqualTo("[{\"capabilities\",[{\"a\",true}]},{\"list\",[1,\"x\"]}]");
        assertThat(TableValues.pairs(json("{\"rabbit@h\":\"running\"}"))).isEqualTo("[{rabbit@h, running}]");
        assertThat(TableValues.protocol(json("\"AMQP 0-9-1\""))).isEqualTo("{0,9,1}");
        assertThat(TableValues.protocol(json("\"MQTT 3.1\""))).isEqualTo("MQTT 3.1");
        assertThat(TableValues.json(json("{\"max-length\":100}"))).isEqualTo("{\"max-length\":100}");
    }

    @Test
    void reasonsBecomeOneReadableLine() throws IOException {
        assertThat(ApiException.describe(json("[\"invalid_regexp\",[40],[[109,105,115,115,105,110,103,32,41],1]]")))
                .isEqualTo("invalid regular expression '(' (missing ) at position 1)");
        assertThat(ApiException.describe(json("\"Validation failed\\n\\npattern should be regular expression but is "
                + "invalid: {&quot;missing )&quot;,1}\\n\""))).isEqualTo(
                        "Validation failed: pattern should be regular expression but is invalid: {\"missing )\",1}");
        assertThat(ApiException.describe(json("[\"no_such_vhost\",\"undefined\"]"))).isEqualTo("no_such_vhost (undefined)");
        assertThat(ApiException.describe(json("\"vhost_or_user_not_found\""))).isEqualTo("vhost_or_user_not_found");
        assertThat(ApiException.describe(null)).isEmpty();
        assertThat(ApiException.of(io.mensajero.client.Text.literal("x"), "GET", 500, "<html>oops</html>").reason()).isEqualTo("<html>oops</html>");
        assertThat(ApiException.of(io.mensajero.client.Text.literal("x"), "POST", 405, "").summary()).isEqualTo("405 POST is not allowed here");
    }

    @Test
    void amountsTakeRabbitMqsUnits() {
        assertThat(Sizes.bytes("1024")).contains(1024L);
        assertThat(Sizes.bytes("2GB")).contains(2_000_000_000L);
        assertThat(Sizes.bytes("2GiB")).contains(2L << 30);
        assertThat(Sizes.bytes("100kiB")).contains(102_400L);
        assertThat(Sizes.bytes("1.5M")).contains(1_572_864L);
        assertThat(Sizes.bytes("50MB")).contains(50_000_000L);
        assertThat(Sizes.bytes("lots")).isEmpty();
        assertThat(Sizes.bytes("5 parsecs")).isEmpty();
        assertThat(Sizes.bytes("-5")).isEmpty();
        assertThat(Sizes.fraction("0.4")).contains(0.4);
        assertThat(Sizes.fraction("-0.1")).isEmpty();
        assertThat(Sizes.fraction("abc")).isEmpty();
    }

    @Test
    void theManagementUrlHoldsCredentialsThatAreNeverShown() {
        ManagementUrl url = ManagementUrl.parse("http://ana:p%40ss@rabbit.example:15672/api/", null, null);
        assertThat(url.username()).isEqualTo("ana");
        assertThat(url.password()).isEqualTo("p@ss");
        assertThat(url.toString()).isEqualTo("http://rabbit.example:15672");
        assertThat(url.api("queues/%2F").toString()).isEqualTo("http://rabbit.example:15672/api/queues/%2F");
        ManagementUrl flags = ManagementUrl.parse("http://ana:x@h:1", "bob", "pw");
        assertThat(flags.username()).isEqualTo("bob");
        assertThat(flags.password()).isEqualTo("pw");
        ManagementUrl plain = ManagementUrl.parse("https://h/rabbitmq", null, null);
        assertThat(plain.username()).isEqualTo("guest");
        assertThat(plain.password()).isEqualTo("guest");
        assertThat(plain.api("overview").toString()).isEqualTo("https://h/rabbitmq/api/overview");
        assertThat(ManagementUrl.withoutUserInfo("ftp://ana:secret@h")).isEqualTo("ftp://h");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> ManagementUrl.parse("ftp://ana:secret@h", null,
                null))).hasMessageContaining("ftp://h").hasMessageNotContaining("secret");
    }
}
