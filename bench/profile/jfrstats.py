import json, subprocess, sys, collections
f = sys.argv[1]; msgs = float(sys.argv[2]) if len(sys.argv) > 2 else 0
def events(name):
    out = subprocess.run(["jfr", "print", "--json", "--events", name, f], capture_output=True, text=True).stdout
    return json.loads(out)["recording"]["events"]
# allocation per thread (last value per thread)
alloc = {}
for e in events("jdk.ThreadAllocationStatistics"):
    t = e["values"]["thread"]
    alloc[t["javaName"] if t else "?"] = e["values"]["allocated"]
for k, v in sorted(alloc.items(), key=lambda x: -x[1])[:4]:
    print("alloc %-40s %12d bytes%s" % (k, v, ("  %.0f B/msg" % (v / msgs)) if msgs else ""))
# allocation samples by class (weight)
w = collections.Counter(); top = collections.Counter()
for e in events("jdk.ObjectAllocationSample"):
    v = e["values"]; w[v["objectClass"]["name"]] += v["weight"]
    st = v.get("stackTrace")
    if st and st["frames"]:
        fr = [x for x in st["frames"]][:6]
        key = " < ".join("%s.%s" % (x["method"]["type"]["name"].split(".")[-1], x["method"]["name"]) for x in fr[:4])
        top[key] += v["weight"]
tot = sum(w.values()) or 1
print("allocation samples by class:")
for k, v in w.most_common(15): print("  %5.1f%% %s" % (100 * v / tot, k))
print("by site:")
for k, v in top.most_common(25): print("  %5.1f%% %s" % (100 * v / tot, k))
# CPU samples: top frames on the event loop thread
c = collections.Counter(); cs = collections.Counter(); n = 0
for e in events("jdk.ExecutionSample"):
    v = e["values"]; t = v["sampledThread"]["javaName"] or ""
    if "nioEventLoop" not in t and "multiThreadIoEventLoop" not in t.lower() and "EventLoop" not in t: continue
    fr = v["stackTrace"]["frames"] if v["stackTrace"] else []
    if not fr: continue
    n += 1
    c["%s.%s" % (fr[0]["method"]["type"]["name"], fr[0]["method"]["name"])] += 1
    seen = set()
    for x in fr:
        k = "%s.%s" % (x["method"]["type"]["name"].split(".")[-1], x["method"]["name"])
        if k not in seen: seen.add(k); cs[k] += 1
print("loop CPU samples:", n)
for k, v in c.most_common(20): print("  self %5.1f%% %s" % (100 * v / max(n, 1), k))
for k, v in cs.most_common(40): print("  total %5.1f%% %s" % (100 * v / max(n, 1), k))
gc = events("jdk.GarbageCollection")
print("GCs", len(gc), "sum pause ms", sum(float(e["values"]["sumOfPauses"].rstrip(" ms").replace("s","")) if False else 0 for e in gc))
