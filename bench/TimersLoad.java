import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load generator of bench/timers (run by it with java's source launcher on the class path of
 * cli/target/mensajero.jar, which holds amqp-client and Jackson). See bench/timers for what it
 * measures. Clock: System.nanoTime(), CLOCK_MONOTONIC, the same in every process of the machine.
 *
 * Queues, by index i (i % 10): 0-3 x-message-ttl (some of their messages with an expiration of
 * their own, smaller or larger), 4-5 per-message expiration only (the last message of each has
 * none and must stay), 6-7 plain (every message stays), 8-9 x-expires (declared after the others
 * are filled, deleted with their messages, which are not dead-lettered). Every queue dead-letters
 * to the default exchange with routing key timers.dead, consumed with auto-ack by one consumer
 * that notes when each message arrives.
 */
public final class TimersLoad extends Checks {
    public static void main(String[] args) throws Exception {
        TimersLoad t = new TimersLoad();
        for (int i = 0; i + 1 < args.length; i += 2) {
            t.opt.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        t.run();
        System.exit(0);
    }


    void run() throws Exception {
        queues = Integer.parseInt(opt("queues", "100000"));
        messages = Long.parseLong(opt("messages", "1000000"));
        idleNanos = Long.parseLong(opt("idle", "60")) * S;
        pid = Integer.parseInt(opt("pid", null));
        clkTck = Long.parseLong(opt("clk-tck", "100"));
        port = Integer.parseInt(opt("port", null));
        mgmt = opt("management", null);
        rounds = (int) ((messages + queues - 1) / queues);
        long publishEstimateNanos = messages * S / Long.parseLong(opt("rate-estimate", "12000"));
        // every expiry falls after publishing and the idle window (plus margins)
        long baseMs = (idleNanos + publishEstimateNanos) / MS + 20_000;
        long firstExpiryMs = Long.parseLong(opt("first-expiry", String.valueOf(baseMs / 1000))) * 1000;

        int idBound = rounds * queues;
        queueTtlMs = new long[queues];
        expiresMs = new long[queues];
        declaredNanos = new long[queues];
        count = new int[queues];
        publishedNanos = new long[idBound];
        ttlMs = new long[idBound];
        expectedNanos = new long[idBound];
        fate = new byte[idBound];
        arrivedNanos = new long[idBound];
        Arrays.fill(expectedNanos, Long.MAX_VALUE);
        for (int i = 0; i < queues; i++) {
            count[i] = (int) (messages / queues + (i < messages % queues ? 1 : 0));
            int k = i % 10;
            queueTtlMs[i] = k <= 3 ? firstExpiryMs + new long[] {0, 5_000, 10_000, 20_000, 30_000}[(i / 10) % 5] : -1;
            expiresMs[i] = k >= 8 ? idleNanos / MS + 25_000 + 10_000L * ((i / 10) % 4) : -1;
        }

        long[] cpu0 = cpu();
        say("broker: pid " + pid + ", RSS at start " + rssMb("VmRSS") + " MB");
        ConnectionFactory cf = new ConnectionFactory();
        cf.setHost(host);
        cf.setPort(port);
        Connection consumerConn = cf.newConnection("timers-consumer");
        Channel cc = consumerConn.createChannel();
        cc.queueDeclare(DEAD, false, false, false, null);
        cc.queuePurge(DEAD);
        cc.basicQos(2000);
        cc.basicConsume(DEAD, true, new DefaultConsumer(cc) {
            @Override
            public void handleDelivery(String tag, Envelope env, AMQP.BasicProperties props, byte[] body) {
                arrived(System.nanoTime(), props, body);
            }
        });

        long t = System.nanoTime();
        declare(cf, i -> i % 10 < 8);
        say(String.format("declared %d queues (TTL, per-message, plain) in %.1f s", countWhere(i -> i % 10 < 8),
                (System.nanoTime() - t) / 1e9));
        long controlNanos = Long.parseLong(opt("control-idle", "20")) * S;
        if (controlNanos > 0) {
            // the same broker with the queues but no message yet, so no TTL timer: what idling costs without timers
            Thread.sleep(3_000);
            long[] k0 = cpu();
            Thread.sleep(controlNanos / MS);
            long[] k1 = cpu();
            double cs = (k1[0] + k1[1] - k0[0] - k0[1]) / (double) clkTck;
            say(String.format("CONTROL IDLE (those queues, no message, no timer set): %.1f s, broker CPU %.2f s ="
                    + " %.2f%% of a core; RSS %d MB", (k1[2] - k0[2]) / 1e9, cs, 100 * cs / ((k1[2] - k0[2]) / 1e9),
                    rssMb("VmRSS")));
        }
        long t0 = System.nanoTime();
        long firstTargetNanos = t0 + firstExpiryMs * MS;
        long published = publish(cf, i -> i % 10 < 8, firstTargetNanos);
        long t1 = System.nanoTime();
        declare(cf, i -> i % 10 >= 8);
        published += publish(cf, i -> i % 10 >= 8, firstTargetNanos);
        long tp = System.nanoTime();
        say(String.format("published %d messages in %.1f s (%.0f msg/s), with the x-expires queues' %d declares",
                published, (tp - t0) / 1e9, published / ((tp - t0) / 1e9), countWhere(i -> i % 10 >= 8)));
        expectations();

        long firstDue = Long.MAX_VALUE, lastDue = 0;
        for (int id = 0; id < fate.length; id++) {
            if (fate[id] == EXPIRES) {
                firstDue = Math.min(firstDue, expectedNanos[id]);
                lastDue = Math.max(lastDue, expectedNanos[id]);
            }
        }
        for (int i = 0; i < queues; i++) {
            if (expiresMs[i] > 0) {
                firstDue = Math.min(firstDue, declaredNanos[i] + expiresMs[i] * MS);
                lastDue = Math.max(lastDue, declaredNanos[i] + expiresMs[i] * MS);
            }
        }
        long early = arrivals.get();
        say("dead-lettered before the idle window (must be 0): " + early);

        // idle window
        long idleStart = tp + 5 * S;
        long idleEnd = Math.min(idleStart + idleNanos, firstDue - 3 * S);
        if (idleEnd - idleStart < Math.min(10 * S, idleNanos)) {
            say("NO IDLE WINDOW: publishing took longer than --rate-estimate allowed for; run again with a lower one");
            idleEnd = idleStart + S;
        }
        sleepUntil(idleStart);
        say(String.format("RSS after publishing: %d MB", rssMb("VmRSS")));
        long[] c0 = cpu();
        Map<String, long[]> threads0 = threadCpu();
        sleepUntil(idleEnd);
        long[] c1 = cpu();
        Map<String, long[]> threads1 = threadCpu();
        double idleSeconds = (c1[2] - c0[2]) / 1e9;
        double idleCpu = (c1[0] + c1[1] - c0[0] - c0[1]) / (double) clkTck;
        say(String.format("IDLE: %.1f s with nothing due (next expiry %.1f s after), broker CPU %.2f s = %.2f%% of a core"
                        + " (user %.2f s, system %.2f s); RSS %d MB",
                idleSeconds, (firstDue - idleEnd) / 1e9, idleCpu, 100 * idleCpu / idleSeconds,
                (c1[0] - c0[0]) / (double) clkTck, (c1[1] - c0[1]) / (double) clkTck, rssMb("VmRSS")));
        say("  busiest threads while idle: " + busiest(threads0, threads1, 5));

        // the burst: from 2 s before the first due expiry until every expected message arrived
        long burstStart = firstDue - 2 * S;
        sleepUntil(burstStart);
        long[] b0 = cpu();
        Map<String, long[]> bt0 = threadCpu();
        long expected = countFate(EXPIRES);
        Thread poller = new Thread(() -> pollExpiringQueues(), "x-expires-poller");
        List<long[]> queueGone = new ArrayList<>();
        pollerResult = queueGone;
        poller.start();
        long giveUp = lastDue + 60 * S;
        long lastProgress = 0;
        while (System.nanoTime() < giveUp) {
            long got = arrivedExpiring.get();
            if (got >= expected && System.nanoTime() > lastDue) {
                break;
            }
            if (got != lastProgress && System.nanoTime() - lastNote > 10 * S) {
                note(String.format("%d of %d expected dead-letters arrived", got, expected));
                lastNote = System.nanoTime();
            }
            lastProgress = got;
            Thread.sleep(50);
        }
        long burstEnd = System.nanoTime();
        long[] b1 = cpu();
        Map<String, long[]> bt1 = threadCpu();
        poller.join(120_000);
        double burstSeconds = (b1[2] - b0[2]) / 1e9;
        double burstCpu = (b1[0] + b1[1] - b0[0] - b0[1]) / (double) clkTck;
        say(String.format("BURST: %d messages expired and %d queues expired over %.1f s (first due to last arrival):"
                        + " broker CPU %.2f s = %.1f%% of a core, %.1f µs per expired message; peak RSS %d MB",
                arrivalsOfFate(EXPIRES), countWhere(i -> expiresMs[i] > 0), burstSeconds, burstCpu,
                100 * burstCpu / burstSeconds, 1e6 * burstCpu / Math.max(1, arrivalsOfFate(EXPIRES)), rssMb("VmHWM")));
        say("  busiest threads in the burst: " + busiest(bt0, bt1, 5));

        accuracy();
        queueExpiryAccuracy(queueGone);
        Thread.sleep(6_000); // RabbitMQ's management API refreshes queue stats every 5 s
        finalState();
        long[] cEnd = cpu();
        say(String.format("broker CPU over the whole run: %.1f s; load generator done in %.0f s",
                (cEnd[0] + cEnd[1] - cpu0[0] - cpu0[1]) / (double) clkTck, (System.nanoTime() - t) / 1e9));
        consumerConn.abort();
        if (Boolean.parseBoolean(opt("cleanup", "false"))) {
            deleteAll(cf);
        }
    }

    /** Deletes the queues it declared (on a RabbitMQ node that outlives the run). */
    void deleteAll(ConnectionFactory cf) throws Exception {
        try (Connection c = cf.newConnection("timers-cleanup")) {
            Channel ch = c.createChannel();
            for (int i = 0; i < queues; i++) {
                ch.queueDelete(name(i));
            }
            ch.queueDelete(DEAD);
        }
        note("deleted the timers.* queues");
    }


    void declare(ConnectionFactory cf, IntPred which) throws Exception {
        int threads = 4;
        try (Connection c = cf.newConnection("timers-declare")) {
            Thread[] ts = new Thread[threads];
            Exception[] failed = new Exception[1];
            for (int t = 0; t < threads; t++) {
                int part = t;
                Channel ch = c.createChannel();
                ts[t] = new Thread(() -> {
                    try {
                        for (int i = part; i < queues; i += threads) {
                            if (!which.test(i)) {
                                continue;
                            }
                            Map<String, Object> args = new HashMap<>();
                            args.put("x-dead-letter-exchange", "");
                            args.put("x-dead-letter-routing-key", DEAD);
                            if (queueTtlMs[i] >= 0) {
                                args.put("x-message-ttl", queueTtlMs[i]);
                            }
                            if (expiresMs[i] >= 0) {
                                args.put("x-expires", expiresMs[i]);
                            }
                            declaredNanos[i] = System.nanoTime();
                            ch.queueDeclare(name(i), false, false, false, args);
                        }
                    } catch (Exception e) {
                        failed[0] = e;
                    }
                });
                ts[t].start();
            }
            for (Thread t : ts) {
                t.join();
            }
            if (failed[0] != null) {
                throw failed[0];
            }
        }
    }

    /**
     * Publishes the messages of the queues that match, round by round (message r of every queue,
     * then r + 1), from 2 connections with publisher confirms (waited for every 5000). Per-message
     * expirations are set so that they fall due from {@code firstTarget} on.
     */
    long publish(ConnectionFactory cf, IntPred which, long firstTarget) throws Exception {
        int threads = 2;
        Thread[] ts = new Thread[threads];
        Exception[] failed = new Exception[1];
        AtomicLong published = new AtomicLong();
        for (int t = 0; t < threads; t++) {
            int part = t;
            ts[t] = new Thread(() -> {
                SplittableRandom random = new SplittableRandom(42 + part);
                try (Connection c = cf.newConnection("timers-publish-" + part)) {
                    Channel ch = c.createChannel();
                    ch.confirmSelect();
                    int unconfirmed = 0;
                    for (int r = 0; r < rounds; r++) {
                        for (int i = part; i < queues; i += threads) {
                            if (!which.test(i) || r >= count[i]) {
                                continue;
                            }
                            int id = r * queues + i;
                            long own = ownExpiration(i, r, random, firstTarget);
                            AMQP.BasicProperties props = own < 0 ? null
                                    : new AMQP.BasicProperties.Builder().expiration(Long.toString(own)).build();
                            byte[] body = ByteBuffer.allocate(16).putLong(id).putLong(0).array();
                            long ttl = queueTtlMs[i] < 0 ? own : own < 0 ? queueTtlMs[i] : Math.min(own, queueTtlMs[i]);
                            ttlMs[id] = ttl;
                            fate[id] = expiresMs[i] >= 0 ? GOES_WITH_QUEUE : ttl >= 0 ? EXPIRES : LIVES;
                            publishedNanos[id] = System.nanoTime();
                            ch.basicPublish("", name(i), props, body);
                            published.incrementAndGet();
                            if (++unconfirmed == 5000) {
                                ch.waitForConfirmsOrDie(120_000);
                                unconfirmed = 0;
                            }
                        }
                    }
                    ch.waitForConfirmsOrDie(120_000);
                } catch (Exception e) {
                    failed[0] = e;
                }
            });
            ts[t].start();
        }
        for (Thread t : ts) {
            t.join();
        }
        if (failed[0] != null) {
            throw failed[0];
        }
        return published.get();
    }

    /** The message's own expiration in ms, or -1. */
    long ownExpiration(int i, int r, SplittableRandom random, long firstTarget) {
        int k = i % 10;
        long now = System.nanoTime();
        if (k <= 3) {
            if (r % 4 != 1) {
                return -1;
            }
            // one in four: a little shorter than the queue's TTL (it wins) or longer (the queue's wins)
            return queueTtlMs[i] + (random.nextBoolean() ? -4_000 : 4_000);
        }
        if (k <= 5) {
            if (r == count[i] - 1) {
                return -1; // the last one stays (one without expiry earlier would hold all behind it)
            }
            long target = firstTarget + random.nextLong(40 * S);
            return Math.max(0, (target - now) / MS);
        }
        return -1;
    }

    /** Head-only expiry: a message expires when it is at the head and due, so at the latest of its own and those ahead. */
    void expectations() {
        for (int i = 0; i < queues; i++) {
            long ahead = Long.MIN_VALUE;
            for (int r = 0; r < count[i]; r++) {
                int id = r * queues + i;
                if (fate[id] != EXPIRES) {
                    continue;
                }
                long own = publishedNanos[id] + ttlMs[id] * MS;
                ahead = Math.max(ahead, own);
                expectedNanos[id] = ahead;
            }
        }
    }

    void arrived(long now, AMQP.BasicProperties props, byte[] body) {
        if (body.length < 8) {
            unexpected.incrementAndGet();
            return;
        }
        long id = ByteBuffer.wrap(body).getLong();
        if (id < 0 || id >= arrivedNanos.length) {
            unexpected.incrementAndGet();
            return;
        }
        int i = (int) id;
        if (arrivedNanos[i] != 0) {
            duplicates.incrementAndGet();
            return;
        }
        arrivedNanos[i] = now;
        arrivals.incrementAndGet();
        if (fate[i] == EXPIRES) {
            arrivedExpiring.incrementAndGet();
        }
        Object deaths = props.getHeaders() == null ? null : props.getHeaders().get("x-death");
        if (!(deaths instanceof List<?> list) || list.isEmpty() || !(list.get(0) instanceof Map<?, ?> d)
                || !"expired".equals(String.valueOf(d.get("reason")))
                || !name(i % queues).equals(String.valueOf(d.get("queue")))) {
            wrongDeath.incrementAndGet();
        }
    }

}

/** What the load generator knows: options, the queues and messages it made, what arrived; small helpers. */
abstract class LoadState {
    static final String DEAD = "timers.dead";
    static final byte LIVES = 0, EXPIRES = 1, GOES_WITH_QUEUE = 2;
    static final long MS = 1_000_000L, S = 1_000_000_000L;

    final Map<String, String> opt = new HashMap<>();
    int queues, rounds;
    long messages;
    long idleNanos;
    int pid;
    long clkTck;
    String host = "127.0.0.1";
    int port;
    String mgmt;
    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    // per queue
    long[] queueTtlMs;      // x-message-ttl, or -1
    long[] expiresMs;       // x-expires, or -1
    long[] declaredNanos;   // when its declare was sent (x-expires queues)
    int[] count;            // messages it gets
    // per message, id = round * queues + queue
    long[] publishedNanos;
    long[] ttlMs;           // effective TTL (-1: none)
    long[] expectedNanos;   // when it should be dead-lettered (head-only expiry), or Long.MAX_VALUE
    byte[] fate;
    long[] arrivedNanos;
    final AtomicLong arrivals = new AtomicLong();
    final AtomicLong arrivedExpiring = new AtomicLong();
    final AtomicLong unexpected = new AtomicLong();
    final AtomicLong duplicates = new AtomicLong();
    final AtomicLong wrongDeath = new AtomicLong();

    String opt(String name, String dflt) {
        String v = opt.get(name);
        if (v == null && dflt == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return v == null ? dflt : v;
    }

    static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }

    static void note(String line) {
        System.err.println("[" + java.time.LocalTime.now().withNano(0) + "] " + line);
    }


    long lastNote;
    List<Integer> watched = List.of();
    List<long[]> pollerResult;

    interface IntPred {
        boolean test(int i);
    }

    int countWhere(IntPred p) {
        int n = 0;
        for (int i = 0; i < queues; i++) {
            if (p.test(i)) {
                n++;
            }
        }
        return n;
    }

    static String name(int i) {
        String kind = switch (i % 10) {
            case 0, 1, 2, 3 -> "ttl";
            case 4, 5 -> "per";
            case 6, 7 -> "plain";
            default -> "exp";
        };
        return "timers." + kind + "." + i;
    }

    /** Declares the queues that match, from 4 channels at once. */

    long countFate(byte f) {
        long n = 0;
        for (byte b : fate) {
            if (b == f) {
                n++;
            }
        }
        return n;
    }

    long arrivalsOfFate(byte f) {
        long n = 0;
        for (int id = 0; id < fate.length; id++) {
            if (fate[id] == f && arrivedNanos[id] != 0) {
                n++;
            }
        }
        return n;
    }


    static void sleepUntil(long nanos) throws InterruptedException {
        long left;
        while ((left = nanos - System.nanoTime()) > 0) {
            Thread.sleep(Math.max(1, Math.min(1000, left / MS)));
        }
    }
}

/** What it finds: the lateness of expiries, x-expires watched through the management API, the final depths, the broker's /proc. */
abstract class Checks extends LoadState {
    void accuracy() {
        long n = countFate(EXPIRES);
        long[] late = new long[(int) n];
        int k = 0, missing = 0, early = 0, blocked = 0;
        long minLate = Long.MAX_VALUE;
        for (int id = 0; id < fate.length; id++) {
            if (fate[id] != EXPIRES) {
                continue;
            }
            if (expectedNanos[id] > publishedNanos[id] + ttlMs[id] * MS) {
                blocked++;
            }
            if (arrivedNanos[id] == 0) {
                missing++;
                continue;
            }
            long l = arrivedNanos[id] - expectedNanos[id];
            minLate = Math.min(minLate, l);
            if (l < 0) {
                early++;
            }
            late[k++] = l;
        }
        late = Arrays.copyOf(late, k);
        Arrays.sort(late);
        long livedOn = 0;
        for (int id = 0; id < fate.length; id++) {
            if (fate[id] != EXPIRES && publishedNanos[id] != 0 && arrivedNanos[id] != 0) {
                livedOn++;
            }
        }
        say(String.format("ACCURACY (dead-letter arrival minus due time; due = publish + TTL, or the due time of a"
                        + " message ahead in the queue when later): %d expected, %d arrived, %d missing; lateness"
                        + " median %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms; min %.2f ms; early (< 0): %d;"
                        + " held behind a later head: %d",
                n, k, missing, pct(late, 50), pct(late, 99), pct(late, 99.9), k == 0 ? 0 : late[k - 1] / 1e6,
                minLate / 1e6, early, blocked));
        say(String.format("  dead-lettered that should not have been (no TTL, or in an x-expires queue): %d;"
                        + " unknown bodies %d; duplicates %d; x-death not (expired, its queue): %d",
                livedOn, unexpected.get(), duplicates.get(), wrongDeath.get()));
    }

    static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e6;
    }

    /**
     * Watches a sample of the x-expires queues with the management API (a GET does not count as
     * a use) from 100 ms before each is due until it is gone, every 20 ms.
     */
    void pollExpiringQueues() {
        List<Integer> sample = new ArrayList<>();
        watched = sample;
        int want = Integer.parseInt(opt("expires-sample", "200"));
        int total = countWhere(i -> expiresMs[i] > 0);
        int step = Math.max(1, total / want);
        int seen = 0;
        for (int i = 0; i < queues; i++) {
            if (expiresMs[i] > 0 && seen++ % step == 0) {
                sample.add(i);
            }
        }
        sample.sort((a, b) -> Long.compare(declaredNanos[a] + expiresMs[a] * MS, declaredNanos[b] + expiresMs[b] * MS));
        List<Integer> watching = new ArrayList<>();
        int next = 0;
        long giveUp = System.nanoTime() + 600 * S;
        while ((next < sample.size() || !watching.isEmpty()) && System.nanoTime() < giveUp) {
            long now = System.nanoTime();
            while (next < sample.size() && declaredNanos[sample.get(next)] + expiresMs[sample.get(next)] * MS - 100 * MS <= now) {
                watching.add(sample.get(next++));
            }
            // all at once, so that a slow answer does not hold up the others
            long sent = System.nanoTime();
            List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i : watching) {
                answers.add(http.sendAsync(request("/api/queues/%2F/" + URLEncoder.encode(name(i), StandardCharsets.UTF_8)),
                        HttpResponse.BodyHandlers.ofString()));
            }
            long[] answeredAt = new long[answers.size()];
            int[] status = new int[answers.size()];
            for (int w = 0; w < answers.size(); w++) {
                try {
                    status[w] = answers.get(w).join().statusCode();
                } catch (RuntimeException e) {
                    note("management API: " + e);
                }
                answeredAt[w] = System.nanoTime();
            }
            for (int w = answers.size() - 1; w >= 0; w--) {
                int i = watching.get(w);
                if (status[w] == 404) {
                    pollerResult.add(new long[] {i, answeredAt[w], lastAlive.getOrDefault(i, 0L)});
                    watching.remove(w);
                } else if (status[w] == 200) {
                    lastAlive.put(i, sent);
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    final Map<Integer, Long> lastAlive = new HashMap<>();

    HttpRequest request(String path) {
        String auth = Base64.getEncoder().encodeToString("guest:guest".getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(mgmt + path)).header("Authorization", "Basic " + auth)
                .timeout(java.time.Duration.ofSeconds(120)).GET().build();
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(request(path), HttpResponse.BodyHandlers.ofString());
    }

    void queueExpiryAccuracy(List<long[]> gone) {
        long[] late = new long[gone.size()];
        long[] atLeast = new long[gone.size()];
        int early = 0;
        for (int k = 0; k < gone.size(); k++) {
            int i = (int) gone.get(k)[0];
            long due = declaredNanos[i] + expiresMs[i] * MS;
            late[k] = gone.get(k)[1] - due;
            atLeast[k] = gone.get(k)[2] == 0 ? late[k] : Math.min(late[k], gone.get(k)[2] - due);
            if (late[k] < 0) {
                early++;
            }
        }
        Arrays.sort(late);
        Arrays.sort(atLeast);
        say(String.format("QUEUE EXPIRY (x-expires, a sample of %d queues watched every 20 ms with the management"
                        + " API; first 404 answer minus declare + x-expires): %d seen gone; median %.0f ms, p99 %.0f ms,"
                        + " max %.0f ms; early: %d (at least late: the last request that still found it was sent"
                        + " %.0f ms after its due time, median)",
                watched.size(), late.length, pct(late, 50), pct(late, 99), late.length == 0 ? Double.NaN : late[late.length - 1] / 1e6,
                early, pct(atLeast, 50)));
    }

    /** At the end: the x-expires queues are gone, the others are there with what must stay in them. */
    void finalState() throws Exception {
        HttpResponse<String> r = get("/api/queues/%2F?columns=name,messages");
        if (r.statusCode() != 200) {
            say("final state: the management API answered " + r.statusCode());
            return;
        }
        Map<String, Long> depth = new HashMap<>();
        for (JsonNode q : json.readTree(r.body())) {
            depth.put(q.get("name").asText(), q.path("messages").asLong(-1));
        }
        int expiredQueuesLeft = 0, missingQueues = 0, wrongDepth = 0;
        long stayed = 0, shouldStay = 0;
        for (int i = 0; i < queues; i++) {
            Long d = depth.get(name(i));
            if (expiresMs[i] > 0) {
                if (d != null) {
                    expiredQueuesLeft++;
                }
                continue;
            }
            long must = 0;
            for (int rr = 0; rr < count[i]; rr++) {
                if (fate[rr * queues + i] == LIVES) {
                    must++;
                }
            }
            shouldStay += must;
            if (d == null) {
                missingQueues++;
            } else {
                stayed += d;
                if (d != must) {
                    wrongDepth++;
                }
            }
        }
        say(String.format("FINAL: messages that must stay %d, in the queues %d; queues with another depth %d;"
                        + " queues missing %d; x-expires queues left %d (all must be 0 but the first two equal)",
                shouldStay, stayed, wrongDepth, missingQueues, expiredQueuesLeft));
    }

    long[] cpu() throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12]), System.nanoTime()};
    }

    long rssMb(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }

    /** CPU ticks per thread name (threads of the same name added up). */
    Map<String, long[]> threadCpu() {
        Map<String, long[]> m = new HashMap<>();
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path t : (Iterable<Path>) tasks::iterator) {
                try {
                    String stat = Files.readString(t.resolve("stat"));
                    String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
                            .replaceAll("[0-9]+$", "#");
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    m.computeIfAbsent(comm, k -> new long[1])[0] += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                } catch (IOException | RuntimeException e) {
                    // the thread ended
                }
            }
        } catch (IOException e) {
            return m;
        }
        return m;
    }

    String busiest(Map<String, long[]> before, Map<String, long[]> after, int n) {
        List<Map.Entry<String, Long>> d = new ArrayList<>();
        for (var e : after.entrySet()) {
            long b = before.containsKey(e.getKey()) ? before.get(e.getKey())[0] : 0;
            if (e.getValue()[0] - b > 0) {
                d.add(Map.entry(e.getKey(), e.getValue()[0] - b));
            }
        }
        d.sort((a, b) -> Long.compare(b.getValue(), a.getValue()));
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < Math.min(n, d.size()); k++) {
            s.append(k == 0 ? "" : ", ").append(d.get(k).getKey()).append(' ')
                    .append(String.format("%.2f s", d.get(k).getValue() / (double) clkTck));
        }
        return d.isEmpty() ? "none" : s.toString();
    }

}
