package io.mensajero.scenarios.cluster;

import io.mensajero.cli.Main;
import io.mensajero.scenarios.support.Commands;
import io.mensajero.scenarios.support.RabbitMqCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lab on the local 3-node cluster: {@code mensajero lab --uri <the three addresses>
 * node-failover} kills the node its worker is connected to (through bench/rabbitmq-cluster, the
 * node hook) and judges, from the participants' events, that the worker reconnected elsewhere and
 * carried on, that the job it held came back redelivered and that nothing confirmed was lost; then
 * the node is started again. In Spanish as well, since the lab speaks both.
 */
@ExtendWith(RabbitMqCluster.Resolver.class)
class LabWorkerCarriesOnWhenItsNodeDies {

    @Test
    void nodeFailoverPassesAndSaysWhatHappened(RabbitMqCluster cluster) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String hook = Commands.repositoryFile("bench/rabbitmq-cluster").toString();
        long start = System.nanoTime();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "lab", "node-failover",
                "--uri", cluster.uri(), "--node-hook", hook, "--lang", "es");
        System.out.printf("[lab node-failover] exit %d after %.1f s%n%s%n", code, (System.nanoTime() - start) / 1e9, out);
        assertThat(code).as("%s\nstderr:\n%s", out, err).isZero();
        String text = out.toString().replaceAll("\\s+", " ");
        // the cluster's ports (5721-5723 unless RABBITMQ_CLUSTER_PORT moves them)
        String node = "localhost:(" + cluster.port(1) + "|" + cluster.port(2) + "|" + cluster.port(3) + ")";
        assertThat(text).contains("node-failover", "Veredicto: ✓ tal como lo documenta RabbitMQ")
                .containsPattern("se reconectó a " + node)
                .containsPattern("\\d+ tareas; murió el nodo de trabajador, " + node + "; se reconectó a "
                        + node + " en \\d+ ms y confirmó \\d+ más");
        assertThat(cluster.status()).doesNotContain("down");
    }
}
