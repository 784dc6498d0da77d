package io.mensajero.scenarios.chaos;

import java.time.Duration;

/**
 * How hard a chaos run shakes things. The defaults are the CI size, which {@code ./mvnw verify}
 * runs on both brokers: 3 workers with a 20 ms ack delay (the workers, not the publisher, set the
 * pace: about 100 tasks a second, and a worker usually holds a task when it is killed), 3,000
 * tasks published as fast as the broker confirms them, a worker SIGKILLed every 1-2 s once all
 * workers consume (at least 10 times, and on while work is left) and the broker killed 3 times,
 * the first 3 s into the run and then 5 s after each restart. {@code bench/chaos} sets the system
 * properties below for the full run (10,000 tasks, 20 worker kills) and for long runs.
 *
 * @param tasks         {@code chaos.tasks}
 * @param workers       {@code chaos.workers}
 * @param ackDelay      {@code chaos.ackDelayMs}
 * @param rate          {@code chaos.rate}: tasks a second at most (0: as fast as confirms come)
 * @param workerKills   {@code chaos.workerKills}: at least this many; kills go on while work is left
 * @param brokerKills   {@code chaos.brokerKills}: this many (a long run asks for more)
 * @param killEvery     {@code chaos.killEveryMs}: the shortest pause between two worker kills
 * @param killJitter    {@code chaos.killJitterMs}: plus up to this much, at random
 * @param firstBrokerKill {@code chaos.firstBrokerKillMs}
 * @param brokerKillGap {@code chaos.brokerKillGapMs}: after a restart, before the next broker kill
 * @param timeout       {@code chaos.timeoutMinutes}: the chaos phase at most (default 8 minutes, which bounds
 *                      what a stuck run costs CI; bench/chaos sets its own)
 * @param drain         {@code chaos.drainMinutes}: then, until every confirmed task is acked
 * @param seed          {@code chaos.seed}: which workers and nodes die, and when (printed, to repeat a run)
 */
record ChaosSettings(int tasks, int workers, Duration ackDelay, double rate, int workerKills, int brokerKills,
                     Duration killEvery, Duration killJitter, Duration firstBrokerKill, Duration brokerKillGap,
                     Duration timeout, Duration drain, long seed) {

    /** The CI size: what {@code ./mvnw verify} runs unless the system properties say otherwise. */
    static final int CI_TASKS = 3_000;
    static final int CI_WORKER_KILLS = 10;

    static ChaosSettings fromSystemProperties() {
        int tasks = Integer.getInteger("chaos.tasks", CI_TASKS);
        return new ChaosSettings(tasks, Integer.getInteger("chaos.workers", 3),
                Duration.ofMillis(Long.getLong("chaos.ackDelayMs", 20)),
                Double.parseDouble(System.getProperty("chaos.rate", "0")),
                Integer.getInteger("chaos.workerKills", CI_WORKER_KILLS), Integer.getInteger("chaos.brokerKills", 3),
                Duration.ofMillis(Long.getLong("chaos.killEveryMs", 1000)),
                Duration.ofMillis(Long.getLong("chaos.killJitterMs", 1000)),
                Duration.ofMillis(Long.getLong("chaos.firstBrokerKillMs", 3000)),
                Duration.ofMillis(Long.getLong("chaos.brokerKillGapMs", 5_000)),
                Duration.ofMinutes(Long.getLong("chaos.timeoutMinutes", 8)),
                Duration.ofMinutes(Long.getLong("chaos.drainMinutes", Math.max(3, tasks / 20_000))),
                Long.getLong("chaos.seed", System.nanoTime()));
    }
}
