#!/usr/bin/python3
"""skl2onnx-shaped classifiers on the Palmer penguins (vega-datasets), built with onnx.helper.

Run:  /usr/bin/python3 scripts/converters/make_sklearn_penguins.py      (from the repo root, after `npm ci`)

skl2onnx is NOT installed (PyPI is unreachable here, and Debian has no package for it).  The graphs below are what
skl2onnx 1.21.0 writes for these fitted scikit-learn models with its default options (target_opset 17, the highest
opset onnx 1.12 knows), laid out from a reading of skl2onnx's converters (linear_classifier.py, zip_map.py,
one_hot_encoder.py, scaler_op.py, concat_op.py, gradient_boosting.py, common/tree_ensemble.py, _parse.py,
common/_topology.py); see _common.Skl2OnnxGraph for the container rules (names, op versions, node order, Identity
removal, opsets, IR version, producer).  Each model is described by the to_onnx call it imitates.

Writes to models/converters/:
  penguins-logreg-zipmap.onnx          LogisticRegression, int64 class ids, default outputs (label + ZipMap)
  penguins-logreg-nozipmap.onnx        the same model with options={'zipmap': False} (label + probabilities tensor)
  penguins-logreg-strings-zipmap.onnx  LogisticRegression on species names: string label, seq(map(string, float))
  penguins-pipeline-zipmap.onnx        ColumnTransformer(OneHotEncoder + StandardScaler) + LogisticRegression,
                                       one [N, 1] input per column (2 string, 4 float), string labels
  penguins-gbc-zipmap.onnx             GradientBoostingClassifier -> ai.onnx.ml TreeEnsembleClassifier + ZipMap
and for each <name>.rows.json (the held-out rows, their true class and scikit-learn's predict / predict_proba), plus
its entry in manifest.json.  Deterministic: a rerun writes the same bytes.
"""
from __future__ import annotations

import sys
import warnings
from pathlib import Path

import numpy as np
import sklearn
from onnx import TensorProto as T
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import (  # noqa: E402
    MODELS, PENGUIN_MEASUREMENTS, PENGUIN_SPECIES, Skl2OnnxGraph, graph_io, load_penguins, model_file_info,
    opsets, penguin_source, rel, round_sig, save_model, seed_everything, stratified_split, update_manifest,
    write_json,
)

SCRIPT = "scripts/converters/make_sklearn_penguins.py"
COLUMN_INPUTS = ["island", "beak_length_mm", "beak_depth_mm", "flipper_length_mm", "body_mass_g", "sex"]
DOC = "Hand-built with onnx.helper in the layout skl2onnx 1.21.0 writes (skl2onnx is not installable here); see {}"


# ---------------------------------------------------------------------------------------------------------------
# converters (graph layout only; numbers come from the fitted estimators)
# ---------------------------------------------------------------------------------------------------------------

def linear_classifier(g: Skl2OnnxGraph, model: LogisticRegression, x: str, label: str, probabilities: str) -> None:
    """skl2onnx's convert_sklearn_linear_classifier for a multinomial (lbfgs, multi_class='auto') LogisticRegression
    with >2 classes: LinearClassifier(multi_class=1, post_transform=SOFTMAX) then Normalizer(L1)."""
    classes = list(model.classes_)
    attrs = {
        "coefficients": model.coef_.flatten().astype(float).tolist(),
        "intercepts": model.intercept_.astype(float).tolist(),
        "multi_class": 1,
        "post_transform": "SOFTMAX",
    }
    if all(isinstance(c, str) for c in classes):
        attrs["classlabels_strings"] = [str(c) for c in classes]
    else:
        attrs["classlabels_ints"] = [int(c) for c in classes]
    assert len(classes) > 2 and model.multi_class == "auto" and model.solver == "lbfgs"
    probability_tensor = g.var("probability_tensor")
    g.node("LinearClassifier", x, [label, probability_tensor], domain="ai.onnx.ml",
           name=g.op("LinearClassifier"), **attrs)
    g.normalizer(probability_tensor, probabilities, "L1")


def zipmap(g: Skl2OnnxGraph, classes, label: str, probabilities: str, output_label: str, output_probability: str):
    """skl2onnx's convert_sklearn_zipmap: Cast (int64 labels) or Identity (string labels) for the label, ZipMap for
    the probabilities."""
    if all(isinstance(c, str) for c in classes):
        name = g.op("ZipMap")
        g.identity(label, output_label)
        g.node("ZipMap", probabilities, output_probability, domain="ai.onnx.ml", name=name,
               classlabels_strings=[str(c) for c in classes])
        g.output_tensor(output_label, T.STRING, [None])
        g.output_zipmap(output_probability, T.STRING)
    else:
        name = g.op("ZipMap")
        g.cast(label, output_label, T.INT64)
        g.node("ZipMap", probabilities, output_probability, domain="ai.onnx.ml", name=name,
               classlabels_int64s=[int(c) for c in classes])
        g.output_tensor(output_label, T.INT64, [None])
        g.output_zipmap(output_probability, T.INT64)


def float32_threshold(threshold: float) -> float:
    """The float32 value t with (float32)x <= threshold  <=>  (float32)x <= t (sklearn compares float32 features with
    float64 thresholds; TreeEnsemble compares floats with floats).  Same rule as skl2onnx's sklearn_threshold."""
    t = np.float32(threshold)
    if float(t) <= threshold:
        return float(t)
    return float(np.nextafter(t, np.float32(-np.inf)))


def tree_ensemble_classifier(g: Skl2OnnxGraph, model: GradientBoostingClassifier, x: str, label: str,
                             probabilities: str) -> None:
    """skl2onnx's convert_sklearn_gradient_boosting_classifier (multi-class, float input): one regression tree per
    (stage, class), leaf weights scaled by the learning rate, base_values = the init estimator's raw prediction,
    post_transform SOFTMAX, TreeEnsembleClassifier recorded as ai.onnx.ml version 1, then an Identity."""
    assert model.n_classes_ > 2 and model.init is None and model.loss == "log_loss"
    attrs = {key: [] for key in (
        "nodes_treeids", "nodes_nodeids", "nodes_featureids", "nodes_modes", "nodes_values", "nodes_truenodeids",
        "nodes_falsenodeids", "nodes_missing_value_tracks_true", "nodes_hitrates", "class_treeids", "class_nodeids",
        "class_ids", "class_weights")}
    attrs["post_transform"] = "SOFTMAX"
    n_features = model.estimators_[0, 0].n_features_in_
    attrs["base_values"] = [float(v) for v in model._raw_predict_init(np.zeros((1, n_features))).ravel()]
    attrs["classlabels_int64s"] = [int(c) for c in model.classes_]
    for stage in range(model.n_estimators_):
        for klass in range(model.n_classes_):
            tree_id = stage * model.n_classes_ + klass
            tree = model.estimators_[stage][klass].tree_
            for node_id in range(tree.node_count):
                is_branch = tree.children_left[node_id] > node_id or tree.children_right[node_id] > node_id
                attrs["nodes_treeids"].append(tree_id)
                attrs["nodes_nodeids"].append(node_id)
                attrs["nodes_featureids"].append(int(tree.feature[node_id]) if is_branch else 0)
                attrs["nodes_modes"].append("BRANCH_LEQ" if is_branch else "LEAF")
                attrs["nodes_values"].append(float32_threshold(tree.threshold[node_id]) if is_branch else 0.0)
                attrs["nodes_truenodeids"].append(int(tree.children_left[node_id]) if is_branch else 0)
                attrs["nodes_falsenodeids"].append(int(tree.children_right[node_id]) if is_branch else 0)
                attrs["nodes_missing_value_tracks_true"].append(0)
                attrs["nodes_hitrates"].append(1.0)
                if not is_branch:
                    attrs["class_treeids"].append(tree_id)
                    attrs["class_nodeids"].append(node_id)
                    attrs["class_ids"].append(klass)
                    attrs["class_weights"].append(float(tree.value[node_id].ravel()[0]) * model.learning_rate)
    for key in ("nodes_values", "class_weights", "nodes_hitrates", "base_values"):
        attrs[key] = np.array(attrs[key], dtype=np.float32)
    proba_output = g.var("proba_output")
    g.node("TreeEnsembleClassifier", x, [label, proba_output], domain="ai.onnx.ml", op_version=1,
           name=g.op("TreeEnsembleClassifier"), **attrs)
    g.identity(proba_output, probabilities)


def one_hot_encoder(g: Skl2OnnxGraph, encoder: OneHotEncoder, inputs: list[str], output: str) -> None:
    """skl2onnx's convert_sklearn_one_hot_encoder for several [N, 1] string inputs: one OneHotEncoder per input
    (zeros=1 for handle_unknown='ignore'), Concat on the last axis, Reshape to [-1, total categories]."""
    assert encoder.handle_unknown == "ignore" and encoder.drop_idx_ is None
    results, total = [], 0
    for name, categories in zip(inputs, encoder.categories_):
        out = g.var(name + "out")
        g.node("OneHotEncoder", name, out, domain="ai.onnx.ml", name=g.op("OneHotEncoder"),
               cats_strings=[str(c).encode("utf-8") for c in categories], zeros=1)
        results.append(out)
        total += len(categories)
    concat_result = g.var("concat_result")
    g.node("Concat", results, concat_result, op_version=11, name=g.op("Concat"), axis=-1)
    g.node("Reshape", [concat_result, g.initializer(g.var("shape_tensor"), T.INT64, [2], [-1, total])], output,
           op_version=5, name=g.op("Reshape"))


def scaler(g: Skl2OnnxGraph, model: StandardScaler, x: str, y: str) -> None:
    """skl2onnx's convert_sklearn_scaler for StandardScaler on float input: ai.onnx.ml Scaler, float32 offset/scale."""
    g.node("Scaler", x, y, domain="ai.onnx.ml", name=g.op("Scaler"),
           offset=model.mean_.astype(np.float32), scale=(1.0 / model.scale_).astype(np.float32))


# ---------------------------------------------------------------------------------------------------------------
# data
# ---------------------------------------------------------------------------------------------------------------

def penguin_arrays():
    rows, dropped = load_penguins()
    species = np.array([r["Species"] for r in rows])
    train, test = stratified_split(species, 0.25, seed=0)
    measurements = np.array([[r[c] for c in PENGUIN_MEASUREMENTS] for r in rows], dtype=np.float64)
    # the graphs take float32: train and predict on exactly the float32 values the graph sees
    measurements = measurements.astype(np.float32).astype(np.float64)
    island = np.array([r["Island"] for r in rows], dtype=object)
    sex = np.array([r["Sex"] for r in rows], dtype=object)
    ids = np.array([PENGUIN_SPECIES.index(s) for s in species], dtype=np.int64)
    index = np.array([r["_index"] for r in rows])
    return dict(rows=rows, species=species, ids=ids, measurements=measurements, island=island, sex=sex,
                train=train, test=test, index=index, dropped=dropped)


def float_feed(values: np.ndarray) -> dict:
    return {"type": "float32", "dims": list(values.shape), "data": round_sig(values.astype(np.float32).ravel())}


def string_feed(values: np.ndarray) -> dict:
    return {"type": "string", "dims": [len(values), 1], "data": [str(v) for v in values]}


def finish(name, graph_model, classes, truth, predicted, proba, feeds, label_output, probability_output,
           zipmap_input, imitates, estimator_text, data, extra=None):
    path = MODELS / f"{name}.onnx"
    save_model(graph_model, path)
    rows_path = MODELS / f"{name}.rows.json"
    if zipmap_input is not None:  # the tensor ZipMap reads, after skl2onnx's Identity removal renamed things
        zipmap_input = next(n.input[0] for n in graph_model.graph.node if n.op_type == "ZipMap")
    accuracy = float(np.mean(np.asarray(predicted) == np.asarray(truth)))
    reference = {
        "producer": f"scikit-learn {sklearn.__version__} predict / predict_proba (float64)",
        "label": {"output": label_output, "values": [c if isinstance(c, str) else int(c) for c in predicted]},
        "probabilities": {
            "output": probability_output,
            "zipmap": zipmap_input is not None,
            "tensor": zipmap_input or probability_output,
            "classes": classes,
            "values": round_sig(proba, 9),
            "atol": 1e-5,
        },
    }
    write_json(rows_path, {
        "model": name,
        "onnx": rel(path),
        "rows": len(truth),
        "source_rows": [int(i) for i in data["index"][data["test"]]],
        "feeds": feeds,
        "truth": [c if isinstance(c, str) else int(c) for c in truth],
        "reference": reference,
    })
    entry = {
        "name": name,
        **model_file_info(path),
        "script": SCRIPT,
        "imitates": imitates,
        "estimator": estimator_text,
        "opsets": opsets(graph_model),
        "ir_version": graph_model.ir_version,
        "producer": f"{graph_model.producer_name} {graph_model.producer_version}",
        "graph": graph_io(graph_model),
        "classes": classes,
        "data": dict(penguin_source(), split="stratified 75/25, sklearn train_test_split(random_state=0)",
                     train_rows=len(data["train"]), test_rows=len(data["test"])),
        "test_rows": rel(rows_path),
        "accuracy": {"python": accuracy, "python_producer": reference["producer"]},
    }
    if extra:
        entry.update(extra)
    update_manifest(entry)
    print(f"{name}: {path.stat().st_size} bytes, held-out accuracy {accuracy:.4f} ({len(truth)} rows)")


def main() -> None:
    seed_everything(0)
    warnings.filterwarnings("error", category=sklearn.exceptions.ConvergenceWarning)
    data = penguin_arrays()
    train, test = data["train"], data["test"]
    X = data["measurements"]

    # a + a' ------------------------------------------------------------------------------------------------------
    logreg = LogisticRegression(max_iter=10000).fit(X[train], data["ids"][train])
    for zipmap_on in (True, False):
        g = Skl2OnnxGraph()
        x = g.input("float_input", T.FLOAT, [None, 4])
        label, probabilities = g.var("label"), g.var("probabilities")
        if zipmap_on:
            output_label, output_probability = g.var("output_label"), g.var("output_probability")
        linear_classifier(g, logreg, x, label, probabilities)
        if zipmap_on:
            zipmap(g, list(logreg.classes_), label, probabilities, output_label, output_probability)
            name = "penguins-logreg-zipmap"
            imitates = ("skl2onnx 1.21.0: to_onnx(LogisticRegression(), initial_types=[('float_input', "
                        "FloatTensorType([None, 4]))], target_opset=17) - default options (ZipMap)")
        else:
            g.output_tensor(label, T.INT64, [None])
            g.output_tensor(probabilities, T.FLOAT, [None, 3])
            name = "penguins-logreg-nozipmap"
            imitates = ("skl2onnx 1.21.0: the same to_onnx call with options={'zipmap': False} "
                        "(probabilities stay a float tensor)")
        model = g.model("ONNX(LogisticRegression)", DOC.format(SCRIPT))
        finish(name, model, [0, 1, 2], data["ids"][test], logreg.predict(X[test]), logreg.predict_proba(X[test]),
               {"float_input": float_feed(X[test])}, "output_label" if zipmap_on else "label",
               "output_probability" if zipmap_on else "probabilities",
               "probabilities" if zipmap_on else None, imitates,
               "sklearn LogisticRegression(max_iter=10000) on the 4 measurements; classes are ids "
               "0 Adelie, 1 Chinstrap, 2 Gentoo", data,
               {"features": PENGUIN_MEASUREMENTS, "class_names": PENGUIN_SPECIES})

    # b -----------------------------------------------------------------------------------------------------------
    logreg_s = LogisticRegression(max_iter=10000).fit(X[train], data["species"][train])
    g = Skl2OnnxGraph()
    x = g.input("float_input", T.FLOAT, [None, 4])
    label, probabilities = g.var("label"), g.var("probabilities")
    output_label, output_probability = g.var("output_label"), g.var("output_probability")
    linear_classifier(g, logreg_s, x, label, probabilities)
    zipmap(g, list(logreg_s.classes_), label, probabilities, output_label, output_probability)
    model = g.model("ONNX(LogisticRegression)", DOC.format(SCRIPT))
    finish("penguins-logreg-strings-zipmap", model, [str(c) for c in logreg_s.classes_], data["species"][test],
           logreg_s.predict(X[test]), logreg_s.predict_proba(X[test]), {"float_input": float_feed(X[test])},
           "output_label", "output_probability", "probabilities",
           "skl2onnx 1.21.0: to_onnx(LogisticRegression() fitted on species names, initial_types=[('float_input', "
           "FloatTensorType([None, 4]))], target_opset=17) - default options (string labels, ZipMap)",
           "sklearn LogisticRegression(max_iter=10000) on the 4 measurements, y = species names", data,
           {"features": PENGUIN_MEASUREMENTS})

    # c -----------------------------------------------------------------------------------------------------------
    table = np.empty((len(data["rows"]), 6), dtype=object)
    table[:, 0] = data["island"]
    table[:, 1:5] = X
    table[:, 5] = data["sex"]
    pipeline = Pipeline([
        ("preprocess", ColumnTransformer([
            ("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False), [0, 5]),
            ("num", StandardScaler(), [1, 2, 3, 4]),
        ])),
        ("classifier", LogisticRegression(max_iter=1000)),
    ]).fit(table[train], data["species"][train])
    transformer = pipeline.named_steps["preprocess"]
    classifier = pipeline.named_steps["classifier"]
    g = Skl2OnnxGraph()
    for column in COLUMN_INPUTS:
        g.input(column, T.STRING if column in ("island", "sex") else T.FLOAT, [None, 1])
    # variables in the order skl2onnx's parser declares them
    ohe_out = g.var("variable")
    merged = g.var("merged_columns")
    scaled = g.var("variable")
    transformed = g.var("transformed_column")
    label, probabilities = g.var("label"), g.var("probabilities")
    output_label, output_probability = g.var("output_label"), g.var("output_probability")
    one_hot_encoder(g, transformer.named_transformers_["cat"], ["island", "sex"], ohe_out)
    g.node("Concat", COLUMN_INPUTS[1:5], merged, op_version=11, name=g.op("Concat"), axis=1)
    scaler(g, transformer.named_transformers_["num"], merged, scaled)
    g.node("Concat", [ohe_out, scaled], transformed, op_version=11, name=g.op("Concat"), axis=1)
    linear_classifier(g, classifier, transformed, label, probabilities)
    zipmap(g, list(classifier.classes_), label, probabilities, output_label, output_probability)
    model = g.model("ONNX(Pipeline)", DOC.format(SCRIPT))
    feeds = {"island": string_feed(data["island"][test])}
    for k, column in enumerate(COLUMN_INPUTS[1:5]):
        feeds[column] = float_feed(X[test][:, k:k + 1])
    feeds["sex"] = string_feed(data["sex"][test])
    finish("penguins-pipeline-zipmap", model, [str(c) for c in classifier.classes_], data["species"][test],
           pipeline.predict(table[test]), pipeline.predict_proba(table[test]), feeds,
           "output_label", "output_probability", "probabilities",
           "skl2onnx 1.21.0: to_onnx(Pipeline([ColumnTransformer([OneHotEncoder(handle_unknown='ignore') on "
           "island+sex, StandardScaler on the 4 measurements]), LogisticRegression()]), initial_types=one "
           "[None, 1] input per column (StringTensorType / FloatTensorType), target_opset=17) - default options",
           "sklearn Pipeline(ColumnTransformer(OneHotEncoder(handle_unknown='ignore', sparse_output=False) on "
           "[island, sex]; StandardScaler on the 4 measurements) -> LogisticRegression(max_iter=1000)), "
           "y = species names", data,
           {"features": {"island": "Island", "beak_length_mm": PENGUIN_MEASUREMENTS[0],
                         "beak_depth_mm": PENGUIN_MEASUREMENTS[1], "flipper_length_mm": PENGUIN_MEASUREMENTS[2],
                         "body_mass_g": PENGUIN_MEASUREMENTS[3], "sex": "Sex"},
            "categories": {"island": [str(c) for c in transformer.named_transformers_["cat"].categories_[0]],
                           "sex": [str(c) for c in transformer.named_transformers_["cat"].categories_[1]]}})

    # d -----------------------------------------------------------------------------------------------------------
    gbc = GradientBoostingClassifier(n_estimators=25, max_depth=3, learning_rate=0.1, random_state=0)
    gbc.fit(X[train], data["ids"][train])
    g = Skl2OnnxGraph()
    x = g.input("float_input", T.FLOAT, [None, 4])
    label, probabilities = g.var("label"), g.var("probabilities")
    output_label, output_probability = g.var("output_label"), g.var("output_probability")
    tree_ensemble_classifier(g, gbc, x, label, probabilities)
    zipmap(g, [int(c) for c in gbc.classes_], label, probabilities, output_label, output_probability)
    model = g.model("ONNX(GradientBoostingClassifier)", DOC.format(SCRIPT))
    finish("penguins-gbc-zipmap", model, [0, 1, 2], data["ids"][test], gbc.predict(X[test].astype(np.float32)),
           gbc.predict_proba(X[test].astype(np.float32)), {"float_input": float_feed(X[test])},
           "output_label", "output_probability", "probabilities",
           "skl2onnx 1.21.0: to_onnx(GradientBoostingClassifier(), initial_types=[('float_input', "
           "FloatTensorType([None, 4]))], target_opset=17) - default options (TreeEnsembleClassifier, ZipMap)",
           "sklearn GradientBoostingClassifier(n_estimators=25, max_depth=3, learning_rate=0.1, random_state=0) "
           "on the 4 measurements; classes are ids 0 Adelie, 1 Chinstrap, 2 Gentoo", data,
           {"features": PENGUIN_MEASUREMENTS, "class_names": PENGUIN_SPECIES,
            "trees": int(gbc.n_estimators_ * gbc.n_classes_)})


if __name__ == "__main__":
    main()
