#!/bin/bash
# usage: ab.sh ROUNDS SECONDS "perftest args" jar1 jar2 ...   (interleaved, order rotates)
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"; OUT="${OUT:-/tmp/mensajero-profile}"; mkdir -p "$OUT"
# CP is a class path holding io.mensajero.cli.Main (a mensajero.jar, or overlay:jar). PerfTest's class path
# comes from bench/compare (it resolves bench/perftest/pom.xml into bench/perftest/target/perftest.classpath).
rounds=$1; secs=$2; args=$3; shift 3; jars=("$@")
CP=$(cat $ROOT/bench/perftest/target/perftest.classpath)
port=5691
for r in $(seq 1 $rounds); do
  n=${#jars[@]}
  for k in $(seq 0 $((n-1))); do
    j=${jars[$(( (k + r) % n ))]}
    java -XX:+UseSerialGC -Xms16m -cp $j io.mensajero.cli.Main broker --port $port > $OUT/ab-broker.log 2>&1 &
    bp=$!
    for i in $(seq 1 50); do grep -q ready $OUT/ab-broker.log && break; sleep 0.2; done
    l0=$(cut -d' ' -f1 /proc/loadavg); t0=$(awk '{print $14+$15}' /proc/$bp/stat)
    out=$(timeout $((secs+60)) java -cp $CP com.rabbitmq.perf.PerfTest -h amqp://guest:guest@localhost:$port -z $secs $args -e ab-$r-$k 2>&1 | grep -E "rate avg|latency min" | tail -3 | sed -E 's/.*(sending|receiving) rate avg: ([0-9]+) msg\/s/\1 \2/; s/.*latency min\/median\/75th\/95th\/99th ([0-9\/]+) µs/lat \1/' | tr '\n' ' ')
    t1=$(awk '{print $14+$15}' /proc/$bp/stat); l1=$(cut -d' ' -f1 /proc/loadavg)
    kill $bp; wait $bp 2>/dev/null
    echo "round $r $(basename $j) $out brokercpu $(( (t1-t0) ))ticks load $l0->$l1"
  done
done
