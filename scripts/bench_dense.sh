#!/usr/bin/env bash
# The dense-list bar of the reliability issue: a list of bare symbols, 100 MB, one symbol repeated and a mix of
# numbers, years and codes. Prints wall time, MB/s and peak memory per input byte for `vncite extract --format
# json` on both cores and on one, beside `rg -o` on the same file. Never run by CI (takes a minute).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${BENCH_DIR:-bench-data}
mb=${DENSE_MB:-100}
mkdir -p "$out"
cargo build --release --quiet
python3 - "$out" "$mb" <<'PY'
import os, random, sys
out, mb = sys.argv[1], int(sys.argv[2])
size = mb * 1_000_000
same = os.path.join(out, f"dense_same_{mb}.txt")
if not os.path.exists(same):
    unit = "30/2020/NĐ-CP, "
    open(same, "w").write(unit * (size // len(unit.encode())))
mixed = os.path.join(out, f"dense_mixed_{mb}.txt")
if not os.path.exists(mixed):
    random.seed(1)
    codes = ["NĐ-CP", "TT-BTC", "QĐ-TTg", "NQ-CP", "TT-BGDĐT", "QĐ-UBND"]
    parts, n = [], 0
    while n < size:
        t = f"{random.randint(1, 400)}/{random.randint(1995, 2025)}/{random.choice(codes)}, "
        parts.append(t)
        n += len(t.encode())
    open(mixed, "w").write("".join(parts))
PY
for f in "$out/dense_same_$mb.txt" "$out/dense_mixed_$mb.txt"; do
  size=$(stat -c %s "$f")
  for threads in 2 1; do
    /usr/bin/time -f "%e %M" -o /tmp/vncite_dense_time target/release/vncite extract --threads "$threads" --format json "$f" >/dev/null
    read -r secs kb < /tmp/vncite_dense_time
    python3 -c "import sys; s,kb,size=float(sys.argv[1]),int(sys.argv[2]),int(sys.argv[3]); print(f'{sys.argv[4]} threads {sys.argv[5]}: {s:.2f} s, {size/1e6/s:.1f} MB/s, peak {kb/1024:.0f} MiB = {kb*1024/size:.2f} bytes per input byte')" "$secs" "$kb" "$size" "$(basename "$f")" "$threads"
  done
  if command -v rg >/dev/null; then
    start=$(date +%s.%N)
    rg -o '[0-9]+/[0-9]{4}/[A-ZĐ-]+' "$f" >/dev/null
    end=$(date +%s.%N)
    python3 -c "import sys; print(f'rg -o: {float(sys.argv[2])-float(sys.argv[1]):.2f} s')" "$start" "$end"
  fi
done
