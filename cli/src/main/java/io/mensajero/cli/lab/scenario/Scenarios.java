package io.mensajero.cli.lab.scenario;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The lab's scenarios, in the course's order. */
public final class Scenarios {
    private static final List<Scenario> ALL = List.of(new Hello(), new TwoReceivers(), new StagedStop(),
            new Asynchrony(), new DistributedOperation(), new WorkersVsSubscribers(), new AckDelayKill(),
            new AutoAckLoss(), new FairDispatch(), new PoisonMessage(), new NodeFailover());

    private Scenarios() {
    }

    public static List<Scenario> all() {
        return ALL;
    }

    public static List<String> ids() {
        return ALL.stream().map(Scenario::id).collect(Collectors.toList());
    }

    /**
     * The scenarios the lab runs when none is named, in the lab's order: on a cluster every one; on
     * a single broker every one but those that need a cluster.
     */
    public static List<Scenario> byDefault(boolean cluster) {
        return ALL.stream().filter(s -> cluster || !s.needsCluster()).toList();
    }

    /** The ids of the scenarios a single broker runs by default ({@link #byDefault(boolean) byDefault(false)}). */
    public static List<String> singleBrokerIds() {
        return byDefault(false).stream().map(Scenario::id).collect(Collectors.toList());
    }

    public static Optional<Scenario> byId(String id) {
        return ALL.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** Its position in the lab, from 1. */
    public static int number(Scenario scenario) {
        return ALL.indexOf(scenario) + 1;
    }
}
