#!/usr/bin/env bash
# Times Mensajero's management API with many queues: the page a console asks for (100 queues,
# sorted), the whole list, the overview and /metrics, each answered while the broker holds N queues.
#
#   bench/management-api.sh [--queues N] [--runs R]
#
# Starts `java -jar cli/target/mensajero.jar broker` on free ports, declares N queues over AMQP
# (pika, from /usr/bin/python3), then asks each URL R times and prints the median, min and max
# wall time from the request to the last byte, with the machine's load average. Build the jar
# first: ./mvnw -q -B -pl cli -am package -DskipTests
set -euo pipefail
cd "$(dirname "$0")/.."
queues=10000 runs=9
while [[ $# -gt 0 ]]; do
  case "$1" in
    --queues) queues=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    *) echo "usage: bench/management-api.sh [--queues N] [--runs R]" >&2; exit 2 ;;
  esac
done
[[ -f cli/target/mensajero.jar ]] || { echo "management-api: build cli/target/mensajero.jar first" >&2; exit 2; }
exec /usr/bin/python3 - "$queues" "$runs" <<'PY'
import json, os, socket, statistics, subprocess, sys, time, urllib.request, base64
import pika

queues, runs = int(sys.argv[1]), int(sys.argv[2])

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]

amqp, http = free_port(), free_port()
broker = subprocess.Popen(["java", "-jar", "cli/target/mensajero.jar", "broker", "--port", str(amqp),
                           "--management-port", str(http), "--json"], stdout=subprocess.PIPE, text=True)
try:
    ready = json.loads(broker.stdout.readline())
    assert ready["event"] == "ready", ready
    c = pika.BlockingConnection(pika.ConnectionParameters("127.0.0.1", amqp))
    ch = c.channel()
    for i in range(queues):
        ch.queue_declare("bench.q.%05d" % i)
        if i % 10 == 0:
            ch.basic_publish("", "bench.q.%05d" % i, b"x" * 100)
    auth = "Basic " + base64.b64encode(b"guest:guest").decode()
    urls = ["/api/queues?page=1&page_size=100&sort=name",
            "/api/queues?page=50&page_size=100&sort=messages&sort_reverse=true&name=q.0&columns=name,messages",
            "/api/queues", "/api/overview", "/metrics/per-object"]
    print("queues: %d, runs: %d, load average before: %s" % (queues, runs, os.getloadavg()))
    print("| request | median ms | min | max | bytes |")
    print("|---|---|---|---|---|")
    for path in urls:
        times, size = [], 0
        for _ in range(runs):
            req = urllib.request.Request("http://127.0.0.1:%d%s" % (http, path), headers={"Authorization": auth})
            t = time.monotonic()
            with urllib.request.urlopen(req) as r:
                size = len(r.read())
            times.append((time.monotonic() - t) * 1000)
        print("| `GET %s` | %.0f | %.0f | %.0f | %d |" % (path, statistics.median(times), min(times), max(times), size))
    print("load average after: %s" % (os.getloadavg(),))
    c.close()
finally:
    broker.terminate()
    broker.wait(30)
PY
