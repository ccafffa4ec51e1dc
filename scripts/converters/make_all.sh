#!/usr/bin/env bash
# Rebuilds every fixture in models/converters/ and checks it in onnxruntime-node. See README.md in this folder.
# Needs: Debian's python3-torch python3-onnx python3-sklearn (for /usr/bin/python3), `npm ci` in the repo, and
# wink-sentiment@5.0.2 installed in a scratch folder (default: converter-data in the system temporary folder; pass another as $1).
set -euo pipefail
cd "$(dirname "$0")/../.."
PY=/usr/bin/python3
SCRATCH="${1:-$(dirname "$(mktemp -u)")/converter-data}"
if [ ! -f "$SCRATCH/node_modules/wink-sentiment/package.json" ]; then
  mkdir -p "$SCRATCH"
  (cd "$SCRATCH" && { [ -f package.json ] || npm init -y >/dev/null; } && npm install --no-audit --no-fund --ignore-scripts wink-sentiment@5.0.2)
fi
$PY scripts/converters/make_torch_cnn.py
$PY scripts/converters/make_cnn_float16.py
$PY scripts/converters/make_cnn_int8.py
$PY scripts/converters/make_sklearn_penguins.py
$PY scripts/converters/make_text_sentiment.py "$SCRATCH"
node scripts/converters/verify.mjs --write-manifest
