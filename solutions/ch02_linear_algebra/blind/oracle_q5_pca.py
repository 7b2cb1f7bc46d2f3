"""Independent oracle for q5_pca; checks every mistake in q5_pca.py is demonstrably wrong.

Oracle: sklearn.decomposition.PCA(svd_solver="full") for pca_fit (mean_, components_, explained_variance_,
explained_variance_ratio_); the closed forms Z = (X - mean) C^T and X_hat = Z C + mean for the two maps.
Components are compared up to the sign of each row.
"""
import pathlib
import re
import sys

import numpy as np
from sklearn.decomposition import PCA

HERE = pathlib.Path(__file__).resolve().parent
QUESTION = "q5_pca"
FUNCS = ["pca_fit", "pca_transform", "pca_reconstruct"]
THRESH = 1e-5


def load_sections(q):
    text = (HERE / f"{q}.py").read_text()
    parts = re.split(r"^# %% mistake: (.*)$", text, flags=re.M)
    if parts[0].strip():
        raise SystemExit("text before the first section")
    out = []
    for i in range(1, len(parts), 2):
        desc, code = parts[i].strip(), parts[i + 1]
        ns = {}
        exec(compile(code, f"{q}: {desc}", "exec"), ns)
        out.append((desc, ns))
    return out


def oracle_fit(X, k):
    p = PCA(n_components=k, svd_solver="full").fit(X)
    return {"mean": p.mean_, "components": p.components_, "explained_variance": p.explained_variance_,
            "explained_variance_ratio": p.explained_variance_ratio_}


def oracle_transform(X, mean, C):
    return (X - mean) @ C.T


def oracle_reconstruct(Z, mean, C):
    return Z @ C + mean


def _arr(x, shape):
    a = np.asarray(x, dtype=float)
    if a.shape != shape or not np.all(np.isfinite(a)):
        raise ValueError("bad shape or non-finite")
    return a


def relmax(a, b):
    return float(np.max(np.abs(a - b)) / max(np.max(np.abs(b)), 1e-300))


def err_fit(out, args):
    X, k = args
    ref = oracle_fit(X, k)
    d = X.shape[1]
    mean = _arr(out["mean"], (d,))
    C = _arr(out["components"], (k, d))
    var = _arr(out["explained_variance"], (k,))
    ratio = _arr(out["explained_variance_ratio"], (k,))
    sg = np.sign(np.sum(C * ref["components"], axis=1))
    sg[sg == 0] = 1
    return max(relmax(mean, ref["mean"]), relmax(C * sg[:, None], ref["components"]),
               relmax(var, ref["explained_variance"]), relmax(ratio, ref["explained_variance_ratio"]))


def err_transform(out, args):
    ref = oracle_transform(*args)
    return relmax(_arr(out, ref.shape), ref)


def err_reconstruct(out, args):
    ref = oracle_reconstruct(*args)
    return relmax(_arr(out, ref.shape), ref)


rng = np.random.default_rng(55)
X_ex = np.array([[3.0, 3.0], [-3.0, -3.0], [1.0, -1.0], [-1.0, 1.0]]) + np.array([10.0, -5.0])
X50 = rng.normal(size=(50, 4)) @ np.diag([3.0, 2.0, 1.0, 0.5]) + 7.0
Xwide = rng.normal(size=(5, 8)) * np.linspace(3, 0.5, 8) + rng.normal(size=8) * 4   # d > n
Xsq = rng.normal(size=(6, 6)) @ np.diag([4.0, 3.0, 2.0, 1.5, 1.0, 0.3]) - 2.0
fit_cases = [(X_ex, 2), (X50, 2), (X50, 4), (Xwide, 3), (Xwide, 5), (Xsq, 6)]


def _maps(X, k):
    p = PCA(n_components=k, svd_solver="full").fit(X)
    return p.mean_, p.components_


m2, c2 = _maps(X50, 2)
m4, c4 = _maps(X50, 4)
mw, cw = _maps(Xwide, 3)
r = 1 / np.sqrt(2)
transform_cases = [
    (X_ex[:1], np.array([10.0, -5.0]), np.array([[r, r]])),
    (X50, m2, c2), (X50, m4, c4), (Xwide, mw, cw),
]
reconstruct_cases = [
    (np.array([[3 * np.sqrt(2)]]), np.array([10.0, -5.0]), np.array([[r, r]])),
    (oracle_transform(X50, m2, c2), m2, c2), (oracle_transform(X50, m4, c4), m4, c4),
    (oracle_transform(Xwide, mw, cw), mw, cw),
]
CASES = {"pca_fit": fit_cases, "pca_transform": transform_cases, "pca_reconstruct": reconstruct_cases}
JUDGES = {"pca_fit": err_fit, "pca_transform": err_transform, "pca_reconstruct": err_reconstruct}


def judge(name, fn):
    worst, where = 0.0, ""
    for idx, args in enumerate(CASES[name]):
        live = tuple(a.copy() if isinstance(a, np.ndarray) else a for a in args)
        for call in range(2):
            try:
                e = JUDGES[name](fn(*live), args)
            except Exception:  # noqa: BLE001
                e = np.inf
            if e > worst:
                worst, where = e, f"case {idx}, call {call + 1}"
    return worst, where


def main():
    ref = oracle_fit(X_ex, 2)
    assert np.allclose(ref["mean"], [10.0, -5.0])
    assert np.allclose(np.abs(ref["components"]), r)
    assert np.allclose(ref["explained_variance"], [12.0, 4.0 / 3.0])
    assert np.allclose(ref["explained_variance_ratio"], [0.9, 0.1])
    assert np.allclose(oracle_transform(X_ex[:1], np.array([10.0, -5.0]), np.array([[r, r]])), [[3 * np.sqrt(2)]])
    assert np.allclose(oracle_reconstruct(np.array([[3 * np.sqrt(2)]]), np.array([10.0, -5.0]), np.array([[r, r]])),
                       [[13.0, -2.0]])

    def c_fit(X, k):
        n = X.shape[0]
        mean = X.mean(axis=0)
        U, s, Vt = np.linalg.svd(X - mean, full_matrices=False)
        v = s ** 2 / (n - 1)
        return {"mean": mean, "components": Vt[:k], "explained_variance": v[:k],
                "explained_variance_ratio": v[:k] / v.sum()}

    for name, fn in [("pca_fit", c_fit), ("pca_transform", lambda X, m, C: (X - m) @ C.T),
                     ("pca_reconstruct", lambda Z, m, C: Z @ C + m)]:
        e, w = judge(name, fn)
        assert e < 1e-9, f"control {name} judged wrong: {e} at {w}"

    bad = 0
    for desc, ns in load_sections(QUESTION):
        names = [f for f in FUNCS if f in ns]
        worst, where = 0.0, ""
        for name in names:
            e, w = judge(name, ns[name])
            if e > worst:
                worst, where = e, f"{name} {w}"
        if names and worst > THRESH:
            print(f"WRONG ok: {desc}    [max err {worst:.3g} at {where}]")
        else:
            bad += 1
            print(f"NOT WRONG: {desc}    [max err {worst:.3g}]")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
