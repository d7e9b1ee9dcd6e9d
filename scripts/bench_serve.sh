#!/usr/bin/env bash
# The web app's speed, as issue 13 states it: `vncite annotate` throughput on ~100 MB of corpus text, the
# server's answer to POST /api/extract of a 100 KB text, and /api/neighbourhood on a 1.1 M-edge store of the
# synthetic corpus (examples/gen_corpus.rs). Medians with the spread; never run by CI (takes minutes).
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${VNCITE_CORPUS:-../shared/corpus}
out=${BENCH_DIR:-bench-data}
mkdir -p "$out"
cargo build --release --quiet
cargo build --release --quiet --example gen_corpus
big="$out/corpus_x27.txt"
[ -s "$big" ] || for _ in $(seq 27); do cat "$corpus"/*.txt; done > "$big"
head -c 100000 "$big" | iconv -c -f utf-8 -t utf-8 > "$out/100k.txt"
synthetic="$out/synthetic"
store="$out/synthetic.store"
if [ ! -s "$store" ]; then
  [ -d "$synthetic" ] || target/release/examples/gen_corpus "$synthetic" 100000 >/dev/null
  target/release/vncite graph build "$synthetic" -o "$store" --quiet
fi
python3 - "$big" "$out/100k.txt" "$store" <<'PY'
import json, os, socket, statistics, subprocess, sys, time, urllib.parse, urllib.request
big, small, store = sys.argv[1:]
binary = "target/release/vncite"
def spread(ts):
    ts = sorted(ts)
    return f"median {statistics.median(ts) * 1000:.1f} ms ({ts[0] * 1000:.1f}-{ts[-1] * 1000:.1f})"
runs = []
for _ in range(3):
    t = time.perf_counter()
    subprocess.run([binary, "annotate", "--format", "html", "-o", "/dev/null", big], check=True)
    runs.append(time.perf_counter() - t)
size = os.path.getsize(big)
print(f"annotate {size / 1e6:.0f} MB: {spread(runs)}, {size / 1e6 / statistics.median(runs):.0f} MB/s")
server = subprocess.Popen([binary, "serve", "--graph", store, "--port", "0"], stderr=subprocess.PIPE, text=True)
try:
    line = server.stderr.readline()
    base = line.strip().removeprefix("vncite: serving on ").rstrip("/")
    body = open(small, "rb").read()
    times = []
    for _ in range(21):
        t = time.perf_counter()
        urllib.request.urlopen(urllib.request.Request(base + "/api/extract", data=body, method="POST")).read()
        times.append(time.perf_counter() - t)
    print(f"POST /api/extract of {len(body) / 1000:.0f} KB: {spread(times)}")
    top = json.loads(subprocess.run([binary, "query", "top", "--graph", store, "--format", "json", "--limit", "1"],
                                    capture_output=True, check=True).stdout)[0]["id"]
    for depth in (1, 2):
        times = []
        url = f"{base}/api/neighbourhood?doc={urllib.parse.quote(top)}&depth={depth}"
        for _ in range(21):
            t = time.perf_counter()
            n = json.loads(urllib.request.urlopen(url).read())
            times.append(time.perf_counter() - t)
        print(f"GET /api/neighbourhood depth {depth} of the most cited document ({len(n['nodes'])} nodes): {spread(times)}")
finally:
    server.terminate()
PY
