#!/bin/bash
# usage: cpu.sh CP "perftest args"  -> broker process / loop thread / PerfTest CPU seconds, wall seconds, messages
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"; OUT="${OUT:-/tmp/mensajero-profile}"; mkdir -p "$OUT"
# CP is a class path holding io.mensajero.cli.Main (a mensajero.jar, or overlay:jar). PerfTest's class path
# comes from bench/compare (it resolves bench/perftest/pom.xml into bench/perftest/target/perftest.classpath).
cp=$1; args=$2
CPT=$(cat $ROOT/bench/perftest/target/perftest.classpath)
port=$((5900 + RANDOM % 90)); log=$OUT/cpu-broker-$port.log
java -XX:+UseSerialGC -Xms16m -cp $cp io.mensajero.cli.Main broker --port $port > $log 2>&1 &
bp=$!
for i in $(seq 1 300); do grep -q "broker ready" $log && break; sleep 0.2; done
tick() { awk '{print $14+$15}' $1 2>/dev/null || echo 0; }
b0=$(tick /proc/$bp/stat); l0=$(cut -d' ' -f1 /proc/loadavg); s0=$(date +%s.%N)
java -cp $CPT com.rabbitmq.perf.PerfTest -h amqp://guest:guest@localhost:$port $args > $OUT/cpu-pt-$port.log 2>&1 &
pp=$!
loopt=""; pt=0
while kill -0 $pp 2>/dev/null; do
  if [ -z "$loopt" ]; then for t in /proc/$bp/task/*; do grep -q "multiThreadIoEv" $t/comm 2>/dev/null && loopt=$t; done; fi
  x=$(tick /proc/$pp/stat); [ -n "$x" ] && [ "$x" != 0 ] && pt=$x; x=$(tick $loopt/stat); [ -n "$x" ] && lt=$x; bt=$(tick /proc/$bp/stat)
  sleep 0.5
done
s1=$(date +%s.%N); l1=$(cut -d' ' -f1 /proc/loadavg)
kill $bp; wait $bp 2>/dev/null
sent=$(grep -oE "sending rate avg: [0-9]+" $OUT/cpu-pt-$port.log | grep -oE "[0-9]+$")
recv=$(grep -oE "receiving rate avg: [0-9]+" $OUT/cpu-pt-$port.log | grep -oE "[0-9]+$")
echo "wall $(echo "$s1 - $s0" | bc) s; broker $(( bt - b0 )) ticks, loop thread $lt ticks, perftest $pt ticks (1 tick = 10 ms); send $sent recv $recv msg/s; load $l0 -> $l1"
