"""Independent oracle for q8_eigendigits; checks every mistake in q8_eigendigits.py is demonstrably wrong.

Oracle: sklearn.decomposition.PCA(svd_solver="full"). Reconstruction errors are measured explicitly,
err(k) = mean_i ||x_i - inverse_transform(transform(x_i))||^2 (k = 0: every image replaced by the mean; k above
min(n, d): 0, as all components reproduce the data); the number of components is the smallest k whose
cumulative explained_variance_ratio_ is >= frac, as the docstring defines it.
"""
import pathlib
import re
import sys
import warnings

import numpy as np
from sklearn.datasets import load_digits
from sklearn.decomposition import PCA

HERE = pathlib.Path(__file__).resolve().parent
QUESTION = "q8_eigendigits"
FUNCS = ["pca_reconstruction_errors", "n_components_for_variance"]
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


def oracle_errors(X, ks):
    n, d = X.shape
    out = []
    for k in ks:
        if k == 0:
            Xh = np.broadcast_to(X.mean(axis=0), X.shape)
        else:
            p = PCA(n_components=min(k, n, d), svd_solver="full").fit(X)
            Xh = p.inverse_transform(p.transform(X))
        out.append(np.mean(np.sum((X - Xh) ** 2, axis=1)))
    return np.array(out)


def oracle_ncomp(X, frac):
    cum = np.cumsum(PCA(svd_solver="full").fit(X).explained_variance_ratio_)
    return int(np.flatnonzero(cum >= frac)[0] + 1)


def err_errors(out, X, ks):
    e = np.asarray(out, dtype=float)
    key = ("err", id(X), tuple(ks))
    if key not in REF:
        REF[key] = oracle_errors(X, ks)
    ref = REF[key]
    if e.shape != ref.shape or not np.all(np.isfinite(e)):
        return np.inf
    return float(np.max(np.abs(e - ref)) / max(np.max(np.abs(ref)), 1e-300))


def err_ncomp(out, X, frac):
    k = np.asarray(out, dtype=float)
    if k.size != 1 or not np.isfinite(k).all():
        return np.inf
    key = ("nc", id(X), frac)
    if key not in REF:
        REF[key] = oracle_ncomp(X, frac)
    return float(abs(k.reshape(()) - REF[key]))


rng = np.random.default_rng(88)
X_ex = np.array([[1.0, 0.0], [-1.0, 0.0], [0.0, 0.5], [0.0, -0.5]])
X_dig = load_digits().data
X_wide = rng.normal(size=(5, 8)) * np.linspace(3, 0.5, 8) + 7.0        # n < d, rank of X - mean is 4
X_tie = np.array([[1.0, 0.0], [-1.0, 0.0], [0.0, 1.0], [0.0, -1.0]])   # two equal variances
X_off = rng.normal(size=(40, 6)) * np.array([5.0, 3.0, 2.0, 1.0, 0.5, 0.2]) + 20.0
err_cases = [(X_ex, [0, 1, 2]), (X_dig, list(range(65))), (X_wide, [0, 2, 4, 5, 8]), (X_off, [3, 0, 6, 1])]
ncomp_cases = [(X_ex, 0.75), (X_ex, 0.9), (X_ex, 0.85), (X_tie, 0.5), (X_dig, 0.9), (X_off, 0.6), (X_wide, 0.95)]
CASES = {"pca_reconstruction_errors": err_cases, "n_components_for_variance": ncomp_cases}
JUDGES = {"pca_reconstruction_errors": err_errors, "n_components_for_variance": err_ncomp}
REF = {}


def judge(name, fn):
    worst, where = 0.0, ""
    for idx, (X, arg) in enumerate(CASES[name]):
        live = (X.copy(), list(arg) if isinstance(arg, list) else arg)
        for call in range(2):
            try:
                with np.errstate(all="ignore"), warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    e = JUDGES[name](fn(*live), X, arg)
            except Exception:  # noqa: BLE001
                e = np.inf
            if e > worst:
                worst, where = e, f"case {idx}, call {call + 1}"
    return worst, where


def main():
    assert np.allclose(oracle_errors(X_ex, [0, 1, 2]), [0.625, 0.125, 0.0], atol=1e-12)
    assert oracle_ncomp(X_ex, 0.75) == 1 and oracle_ncomp(X_ex, 0.9) == 2
    e = oracle_errors(X_dig, [0, 64])
    assert np.isclose(e[0], np.mean(np.sum((X_dig - X_dig.mean(0)) ** 2, axis=1))) and abs(e[1]) < 1e-9 * e[0]
    assert oracle_ncomp(X_tie, 0.5) == 1

    def c_err(X, ks):
        s = np.linalg.svd(X - X.mean(0), compute_uv=False)
        return np.array([np.sum(s[k:] ** 2) / X.shape[0] for k in ks])

    def c_nc(X, frac):
        s = np.linalg.svd(X - X.mean(0), compute_uv=False)
        cum = np.cumsum(s ** 2) / np.sum(s ** 2)
        return int(np.argmax(cum >= frac) + 1)

    for name, fn in [("pca_reconstruction_errors", c_err), ("n_components_for_variance", c_nc)]:
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
