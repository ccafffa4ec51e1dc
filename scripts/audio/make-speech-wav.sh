#!/usr/bin/env bash
# Builds examples/data/speech-16k.wav: speech synthesized with espeak-ng between stretches of silence and background
# noise, 16 kHz mono 16-bit PCM, for the voice-activity examples. Deterministic for a given espeak-ng and sox version.
# Needs Debian's espeak-ng and sox (apt-get install -y espeak-ng sox). The result is committed, so tests do not need them.
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
espeak-ng -v en-us -s 150 -w "$work/a.wav" "The model passed every check before it was shipped to production."
espeak-ng -v en-gb -p 30 -s 140 -w "$work/b.wav" "Drift in the input data is a signal to retrain, not a reason to panic."
for part in a b; do sox -R "$work/$part.wav" -r 16000 -c 1 -b 16 "$work/$part-16k.wav"; done
sox -R -n -r 16000 -c 1 -b 16 "$work/silence.wav" trim 0 1.0
sox -R -n -r 16000 -c 1 -b 16 "$work/noise.wav" synth 1.5 pinknoise vol 0.02
sox -R "$work/silence.wav" "$work/a-16k.wav" "$work/noise.wav" "$work/b-16k.wav" "$work/silence.wav" examples/data/speech-16k.wav
soxi examples/data/speech-16k.wav
