#!/usr/bin/python3
"""threads.py PID OUTFILE: samples /proc/PID/task/*/stat every 0.2 s until PID's run ends or SIGTERM,
then writes user+system ticks per thread name (threads that ended during the run included), minus
their ticks at the first sample."""
import os, re, signal, sys, time, collections
pid, out = sys.argv[1], sys.argv[2]
first, last = {}, {}
stop = False
def on_term(*_):
    global stop
    stop = True
signal.signal(signal.SIGTERM, on_term)
def sample():
    try:
        tids = os.listdir("/proc/%s/task" % pid)
    except OSError:
        return False
    for t in tids:
        try:
            s = open("/proc/%s/task/%s/stat" % (pid, t)).read()
        except OSError:
            continue
        name = s[s.index("(") + 1:s.rindex(")")]
        f = s[s.rindex(")") + 2:].split()
        key = (t, name)
        ticks = (int(f[11]), int(f[12]))
        first.setdefault(key, ticks)
        last[key] = ticks
    return True
while not stop and sample():
    time.sleep(0.2)
byname = collections.defaultdict(lambda: [0, 0])
for k, (u, s) in last.items():
    u0, s0 = first[k]
    name = re.sub(r"[0-9]+$", "#", k[1])
    byname[name][0] += u - u0
    byname[name][1] += s - s0
with open(out, "w") as f:
    f.write(" ".join("%s=%d+%d" % (n.replace(" ", "_"), u, s) for n, (u, s) in sorted(byname.items(), key=lambda x: -sum(x[1])) if u + s > 0) + "\n")
