#!/usr/bin/env bash
# Instruction counts (valgrind callgrind) for `vncite extract --format json` on the whole corpus as one text and on
# a tiny text, on one thread (the single-thread path the issue bars): repeatable where wall-clock timings on a
# shared machine are not. Prints instructions per byte of the corpus after start-up (the figure the issues
# compare builds by), and the marginal cost: the corpus read twice over against once, which leaves out every
# one-time cost (patterns and tables built on first use that the tiny text never reaches), as a 100 MB input
# sees it. Never run by CI (needs valgrind, takes a minute).
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${VNCITE_CORPUS:-../shared/corpus}
out=${BENCH_DIR:-bench-data}
mkdir -p "$out"
one="$out/corpus_x1.txt"
[ -s "$one" ] || cat "$corpus"/*.txt > "$one"
two="$out/corpus_x2.txt"
cat "$one" "$one" > "$two"
printf 'Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ;\n' > "$out/tiny.txt"
cargo build --release --quiet
count() {
  valgrind --tool=callgrind --callgrind-out-file=/dev/null target/release/vncite extract --threads 1 --format json "$1" 2>&1 >/dev/null |
    awk '/refs:/ { gsub(",", "", $NF); print $NF }'
}
whole=$(count "$one")
twice=$(count "$two")
startup=$(count "$out/tiny.txt")
size=$(stat -c %s "$one")
python3 - "$whole" "$twice" "$startup" "$size" <<'PY'
import sys
whole, twice, startup, size = map(int, sys.argv[1:])
print(f"corpus {size / 1e6:.2f} MB: {whole / 1e6:.1f} M instructions, {startup / 1e6:.1f} M of them start-up; "
      f"{(whole - startup) / size:.1f} per byte")
print(f"corpus twice: {twice / 1e6:.1f} M; marginal {(twice - whole) / size:.1f} per byte, "
      f"one-time {(2 * whole - twice) / 1e6:.1f} M")
PY
