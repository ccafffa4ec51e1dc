"""Reference values for vitest-ml's float16 codec (src/model/float16-bits.ts), computed with numpy.

Writes test/fixtures/reference/float16.json: numbers and the IEEE 754 binary16 bits numpy rounds them to
(`np.array(values, dtype=np.float64).astype(np.float16).view(np.uint16)`, round to nearest, ties to even), and bit
patterns with the float64 values numpy reads them as (`bits.view(np.float16).astype(np.float64)`). The cases cover
exact values, ties, subnormals, overflow to infinity, signed zero and seeded random values over the whole range.

Run from the repository root:
    python3 scripts/reference/float16_reference.py
"""
import json
import pathlib

import numpy as np

OUT = pathlib.Path(__file__).resolve().parents[2] / "test" / "fixtures" / "reference" / "float16.json"
rng = np.random.RandomState(16)

special = [
    0.0, -0.0, 1.0, -2.5, 0.1, 1 / 3, 65504.0, 65519.99, 65520.0, 1e6, -1e6,
    2.0 ** -24, 2.0 ** -25, 2.0 ** -25 * 1.0000001, 2.0 ** -14, 2.0 ** -14 * 0.999,
    2049.0, 2051.0, 1.00048828125, 1.00146484375,  # ties: to even
    6.103515625e-05, 5.960464477539063e-08, 3.14159265358979,
]
random = list(np.concatenate([
    rng.uniform(-1, 1, 40),
    rng.uniform(-70000, 70000, 40),
    np.exp(rng.uniform(np.log(1e-8), np.log(1e-3), 40)) * rng.choice([-1, 1], 40),
]))
values = [float(v) for v in special + random]
with np.errstate(over="ignore"):  # 65520 and 1e6 overflow to infinity, as they should
    bits = np.array(values, dtype=np.float64).astype(np.float16).view(np.uint16)

all_bits = np.array(list(range(0, 0x7C00, 37)) + [0x7C00, 0xFC00, 0x8001, 0x83FF, 0x0400, 0xFBFF], dtype=np.uint16)
decoded = all_bits.view(np.float16).astype(np.float64)

OUT.write_text(json.dumps({
    "generator": f"numpy {np.__version__}: np.array(values).astype(np.float16).view(np.uint16); bits.view(np.float16).astype(np.float64)",
    "encode": {"values": values, "bits": [int(b) for b in bits]},
    "decode": {"bits": [int(b) for b in all_bits], "values": [float(v) if np.isfinite(v) else ("Infinity" if v > 0 else "-Infinity") for v in decoded]},
}, indent=1) + "\n")
print(f"wrote {OUT}")
