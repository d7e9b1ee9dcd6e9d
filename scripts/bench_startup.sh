#!/usr/bin/env bash
# Whole-process wall time of a one-line `vncite extract --format json` (the start-up bar of #16), beside
# `vncite --version` (process start and argument parsing alone), interleaved run by run so that both see the
# same machine. An optional second binary (an older build) is timed in the same loop for a paired ratio:
#   scripts/bench_startup.sh [OTHER_BINARY]
# Never run by CI (noisy).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${BENCH_DIR:-bench-data}
mkdir -p "$out"
printf 'Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ;\n' > "$out/tiny.txt"
cargo build --release --quiet
python3 - "$out/tiny.txt" "${1:-}" <<'PY'
import statistics, subprocess, sys, time
tiny, other = sys.argv[1], sys.argv[2]
cases = {"extract one line": ["target/release/vncite", "extract", "--format", "json", tiny],
         "--version": ["target/release/vncite", "--version"]}
if other:
    cases["other binary, extract one line"] = [other, "extract", "--format", "json", tiny]
times = {k: [] for k in cases}
for _ in range(60):
    for k, cmd in cases.items():
        t = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)
        times[k].append((time.perf_counter() - t) * 1000)
for k, v in times.items():
    v.sort()
    print(f"{k:32} median {statistics.median(v):.2f} ms  p10 {v[6]:.2f}  p90 {v[-7]:.2f}")
PY
