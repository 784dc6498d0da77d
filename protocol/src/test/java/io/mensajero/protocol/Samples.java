package io.mensajero.protocol;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One instance of every method with non-trivial values, and a table with every value type. */
final class Samples {
    private Samples() {
    }

    /** A table with every type our writer emits, in the form our reader returns them. */
    static Map<String, Object> richTable() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("depth", 2);
        nested.put("name", LongString.of("naïve 中文 😀"));
        nested.put("empty", new LinkedHashMap<>());
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("longstr", LongString.of("x-dead-letter-exchange"));
        t.put("utf8 key ü", LongString.of("ünïcödé 😀"));
        t.put("int", -123456789);
        t.put("long", Long.MIN_VALUE + 7);
        t.put("bool", true);
        t.put("false", false);
        t.put("byte", (byte) -7);
        t.put("short", (short) -30000);
        t.put("float", 3.25f);
        t.put("double", -1.0e300);
        t.put("decimal", new BigDecimal("-12345.678"));
        t.put("timestamp", Instant.ofEpochSecond(1_700_000_000L));
        t.put("bytes", new byte[] {0, 1, (byte) 0xFF, (byte) 0xCE});
        t.put("void", null);
        t.put("table", nested);
        t.put("array", new ArrayList<>(Arrays.asList(1, LongString.of("two"), null, 3.0,
                List.of(List.of((byte) 4), Map.of("five", 5L)), new byte[] {6}, false)));
        t.put("", LongString.of("empty key"));
        return t;
    }

    static String longName(char c, int octets) {
        return String.valueOf(c).repeat(octets);
    }

    /** Exactly 255 octets of UTF-8 mixing 1-, 2-, 3- and 4-octet characters. */
    static String maxShortStr() {
        String s = "aé中😀".repeat(25); // 25 * (1 + 2 + 3 + 4) = 250 octets
        s += "abcde";
        if (s.getBytes(StandardCharsets.UTF_8).length != 255) {
            throw new AssertionError();
        }
        return s;
    }

    static List<Method> allMethods() {
        Map<String, Object> t = richTable();
        byte[] sasl = "\0guest\0gu€st".getBytes(StandardCharsets.UTF_8);
        String longText = "long string ".repeat(1000) + "ümlaut";
        return List.of(
                new Connection.Start(0, 9, t, "PLAIN AMQPLAIN EXTERNAL", "en_US es_ES"),
                new Connection.StartOk(t, "PLAIN", sasl, "es_ES"),
                new Connection.Secure(new byte[] {1, 2, 3, 0, (byte) 0xFF}),
                new Connection.SecureOk(new byte[] {(byte) 0xCE, 0, 9}),
                new Connection.Tune(2047, 131072, 60),
                new Connection.TuneOk(65535, 0xFFFFFFFFL, 65535),
                new Connection.Open("/staging vhost ñ"),
                new Connection.OpenOk(),
                new Connection.Close(320, "CONNECTION_FORCED - broker forced connection closure", 60, 40),
                new Connection.CloseOk(),
                new Connection.Blocked("low on memory"),
                new Connection.Unblocked(),
                new Connection.UpdateSecret(longText, "token refresh"),
                new Connection.UpdateSecretOk(),
                new Channel.Open(),
                new Channel.OpenOk(),
                new Channel.Flow(true),
                new Channel.FlowOk(true),
                new Channel.Close(404, "NOT_FOUND - no queue 'hello' in vhost '/'", 50, 10),
                new Channel.CloseOk(),
                new Access.Request("/data", true, false, true, false, true),
                new Access.RequestOk(1),
                new Exchange.Declare("business_events", "topic", false, true, true, false, true, t),
                new Exchange.DeclareOk(),
                new Exchange.Delete("logs", true, true),
                new Exchange.DeleteOk(),
                new Exchange.Bind("dest", "src", "order.*.created", true, t),
                new Exchange.BindOk(),
                new Exchange.Unbind("dest", "src", "#", true, t),
                new Exchange.UnbindOk(),
                new Queue.Declare(maxShortStr(), false, true, false, true, false, t),
                new Queue.DeclareOk("amq.gen-JzTY20BRgKO-HjmUJj0wLg", 4_000_000_000L, 3),
                new Queue.Bind("task_queue", "amq.direct", "task", true, t),
                new Queue.BindOk(),
                new Queue.Purge("hello", true),
                new Queue.PurgeOk(0xFFFFFFFFL),
                new Queue.Delete("hello", true, false, true),
                new Queue.DeleteOk(42),
                new Queue.Unbind("q", "amq.topic", "a.b.c", t),
                new Queue.UnbindOk(),
                new Basic.Qos(0xFFFFFFFFL, 65535, true),
                new Basic.QosOk(),
                new Basic.Consume("task_queue", "amq.ctag-xyz", true, false, true, false, t),
                new Basic.ConsumeOk("amq.ctag-xyz"),
                new Basic.Cancel("amq.ctag-xyz", true),
                new Basic.CancelOk("amq.ctag-xyz"),
                new Basic.Publish("", "hello", true, false),
                new Basic.Return(312, "NO_ROUTE", "amq.topic", "no.such.key"),
                new Basic.Deliver("ctag-1", Long.MAX_VALUE, true, "logs", "info.ünï"),
                new Basic.Get("hello", true),
                new Basic.GetOk(-1L, true, "", "hello", 0xFFFFFFFFL),
                new Basic.GetEmpty(),
                new Basic.Ack(1L << 40, true),
                new Basic.Reject(77, true),
                new Basic.RecoverAsync(true),
                new Basic.Recover(true),
                new Basic.RecoverOk(),
                new Basic.Nack(99, true, false),
                new Confirm.Select(true),
                new Confirm.SelectOk(),
                new Tx.Select(),
                new Tx.SelectOk(),
                new Tx.Commit(),
                new Tx.CommitOk(),
                new Tx.Rollback(),
                new Tx.RollbackOk());
    }
}
