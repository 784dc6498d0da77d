"""The runs of bench/flow-control.sh (which resolves PerfTest and passes its settings here)."""
import datetime
import os
import platform
import re
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse

WORK = os.environ["FLOW_WORK"]
ROUNDS = int(os.environ["FLOW_ROUNDS"])
SECONDS = int(os.environ["FLOW_SECONDS"])
SCENARIOS = os.environ["FLOW_SCENARIOS"].split(",")
RABBITMQ = os.environ["FLOW_RABBITMQ"]
BASELINE = os.environ["FLOW_BASELINE"]
OUT = os.environ["FLOW_OUT"]
WRITE = os.environ["FLOW_WRITE"] == "1"
COMMAND = os.environ["FLOW_COMMAND"].strip()
CLASSPATH = open(os.path.join(WORK, "cp.txt")).read().strip()
PERFTEST = ["java", "-Xmx512m", "-cp", CLASSPATH, "com.rabbitmq.perf.PerfTest"]
QUEUES = {"1x1": 1, "4x4": 4}
RSS_AT = 5.0


def log(text):
    print("flow-control: " + text, file=sys.stderr, flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_mib(pid):
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024.0
    except OSError:
        return None
    return None


def listening_pid(port):
    """The process listening on a local port (RabbitMQ's beam.smp), or None when ss cannot see it."""
    out = subprocess.run(["ss", "-ltnpH", "sport = :%d" % port], capture_output=True, text=True).stdout
    m = re.search(r"pid=(\d+)", out)
    return int(m.group(1)) if m else None


class Mensajero:
    def __init__(self, name, command):
        self.name = name
        self.command = command
        self.proc = None

    def start(self, tag):
        port = free_port()
        self.log_path = os.path.join(WORK, "broker-%s.log" % tag)
        self.proc = subprocess.Popen(self.command + ["broker", "--port", str(port), "--management-port", "0"],
                                     stdout=open(self.log_path, "w"), stderr=subprocess.STDOUT)
        deadline = time.time() + 120
        while time.time() < deadline:
            if "ready" in open(self.log_path).read():
                return "amqp://guest:guest@127.0.0.1:%d/%%2F" % port, self.proc.pid
            if self.proc.poll() is not None:
                break
            time.sleep(0.1)
        raise SystemExit("flow-control: the %s broker did not start; its output:\n%s"
                         % (self.name, open(self.log_path).read()))

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()

    def cleanup(self, uri, queues):
        pass


class RabbitMQ:
    name = "rabbitmq"

    def __init__(self, uri):
        self.uri = uri
        parsed = urllib.parse.urlparse(uri)
        self.pid = listening_pid(parsed.port or 5672) if parsed.hostname in ("localhost", "127.0.0.1") else None

    def start(self, tag):
        return self.uri, self.pid

    def stop(self):
        pass

    def cleanup(self, uri, queues):
        """PerfTest's named queues are not auto-deleted: delete them, with what they still hold."""
        try:
            import pika
            conn = pika.BlockingConnection(pika.URLParameters(uri))
            ch = conn.channel()
            for q in queues:
                ch.queue_delete(q)
            conn.close()
        except Exception as e:  # the figures are taken already; a leftover queue is only untidy
            log("could not delete %s on RabbitMQ: %s" % (", ".join(queues), e))


def parse(path):
    text = open(path, errors="replace").read()
    send = re.search(r"sending rate avg: ([\d.]+) msg/s", text)
    recv = re.search(r"receiving rate avg: ([\d.]+) msg/s", text)
    lat = re.search(r"consumer latency min/median/75th/95th/99th (\d+)/(\d+)/(\d+)/(\d+)/(\d+) µs", text)
    if not (send and recv and lat):
        log("PerfTest did not finish normally; the end of its output (%s):\n%s" % (path, text[-1500:]))
        error = re.search(r"(?:caught exception|Exception)[:\s]*(\S[^\n]*)", text)
        return {"failed": error.group(1).strip() if error else "no summary"}
    return {"send": float(send.group(1)), "recv": float(recv.group(1)), "p99_ms": int(lat.group(5)) / 1000.0,
            "median_ms": int(lat.group(2)) / 1000.0}


def run(broker, scenario, rnd):
    tag = "%s-%s-%d" % (broker.name, scenario, rnd)
    uri, pid = broker.start(tag)
    load = os.getloadavg()
    queues = ["flow-%s-%d-%d-q%d" % (scenario, rnd, os.getpid(), i + 1) for i in range(QUEUES[scenario])]
    procs = []
    for q in queues:
        path = os.path.join(WORK, "perftest-%s-%s.out" % (tag, q))
        procs.append((q, path, subprocess.Popen(
            PERFTEST + ["-h", uri, "-x", "1", "-y", "1", "-a", "-u", q, "-z", str(SECONDS)],
            stdout=open(path, "w"), stderr=subprocess.STDOUT)))
    start = time.time()
    samples = []
    while any(p.poll() is None for _, _, p in procs):
        if pid:
            r = rss_mib(pid)
            if r is not None:
                samples.append((time.time() - start, r))
        time.sleep(0.5)
    results = [dict(parse(path), queue=q) for q, path, _ in procs]
    broker.cleanup(uri, queues)
    broker.stop()
    at5 = next((r for t, r in samples if t >= RSS_AT), None)
    mid = next((r for t, r in samples if t >= SECONDS / 2.0), None)
    return {"rss_mid": mid, "broker": broker.name, "scenario": scenario, "round": rnd, "load": load, "queues": results,
            "rss5": at5, "rss_end": samples[-1][1] if samples else None,
            "rss_max": max((r for _, r in samples), default=None)}


def machine():
    cpu = "?"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2 ** 30
    osname = "?"
    try:
        osname = re.search(r'PRETTY_NAME="([^"]+)"', open("/etc/os-release").read()).group(1)
    except (OSError, AttributeError):
        pass
    java = subprocess.run(["java", "-XshowSettings:properties", "-version"], capture_output=True, text=True).stderr
    jv = re.search(r"java.runtime.version = (\S+)", java)
    return "%s, %d CPUs, %.1f GiB RAM; %s, Linux %s; Java %s" % (
        cpu, os.cpu_count(), mem, osname, platform.release(), jv.group(1) if jv else "?")


def fmt(x, digits=0):
    if x is None:
        return "–"
    return ("%." + str(digits) + "f") % x


def render(runs, started, loads, machine_line):
    brokers = []
    for r in runs:
        if r["broker"] not in brokers:
            brokers.append(r["broker"])
    lines = ["<!-- flow-control:begin (written by bench/flow-control.sh: edits inside are overwritten) -->",
             "## Flow control: PerfTest 1 producer / 1 consumer and 4 × 4 on 4 queues (issue 8)", "",
             "Command: `%s` (PerfTest `com.rabbitmq:perf-test:2.22.1`, auto-ack consumers, %d rounds of %d s, "
             "brokers interleaved round by round). *4x4*: four PerfTest processes side by side, each one "
             "producer and one consumer on a queue of its own. *receive/send*: PerfTest's average receive "
             "rate over its average send rate, per queue. *RSS 5 s*: the broker's VmRSS %d s after PerfTest "
             "started, *RSS mid* after half the run, *RSS end* at its end (flat: mid and end alike). "
             "Mensajero's broker is started anew for every run."
             % (COMMAND, ROUNDS, SECONDS, int(RSS_AT)), "",
             "Machine: %s. Date: %s UTC. Load average (1 min) at the start of the runs: min %.1f, median %.1f, "
             "max %.1f." % (machine_line, started, min(loads), statistics.median(loads), max(loads)), "",
             "Acceptance (issue 8): receive/send at least 0.95 in every round and for every queue, and the "
             "broker's RSS flat after the first seconds.", "",
             "| broker | scenario | rounds | min receive/send (PerfTests that finished) | median send msg/s (all queues) | "
             "median p99 ms (worst queue) | max RSS growth mid → end MiB | max RSS MiB |",
             "|---|---|---:|---:|---:|---:|---:|---:|"]
    for b in brokers:
        for s in SCENARIOS:
            rs = [r for r in runs if r["broker"] == b and r["scenario"] == s]
            if not rs:
                continue
            failed = sum(1 for r in rs for q in r["queues"] if "failed" in q)
            done = [q for r in rs for q in r["queues"] if "failed" not in q]
            if not done:
                lines.append("| %s | %s | %d | every PerfTest failed | | | | |" % (b, s, len(rs)))
                continue
            ratios = [q["recv"] / q["send"] if q["send"] else 0.0 for q in done]
            sends = [sum(q.get("send", 0) for q in r["queues"]) for r in rs]
            p99s = [max(q["p99_ms"] for q in r["queues"] if "failed" not in q) for r in rs
                    if any("failed" not in q for q in r["queues"])]
            growth = [r["rss_end"] - r["rss_mid"] for r in rs
                      if r.get("rss_mid") is not None and r["rss_end"] is not None]
            maxrss = [r["rss_max"] for r in rs if r["rss_max"] is not None]
            lines.append("| %s | %s | %s | %.3f | %s | %s | %s | %s |" % (
                b, s, "%d" % len(rs) if not failed else "%d (%d PerfTest failed)" % (len(rs), failed),
                min(ratios), fmt(statistics.median(sends)), fmt(statistics.median(p99s), 1),
                fmt(max(growth), 1) if growth else "–", fmt(max(maxrss), 1) if maxrss else "–"))
    lines += ["", "Every run, per queue:", "",
              "| round | scenario | broker | queue | send msg/s | receive msg/s | receive/send | p99 ms | "
              "RSS 5 s MiB | RSS mid MiB | RSS end MiB | load |",
              "|---:|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in runs:
        for i, q in enumerate(r["queues"]):
            if "failed" in q:
                lines.append("| %d | %s | %s | q%d | PerfTest failed: %s | | | | | | | %.1f |" % (
                    r["round"], r["scenario"], r["broker"], i + 1, q["failed"].replace("|", "/"), r["load"][0]))
                continue
            ratio = q["recv"] / q["send"] if q["send"] else 0.0
            lines.append("| %d | %s | %s | q%d | %s | %s | %.3f | %s | %s | %s | %s | %.1f |" % (
                r["round"], r["scenario"], r["broker"], i + 1, fmt(q["send"]), fmt(q["recv"]), ratio,
                fmt(q["p99_ms"], 1), fmt(r["rss5"], 1) if i == 0 else "", fmt(r.get("rss_mid"), 1) if i == 0 else "",
                fmt(r["rss_end"], 1) if i == 0 else "",
                r["load"][0]))
    lines.append("<!-- flow-control:end -->")
    return "\n".join(lines) + "\n"


def main():
    brokers = [Mensajero("mensajero", ["./mensajero"])]
    if BASELINE:
        brokers.append(Mensajero("baseline", ["java", "-XX:+UseSerialGC", "-Xms16m", "-jar", BASELINE]))
    if RABBITMQ:
        brokers.append(RabbitMQ(RABBITMQ))
    started = datetime.datetime.utcnow().strftime("%Y-%m-%d %H:%M")
    machine_line = machine()
    runs = []
    for rnd in range(1, ROUNDS + 1):
        for s in SCENARIOS:
            for b in brokers:
                log("round %d/%d, %s, %s (%d s)..." % (rnd, ROUNDS, s, b.name, SECONDS))
                r = run(b, s, rnd)
                runs.append(r)
                log("  " + ", ".join("%s failed: %s" % (q["queue"].rsplit("-", 1)[1], q["failed"]) if "failed" in q
                                     else "%s %.0f→%.0f msg/s (%.3f) p99 %.0f ms" % (
                    q["queue"].rsplit("-", 1)[1], q["send"], q["recv"], q["recv"] / q["send"] if q["send"] else 0,
                    q["p99_ms"]) for q in r["queues"]) + "; RSS %s → %s → %s MiB; load %.1f" % (
                    fmt(r["rss5"]), fmt(r.get("rss_mid")), fmt(r["rss_end"]), r["load"][0]))
    text = render(runs, started, [r["load"][0] for r in runs], machine_line)
    print(text)
    if WRITE:
        doc = open(OUT).read() if os.path.exists(OUT) else "# Benchmarks\n"
        pattern = re.compile(re.escape("<!-- flow-control:begin") + r".*?" + re.escape("<!-- flow-control:end -->")
                             + r"\n?", re.S)
        doc = pattern.sub(lambda m: text, doc) if pattern.search(doc) else doc.rstrip("\n") + "\n\n" + text
        open(OUT, "w").write(doc)
        log("written to " + OUT)


main()
