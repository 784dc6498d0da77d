#!/usr/bin/env bash
# Measures Mensajero's broker start-to-ready time and idle RSS, and writes them to docs/benchmarks.md.
#
#   bench/broker-startup.sh [--runs N] [--idle SECONDS] [--jar PATH | --main CLASS --classpath CP]
#                           [--flags "JVM FLAGS"]... [--out FILE | --no-write]
#
# Each run launches `java <flags> -jar cli/target/mensajero.jar broker --port <free port>
# --management-port <free port>` (or
# `java <flags> -cp CP CLASS --port <free port>` with --main) and times, from the launch:
#   ready       until the port answers the AMQP protocol header with a connection.start frame;
#   ready line  until the broker prints its first line on stdout (its ready line), if it prints one.
# Then it waits --idle seconds with no client connected, reads VmRSS from /proc/<pid>/status, and
# stops the broker with SIGTERM. Every --flags gives one row; without --flags a default set of
# variants is measured, from no flags to flags that lower idle memory.
#
# Needs: java, /usr/bin/python3 (the timing loop), Linux /proc. Run from the repository root.
set -euo pipefail

usage() { sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; }
die() { echo "broker-startup: $*" >&2; exit 2; }

runs=7
idle=2
jar="cli/target/mensajero.jar"
main=""
classpath=""
out="docs/benchmarks.md"
write=1
variants=()

while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) [[ $# -ge 2 && "$2" =~ ^[1-9][0-9]*$ ]] || die "--runs needs a positive number"; runs="$2"; shift 2 ;;
    --idle) [[ $# -ge 2 && "$2" =~ ^[0-9]+(\.[0-9]+)?$ ]] || die "--idle needs a number of seconds"; idle="$2"; shift 2 ;;
    --jar) [[ $# -ge 2 ]] || die "--jar needs a path"; jar="$2"; shift 2 ;;
    --main) [[ $# -ge 2 ]] || die "--main needs a class name"; main="$2"; shift 2 ;;
    --classpath|--cp) [[ $# -ge 2 ]] || die "--classpath needs a class path"; classpath="$2"; shift 2 ;;
    --flags) [[ $# -ge 2 ]] || die "--flags needs a (possibly empty) string"; variants+=("$2"); shift 2 ;;
    --out) [[ $# -ge 2 ]] || die "--out needs a file"; out="$2"; shift 2 ;;
    --no-write) write=0; shift ;;
    -h|--help) usage; exit 0 ;;
    *) die "unknown argument '$1' (see --help)" ;;
  esac
done

command -v java >/dev/null || die "java is not on the PATH"
[[ -x /usr/bin/python3 ]] || die "/usr/bin/python3 is needed for the timing loop (apt-get install -y python3)"
[[ -r /proc/self/status ]] || die "/proc is needed to read the broker's RSS (Linux only)"

if [[ -n "$main" ]]; then
  [[ -n "$classpath" ]] || die "--main needs --classpath"
  launcher=(-cp "$classpath" "$main")
  shown="java <flags> -cp <classpath> $main --port <free port>"
else
  [[ -z "$classpath" ]] || die "--classpath goes with --main"
  [[ -f "$jar" ]] || die "$jar not found (build it: ./mvnw -q -B -pl cli -am package -DskipTests)"
  # The broker command must exist: its --help must succeed.
  if ! timeout 30 java -jar "$jar" broker --help >/dev/null 2>&1; then
    die "$jar has no working 'broker' command yet ('java -jar $jar broker --help' fails); use --main with a stand-in"
  fi
  launcher=(-jar "$jar" broker)
  shown="java <flags> -jar $jar broker --port <free port> --management-port <free port>"
fi

if [[ ${#variants[@]} -eq 0 ]]; then
  # "@launcher" is ./mensajero broker itself, with the JVM options and class-data-sharing archive
  # the launcher uses; the other rows are plain java with the flags shown.
  variants=(
    "@launcher"
    ""
    "-XX:+UseSerialGC"
    "-XX:+UseSerialGC -Xms16m"
    "-XX:+UseSerialGC -XX:TieredStopAtLevel=1"
  )
fi

java_version="$(java -version 2>&1 | head -n 2 | tail -n 1)"
export BENCH_RUNS="$runs" BENCH_IDLE="$idle" BENCH_OUT="$out" BENCH_WRITE="$write" BENCH_SHOWN="$shown" \
       BENCH_JAVA="$java_version"

# Python gets: the number of variants, the variants, then the launcher arguments.
/usr/bin/python3 - "${#variants[@]}" "${variants[@]}" "${launcher[@]}" <<'PYTHON'
import datetime, os, platform, re, shlex, signal, socket, statistics, subprocess, sys, threading, time

count = int(sys.argv[1])
variants = sys.argv[2:2 + count]
launcher = sys.argv[2 + count:]
runs = int(os.environ["BENCH_RUNS"])
idle = float(os.environ["BENCH_IDLE"])
HEADER = b"AMQP\x00\x00\x09\x01"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def answers_handshake(port):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5) as s:
            s.sendall(HEADER)
            data = b""
            while len(data) < 7:
                chunk = s.recv(7 - len(data))
                if not chunk:
                    return False
                data += chunk
            return data[0] == 1  # a method frame: connection.start
    except OSError:
        return False


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise RuntimeError("no VmRSS for pid %d" % pid)


def one_run(flags):
    port = free_port()
    # The broker command also serves the management API (15672 by default): a free port for it too.
    management = ["--management-port", str(free_port())] if launcher[-1] == "broker" else []
    if flags == "@launcher":
        cmd = ["./mensajero", "broker", "--port", str(port)] + management
    else:
        cmd = ["java"] + shlex.split(flags) + launcher + ["--port", str(port)] + management
    first_line = {}
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def watch_stdout():
        for line in proc.stdout:
            first_line.setdefault("at", time.monotonic())
            first_line.setdefault("text", line.strip())

    errors = []
    threading.Thread(target=watch_stdout, daemon=True).start()
    threading.Thread(target=lambda: errors.extend(proc.stderr), daemon=True).start()
    try:
        while not answers_handshake(port):
            if proc.poll() is not None:
                raise RuntimeError("the broker exited with code %d: %s" % (proc.returncode, "".join(errors[-3:]).strip()))
            if time.monotonic() - start > 30:
                raise RuntimeError("the broker did not answer a handshake within 30 s")
            time.sleep(0.002)
        ready = time.monotonic() - start
        time.sleep(idle)
        rss = rss_kib(proc.pid)
        line_at = first_line.get("at")
        return ready * 1000, (line_at - start) * 1000 if line_at else None, rss / 1024, first_line.get("text")
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def stats(values):
    return statistics.median(values), min(values), max(values)


rows = []
ready_line = None
try:
    for flags in variants:
        results = [one_run(flags) for _ in range(runs)]
        ready = stats([r[0] for r in results])
        lines = [r[1] for r in results if r[1] is not None]
        line = stats(lines) if len(lines) == len(results) else None
        rss = stats([r[2] for r in results])
        ready_line = ready_line or results[0][3]
        rows.append((flags, ready, line, rss))
        print("%-100s ready %6.0f ms (min %.0f, max %.0f)   idle RSS %6.1f MiB (min %.1f, max %.1f)"
              % (((flags or "(no flags)"),) + ready + rss), flush=True)
except RuntimeError as e:
    print("broker-startup: %s" % e, file=sys.stderr)
    sys.exit(1)


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def mem_total_gib():
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) / 1024 / 1024
    return 0


def os_name():
    try:
        with open("/etc/os-release") as f:
            for line in f:
                if line.startswith("PRETTY_NAME="):
                    return line.split("=", 1)[1].strip().strip('"')
    except OSError:
        pass
    return platform.system()


def ms(v):
    return "%.0f" % v


def mib(v):
    return "%.1f" % v


begin = "<!-- broker-startup:begin (written by bench/broker-startup.sh: edits inside are overwritten) -->"
end = "<!-- broker-startup:end -->"
out = [begin, "## Broker start-up time and idle memory", ""]
out.append("Command: `%s`, %d runs per row, `bench/broker-startup.sh`." % (os.environ["BENCH_SHOWN"], runs))
out.append("*Ready*: from launching the JVM until the port answers the AMQP protocol header with connection.start. "
           "*Ready line*: until the broker's first stdout line%s. *Idle RSS*: VmRSS of the java process %g s after "
           "ready, no client connected." % ((" (`%s`)" % ready_line) if ready_line else "", idle))
out.append("")
out.append("Machine: %s, %d CPUs, %.1f GiB RAM; %s, Linux %s; %s. Date: %s."
           % (cpu_model(), os.cpu_count(), mem_total_gib(), os_name(), platform.release(), os.environ["BENCH_JAVA"],
              datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")))
out.append("Targets (issue 3): ready in under 500 ms, idle RSS at most 64 MiB.")
out.append("")
out.append("| JVM flags | ready median (ms) | min | max | ready line median (ms) | idle RSS median (MiB) | min | max |")
out.append("|---|---:|---:|---:|---:|---:|---:|---:|")
for flags, ready, line, rss in rows:
    out.append("| %s | %s | %s | %s | %s | %s | %s | %s |" % (
        ("`%s`" % flags) if flags and flags != "@launcher" else ("`./mensajero broker` (its own options and AppCDS archive)" if flags else "(none)"), ms(ready[0]), ms(ready[1]), ms(ready[2]),
        ms(line[0]) if line else "-", mib(rss[0]), mib(rss[1]), mib(rss[2])))
out.append(end)
section = "\n".join(out) + "\n"

if os.environ["BENCH_WRITE"] == "1":
    path = os.environ["BENCH_OUT"]
    old = open(path).read() if os.path.exists(path) else "# Benchmarks\n\n"
    pattern = re.compile(re.escape("<!-- broker-startup:begin") + r".*?" + re.escape(end) + r"\n?", re.S)
    new = pattern.sub(lambda m: section, old) if pattern.search(old) else old.rstrip("\n") + "\n\n" + section
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, "w") as f:
        f.write(new)
    print("written to %s" % path)
else:
    print(section)
PYTHON
