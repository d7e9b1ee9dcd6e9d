#!/usr/bin/env bash
# The Python package against the command line on the shared corpus: `vncite extract --format json CORPUS`
# against vncite.read() of every file (objects built), and vncite.extract_many() of all texts at once,
# whole-process medians of 7 runs (interpreter start-up and import included). Needs the package installed in
# $PYTHON's environment (pip install ./python). Never run by CI.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=$(realpath "${VNCITE_CORPUS:-../shared/corpus}")
py=${PYTHON:-python3}
cargo build --release --quiet
"$py" - "$corpus" target/release/vncite <<'PY'
import statistics, subprocess, sys, time
corpus, binary = sys.argv[1:]
# Each Python case prints the seconds its extraction took inside the process.
read_each = f"""
import pathlib, time, vncite
paths = sorted(p for p in pathlib.Path({corpus!r}).rglob('*') if p.suffix in ('.txt', '.md'))
t = time.perf_counter()
found = [vncite.read(p) for p in paths]
print(time.perf_counter() - t)
"""
with_objects = read_each.replace("found = [vncite.read(p) for p in paths]",
                                 "found = [vncite.read(p) for p in paths]; n = sum(len(f.citations) for f in found)")
many = f"""
import pathlib, time, vncite
paths = sorted(p for p in pathlib.Path({corpus!r}).rglob('*') if p.suffix in ('.txt', '.md'))
texts = [p.read_bytes().decode() for p in paths]
t = time.perf_counter()
found = vncite.extract_many(texts, [str(p) for p in paths])
print(time.perf_counter() - t)
"""
many_objects = many.replace("found = vncite.extract_many(texts, [str(p) for p in paths])",
                            "found = vncite.extract_many(texts, [str(p) for p in paths]); n = sum(len(f.citations) for f in found)")
def run(cmd):
    t = time.perf_counter()
    out = subprocess.run(cmd, check=True, stdout=subprocess.PIPE, text=True).stdout
    whole = time.perf_counter() - t
    inner = float(out) if cmd[0] == sys.executable else whole
    return whole, inner
cases = {
    "cli extract --format json": [binary, "extract", "--format", "json", corpus],
    "vncite.read per file": [sys.executable, "-c", read_each],
    "vncite.read + objects": [sys.executable, "-c", with_objects],
    "vncite.extract_many": [sys.executable, "-c", many],
    "vncite.extract_many + objects": [sys.executable, "-c", many_objects],
}
times = {k: [] for k in cases}
for _ in range(9):
    for k, cmd in cases.items():
        times[k].append(run(cmd))
base = statistics.median(w for w, _ in times["cli extract --format json"])
for k, ts in times.items():
    whole = statistics.median(w for w, _ in ts)
    inner = statistics.median(i for _, i in ts)
    spread = sorted(i for _, i in ts)
    print(f"{k:26} in-process {inner * 1000:6.1f} ms ({spread[0] * 1000:.1f}-{spread[-1] * 1000:.1f}) = "
          f"{inner / base:.2f}x the CLI's whole run; whole process {whole * 1000:6.1f} ms = {whole / base:.2f}x")
PY
