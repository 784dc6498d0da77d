#!/bin/bash
# usage: cpu.sh CP "perftest args"            -> a fresh Mensajero broker from class path CP
#        cpu.sh rabbitmq:PORT:PID "args"       -> the RabbitMQ node on PORT whose beam.smp is PID
# BROKER_ARGS replaces "--data TMPDIR" (e.g. BROKER_ARGS=--memory: no paging to disk); a third
# argument adds JVM options.
# Prints, from /proc over the PerfTest run: the broker's user and system CPU, its loop thread's
# (Mensajero), PerfTest's user and system CPU, wall time, the rates, the load average before and
# after, and the CPU the rest of the machine used meanwhile. Divide by the messages sent (-C).
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"; OUT="${OUT:-/tmp/mensajero-profile}"; mkdir -p "$OUT"
# PerfTest's class path comes from bench/compare (it resolves bench/perftest/pom.xml into
# bench/perftest/target/perftest.classpath).
cp=$1; args=$2; extra=${3:-}
CPT=$(cat $ROOT/bench/perftest/target/perftest.classpath)
ut() { awk '{print $14}' $1 2>/dev/null || echo 0; }
st() { awk '{print $15}' $1 2>/dev/null || echo 0; }
machine() { awk '/^cpu /{print $2+$3+$4+$7+$8}' /proc/stat; }
if [[ $cp == rabbitmq:* ]]; then
  IFS=: read -r _ port bp <<< "$cp"; own=0
else
  port=$((5900 + RANDOM % 90)); log=$OUT/cpu-broker-$port.log; data=$(mktemp -d)
  java -XX:+UseSerialGC -Xms16m $extra -cp $cp io.mensajero.cli.Main broker --port $port --management-port 0 ${BROKER_ARGS:---data $data} > $log 2>&1 &
  bp=$!; own=1
  for i in $(seq 1 300); do grep -q "ready" $log && break; sleep 0.2; done
fi
bu0=$(ut /proc/$bp/stat); bs0=$(st /proc/$bp/stat); m0=$(machine); l0=$(cut -d' ' -f1 /proc/loadavg); s0=$(date +%s.%N)
python3 $ROOT/bench/profile/threads.py $bp $OUT/cpu-threads-$port.txt &
tp=$!
java -cp $CPT com.rabbitmq.perf.PerfTest -h amqp://guest:guest@localhost:$port $args > $OUT/cpu-pt-$port.log 2>&1 &
pp=$!
pu=0; ps=0
while kill -0 $pp 2>/dev/null; do
  x=$(ut /proc/$pp/stat); y=$(st /proc/$pp/stat); [ -n "$x" ] && [ "$x" != 0 ] && pu=$x && ps=$y
  bu=$(ut /proc/$bp/stat); bs=$(st /proc/$bp/stat)
  sleep 0.2
done
s1=$(date +%s.%N); l1=$(cut -d' ' -f1 /proc/loadavg); m1=$(machine)
kill $tp; wait $tp
if [ $own = 1 ]; then
  kill $bp; wait $bp 2>/dev/null; rm -rf $data
fi
sent=$(grep -oE "sending rate avg: [0-9]+" $OUT/cpu-pt-$port.log | grep -oE "[0-9]+$")
recv=$(grep -oE "receiving rate avg: [0-9]+" $OUT/cpu-pt-$port.log | grep -oE "[0-9]+$")
wall=$(echo "$s1 - $s0" | bc)
others=$(( (m1 - m0) - (bu - bu0) - (bs - bs0) - pu - ps ))
echo "wall ${wall}s broker user $((bu - bu0)) sys $((bs - bs0)) perftest user $pu sys $ps ticks (10 ms); others $(echo "scale=2; $others / 100 / $wall" | bc) cores; send $sent recv $recv msg/s; load $l0 -> $l1"
echo "  broker threads (user+system ticks): $(cat $OUT/cpu-threads-$port.txt)"
true
