import json, subprocess, sys
f=sys.argv[1]
out = subprocess.run(["jfr", "print", "--json", "--events", "jdk.GarbageCollection", f], capture_output=True, text=True).stdout
ev = json.loads(out)["recording"]["events"]
def ms(v):
    # durations are ISO-8601 like "PT0.001234S" in json
    if isinstance(v,str) and v.startswith("PT"): return float(v[2:-1])*1000
    return float(v)
p=[ms(e["values"]["longestPause"]) for e in ev]
print("GCs %d, total pause %.1f ms, max %.1f ms, >10ms: %d" % (len(p), sum(p), max(p) if p else 0, sum(1 for x in p if x>10)))
