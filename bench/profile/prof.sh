#!/bin/bash
# usage: prof.sh NAME JAR "perftest args" [extra jvm flags]
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"; OUT="${OUT:-/tmp/mensajero-profile}"; mkdir -p "$OUT"
# CP is a class path holding io.mensajero.cli.Main (a mensajero.jar, or overlay:jar). PerfTest's class path
# comes from bench/compare (it resolves bench/perftest/pom.xml into bench/perftest/target/perftest.classpath).
name=$1; jar=$2; args=$3; extra=$4
CP=$(cat $ROOT/bench/perftest/target/perftest.classpath)
port=$((5700 + RANDOM % 200))
log=$OUT/$name-broker.log
java -XX:+UseSerialGC -Xms16m -XX:StartFlightRecording=filename=$OUT/$name.jfr,settings=profile $extra -cp $jar io.mensajero.cli.Main broker --port $port --management-port 0 ${BROKER_ARGS:---data $(mktemp -d)} > $log 2>&1 &
bp=$!
for i in $(seq 1 300); do grep -q "ready" $log && break; sleep 0.2; done
timeout 300 java -cp $CP com.rabbitmq.perf.PerfTest -h amqp://guest:guest@localhost:$port $args > $OUT/$name-perftest.log 2>&1
jcmd $bp JFR.dump name=1 filename=$OUT/$name.jfr > /dev/null
kill $bp; wait $bp 2>/dev/null
grep -E "rate avg|latency min" $OUT/$name-perftest.log
