"""A small numpy evaluator for the ops in the digits-CNN graphs (float32, float16 and dynamically quantized).

It gives the Python-side reference predictions for the converted models, since onnxruntime's Python package is not
installable here.  It follows the ONNX operator definitions; it is not meant to be fast or general.

float16 graphs: each op reads float16 tensors, computes in float32 and rounds its float16 results back to float16
(one rounding per op, as a float16 tensor is stored between ops).  onnxruntime's CPU kernels may accumulate
differently inside an op, so float16 results agree to about 1e-2, not bit for bit.
"""
from __future__ import annotations

import numpy as np
import onnx
from onnx import numpy_helper

ONNX_TO_NUMPY = {1: np.float32, 2: np.uint8, 3: np.int8, 6: np.int32, 7: np.int64, 10: np.float16}


def _attrs(node):
    return {a.name: onnx.helper.get_attribute_value(a) for a in node.attribute}


def _pads(attrs, spatial):
    pads = list(attrs.get("pads", [0] * (2 * spatial)))
    return pads[:spatial], pads[spatial:]


def _conv(x, w, attrs, accumulate):
    """2-D convolution (group 1) by im2col; x [N,C,H,W], w [M,C,kh,kw]; ``accumulate`` is the accumulator dtype."""
    assert attrs.get("group", 1) == 1 and list(attrs.get("dilations", [1, 1])) == [1, 1]
    kh, kw = w.shape[2], w.shape[3]
    sh, sw = attrs.get("strides", [1, 1])
    (pt, pl), (pb, pr) = _pads(attrs, 2)
    x = np.pad(x, ((0, 0), (0, 0), (pt, pb), (pl, pr)))
    n, c, h, wd = x.shape
    oh, ow = (h - kh) // sh + 1, (wd - kw) // sw + 1
    cols = np.empty((n, c, kh, kw, oh, ow), dtype=accumulate)
    for i in range(kh):
        for j in range(kw):
            cols[:, :, i, j] = x[:, :, i:i + sh * oh:sh, j:j + sw * ow:sw]
    cols = cols.reshape(n, c * kh * kw, oh * ow)
    out = np.einsum("mk,nkp->nmp", w.reshape(w.shape[0], -1).astype(accumulate), cols)
    return out.reshape(n, w.shape[0], oh, ow)


def _maxpool(x, attrs):
    kh, kw = attrs["kernel_shape"]
    sh, sw = attrs.get("strides", [1, 1])
    (pt, pl), (pb, pr) = _pads(attrs, 2)
    x = np.pad(x, ((0, 0), (0, 0), (pt, pb), (pl, pr)), constant_values=-np.inf)
    n, c, h, w = x.shape
    oh, ow = (h - kh) // sh + 1, (w - kw) // sw + 1
    out = np.full((n, c, oh, ow), -np.inf, dtype=x.dtype)
    for i in range(kh):
        for j in range(kw):
            out = np.maximum(out, x[:, :, i:i + sh * oh:sh, j:j + sw * ow:sw])
    return out


def _round_half_even_f32(v):
    return np.round(v.astype(np.float32))  # numpy rounds half to even, as ONNX requires


def dynamic_quantize_linear(x):
    """ONNX DynamicQuantizeLinear: uint8, asymmetric, per tensor; float32 arithmetic."""
    x = x.astype(np.float32)
    x_min = np.minimum(np.float32(0), x.min())
    x_max = np.maximum(np.float32(0), x.max())
    scale = np.float32((x_max - x_min) / np.float32(255))
    if scale == 0:
        scale = np.float32(1)  # not reached by these graphs (inputs are never all zero)
    zero_point = np.clip(_round_half_even_f32(np.float32(0) - x_min / scale), 0, 255).astype(np.uint8)
    y = np.clip(_round_half_even_f32(x / scale) + zero_point.astype(np.float32), 0, 255).astype(np.uint8)
    return y, np.array(scale, dtype=np.float32), np.array(zero_point, dtype=np.uint8)


def run(model: onnx.ModelProto, feeds: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    values = {t.name: numpy_helper.to_array(t) for t in model.graph.initializer}
    values.update(feeds)
    for node in model.graph.node:
        a = _attrs(node)
        x = [values[i] if i else None for i in node.input]
        half = any(v is not None and v.dtype == np.float16 for v in x)
        f = [v.astype(np.float32) if v is not None and v.dtype == np.float16 else v for v in x]
        op = node.op_type
        if op == "Conv":
            y = _conv(f[0], f[1], a, np.float32)
            if len(f) > 2 and f[2] is not None:
                y = y + f[2].reshape(1, -1, 1, 1)
            out = [y]
        elif op == "ConvInteger":
            xq = x[0].astype(np.int32) - (x[2].astype(np.int32) if len(x) > 2 else 0)
            wq = x[1].astype(np.int32) - (x[3].astype(np.int32) if len(x) > 3 else 0)
            out = [_conv(xq, wq, a, np.int32)]
        elif op == "DynamicQuantizeLinear":
            out = list(dynamic_quantize_linear(x[0]))
        elif op == "Relu":
            out = [np.maximum(f[0], 0)]
        elif op == "MaxPool":
            out = [_maxpool(f[0], a)]
        elif op == "Flatten":
            axis = a.get("axis", 1)
            out = [f[0].reshape(int(np.prod(f[0].shape[:axis])), -1)]
        elif op == "Reshape":
            shape = [d if d != 0 else f[0].shape[k] for k, d in enumerate(x[1].tolist())]
            out = [f[0].reshape(shape)]
        elif op == "Gemm":
            A = f[0].T if a.get("transA", 0) else f[0]
            B = f[1].T if a.get("transB", 0) else f[1]
            y = a.get("alpha", 1.0) * (A @ B)
            if len(f) > 2 and f[2] is not None:
                y = y + a.get("beta", 1.0) * f[2]
            out = [y]
        elif op == "Add":
            out = [f[0] + f[1]]
        elif op == "Mul":
            out = [f[0] * f[1]]
        elif op == "Cast":
            out = [x[0].astype(ONNX_TO_NUMPY[a["to"]])]
            half = False
        else:
            raise NotImplementedError(f"numpy evaluator: op {op} is not supported")
        for name, v in zip(node.output, out):
            if op not in ("Cast", "DynamicQuantizeLinear", "ConvInteger"):
                v = v.astype(np.float16 if half else np.float32)
            values[name] = v
    return {o.name: values[o.name] for o in model.graph.output}
