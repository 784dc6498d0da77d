package io.mensajero.protocol;

import static io.mensajero.protocol.Values.decode;
import static io.mensajero.protocol.Values.encode;
import static io.mensajero.protocol.Values.normalize;
import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.impl.AMQImpl;
import com.rabbitmq.client.impl.LongStringHelper;
import com.rabbitmq.client.impl.ValueReader;
import com.rabbitmq.client.impl.ValueWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our codec against RabbitMQ's own Java client codec (com.rabbitmq:amqp-client): the same method,
 * table or properties must give the same octets, and each side must read what the other wrote.
 */
class AmqpClientDifferentialTest {

    /** The same method, built with our records and with amqp-client's AMQImpl classes. */
    record Pair(String name, Method ours, com.rabbitmq.client.impl.Method theirs) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Every value type amqp-client writes; ours holds what our reader returns. */
    static Map<String, Object> table(boolean theirs, boolean withBytes) {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("k", text(theirs, "v ü"));
        nested.put("n", -1);
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("longstr", text(theirs, "x-dead-letter-exchange"));
        t.put("utf8", text(theirs, "中文 😀"));
        t.put("int", Integer.MIN_VALUE);
        t.put("long", Long.MAX_VALUE);
        t.put("bool", true);
        t.put("byte", (byte) -128);
        t.put("short", (short) 32767);
        t.put("float", -0.5f);
        t.put("double", Math.PI);
        t.put("decimal", new BigDecimal("123.4567"));
        t.put("timestamp", theirs ? new Date(1_700_000_000_000L) : Instant.ofEpochSecond(1_700_000_000L));
        t.put("void", null);
        t.put("table", nested);
        t.put("array", Arrays.asList(7, text(theirs, "s"), null, nested, List.of(false)));
        if (withBytes) {
            t.put("bytes", new byte[] {0, (byte) 0xFF});
        }
        return t;
    }

    private static Object text(boolean theirs, String s) {
        return theirs ? LongStringHelper.asLongString(s) : LongString.of(s);
    }

    /**
     * amqp-client copies a method's (and the properties') top-level table into a HashMap, so it
     * writes entries in HashMap order; give ours the same order to compare octets.
     */
    static Map<String, Object> inHashMapOrder(Map<String, Object> table) {
        return new LinkedHashMap<>(new HashMap<>(table));
    }

    static Stream<Pair> pairs() {
        Map<String, Object> ours = inHashMapOrder(table(false, false));
        Map<String, Object> theirs = table(true, false);
        byte[] sasl = "\0guest\0guest".getBytes(StandardCharsets.UTF_8);
        return Stream.of(
                new Pair("connection.start", new Connection.Start(0, 9, ours, "PLAIN AMQPLAIN", "en_US"),
                        new AMQImpl.Connection.Start(0, 9, theirs, LongStringHelper.asLongString("PLAIN AMQPLAIN"),
                                LongStringHelper.asLongString("en_US"))),
                new Pair("connection.start-ok", new Connection.StartOk(ours, "PLAIN", sasl, "en_US"),
                        new AMQImpl.Connection.StartOk(theirs, "PLAIN", LongStringHelper.asLongString(sasl),
                                "en_US")),
                new Pair("connection.tune", new Connection.Tune(2047, 131072, 60),
                        new AMQImpl.Connection.Tune(2047, 131072, 60)),
                new Pair("connection.tune-ok", new Connection.TuneOk(65535, 0xFFFFFFFFL, 0),
                        new AMQImpl.Connection.TuneOk(65535, -1, 0)),
                new Pair("connection.open", new Connection.Open("/vhost ñ"),
                        new AMQImpl.Connection.Open("/vhost ñ", "", false)),
                new Pair("connection.open-ok", new Connection.OpenOk(), new AMQImpl.Connection.OpenOk("")),
                new Pair("connection.close", new Connection.Close(320, "CONNECTION_FORCED - bye", 10, 40),
                        new AMQImpl.Connection.Close(320, "CONNECTION_FORCED - bye", 10, 40)),
                new Pair("connection.close-ok", new Connection.CloseOk(), new AMQImpl.Connection.CloseOk()),
                new Pair("connection.blocked", new Connection.Blocked("low on memory"),
                        new AMQImpl.Connection.Blocked("low on memory")),
                new Pair("connection.update-secret", new Connection.UpdateSecret("tok€n", "refresh"),
                        new AMQImpl.Connection.UpdateSecret(LongStringHelper.asLongString("tok€n"), "refresh")),
                new Pair("channel.open", new Channel.Open(), new AMQImpl.Channel.Open("")),
                new Pair("channel.open-ok", new Channel.OpenOk(),
                        new AMQImpl.Channel.OpenOk(LongStringHelper.asLongString(""))),
                new Pair("channel.flow", new Channel.Flow(true), new AMQImpl.Channel.Flow(true)),
                new Pair("channel.close", new Channel.Close(406, "PRECONDITION_FAILED - x", 50, 10),
                        new AMQImpl.Channel.Close(406, "PRECONDITION_FAILED - x", 50, 10)),
                new Pair("access.request", new Access.Request("/data", false, true, false, true, true),
                        new AMQImpl.Access.Request("/data", false, true, false, true, true)),
                new Pair("exchange.declare",
                        new Exchange.Declare("logs", "fanout", false, true, false, true, false, ours),
                        new AMQImpl.Exchange.Declare(0, "logs", "fanout", false, true, false, true, false, theirs)),
                new Pair("exchange.bind", new Exchange.Bind("d", "s", "k.#", true, ours),
                        new AMQImpl.Exchange.Bind(0, "d", "s", "k.#", true, theirs)),
                new Pair("exchange.delete", new Exchange.Delete("logs", true, false),
                        new AMQImpl.Exchange.Delete(0, "logs", true, false)),
                new Pair("queue.declare", new Queue.Declare("task_queue", false, true, true, false, true, ours),
                        new AMQImpl.Queue.Declare(0, "task_queue", false, true, true, false, true, theirs)),
                new Pair("queue.declare-ok", new Queue.DeclareOk("amq.gen-1", 3_000_000_000L, 2),
                        new AMQImpl.Queue.DeclareOk("amq.gen-1", (int) 3_000_000_000L, 2)),
                new Pair("queue.bind", new Queue.Bind("q", "amq.topic", "*.error", false, ours),
                        new AMQImpl.Queue.Bind(0, "q", "amq.topic", "*.error", false, theirs)),
                new Pair("queue.unbind", new Queue.Unbind("q", "amq.topic", "*.error", ours),
                        new AMQImpl.Queue.Unbind(0, "q", "amq.topic", "*.error", theirs)),
                new Pair("queue.purge", new Queue.Purge("hello", true),
                        new AMQImpl.Queue.Purge(0, "hello", true)),
                new Pair("queue.delete", new Queue.Delete("hello", false, true, true),
                        new AMQImpl.Queue.Delete(0, "hello", false, true, true)),
                new Pair("basic.qos", new Basic.Qos(0, 1, true), new AMQImpl.Basic.Qos(0, 1, true)),
                new Pair("basic.consume",
                        new Basic.Consume("task_queue", "ctag", false, true, false, true, ours),
                        new AMQImpl.Basic.Consume(0, "task_queue", "ctag", false, true, false, true, theirs)),
                new Pair("basic.cancel", new Basic.Cancel("ctag", true), new AMQImpl.Basic.Cancel("ctag", true)),
                new Pair("basic.publish", new Basic.Publish("amq.direct", "rk ñ", false, true),
                        new AMQImpl.Basic.Publish(0, "amq.direct", "rk ñ", false, true)),
                new Pair("basic.return", new Basic.Return(312, "NO_ROUTE", "x", "rk"),
                        new AMQImpl.Basic.Return(312, "NO_ROUTE", "x", "rk")),
                new Pair("basic.deliver", new Basic.Deliver("ctag", 1L << 62, true, "logs", "info"),
                        new AMQImpl.Basic.Deliver("ctag", 1L << 62, true, "logs", "info")),
                new Pair("basic.get", new Basic.Get("hello", true), new AMQImpl.Basic.Get(0, "hello", true)),
                new Pair("basic.get-ok", new Basic.GetOk(5, false, "", "hello", 4_294_967_295L),
                        new AMQImpl.Basic.GetOk(5, false, "", "hello", -1)),
                new Pair("basic.get-empty", new Basic.GetEmpty(), new AMQImpl.Basic.GetEmpty("")),
                new Pair("basic.ack", new Basic.Ack(Long.MAX_VALUE, true),
                        new AMQImpl.Basic.Ack(Long.MAX_VALUE, true)),
                new Pair("basic.nack", new Basic.Nack(3, false, true), new AMQImpl.Basic.Nack(3, false, true)),
                new Pair("basic.reject", new Basic.Reject(4, false), new AMQImpl.Basic.Reject(4, false)),
                new Pair("basic.recover", new Basic.Recover(true), new AMQImpl.Basic.Recover(true)),
                new Pair("confirm.select", new Confirm.Select(false), new AMQImpl.Confirm.Select(false)),
                new Pair("confirm.select-nowait", new Confirm.Select(true), new AMQImpl.Confirm.Select(true)),
                new Pair("tx.select", new Tx.Select(), new AMQImpl.Tx.Select()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void weWriteTheSameOctetsAsAmqpClient(Pair p) throws IOException {
        assertThat(encode(p.ours())).isEqualTo(payload(p.theirs()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void weReadWhatAmqpClientWrites(Pair p) throws IOException {
        Method decoded = decode(payload(p.theirs()));
        assertThat(normalize(decoded)).isEqualTo(normalize(p.ours()));
        assertThat(decoded.name()).isEqualTo(p.theirs().protocolMethodName());
        assertThat(decoded.hasContent()).isEqualTo(p.theirs().hasContent());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void amqpClientReadsWhatWeWrite(Pair p) throws IOException {
        com.rabbitmq.client.impl.Method read = AMQImpl.readMethodFrom(input(encode(p.ours())));
        assertThat(read.getClass()).isEqualTo(p.theirs().getClass());
        if (p.ours().getClass().getRecordComponents().length > 0) {
            assertThat(read).isEqualTo(p.theirs()); // amqp-client's equals, field by field
        }
    }

    @Test
    void tablesWithEveryTypeAreWrittenAndReadAlike() throws IOException {
        Map<String, Object> ours = table(false, true);
        Map<String, Object> theirs = table(true, true);
        io.netty.buffer.ByteBuf buf = io.netty.buffer.Unpooled.buffer();
        FieldTable.write(ours, buf);
        byte[] ourBytes = Values.bytes(buf);
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        new ValueWriter(new DataOutputStream(bos)).writeTable(theirs);
        byte[] theirBytes = bos.toByteArray();

        assertThat(ourBytes).isEqualTo(theirBytes);
        assertThat(normalize(FieldTable.read(io.netty.buffer.Unpooled.wrappedBuffer(theirBytes))))
                .isEqualTo(normalize(ours));
        assertThat(normalize(new ValueReader(input(ourBytes)).readTable())).isEqualTo(normalize(ours));
    }

    @Test
    void plainStringsAndObjectArraysAreWrittenAsAmqpClientWritesThem() throws IOException {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("s", "plain ü");
        t.put("a", new Object[] {"x", 1});
        io.netty.buffer.ByteBuf buf = io.netty.buffer.Unpooled.buffer();
        FieldTable.write(t, buf);
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        new ValueWriter(new DataOutputStream(bos)).writeTable(t);
        assertThat(Values.bytes(buf)).isEqualTo(bos.toByteArray());
    }

    @Test
    void unsignedTypesThatNeitherWriterEmitsAreReadAlike() throws IOException {
        byte[] table = Values.longStr(Values.concat(
                Values.shortStr("B"), Values.bytes('B', 200),
                Values.shortStr("u"), Values.bytes('u', 0xFF, 0xFE),
                Values.shortStr("i"), Values.bytes('i', 0xFF, 0xFF, 0xFF, 0xFD),
                Values.shortStr("D"), Values.bytes('D', 255, 0x80, 0, 0, 0)));

        Map<String, Object> ours = FieldTable.read(io.netty.buffer.Unpooled.wrappedBuffer(table));
        Map<String, Object> theirs = new ValueReader(input(table)).readTable();

        assertThat(normalize(ours)).isEqualTo(normalize(theirs));
        assertThat(ours.get("B")).isEqualTo(200);
        assertThat(ours.get("i")).isEqualTo(0xFFFFFFFDL);
    }

    static Stream<Object[]> properties() {
        Map<String, Object> ours = inHashMapOrder(table(false, true));
        Map<String, Object> theirs = table(true, true);
        return Stream.of(
                new Object[] {"all fourteen",
                        new BasicProperties("text/plain", "utf-8", ours, 2, 5, "corr", "reply.q", "1000",
                                "m-1", 1_700_000_000L, "t", "guest", "app", "cl"),
                        new AMQP.BasicProperties("text/plain", "utf-8", theirs, 2, 5, "corr", "reply.q",
                                "1000", "m-1", new Date(1_700_000_000_000L), "t", "guest", "app", "cl")},
                new Object[] {"none", BasicProperties.EMPTY, new AMQP.BasicProperties()},
                new Object[] {"some",
                        new BasicProperties(null, null, null, 1, null, null, "r", null, null, null, null, null,
                                null, "c"),
                        new AMQP.BasicProperties.Builder().deliveryMode(1).replyTo("r").clusterId("c").build()});
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("properties")
    void basicPropertiesAreWrittenAndReadAlike(String name, BasicProperties ours,
            AMQP.BasicProperties theirs) throws IOException {
        byte[] header = theirs.toFrame(1, 77).getPayload();
        byte[] theirRaw = Arrays.copyOfRange(header, 12, header.length);

        assertThat(ours.encode()).isEqualTo(theirRaw);
        assertThat(normalize(BasicProperties.decode(theirRaw))).isEqualTo(normalize(ours));

        byte[] ourHeader = Values.concat(Values.bytes(0, 60, 0, 0, 0, 0, 0, 0, 0, 0, 0, 77),
                ours.encode());
        AMQP.BasicProperties read = (AMQP.BasicProperties) AMQImpl.readContentHeaderFrom(input(ourHeader));
        assertThat(read.getBodySize()).isEqualTo(77);
        assertThat(normalize(getters(read))).isEqualTo(normalize(getters(theirs)));
    }

    private static List<Object> getters(AMQP.BasicProperties p) {
        return Arrays.asList(p.getContentType(), p.getContentEncoding(), p.getHeaders(),
                p.getDeliveryMode(), p.getPriority(), p.getCorrelationId(), p.getReplyTo(),
                p.getExpiration(), p.getMessageId(), p.getTimestamp(), p.getType(), p.getUserId(),
                p.getAppId(), p.getClusterId());
    }

    static byte[] payload(com.rabbitmq.client.impl.Method m) throws IOException {
        return m.toFrame(0).getPayload();
    }

    static DataInputStream input(byte[] bytes) {
        return new DataInputStream(new ByteArrayInputStream(bytes));
    }
}
