#!/usr/bin/env bash
# Flow control benchmark (issue 8): RabbitMQ's PerfTest 2.22.1 against Mensajero's broker (and,
# interleaved, against RabbitMQ and an older build), and writes the figures to docs/benchmarks.md.
#
#   bench/flow-control.sh [--rounds N] [--seconds S] [--scenarios 1x1,4x4]
#                         [--rabbitmq URI] [--baseline JAR] [--out FILE | --no-write] [--keep]
#
# Scenarios, each run --rounds times for --seconds (default 5 rounds of 60 s):
#   1x1  one PerfTest: 1 producer, 1 consumer with auto-ack, one queue;
#   4x4  four PerfTest processes side by side, each 1 producer and 1 auto-ack consumer on a queue of
#        its own: 4 producers x 4 consumers on 4 queues, each queue measured on its own.
# Per run and per queue it records PerfTest's average send and receive rates (receive/send is the
# acceptance figure: at least 0.95 everywhere) and its consumer latency p99; per run the broker's
# RSS 5 s after PerfTest started, half-way and at the end, its maximum, and the load average.
#
# Brokers, interleaved round by round:
#   mensajero   ./mensajero broker on a free port (this checkout; the launcher builds it when stale),
#               started anew for every run
#   baseline    --baseline JAR: another build of cli/target/mensajero.jar, started the same way
#               (java -XX:+UseSerialGC -Xms16m -jar JAR broker), to compare before and after a change
#   rabbitmq    --rabbitmq URI, e.g. amqp://guest:guest@localhost:5672/%2F (its RSS is that of the
#               process listening on the URI's port, when it can be seen)
#
# --keep leaves the brokers' and PerfTest's outputs in the temporary directory it names.
# PerfTest is resolved from Maven Central with the Maven wrapper (bench/perftest/pom.xml) and run
# from that class path. Needs java, /usr/bin/python3, Linux /proc and ss. Run from the repository root.
set -euo pipefail

usage() { sed -n '2,26p' "$0" | sed 's/^# \{0,1\}//'; }
die() { echo "flow-control: $*" >&2; exit 2; }

given="$*"
rounds=5
seconds=60
scenarios="1x1,4x4"
rabbitmq=""
baseline=""
out="docs/benchmarks.md"
write=1
keep=0

while [[ $# -gt 0 ]]; do
  case "$1" in
    --rounds) [[ $# -ge 2 && "$2" =~ ^[1-9][0-9]*$ ]] || die "--rounds needs a positive number"; rounds="$2"; shift 2 ;;
    --seconds) [[ $# -ge 2 && "$2" =~ ^[1-9][0-9]*$ ]] || die "--seconds needs a positive number"; seconds="$2"; shift 2 ;;
    --scenarios) [[ $# -ge 2 && "$2" =~ ^(1x1|4x4)(,(1x1|4x4))*$ ]] || die "--scenarios takes 1x1, 4x4 or both, comma-separated"; scenarios="$2"; shift 2 ;;
    --rabbitmq) [[ $# -ge 2 && "$2" =~ ^amqps?:// ]] || die "--rabbitmq needs an AMQP URI (amqp://user:pass@host:port/vhost)"; rabbitmq="$2"; shift 2 ;;
    --baseline) [[ $# -ge 2 && -f "$2" ]] || die "--baseline needs an existing jar"; baseline="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"; shift 2 ;;
    --out) [[ $# -ge 2 ]] || die "--out needs a file"; out="$2"; shift 2 ;;
    --no-write) write=0; shift ;;
    --keep) keep=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) die "unknown argument '$1' (see --help)" ;;
  esac
done

[[ -x ./mensajero && -f bench/perftest/pom.xml ]] || die "run it from the repository root"
command -v java >/dev/null || die "java is not on the PATH"
[[ -x /usr/bin/python3 ]] || die "/usr/bin/python3 is needed (apt-get install -y python3)"
command -v ss >/dev/null || die "ss is needed to find RabbitMQ's process (apt-get install -y iproute2)"

work="$(mktemp -d "${TMPDIR:-/tmp}/flow-control.XXXXXX")"
if [[ $keep == 1 ]]; then echo "flow-control: outputs kept in $work" >&2; else trap 'rm -rf "$work"' EXIT; fi

echo "flow-control: resolving PerfTest 2.22.1 (bench/perftest/pom.xml)..." >&2
if ! ./mvnw -q -B -f bench/perftest/pom.xml dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >"$work/mvn.log" 2>&1; then
  cat "$work/mvn.log" >&2
  die "could not resolve com.rabbitmq:perf-test:2.22.1 (see the Maven output above)"
fi
./mensajero broker --help >/dev/null || die "./mensajero broker does not run (see its output above)"

FLOW_WORK="$work" FLOW_ROUNDS="$rounds" FLOW_SECONDS="$seconds" FLOW_SCENARIOS="$scenarios" \
FLOW_RABBITMQ="$rabbitmq" FLOW_BASELINE="$baseline" FLOW_OUT="$out" FLOW_WRITE="$write" \
FLOW_COMMAND="bench/flow-control.sh $given" exec /usr/bin/python3 bench/flow-control.py
