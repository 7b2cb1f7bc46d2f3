"""Independent oracle for q4_mutual_information (sklearn.metrics.mutual_info_score) and a check that
every blind mistake is wrong.  Run: /work/main/.venv/bin/python oracle_q4_mutual_information.py
"""
import ast
import copy
import pathlib
import re
import sys
import warnings

import numpy as np
from sklearn.metrics import mutual_info_score

warnings.filterwarnings("ignore")
HERE = pathlib.Path(__file__).resolve().parent
QUESTION = "q4_mutual_information"
GRADED = ("mutual_information", "rank_features_by_mi")


# ----------------------------------------------------------------------------- oracle
def o_mutual_information(counts):
    return float(mutual_info_score(None, None, contingency=np.asarray(counts, dtype=float)))


def o_rank_features_by_mi(X, y):
    X = np.asarray(X)
    scores = np.array([mutual_info_score(X[:, j], np.asarray(y)) for j in range(X.shape[1])])
    order = np.array(sorted(range(X.shape[1]), key=lambda j: (-scores[j], j)))
    return order, scores


ORACLE = {"mutual_information": o_mutual_information, "rank_features_by_mi": o_rank_features_by_mi}

# ----------------------------------------------------------------------------- public worked examples
assert abs(o_mutual_information(np.array([[10, 0], [0, 10]])) - np.log(2.0)) < 1e-12
assert abs(o_mutual_information(np.array([[5, 5], [5, 5]]))) < 1e-12
assert abs(o_mutual_information(np.array([[3, 1], [1, 3]])) - (0.75 * np.log(1.5) + 0.25 * np.log(0.5))) < 1e-12
y = np.array([0, 0, 1, 1, 0, 0, 1, 1])
X = np.column_stack([np.zeros(8), y, [0, 0, 1, 1, 0, 0, 1, 0]])
order, scores = o_rank_features_by_mi(X, y)
noisy = 0.5 * np.log(0.5 / (5 / 8 * 0.5)) + 0.125 * np.log(0.125 / (5 / 8 * 0.5)) + 0.375 * np.log(0.375 / (3 / 8 * 0.5))
assert np.allclose(scores, [0.0, np.log(2.0), noisy], atol=1e-12) and list(order) == [1, 2, 0]
rng = np.random.default_rng(4)
counts = rng.integers(0, 20, size=(4, 3))
mi = o_mutual_information(counts)
assert abs(o_mutual_information(counts.T) - mi) < 1e-12 and abs(o_mutual_information(7 * counts) - mi) < 1e-12
assert abs(o_mutual_information(np.vstack([counts, np.zeros(3)])) - mi) < 1e-12
X = rng.integers(0, 3, size=(50, 5)); y = (X[:, 2] + rng.integers(0, 2, size=50)) % 3
assert o_rank_features_by_mi(X, y)[0][0] == 2
print("oracle reproduces the public worked examples")

# ----------------------------------------------------------------------------- inputs allowed by the docstrings
rng = np.random.default_rng(44)
MI_CASES = [
    ((np.array([[10, 0], [0, 10]]),), {}),
    ((np.array([[3.0, 1.0], [1.0, 3.0]]),), {}),
    ((rng.integers(1, 20, size=(4, 3)).astype(float),), {}),
    ((np.array([[12.0, 3.0, 0.0], [0.0, 0.0, 0.0], [2.0, 9.0, 30.0]]),), {}),   # empty row, empty cell
    ((np.array([[40.0, 5.0], [3.0, 2.0]]),), {}),                               # square, unequal marginals
    ((np.array([[7, 0, 1], [0, 5, 2]]),), {}),                                   # int table with zeros
    ((np.array([[500.0, 1.0, 2.0], [3.0, 400.0, 1.0], [0.0, 2.0, 600.0]]),), {}),
]
n = 60
base = rng.integers(0, 3, size=n)
yl = np.where((base + rng.integers(0, 2, size=n)) % 3 == 0, -7.5, np.where(base % 2 == 0, 2.0, 100.0))
codes = np.array([-5.0, 0.0, 0.5, 7.0, 100.0])
Xa = np.column_stack([
    codes[rng.integers(0, 5, size=n)],                       # arbitrary (negative, float, far apart) codes
    np.where(base == 0, -1.0, np.where(base == 1, 0.5, 0.0)),  # informative, odd codes
    rng.integers(0, 4, size=n) * 3.0 - 4.0,
    base * 10.0 + 1.0,
    codes[(base + rng.integers(0, 2, size=n)) % 5],
])
# many features with exact ties: 4 distinct columns, each repeated 5 times, interleaved (d = 20)
cols = [rng.integers(0, 3, size=n), base, (base + rng.integers(0, 2, size=n)) % 3, rng.integers(0, 2, size=n)]
Xt = np.column_stack([cols[j % 4] for j in range(20)]).astype(float)
yt = base.copy()
RANK_CASES = [
    ((np.column_stack([np.zeros(8), [0, 0, 1, 1, 0, 0, 1, 1], [0, 0, 1, 1, 0, 0, 1, 0]]),
      np.array([0, 0, 1, 1, 0, 0, 1, 1])), {}),
    ((rng.integers(0, 3, size=(50, 5)), rng.integers(0, 3, size=50)), {}),
    ((Xa, yl), {}),
    ((Xt, yt), {}),
    ((np.column_stack([base, base, rng.integers(0, 2, size=n), base]).astype(float), base.astype(float)), {}),
]
CASES = {"mutual_information": MI_CASES, "rank_features_by_mi": RANK_CASES}


# ----------------------------------------------------------------------------- harness
def sections(path):
    text = path.read_text()
    parts = re.split(r"^# %% mistake: (.*)$", text, flags=re.M)
    assert parts[0].strip() == "", "nothing may precede the first section"
    return [(parts[i].strip(), parts[i + 1]) for i in range(1, len(parts), 2)]


def differs(got, want, rtol, atol):
    """(severity, why): severity = max |got - want| / (atol + rtol |want|), inf for nan/shape/inf mismatches."""
    if isinstance(want, tuple):
        if not isinstance(got, (tuple, list)) or len(got) != len(want):
            return np.inf, f"returns {type(got).__name__} instead of a {len(want)}-tuple"
        return max((differs(g, w, rtol, atol) for g, w in zip(got, want)), key=lambda t: t[0])
    want = np.asarray(want, dtype=float)
    try:
        got = np.asarray(got, dtype=float)
    except Exception:  # noqa: BLE001
        return np.inf, f"returns a {type(got).__name__}, not a number/array"
    if got.shape != want.shape:
        return np.inf, f"returns shape {got.shape} instead of {want.shape}"
    if np.any(np.isnan(got)):
        return np.inf, f"returns nan (got {np.ravel(got)[:4]}, want {np.ravel(want)[:4]})"
    inf_w, inf_g = ~np.isfinite(want), ~np.isfinite(got)
    if np.any(inf_w != inf_g) or np.any(got[inf_w] != want[inf_w]):
        return np.inf, f"infinite/finite mismatch (got {np.ravel(got)[:4]}, want {np.ravel(want)[:4]})"
    g, w = got[~inf_w], want[~inf_w]
    if g.size == 0:
        return 0.0, ""
    ratio = np.abs(g - w) / (atol + rtol * np.abs(w))
    i = int(np.argmax(ratio))
    return float(ratio[i]), (f"off by {abs(g[i] - w[i]):.3g} at entry {i} (got {g[i]:.10g}, want {w[i]:.10g}; "
                             f"{ratio[i]:.3g} x the tolerance {atol + rtol * abs(w[i]):.2g})")


SEVERE = 10.0  # tolerance rtol=1e-6: a mistake must be off by >10x that (>1e-5 relative, ~100x float32 round-off)


def verdict(fn, name):
    """The worst of the cases where fn disagrees with the oracle / raises / mutates its input, or None."""
    worst = (0.0, None)
    for k, case in enumerate(CASES[name]):
        args, kwargs = case[0], case[1]
        rtol, atol = (case[2] if len(case) > 2 else (1e-6, 1e-9))
        saved = copy.deepcopy(args)
        want = ORACLE[name](*copy.deepcopy(args), **kwargs)
        try:
            got = fn(*args, **kwargs)
        except Exception as exc:  # noqa: BLE001
            sev, why = np.inf, f"raises {type(exc).__name__}: {str(exc)[:80]}"
        else:
            sev, why = differs(got, want, rtol, atol)
            if sev <= SEVERE and any(not np.array_equal(np.asarray(a), np.asarray(b)) for a, b in zip(args, saved)):
                sev, why = np.inf, "overwrites its input array in place"
        if sev > worst[0]:
            worst = (sev, f"case #{k}: {why}")
    return worst[1] if worst[0] > SEVERE else None


def main():
    bad = 0
    secs = sections(HERE / f"{QUESTION}.py")
    for desc, code in secs:
        names = [n.name for n in ast.parse(code).body if isinstance(n, ast.FunctionDef) and n.name in GRADED]
        ns = dict(ORACLE)  # the other chapter functions come from a correct implementation
        exec(compile(code, f"<{QUESTION}: {desc[:40]}>", "exec"), ns)
        why = [f"{n}: {v}" for n in names if (v := verdict(ns[n], n))]
        if len(desc) > 160:
            print(f"   (description is {len(desc)} characters long)")
        if names and why:
            print(f"WRONG ok: {desc}\n    -> {why[0]}")
        else:
            bad += 1
            print(f"NOT WRONG: {desc}")
    print(f"{len(secs) - bad}/{len(secs)} mistakes demonstrably wrong")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
