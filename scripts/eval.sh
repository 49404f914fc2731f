#!/usr/bin/env bash
# Scores the analysis of the seed pages against shared/eval/gold (dev only:
# shared/ is beside the checkout, not part of it). Extra args go to score.py.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SHARED=${ZHLENS_SHARED:-$ROOT/../shared}
cd "$ROOT"
cargo build -q --release
pred=${ZHLENS_PRED:-$(mktemp -d)}
mkdir -p "$pred"
for f in "$SHARED"/eval/gold/*.json; do
  page=$(basename "$f" .json)
  target/release/zhlens "$SHARED/seeds/$page.txt" > "$pred/$page.json"
done
python3 "$SHARED/eval/score.py" --gold "$SHARED/eval/gold" --pred "$pred" --source "$SHARED/seeds" "$@"
