#!/usr/bin/env bash
# Longer fuzzing: the property tests of tests/vncite/properties.rs (random text, hostile markup and random
# bytes through every reader and the extractor; random graphs through the store loader, its damage checks
# and every export, read back by their own readers) with SCALE times their usual number of cases.
# A failing case is saved by proptest in tests/proptest-regressions/properties.txt: commit it, and every
# later `cargo test` replays it first. Usage: scripts/fuzz.sh [SCALE] (default 2000: about three minutes on this machine).
set -euo pipefail
cd "$(dirname "$0")/.."
scale=${1:-2000}
cargo build --release --tests --quiet
start=$(date +%s)
VNCITE_FUZZ_SCALE="$scale" cargo test --release --quiet --test vncite properties:: -- --test-threads 2
echo "fuzz: scale $scale, $(( $(date +%s) - start )) s; regressions: $(grep -c '^cc ' tests/proptest-regressions/properties.txt || true) saved cases"
