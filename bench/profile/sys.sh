#!/bin/bash
# usage: sys.sh CP "perftest args" -> strace -c -f summary of the broker during the PerfTest run
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"; OUT="${OUT:-/tmp/mensajero-profile}"; mkdir -p "$OUT"
# CP is a class path holding io.mensajero.cli.Main (a mensajero.jar, or overlay:jar). PerfTest's class path
# comes from bench/compare (it resolves bench/perftest/pom.xml into bench/perftest/target/perftest.classpath).
cp=$1; args=$2
CPT=$(cat $ROOT/bench/perftest/target/perftest.classpath)
port=$((5990 + RANDOM % 9)); log=$OUT/sys-broker-$port.log
java -XX:+UseSerialGC -Xms16m -cp $cp io.mensajero.cli.Main broker --port $port > $log 2>&1 &
bp=$!
for i in $(seq 1 300); do grep -q "broker ready" $log && break; sleep 0.2; done
strace -c -f -p $bp -o $OUT/sys-$port.txt &
sp=$!
sleep 1
java -cp $CPT com.rabbitmq.perf.PerfTest -h amqp://guest:guest@localhost:$port $args > $OUT/sys-pt-$port.log 2>&1
kill -INT $sp; wait $sp 2>/dev/null
kill $bp; wait $bp 2>/dev/null
grep -E "rate avg" $OUT/sys-pt-$port.log | tr '\n' ' '; echo
grep -E "calls|write|read|epoll|total" $OUT/sys-$port.txt
