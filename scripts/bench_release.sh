#!/usr/bin/env bash
# Times the release binary on a >= 100 MB input built by repeating ../shared/corpus, against ripgrep's bare
# match of the same symbol shape. Prints MB/s, the ratio to rg, and peak memory. Never run by CI (noisy).
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${VNCITE_CORPUS:-../shared/corpus}
out=${BENCH_DIR:-bench-data}
mkdir -p "$out"
big="$out/corpus_x28.txt"
if [ ! -s "$big" ]; then
  for _ in $(seq 1 28); do cat "$corpus"/*.txt; done > "$big"
fi
cargo build --release --quiet
size=$(stat -c %s "$big")
best() { # best of 5 wall-clock seconds, and the peak RSS of the last run
  local t m best=999
  for _ in 1 2 3 4 5; do
    /usr/bin/time -f "%e %M" -o "$out/time" "$@" > /dev/null
    read -r t m < "$out/time"
    best=$(python3 -c "print(min($best, $t))")
  done
  echo "$best $m"
}
read -r vt vm < <(best target/release/vncite extract --format json "$big")
read -r st sm < <(best target/release/vncite extract --threads 1 --format json "$big")
read -r rt rm < <(best rg -o '[0-9]+(/[0-9]{4})?[/-][A-ZĐ][A-Za-zĐđ]*(-[A-ZĐ][A-Za-zĐđ0-9]*)*' "$big")
python3 - "$size" "$vt" "$vm" "$rt" "$st" "$sm" <<'PY'
import sys
size, vt, vm, rt = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
st, sm = float(sys.argv[5]), int(sys.argv[6])
mb = size / 1e6
print(f"input {mb:.1f} MB")
print(f"vncite extract --format json: {vt:.2f} s, {mb / vt:.1f} MB/s, peak {vm / 1024:.0f} MiB ({vm * 1024 / size:.2f}x input)")
print(f"  --threads 1:                 {st:.2f} s, {mb / st:.1f} MB/s, peak {sm / 1024:.0f} MiB; both cores {st / vt:.2f}x faster")
print(f"rg -o symbol shape:           {rt:.2f} s, {mb / rt:.1f} MB/s; vncite/rg time ratio {vt / rt:.1f}x")
PY
