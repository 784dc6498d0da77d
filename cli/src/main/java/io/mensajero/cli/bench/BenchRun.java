package io.mensajero.cli.bench;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.mensajero.cli.bench.consumers.ConsumerAgent;
import io.mensajero.cli.bench.model.BenchSettings;
import io.mensajero.cli.bench.model.QueuePlan;
import io.mensajero.cli.bench.model.RunControl;
import io.mensajero.cli.bench.output.BenchOutput;
import io.mensajero.cli.bench.producers.ProducerAgent;
import io.mensajero.cli.bench.stats.Aggregator;
import io.mensajero.cli.bench.stats.Counter;
import io.mensajero.cli.bench.stats.LatencyRecorders;
import io.mensajero.cli.bench.stats.ProducerStats;
import io.mensajero.cli.bench.stats.Summary;
import io.mensajero.client.ConnectionSettings;
import io.mensajero.client.Text;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * One run: declares what PerfTest would, opens a connection per consumer (each with its own
 * dispatch thread) and per producer (each with its own publishing thread), then samples every
 * interval until the time limit, the message counts, a stop request or a failure, and reports.
 */
final class BenchRun {
    private static final int CLOSE_TIMEOUT_MILLIS = 5_000;
    /** How long producers get to finish their last publish after the stop (one blocked by flow control is cut off by the close). */
    private static final long JOIN_MILLIS = 2_000;

    private final BenchSettings settings;
    private final ConnectionSettings connection;
    private final BenchOutput output;
    private final RunControl control;
    private final List<Connection> connections = new ArrayList<>();
    private final List<ExecutorService> dispatchers = new ArrayList<>();

    BenchRun(BenchSettings settings, ConnectionSettings connection, BenchOutput output) {
        this.settings = settings;
        this.connection = connection;
        this.output = output;
        int limited = (settings.producerMessageCount() > 0 ? settings.producers() : 0)
                + (settings.consumerMessageCount() > 0 ? settings.consumers() : 0);
        this.control = new RunControl(limited);
    }

    /** Stops the run at its next interval; thread-safe (the signal handler calls it). */
    void stop(String reason) {
        control.stop(reason);
    }

    Summary run() throws InterruptedException {
        try {
            long setupStart = System.nanoTime();
            declareUpFront();
            LatencyRecorders latencies = new LatencyRecorders(settings.consumers());
            List<Counter> received = startConsumers(latencies);
            List<ProducerStats> producerStats = new ArrayList<>();
            List<Thread> producers = startProducers(producerStats);
            output.started(settings, connection.uri(), (System.nanoTime() - setupStart) / 1_000_000);

            long start = System.nanoTime();
            Aggregator aggregator = new Aggregator(producerStats, received, latencies, start);
            producers.forEach(Thread::start);
            if (!settings.limited() && settings.producers() + settings.consumers() == 0) {
                control.stop("nothing to do");
            }
            sampleUntilEnd(aggregator, start);
            long end = Math.max(start, control.stoppedAtNanos());
            long joinDeadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(JOIN_MILLIS);
            for (Thread p : producers) {
                p.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(joinDeadline - System.nanoTime())));
            }
            closeAll(); // after this no delivery is being counted, so the last sample's counts and latencies agree
            aggregator.sample(end);
            if (control.failure() != null) {
                throw control.failure();
            }
            return aggregator.summary(end, control.reason());
        } finally {
            control.stop("closing");
            closeAll();
        }
    }

    private void sampleUntilEnd(Aggregator aggregator, long start) throws InterruptedException {
        long intervalNanos = settings.interval().toNanos();
        long deadline = settings.duration() == null ? Long.MAX_VALUE : start + settings.duration().toNanos();
        long nextTick = start + intervalNanos;
        while (true) {
            long now = System.nanoTime();
            long until = Math.min(nextTick, deadline);
            if (control.awaitEnd(until - now)) {
                return;
            }
            now = System.nanoTime();
            boolean last = now >= deadline;
            if (last) {
                control.stop("time limit"); // before printing, so the run's length is not stretched by the output
            }
            if (now >= nextTick) {
                output.sample(aggregator.sample(now));
                nextTick += intervalNanos;
                while (nextTick <= now) {
                    nextTick += intervalNanos;
                }
            }
            if (last) {
                return;
            }
        }
    }

    private void declareUpFront() {
        Connection setup = open("mensajero-bench setup", null);
        Channel channel = channel(setup);
        declareExchange(channel);
        for (String queue : settings.queues().declaredUpFront(settings.consumers())) {
            declareQueue(channel, queue);
        }
    }

    private List<Counter> startConsumers(LatencyRecorders latencies) {
        QueuePlan plan = settings.queues();
        List<Counter> counters = new ArrayList<>();
        for (int i = 0; i < settings.consumers() && !control.stopping(); i++) {
            ExecutorService dispatch = Executors.newSingleThreadExecutor(daemon("mensajero-bench-consumer-" + (i + 1)));
            dispatchers.add(dispatch);
            Channel channel = channel(open("mensajero-bench consumer " + (i + 1), dispatch));
            String queue = plan.consumerQueue(i);
            if (plan.consumersDeclare()) {
                declareExchange(channel);
                queue = declareQueue(channel, queue);
            }
            Counter received = new Counter();
            counters.add(received);
            ConsumerAgent agent = new ConsumerAgent(channel, queue, settings, received, latencies.forConsumer(i),
                    control, connection);
            try {
                if (settings.prefetch() > 0) {
                    channel.basicQos(settings.prefetch());
                }
                channel.basicConsume(queue, settings.autoAck(), agent);
            } catch (IOException | RuntimeException e) {
                throw connection.failure(Text.of("op.consume", queue), e);
            }
        }
        return counters;
    }

    private List<Thread> startProducers(List<ProducerStats> stats) {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < settings.producers() && !control.stopping(); i++) {
            Channel channel = channel(open("mensajero-bench producer " + (i + 1), null));
            ProducerStats s = new ProducerStats();
            stats.add(s);
            ProducerAgent agent;
            try {
                agent = new ProducerAgent(channel, settings, settings.queues().producerRoutingKey(i), s, control,
                        connection);
            } catch (IOException | RuntimeException e) {
                throw connection.failure(Text.of("op.confirmSelect"), e);
            }
            Thread thread = new Thread(agent, "mensajero-bench-producer-" + (i + 1));
            thread.setDaemon(true);
            threads.add(thread);
        }
        return threads;
    }

    private void declareExchange(Channel channel) {
        if (!settings.declaresExchange()) {
            return;
        }
        try {
            channel.exchangeDeclare(settings.exchange(), settings.exchangeType().wireName(), true);
        } catch (IOException | RuntimeException e) {
            throw connection.failure(Text.of("op.declareExchange", settings.exchange(),
                    settings.exchangeType().wireName()), e);
        }
    }

    /** Declares the queue ("" for a server-named one) and binds it; returns its name. */
    private String declareQueue(Channel channel, String queue) {
        String name;
        try {
            name = channel.queueDeclare(queue, settings.persistent(), false, settings.autoDelete(),
                    settings.queueArguments()).getQueue();
        } catch (IOException | RuntimeException e) {
            throw connection.failure(queue.isEmpty() ? Text.of("op.declareServerNamedQueue")
                    : Text.of("op.declareQueue", queue), e);
        }
        if (!settings.exchange().isEmpty()) {
            String key = settings.queues().bindingKey(name);
            try {
                channel.queueBind(name, settings.exchange(), key);
            } catch (IOException | RuntimeException e) {
                throw connection.failure(Text.of("op.bind", name, settings.exchange(), key), e);
            }
        }
        return name;
    }

    private Connection open(String name, ExecutorService dispatch) {
        Connection c = dispatch == null ? connection.connect(name) : connection.connect(name, dispatch);
        synchronized (connections) {
            connections.add(c);
        }
        return c;
    }

    private Channel channel(Connection c) {
        try {
            return c.createChannel();
        } catch (IOException | RuntimeException e) {
            throw connection.failure(Text.of("op.openChannel"), e);
        }
    }

    private void closeAll() {
        List<Connection> all;
        synchronized (connections) {
            all = new ArrayList<>(connections);
            connections.clear();
        }
        for (Connection c : all) {
            try {
                if (c.isOpen()) {
                    c.close(CLOSE_TIMEOUT_MILLIS);
                }
            } catch (IOException | RuntimeException e) {
                c.abort(CLOSE_TIMEOUT_MILLIS);
            }
        }
        for (ExecutorService d : dispatchers) {
            d.shutdown();
        }
        for (ExecutorService d : dispatchers) {
            try {
                d.awaitTermination(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
