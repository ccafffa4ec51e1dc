"""Shared helpers for the converter fixtures in models/converters/.

Used by every make_*.py script in this folder (run them with Debian's /usr/bin/python3, which has the
python3-torch / python3-onnx / python3-sklearn packages; see README.md):

* paths, the penguins data from the npm package vega-datasets, a seeded stratified split;
* compact, deterministic JSON writers for the held-out rows and the manifest;
* ``Skl2OnnxGraph``: a small stand-in for skl2onnx's ModelComponentContainer + Scope.  skl2onnx cannot be
  installed here (no PyPI), so the skl2onnx-shaped models are assembled with ``onnx.helper`` by this class,
  which reproduces the parts of skl2onnx 1.21's container that decide what the file looks like: unique
  variable / operator names (``seed``, ``seed1``, ``seed2`` ...), the op version recorded per node, the
  topological sort by depth, the removal of Identity nodes, opset imports = the highest version used per
  domain, ir_version from the main opset, producer ``skl2onnx`` / ``1.21.0``, domain ``ai.onnx``,
  model_version 0.  The code is written here from reading skl2onnx's sources; it is not copied from them.
"""
from __future__ import annotations

import hashlib
import json
import os
import random
import re
from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, defs, helper

REPO = Path(__file__).resolve().parents[2]
MODELS = REPO / "models" / "converters"
SCRIPTS = REPO / "scripts" / "converters"
MANIFEST = MODELS / "manifest.json"

PENGUINS_FILE = REPO / "node_modules" / "vega-datasets" / "data" / "penguins.json"
PENGUIN_MEASUREMENTS = ["Beak Length (mm)", "Beak Depth (mm)", "Flipper Length (mm)", "Body Mass (g)"]
PENGUIN_SPECIES = ["Adelie", "Chinstrap", "Gentoo"]


def seed_everything(seed: int = 0) -> None:
    random.seed(seed)
    np.random.seed(seed)
    os.environ["PYTHONHASHSEED"] = str(seed)


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def rel(path: Path) -> str:
    return str(path.resolve().relative_to(REPO))


def package_version(package_dir: Path) -> str:
    return json.loads((package_dir / "package.json").read_text())["version"]


# ---------------------------------------------------------------------------------------------------------------
# penguins (vega-datasets)
# ---------------------------------------------------------------------------------------------------------------

def load_penguins():
    """Complete rows of vega-datasets' penguins.json, with their index in the file.

    A row is dropped when any field is null, or when Sex is "." (one row of the file carries "." instead of a sex,
    a known quirk of the Palmer penguins data): 344 rows -> 333.
    """
    if not PENGUINS_FILE.exists():
        raise SystemExit(f"{PENGUINS_FILE} is missing: run `ONNXRUNTIME_NODE_INSTALL=skip npm ci` in the repo first")
    raw = json.loads(PENGUINS_FILE.read_text())
    rows, dropped = [], []
    for index, row in enumerate(raw):
        if any(value is None for value in row.values()) or row["Sex"] == ".":
            dropped.append(index)
            continue
        rows.append(dict(row, _index=index))
    return rows, dropped


def penguin_source() -> dict:
    package = REPO / "node_modules" / "vega-datasets"
    return {
        "package": f"vega-datasets@{package_version(package)} (npm, a devDependency of this repo)",
        "file": rel(PENGUINS_FILE),
        "sha256": sha256_file(PENGUINS_FILE),
        "rows": "344 in the file; 11 with a null field or Sex '.' dropped -> 333",
    }


def stratified_split(labels, test_fraction: float = 0.25, seed: int = 0):
    """Indices (train, test) into ``labels``; sklearn's StratifiedShuffleSplit with a fixed seed."""
    from sklearn.model_selection import train_test_split

    positions = np.arange(len(labels))
    train, test = train_test_split(positions, test_size=test_fraction, random_state=seed, stratify=labels)
    return np.sort(train), np.sort(test)


# ---------------------------------------------------------------------------------------------------------------
# JSON
# ---------------------------------------------------------------------------------------------------------------

def round_sig(values, digits: int = 9):
    """Round floats (nested lists / arrays) to ``digits`` significant digits for compact, stable JSON."""
    if isinstance(values, np.ndarray):
        values = values.tolist()
    if isinstance(values, (list, tuple)):
        return [round_sig(v, digits) for v in values]
    if isinstance(values, (float, np.floating)):
        value = float(values)
        if value == 0.0 or not np.isfinite(value):
            return value
        return float(f"{value:.{digits}g}")
    if isinstance(values, (np.integer,)):
        return int(values)
    return values


def write_json(path: Path, obj, indent=None) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if indent is None:
        text = json.dumps(obj, separators=(",", ":"), ensure_ascii=False)
    else:
        text = json.dumps(obj, indent=indent, ensure_ascii=False)
    path.write_text(text + "\n")


def update_manifest(entry: dict) -> None:
    """Insert or replace one model's entry (by name) in models/converters/manifest.json.

    The onnxruntime-node half of each entry (``onnxruntime``: inputs/outputs as the runtime reports them and the
    accuracy it computes) is written by ``node scripts/converters/verify.mjs --write-manifest``; a rewrite of the
    Python half drops the old runtime half, so verify.mjs fails until it is refreshed.
    """
    manifest = {"models": []}
    if MANIFEST.exists():
        manifest = json.loads(MANIFEST.read_text())
    models = [m for m in manifest["models"] if m["name"] != entry["name"]]
    models.append(entry)
    models.sort(key=lambda m: m["name"])
    manifest = {
        "description": (
            "ONNX fixtures made the way real converters make them (torch.onnx.export, skl2onnx layouts, "
            "onnxconverter-common float16, onnxruntime quantize_dynamic). Python half written by the make_*.py "
            "scripts; the onnxruntime half by `node scripts/converters/verify.mjs --write-manifest`."
        ),
        "models": models,
    }
    write_json(MANIFEST, manifest, indent=2)


def model_file_info(path: Path) -> dict:
    return {"file": rel(path), "bytes": path.stat().st_size, "sha256": sha256_file(path)}


def graph_io(model: onnx.ModelProto) -> dict:
    """Inputs and outputs as declared in the graph (ONNX type text and dims; '?' for a dim with no value/param)."""

    def type_text(t: onnx.TypeProto) -> str:
        kind = t.WhichOneof("value")
        if kind == "tensor_type":
            return f"tensor({TensorProto.DataType.Name(t.tensor_type.elem_type).lower()})"
        if kind == "sequence_type":
            return f"seq({type_text(t.sequence_type.elem_type)})"
        if kind == "map_type":
            key = TensorProto.DataType.Name(t.map_type.key_type).lower()
            return f"map({key},{type_text(t.map_type.value_type)})"
        return kind or "?"

    def dims(t: onnx.TypeProto):
        if t.WhichOneof("value") != "tensor_type" or not t.tensor_type.HasField("shape"):
            return None
        out = []
        for d in t.tensor_type.shape.dim:
            if d.HasField("dim_value"):
                out.append(d.dim_value)
            elif d.HasField("dim_param"):
                out.append(d.dim_param)
            else:
                out.append("?")
        return out

    def one(v):
        return {"name": v.name, "type": type_text(v.type), "shape": dims(v.type)}

    return {"inputs": [one(v) for v in model.graph.input], "outputs": [one(v) for v in model.graph.output]}


def opsets(model: onnx.ModelProto) -> dict:
    return {(o.domain or "ai.onnx"): o.version for o in model.opset_import}


# ---------------------------------------------------------------------------------------------------------------
# skl2onnx-shaped graph builder
# ---------------------------------------------------------------------------------------------------------------

SKL2ONNX_VERSION = "1.21.0"
# skl2onnx's table OPSET_TO_IR_VERSION for the opsets that onnx 1.12 knows.
OPSET_TO_IR = {9: 4, 10: 5, 11: 6, 12: 7, 13: 7, 14: 7, 15: 8, 16: 8, 17: 8}


def _schema_versions():
    versions = {}
    for schema in defs.get_all_schemas_with_history():
        versions.setdefault((schema.domain, schema.name), set()).add(schema.since_version)
    return {key: sorted(value) for key, value in versions.items()}


_SCHEMAS = None


class Skl2OnnxGraph:
    """Collects nodes, initializers, inputs and outputs the way skl2onnx's container does.

    ``target_opset`` 17 is what skl2onnx 1.21 chooses by default next to onnx 1.12 (it takes the lower of its tested
    opset and onnx's); ai.onnx.ml then defaults to the highest version onnx knows (3).
    """

    def __init__(self, target_opset: int = 17):
        global _SCHEMAS
        if _SCHEMAS is None:
            _SCHEMAS = _schema_versions()
        self.target = {"": target_opset, "ai.onnx.ml": 3, "com.microsoft": 1}
        self.variable_names: set[str] = set()
        self.operator_names: set[str] = set()
        self.nodes: list[onnx.NodeProto] = []
        self.initializers: list[onnx.TensorProto] = []
        self.inputs: list[onnx.ValueInfoProto] = []
        self.outputs: list[onnx.ValueInfoProto] = []
        self.used: set[tuple[str, int]] = set()

    # names -------------------------------------------------------------------------------------------------------
    @staticmethod
    def _unique(seed: str, existing: set[str]) -> str:
        seed = re.sub(r"[^\w]", "_", seed)
        if re.match("^[0-9]", seed):
            seed = "_" + seed
        if seed not in existing:
            existing.add(seed)
            return seed
        i = 1
        while f"{seed}{i}" in existing:
            i += 1
        existing.add(f"{seed}{i}")
        return f"{seed}{i}"

    def var(self, seed: str) -> str:
        return self._unique(seed, self.variable_names)

    def op(self, seed: str) -> str:
        return self._unique(seed, self.operator_names)

    # graph pieces ------------------------------------------------------------------------------------------------
    def input(self, name: str, elem_type: int, shape) -> str:
        self.variable_names.add(name)
        self.inputs.append(helper.make_tensor_value_info(name, elem_type, shape))
        return name

    def output_tensor(self, name: str, elem_type: int, shape) -> None:
        self.outputs.append(helper.make_tensor_value_info(name, elem_type, shape))

    def output_zipmap(self, name: str, key_type: int) -> None:
        """seq(map(key, tensor(float))) with no shape, as skl2onnx's SequenceType(DictionaryType(...)) writes it."""
        value = onnx.TypeProto()
        value.map_type.key_type = key_type
        value.map_type.value_type.tensor_type.elem_type = TensorProto.FLOAT
        seq = onnx.TypeProto()
        seq.sequence_type.elem_type.CopyFrom(value)
        self.outputs.append(helper.make_value_info(name, seq))

    def initializer(self, name: str, elem_type: int, dims, values) -> str:
        self.initializers.append(helper.make_tensor(name, elem_type, list(dims), list(values)))
        return name

    def _version(self, domain: str, op_type: str) -> int:
        available = _SCHEMAS.get((domain, op_type))
        if available is None:  # com.microsoft ops are not in onnx's registry: skl2onnx records version 1
            return 1
        best = [v for v in available if v <= self.target[domain]]
        return best[-1]

    def node(self, op_type, inputs, outputs, domain="", op_version=None, name=None, **attrs) -> onnx.NodeProto:
        if isinstance(inputs, str):
            inputs = [inputs]
        if isinstance(outputs, str):
            outputs = [outputs]
        version = op_version if op_version is not None else self._version(domain, op_type)
        node = helper.make_node(op_type, inputs, outputs, name=name or self.op(op_type), **attrs)
        node.domain = domain
        self.used.add((domain, version))
        self.nodes.append(node)
        return node

    # the pieces skl2onnx's apply_* helpers write ------------------------------------------------------------------
    def cast(self, x, y, to):
        return self.node("Cast", x, y, op_version=9, to=to)

    def identity(self, x, y):
        return self.node("Identity", x, y)

    def concat(self, xs, y, axis):
        return self.node("Concat", xs, y, op_version=11, axis=axis)

    def reshape(self, x, y, shape):
        shape_name = self.var("shape_tensor")
        self.initializer(shape_name, TensorProto.INT64, [len(shape)], shape)
        return self.node("Reshape", [x, shape_name], y, op_version=5)

    def mul(self, xs, y):
        return self.node("Mul", xs, y, op_version=7)

    def normalizer(self, x, y, norm):
        return self.node("Normalizer", x, y, domain="ai.onnx.ml", norm=norm)

    # finishing ---------------------------------------------------------------------------------------------------
    def _topological_order(self) -> None:
        """Stable sort of the nodes by depth from the graph inputs and initializers (skl2onnx's ordering)."""
        order = {v.name: 0 for v in self.inputs}
        order.update({t.name: 0 for t in self.initializers})
        levels = {}
        changed = True
        while changed:
            changed = False
            for index, node in enumerate(self.nodes):
                if index in levels or any(i not in order for i in node.input if i):
                    continue
                level = max([order[i] for i in node.input if i] or [0]) + 1
                levels[index] = level
                for o in node.output:
                    order[o] = level + 1
                changed = True
        if len(levels) != len(self.nodes):
            raise RuntimeError("graph has a node whose inputs are never produced")
        self.nodes = [n for _, n in sorted(enumerate(self.nodes), key=lambda p: (levels[p[0]], p[0]))]

    def _remove_identities(self) -> None:
        """Drop Identity nodes, renaming the neighbour's input/output instead (skl2onnx's onnx_remove_node_identity)."""
        inputs = {v.name for v in self.inputs}
        outputs = {v.name for v in self.outputs}
        nodes = list(self.nodes)
        progress = True
        while progress:
            progress = False
            for i, node in enumerate(nodes):
                if node is None or node.op_type != "Identity":
                    continue
                src, dst = node.input[0], node.output[0]
                if src in inputs and dst in outputs:
                    continue
                if dst not in outputs:
                    for other in nodes:
                        if other is not None:
                            for k, name in enumerate(other.input):
                                if name == dst:
                                    other.input[k] = src
                    nodes[i] = None
                    progress = True
                    break
                if src not in inputs and src not in outputs:
                    for other in nodes:
                        if other is None:
                            continue
                        for k, name in enumerate(other.output):
                            if name == src:
                                other.output[k] = dst
                        for k, name in enumerate(other.input):
                            if name == src:
                                other.input[k] = dst
                    nodes[i] = None
                    progress = True
                    break
        self.nodes = [n for n in nodes if n is not None]

    def model(self, graph_name: str, doc_string: str = "") -> onnx.ModelProto:
        self._topological_order()
        graph = helper.make_graph(self.nodes, graph_name, self.inputs, self.outputs, self.initializers)
        model = helper.make_model(graph)
        del model.opset_import[:]
        versions = {}
        for domain, version in self.used:
            versions[domain] = max(versions.get(domain, 0), version)
        if "" not in versions:
            versions[""] = self.target[""]
        for domain in sorted(versions, key=lambda d: (d != "", d)):
            version = versions[domain]
            model.opset_import.append(helper.make_opsetid(domain, version))
        # skl2onnx derives ir_version from min(target opset, the main opset make_model put there = onnx's latest)
        model.ir_version = OPSET_TO_IR[min(self.target[""], defs.onnx_opset_version())]
        model.producer_name = "skl2onnx"
        model.producer_version = SKL2ONNX_VERSION
        model.domain = "ai.onnx"
        model.model_version = 0
        model.doc_string = doc_string
        # Identity nodes are removed last, as skl2onnx does (their opset versions stay recorded).
        self.nodes = list(model.graph.node)
        self._remove_identities()
        del model.graph.node[:]
        model.graph.node.extend(self.nodes)
        onnx.checker.check_model(model)
        return model


def save_model(model: onnx.ModelProto, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(model.SerializeToString())
    size = path.stat().st_size
    if size > 2 * 1024 * 1024:
        raise SystemExit(f"{path} is {size} bytes: fixtures must stay under 2 MB")
