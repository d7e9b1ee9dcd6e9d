#!/usr/bin/env bash
# What reading a legacy-encoded input costs: `vncite extract --format json` on ~100 MB of corpus text in UTF-8
# and the same text in TCVN3 and VNI (converted by npm's vietnamese-conversion, an independent converter),
# medians of 5 runs each, with peak memory. Never run by CI (needs node/npm, takes a few minutes).
set -euo pipefail
cd "$(dirname "$0")/.."
here=$PWD
corpus=${VNCITE_CORPUS:-../shared/corpus}
out=${BENCH_DIR:-bench-data}
mkdir -p "$out"
cargo build --release --quiet
one="$out/corpus_x1.txt"
[ -s "$one" ] || cat "$corpus"/*.txt > "$one"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm init -y >/dev/null && npm install --silent vietnamese-conversion@2.0.0 >/dev/null)
for charset in tcvn3 vni; do
  [ -s "$out/corpus_x1.$charset.txt" ] && continue
  (cd "$work" && node -e '
    const { VietnameseConversion } = require("vietnamese-conversion");
    const text = require("fs").readFileSync(process.argv[1], "utf8");
    const out = new VietnameseConversion(text, "unicode").toCharset(process.argv[2]);
    const bytes = Buffer.alloc(out.length);
    const cp1252 = {0x20AC:0x80,0x201A:0x82,0x0192:0x83,0x201E:0x84,0x2026:0x85,0x2020:0x86,0x2021:0x87,0x02C6:0x88,
      0x2030:0x89,0x0160:0x8A,0x2039:0x8B,0x0152:0x8C,0x017D:0x8E,0x2018:0x91,0x2019:0x92,0x201C:0x93,0x201D:0x94,
      0x2022:0x95,0x2013:0x96,0x2014:0x97,0x02DC:0x98,0x2122:0x99,0x0161:0x9A,0x203A:0x9B,0x0153:0x9C,0x017E:0x9E,0x0178:0x9F};
    let n = 0;
    for (const ch of out) { const c = ch.codePointAt(0); bytes[n++] = c < 256 ? c : (cp1252[c] ?? 0x3F); }
    process.stdout.write(bytes.subarray(0, n));
  ' "$here/$one" "$charset") > "$out/corpus_x1.$charset.txt"
done
times=${TIMES:-27}
for form in "" .tcvn3 .vni; do
  big="$out/corpus_x$times$form.txt"
  [ -s "$big" ] || for _ in $(seq "$times"); do cat "$out/corpus_x1$form.txt"; done > "$big"
done
measure() {
  local file=$1 runs=() peak=0
  for _ in 1 2 3 4 5; do
    local line
    line=$( { /usr/bin/time -f '%e %M' target/release/vncite extract --format json "$file" >/dev/null; } 2>&1 | tail -1)
    runs+=("${line% *}")
    peak=${line#* }
  done
  python3 - "$file" "$peak" "${runs[@]}" <<'PY'
import os, statistics, sys
file, peak, *runs = sys.argv[1:]
runs = sorted(map(float, runs))
size = os.path.getsize(file)
med = statistics.median(runs)
print(f"{os.path.basename(file)}: {size / 1e6:.0f} MB, median {med:.2f} s ({runs[0]:.2f}-{runs[-1]:.2f}), "
      f"{size / 1e6 / med:.0f} MB/s, peak {int(peak) / 1024:.0f} MiB")
PY
}
for form in "" .tcvn3 .vni; do measure "$out/corpus_x$times$form.txt"; done
