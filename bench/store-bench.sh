#!/usr/bin/env bash
# Benchmarks of the message store (issue 8), one command each; every one prints its figures, the
# commands it ran, the machine and the load average, for docs/benchmarks.md.
#
# PerfTest commands below are shown as "bench/perftest ARGS": java -cp <PerfTest 2.22.1> com.rabbitmq.perf.PerfTest ARGS.
#   bench/store-bench.sh throughput [ROUNDS] [SECONDS]   persistent, confirms (100 outstanding), manual
#                                    ack, prefetch 100, 1 producer / 1 consumer: Mensajero (--data)
#                                    against RabbitMQ, interleaved (default 5 rounds of 30 s)
#   bench/store-bench.sh transient [ROUNDS] [SECONDS]    1 producer / 1 consumer autoack, transient:
#                                    a baseline jar (BASELINE_JAR), this build with --memory and with
#                                    --data, interleaved (default 3 rounds of 30 s)
#   bench/store-bench.sh memory [COUNT] [SIZE] [SECONDS] -Xmx128m: COUNT messages of SIZE bytes published
#                                    with no consumer (for at most SECONDS, default no limit), then all
#                                    consumed; a new connection every 2 s (default 10000000 x 100).
#                                    Stops publishing when free disk space falls under MIN_FREE_GB (30).
#   bench/store-bench.sh restart [COUNT]                 restart time with COUNT persistent messages on
#                                    disk, after a clean stop and after SIGKILL (default 1000000)
#
# RabbitMQ: $RABBITMQ_PORT (and $RABBITMQ_NODE for rabbitmqctl), e.g. a private node started with
# bench/rabbitmq-node. Mensajero: cli/target/mensajero.jar (built with ./mvnw -q -B -DskipTests verify).
# Data directories go under $BENCH_DIR (default /tmp/mensajero-bench); it is removed afterwards.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
jar="${MENSAJERO_JAR:-$root/cli/target/mensajero.jar}"
bench_dir="${BENCH_DIR:-/tmp/mensajero-bench}"
rabbit_port="${RABBITMQ_PORT:-5672}"
min_free_gb="${MIN_FREE_GB:-30}"
pids=()

die() { echo "store-bench: $*" >&2; exit 2; }
[[ -f "$jar" ]] || die "no $jar: build it with ./mvnw -q -B -DskipTests verify"
cleanup() { for p in "${pids[@]:-}"; do [[ -n "$p" ]] && kill -9 "$p" 2>/dev/null || true; done; rm -rf "$bench_dir"; }
trap cleanup EXIT

machine() {
  echo "Machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) CPUs," \
    "$(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo) RAM; $(uname -sr); $(java -version 2>&1 | head -1)."
  echo "Date: $(date -u '+%Y-%m-%d %H:%M UTC'). Load average at start: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo "Disk: $(df -h "$(dirname "$bench_dir")" | awk 'NR==2 {print $4 " free of " $2}')."
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# start_mensajero JAR "JAVA OPTS" ARGS... -> sets mpid, mport, mready (startMillis)
start_mensajero() {
  local j=$1 opts=$2; shift 2
  mport=$(free_port)
  local out="$bench_dir/broker-$mport.out"
  mkdir -p "$bench_dir"
  # shellcheck disable=SC2086
  java $opts -jar "$j" broker --port "$mport" --management-port 0 --json "$@" >"$out" 2>"$bench_dir/broker-$mport.err" &
  mpid=$!
  pids+=("$mpid")
  for _ in $(seq 1 600); do
    if grep -q '"ready"' "$out" 2>/dev/null; then
      mready=$(grep '"ready"' "$out" | sed 's/.*"startMillis":\([0-9]*\).*/\1/')
      return 0
    fi
    kill -0 "$mpid" 2>/dev/null || { cat "$bench_dir/broker-$mport.err" >&2; die "broker did not start"; }
    sleep 0.1
  done
  die "broker not ready after 60 s"
}

stop_mensajero() { kill -TERM "$mpid" 2>/dev/null || true; wait "$mpid" 2>/dev/null || true; }

# RabbitMQ's PerfTest 2.22.1, resolved from bench/perftest/pom.xml (Maven Central) as bench/compare does.
perftest_cp() {
  local cp_file="$here/perftest/target/perftest.classpath"
  if [[ ! -s "$cp_file" ]]; then
    mkdir -p "$(dirname "$cp_file")"
    "$root/mvnw" -q -B -f "$here/perftest/pom.xml" dependency:build-classpath -Dmdep.outputFile="$cp_file" >&2
  fi
  cat "$cp_file"
}
perftest() { java -Xmx1g -cp "$(perftest_cp)" com.rabbitmq.perf.PerfTest "$@" 2>&1 || echo "perftest exited with $?" >&2; }

rates() { # prints "send receive" from PerfTest's summary
  local send recv
  send=$(grep -o 'sending rate avg: [0-9]*' "$1" | awk '{print $4}' | tail -1)
  recv=$(grep -o 'receiving rate avg: [0-9]*' "$1" | awk '{print $4}' | tail -1)
  echo "${send:-0} ${recv:-0}"
}

median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print int((a[NR/2]+a[NR/2+1])/2)}'; }

rss_mib() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status" 2>/dev/null || echo 0; }

depth() { # depth PORT QUEUE -> "messages seconds-to-answer" from a fresh connection; -1: no connection
  /usr/bin/python3 - "$1" "$2" <<'PY'
import sys, time, pika
t = time.time()
try:
    c = pika.BlockingConnection(pika.ConnectionParameters('127.0.0.1', int(sys.argv[1]), socket_timeout=10,
                                                          blocked_connection_timeout=10))
except Exception as e:
    c, n = None, -1                      # the broker did not answer a new connection
if c is not None:
    try:
        n = c.channel().queue_declare(sys.argv[2], passive=True).method.message_count
        c.close()
    except Exception as e:
        n = 0                            # answered, but the queue is not declared yet
print(n, "%.3f" % (time.time() - t))
PY
}

cmd_throughput() {
  local rounds=${1:-5} secs=${2:-30}
  machine
  local args=(-x 1 -y 1 -f persistent -c 100 -q 100 -s 100 -z "$secs")
  echo "PerfTest: bench/perftest --uri URI ${args[*]} -u QUEUE"
  echo
  echo "| round | broker | send msg/s | receive msg/s | load avg |"
  echo "|---|---|---:|---:|---|"
  local m=() r=()
  for i in $(seq 1 "$rounds"); do
    rm -rf "$bench_dir/data"; start_mensajero "$jar" "" --data "$bench_dir/data"
    perftest --uri "amqp://guest:guest@127.0.0.1:$mport/%2F" "${args[@]}" -u "tp-$i" >"$bench_dir/pt.out"
    read -r s v < <(rates "$bench_dir/pt.out"); m+=("$v")
    echo "| $i | Mensajero | $s | $v | $(cut -d' ' -f1 /proc/loadavg) |"
    stop_mensajero
    perftest --uri "amqp://guest:guest@127.0.0.1:$rabbit_port/%2F" "${args[@]}" -u "tp-$i-$$" >"$bench_dir/pt.out"
    read -r s v < <(rates "$bench_dir/pt.out"); r+=("$v")
    echo "| $i | RabbitMQ | $s | $v | $(cut -d' ' -f1 /proc/loadavg) |"
  done
  local mm rm_
  mm=$(printf '%s\n' "${m[@]}" | median); rm_=$(printf '%s\n' "${r[@]}" | median)
  echo
  echo "Median receive rate: Mensajero $mm msg/s, RabbitMQ $rm_ msg/s, ratio $(awk -v a="$mm" -v b="$rm_" 'BEGIN {printf "%.2f", (b>0? a/b : 0)}')."
}

cmd_transient() {
  local rounds=${1:-3} secs=${2:-30}
  local baseline=${BASELINE_JAR:-}
  machine
  local args=(-x 1 -y 1 -a -s 100 -z "$secs")
  echo "PerfTest: bench/perftest --uri URI ${args[*]} -u QUEUE; baseline jar: ${baseline:-none}"
  echo
  echo "| round | broker | send msg/s | receive msg/s | load avg |"
  echo "|---|---|---:|---:|---|"
  for i in $(seq 1 "$rounds"); do
    local variants=("this build --data|$jar|--data $bench_dir/data" "this build --memory|$jar|--memory")
    [[ -n "$baseline" ]] && variants=("baseline (in memory)|$baseline|" "${variants[@]}")
    for v in "${variants[@]}"; do
      IFS='|' read -r label j a <<<"$v"
      rm -rf "$bench_dir/data"
      # shellcheck disable=SC2086
      start_mensajero "$j" "" $a
      perftest --uri "amqp://guest:guest@127.0.0.1:$mport/%2F" "${args[@]}" -u "tr-$i" >"$bench_dir/pt.out"
      read -r s r < <(rates "$bench_dir/pt.out")
      echo "| $i | $label | $s | $r | $(cut -d' ' -f1 /proc/loadavg) |"
      stop_mensajero
    done
  done
}

check_disk() {
  local free
  free=$(df -BG --output=avail "$bench_dir" | tail -1 | tr -dc 0-9)
  (( free >= min_free_gb )) || { echo "stopping: only ${free} GB free (limit $min_free_gb GB)"; return 1; }
}

cmd_memory() {
  local count=${1:-10000000} size=${2:-100} limit=${3:-0}
  machine
  echo "Broker: java -Xmx128m -XX:+UseSerialGC -jar mensajero.jar broker --data DIR; queue 'mem' (transient messages)."
  local zarg=(); [[ "$limit" != 0 ]] && zarg=(-z "$limit")
  echo "Publish: bench/perftest -x 1 -y 0 -C $count -s $size ${zarg[*]} -u mem -ad false; consume: -x 0 -y 1 -D QUEUED -a -u mem -ad false"
  rm -rf "$bench_dir/data"; start_mensajero "$jar" "-Xmx128m -XX:+UseSerialGC" --data "$bench_dir/data"
  local uri="amqp://guest:guest@127.0.0.1:$mport/%2F" start t0 maxrss=0 maxprobe=0 failed=0 samples=0
  local idle_heap
  jcmd "$mpid" GC.run >/dev/null; sleep 1
  idle_heap=$(jstat -gc "$mpid" | awk 'NR==2 {printf "%.0f", ($3+$4+$6+$8)*1024}')
  sample() {
    local r p
    r=$(rss_mib "$mpid"); (( r > maxrss )) && maxrss=$r
    read -r d p < <(depth "$mport" mem)
    [[ "$d" == "-1" ]] && failed=$((failed+1))
    samples=$((samples+1))
    maxprobe=$(awk -v a="$maxprobe" -v b="$p" 'BEGIN {print (b>a? b : a)}')
    echo "$(date +%s) rss=${r}MiB depth=$d probe=${p}s" >>"$bench_dir/samples.log"
    last_depth=$d
  }
  t0=$(date +%s.%N)
  perftest --uri "$uri" -x 1 -y 0 -C "$count" -s "$size" "${zarg[@]}" -u mem -ad false >"$bench_dir/pub.out" &
  local pt=$!; pids+=("$pt")
  last_depth=0
  while kill -0 "$pt" 2>/dev/null; do sample; check_disk || { kill "$pt"; break; }; sleep 2; done
  local prev=-2
  while :; do sample; [[ "$last_depth" -ge "$count" || "$last_depth" == "-1" || "$last_depth" == "$prev" ]] && break
    prev=$last_depth; check_disk || break; sleep 1; done
  local pub_secs; pub_secs=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN {printf "%.0f", b-a}')
  local queued=$last_depth
  jcmd "$mpid" GC.run >/dev/null; sleep 1
  local full_heap; full_heap=$(jstat -gc "$mpid" | awk 'NR==2 {printf "%.0f", ($3+$4+$6+$8)*1024}')
  local disk; disk=$(du -sb "$bench_dir/data" | cut -f1)
  local rss_full; rss_full=$(rss_mib "$mpid")
  t0=$(date +%s.%N)
  perftest --uri "$uri" -x 0 -y 1 -D "$queued" -a -u mem -ad false >"$bench_dir/con.out" &
  pt=$!; pids+=("$pt")
  while kill -0 "$pt" 2>/dev/null; do sample; sleep 2; done
  local con_secs; con_secs=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN {printf "%.0f", b-a}')
  sample
  echo
  echo "| figure | value |"
  echo "|---|---:|"
  echo "| messages queued | $queued |"
  echo "| publish time (until all queued) | $pub_secs s ($(awk -v n="$queued" -v s="$pub_secs" 'BEGIN {printf "%.0f", n/(s>0?s:1)}') msg/s) |"
  echo "| consume time | $con_secs s ($(awk -v n="$queued" -v s="$con_secs" 'BEGIN {printf "%.0f", n/(s>0?s:1)}') msg/s) |"
  echo "| left in the queue after consuming | $last_depth |"
  echo "| data directory with all queued | $(awk -v b="$disk" 'BEGIN {printf "%.2f GB", b/1e9}') |"
  echo "| heap after full GC, idle / all queued | $(awk -v b="$idle_heap" 'BEGIN {printf "%.1f MiB", b/1048576}') / $(awk -v b="$full_heap" 'BEGIN {printf "%.1f MiB", b/1048576}') |"
  echo "| heap per queued message | $(awk -v a="$idle_heap" -v b="$full_heap" -v n="$queued" 'BEGIN {printf "%.2f bytes", (b-a)/(n>0?n:1)}') |"
  echo "| broker RSS: all queued / max | $rss_full MiB / $maxrss MiB |"
  echo "| new connections (passive declare) during the run | $samples, $failed failed, slowest ${maxprobe} s |"
  echo "| OutOfMemoryError in the broker's output | $(grep -c OutOfMemoryError "$bench_dir"/broker-"$mport".* | awk -F: '{s+=$2} END {print s+0}') |"
  echo "| connection.blocked (publisher) | $(grep -ci 'blocked' "$bench_dir/pub.out" || true) lines mentioning it in PerfTest's output |"
  stop_mensajero
}

cmd_restart() {
  local count=${1:-1000000}
  machine
  echo "Fill: bench/perftest -x 2 -y 0 -C $((count / 2)) -s 100 -f persistent -c 2000 -u restart -ad false"
  rm -rf "$bench_dir/data"; start_mensajero "$jar" "" --data "$bench_dir/data"
  local t0; t0=$(date +%s)
  perftest --uri "amqp://guest:guest@127.0.0.1:$mport/%2F" -x 2 -y 0 -C "$((count / 2))" -s 100 -f persistent -c 2000 \
    -u restart -ad false >"$bench_dir/pub.out"
  echo "Fill took $(( $(date +%s) - t0 )) s."
  read -r d _ < <(depth "$mport" restart)
  echo "Queued before the stop: $d; data directory $(du -sh "$bench_dir/data" | cut -f1)."
  echo
  echo "| stop | broker ready (startMillis, recovery included) | wall: JVM launch to ready line | messages after |"
  echo "|---|---:|---:|---:|"
  for how in clean SIGKILL clean SIGKILL; do
    if [[ $how == clean ]]; then stop_mensajero; else kill -9 "$mpid"; wait "$mpid" 2>/dev/null || true; fi
    t0=$(date +%s%N)
    start_mensajero "$jar" "" --data "$bench_dir/data"
    local wall=$(( ($(date +%s%N) - t0) / 1000000 ))
    read -r d _ < <(depth "$mport" restart)
    echo "| $how | $mready ms | $wall ms | $d |"
  done
  stop_mensajero
}

case "${1:-}" in
  throughput|transient|memory|restart) c=$1; shift; "cmd_$c" "$@" ;;
  *) sed -n '2,20p' "$0"; exit 2 ;;
esac
