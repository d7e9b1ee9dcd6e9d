#!/usr/bin/env bash
# Writes every output a refactor must keep (extraction JSON Lines, the graph store, stats, each export, a few
# queries) for one binary into DIR, so two builds can be compared with `diff -r`:
#   scripts/same_output.sh OLD_BINARY /tmp/before && scripts/same_output.sh target/release/vncite /tmp/after
#   diff -r /tmp/before /tmp/after
set -euo pipefail
bin=$(realpath "$1"); out=$2
cd "$(dirname "$0")/.."
corpus=${VNCITE_CORPUS:-../shared/corpus}
mkdir -p "$out"
"$bin" extract --format json "$corpus" "$corpus/../graph_truth/texts" tests/data > "$out/extract.jsonl" || true
"$bin" graph build -o "$out/corpus.store" "$corpus" "$corpus/../graph_truth/texts" > /dev/null 2>&1 || true
"$bin" stats --graph "$out/corpus.store" --format json > "$out/stats.json" 2>&1 || true
for f in dot json graphml mermaid; do
  "$bin" export --graph "$out/corpus.store" --format "$f" -o "$out/export.$f"
done
for doc in 17/1999/NĐ-CP 30/2020/NĐ-CP 31/2024/QH15 57-NQ/TW; do
  name=$(echo "$doc" | tr '/' '_')
  for q in ancestors descendants status; do
    "$bin" query "$q" --graph "$out/corpus.store" "$doc" > "$out/$q.$name.txt" 2>&1 || true
  done
done
"$bin" query top --graph "$out/corpus.store" > "$out/top.txt" 2>&1 || true
