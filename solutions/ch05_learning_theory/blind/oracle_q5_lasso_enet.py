"""Independent oracle for q5_lasso_enet: scikit-learn.

soft_threshold: z - clip(z, -gamma, gamma). lasso_alpha_max: the first alpha of scikit-learn's
enet_path on centered data (cross-checked: ElasticNet at 1.001 alpha_max is all zero, at 0.99 not).
elastic_net: sklearn ElasticNet / Lasso (fit_intercept=True, tol 1e-14), and Ridge(alpha = n alpha)
for l1_ratio = 0.

Run:  /work/main/.venv/bin/python oracle_q5_lasso_enet.py
"""
# ----------------------------------------------------------------------------- harness (shared text)
import ast
import copy
import pathlib
import re
import sys
import warnings

import numpy as np

HERE = pathlib.Path(__file__).resolve().parent


def load_sections(qname):
    """Split <qname>.py on the '# %% mistake:' headers: list of (description, source)."""
    text = (HERE / f"{qname}.py").read_text()
    parts = re.split(r"^# %% mistake: (.*)$", text, flags=re.M)
    if parts[0].strip():
        raise SystemExit(f"{qname}.py has content before its first section")
    return [(d.strip(), b) for d, b in zip(parts[1::2], parts[2::2])]


def graded_name(body, names):
    defs = [n.name for n in ast.parse(body).body if isinstance(n, ast.FunctionDef)]
    hit = [n for n in defs if n in names]
    if len(hit) != 1:
        raise SystemExit(f"section defines {defs}, expected exactly one of {names}")
    return hit[0]


_SEVERITY = [0.0]


def compare(got, want, rtol, atol, path="result"):
    """None if `got` matches the oracle `want`, else a short reason (its severity, the error in units
    of the tolerance - inf for a wrong shape, type, bool, integer or non-finite value - goes to _SEVERITY)."""
    _SEVERITY[0] = np.inf
    if isinstance(want, dict):
        if not isinstance(got, dict):
            return f"{path}: expected a dict, got {type(got).__name__}"
        for k in want:
            if k not in got:
                return f"{path}: missing key {k!r}"
            r = compare(got[k], want[k], rtol, atol, f"{path}[{k!r}]")
            if r:
                return r
        return None
    if isinstance(want, tuple):
        if not isinstance(got, (tuple, list)) or len(got) != len(want):
            return f"{path}: expected a tuple of length {len(want)}, got {type(got).__name__}"
        for i, (g, w) in enumerate(zip(got, want)):
            r = compare(g, w, rtol, atol, f"{path}[{i}]")
            if r:
                return r
        return None
    if isinstance(want, (bool, np.bool_)):
        try:
            g = bool(got)
        except Exception as e:  # noqa: BLE001
            return f"{path}: not a bool ({e})"
        return None if g == bool(want) else f"{path}: got {g}, expected {bool(want)}"
    if isinstance(want, int) and not isinstance(want, bool):
        # an integer answer (a count, a sample size, an epoch) must match exactly
        if isinstance(got, (bool, np.bool_)):
            return f"{path}: got a bool {got}, expected the integer {want}"
        if isinstance(got, (int, np.integer)):
            return None if int(got) == want else f"{path}: got {short(int(got))}, expected {short(want)}"
        try:
            gf = float(np.asarray(got, dtype=np.float64).reshape(()))
        except Exception as e:  # noqa: BLE001
            return f"{path}: not a single number ({type(got).__name__}: {str(e)[:60]})"
        if not np.isfinite(gf):
            return f"{path}: got {gf!r}, expected {short(want)}"
        if not gf.is_integer() or int(gf) != want:
            if abs(gf - want) <= 1e-6 * abs(want):
                return None  # a float within round-off of a huge exact integer: not evidence of a mistake
            return f"{path}: got {gf!r}, expected {short(want)}"
        return None
    try:
        g = np.array(got, dtype=np.float64)
    except Exception as e:  # noqa: BLE001
        return f"{path}: not numeric ({type(got).__name__}: {e})"
    w = np.array(want, dtype=np.float64)
    if g.shape != w.shape:
        return f"{path}: shape {g.shape}, expected {w.shape}"
    if not np.isfinite(g).all():
        return f"{path}: non-finite output where the answer is finite"
    err = np.abs(g - w)
    tol = atol + rtol * np.abs(w)
    if (err > tol).any():
        _SEVERITY[0] = float(np.max(err / tol))
        i = np.unravel_index(np.argmax(err - tol), err.shape) if err.ndim else ()
        return (f"{path}: max |diff| {err.max():.3g} (at {tuple(int(j) for j in i)}: got {g[i]:.10g}, "
                f"expected {w[i]:.10g}; tolerance {tol[i]:.2g})")
    return None


def snapshot(args):
    return copy.deepcopy(args)


def mutated(before, after):
    for a, b in zip(before, after):
        if isinstance(a, np.ndarray):
            if a.shape != np.shape(b) or not np.array_equal(a, b, equal_nan=True):
                return True
    return False


def first_discrepancy(fn, oracle, cases, rtol, atol):
    """Run fn on every case; return the most convincing reason it is wrong (or None)."""
    best, best_sev = None, -1.0
    for label, args, kwargs in cases:
        want = oracle(*copy.deepcopy(args), **copy.deepcopy(kwargs))
        call_args = copy.deepcopy(args)
        before = snapshot(call_args)
        try:
            with warnings.catch_warnings(), np.errstate(all="ignore"):
                warnings.simplefilter("ignore")
                got = fn(*call_args, **copy.deepcopy(kwargs))
        except Exception as e:  # noqa: BLE001
            return f"{label}: raises {type(e).__name__}: {str(e)[:80]} (the answer is {short(want)})"
        r = compare(got, want, rtol, atol)
        if r is None and mutated(before, call_args):
            r, _SEVERITY[0] = "modifies its input array in place", np.inf
        if r is not None:
            if _SEVERITY[0] == np.inf:
                return f"{label}: {r}"
            if _SEVERITY[0] > best_sev:
                best, best_sev = f"{label}: {r} [error = {_SEVERITY[0]:.3g} x tolerance]", _SEVERITY[0]
    return best


def short(v):
    s = repr(v)
    return s if len(s) < 70 else s[:67] + "..."


def run_catalogue(qname, oracles, cases, rtol=1e-4, atol=1e-7, provided=None):
    """oracles/cases: dicts keyed by graded function name. `provided` = correct functions the
    audit supplies to a section that redefines only one function."""
    sections = load_sections(qname)
    bad = 0
    for desc, body in sections:
        name = graded_name(body, list(oracles))
        ns = dict(provided or oracles)
        ns["__name__"] = f"mistake_{qname}"
        exec(compile(body, f"<{qname}: {desc[:40]}>", "exec"), ns)
        reason = first_discrepancy(ns[name], oracles[name], cases[name], rtol, atol)
        if reason:
            print(f"WRONG ok: {desc}")
            print(f"    [{name}] {reason}")
        else:
            print(f"NOT WRONG: {desc}")
            bad += 1
    print(f"{len(sections)} mistakes, {len(sections) - bad} demonstrably wrong, {bad} not")
    return bad
# ----------------------------------------------------------------------------- end of harness

from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import ElasticNet, Lasso, Ridge, enet_path


def oracle_soft(z, gamma):
    if np.ndim(z) == 0:
        return float(z - np.clip(z, -gamma, gamma))
    z = np.array(z, dtype=float)
    return z - np.clip(z, -gamma, gamma)


def oracle_alpha_max(X, y, l1_ratio=1.0):
    X, y = np.array(X, float), np.array(y, float)
    Xc, yc = X - X.mean(axis=0), y - y.mean()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)   # n_alphas is deprecated in scikit-learn >= 1.9
        alphas, _, _ = enet_path(Xc, yc, l1_ratio=l1_ratio, n_alphas=3, eps=0.5)
    return float(alphas[0])


def oracle_enet(X, y, alpha, l1_ratio=1.0, tol=1e-10, max_iter=10_000):
    X, y = np.array(X, float), np.array(y, float)
    n = X.shape[0]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        if l1_ratio == 0:
            m = Ridge(alpha=n * alpha, fit_intercept=True, solver="svd").fit(X, y)
        elif l1_ratio == 1:
            m = Lasso(alpha=alpha, fit_intercept=True, tol=1e-14, max_iter=1_000_000).fit(X, y)
        else:
            m = ElasticNet(alpha=alpha, l1_ratio=l1_ratio, fit_intercept=True, tol=1e-14, max_iter=1_000_000).fit(X, y)
    return (np.array(m.coef_, dtype=float), float(m.intercept_))


ORACLES = {"soft_threshold": oracle_soft, "lasso_alpha_max": oracle_alpha_max, "elastic_net": oracle_enet}

# ---------------------------------------------------------------- the oracle reproduces the public examples
assert np.allclose(oracle_soft(np.array([-3.0, -0.5, 0.0, 0.5, 3.0]), 1.0), [-2.0, 0.0, 0.0, 0.0, 2.0])
X1, y1 = np.array([[1.0], [-1.0], [1.0], [-1.0]]), np.array([3.0, -1.0, 3.0, -1.0])
_w, _b = oracle_enet(X1, y1, 0.5)
assert np.allclose(_w, [1.5], rtol=1e-10) and abs(_b - 1.0) < 1e-10
_w, _b = oracle_enet(X1, y1, 0.5, l1_ratio=0.5)
assert np.allclose(_w, [1.4], rtol=1e-10) and abs(_b - 1.0) < 1e-10
assert abs(oracle_alpha_max(X1, y1) - 2.0) < 1e-12 and abs(oracle_alpha_max(X1, y1, 0.5) - 4.0) < 1e-12
_rng = np.random.default_rng(55)
n0, d0 = 40, 6
X0 = _rng.normal(size=(n0, d0)) + _rng.normal(size=d0)
y0 = X0 @ np.array([2.0, 0.0, -1.0, 0.0, 0.5, 0.0]) + 0.5 * _rng.normal(size=n0) + 4.0
for _a, _rho in [(0.1, 1.0), (0.3, 0.5), (0.05, 0.9)]:
    _w, _b = oracle_enet(X0, y0, _a, _rho)
    _r = y0 - X0 @ _w - _b
    assert abs(_r.mean()) < 1e-9
    _g = X0.T @ _r / n0 - _a * (1 - _rho) * _w
    _act = _w != 0
    assert np.allclose(_g[_act], _a * _rho * np.sign(_w[_act]), rtol=0, atol=1e-8)
    assert np.all(np.abs(_g[~_act]) <= _a * _rho + 1e-8) and _act.sum() < d0
_am = oracle_alpha_max(X0, y0)
assert np.all(oracle_enet(X0, y0, 1.001 * _am)[0] == 0) and np.any(oracle_enet(X0, y0, 0.99 * _am)[0] != 0)
assert abs(oracle_enet(X0, y0, 1.001 * _am)[1] - y0.mean()) < 1e-12
print("oracle reproduces the public worked examples")

# ---------------------------------------------------------------- test inputs
rng = np.random.default_rng(5)
Xw = rng.normal(size=(30, 12)) + 3.0                       # d > n below uses 10 x 20
Xwide = rng.normal(size=(10, 20)) + rng.normal(size=20)
ywide = Xwide[:, :3] @ np.array([1.5, -2.0, 1.0]) + 0.1 * rng.normal(size=10) + 2.0
Xconst = np.column_stack([rng.normal(size=25), np.full(25, 2.0), rng.normal(size=25)])
yconst = Xconst @ np.array([1.0, 0.0, -0.5]) + 0.2 * rng.normal(size=25) - 1.0
base = rng.normal(size=50)
Xcorr = np.column_stack([base, base + 0.01 * rng.normal(size=50), rng.normal(size=50), rng.normal(size=50)]) + 1.0
ycorr = 2.0 * base + 0.3 * Xcorr[:, 2] + 0.1 * rng.normal(size=50) + 3.0
Xneg = rng.normal(size=(30, 3)) + np.array([1.0, -2.0, 0.5])
yneg = -3.0 * Xneg[:, 1] + 0.5 * Xneg[:, 0] + 0.1 * rng.normal(size=30) + 7.0
Xlast = rng.normal(size=(60, 5)) @ (np.eye(5) + 0.6) + 2.0   # correlated features, last one irrelevant
ylast = Xlast[:, :4] @ np.array([1.0, -1.0, 0.5, 2.0]) + 0.3 * rng.normal(size=60) + 1.0

CASES = {
    "soft_threshold": [
        ("z = [-3, -0.5, 0, 0.5, 3], gamma = 1", (np.array([-3.0, -0.5, 0.0, 0.5, 3.0]), 1.0), {}),
        ("z = -2.5 (scalar), gamma = 1", (-2.5, 1.0), {}),
        ("z 3x4 random, gamma = 0.7", (rng.normal(size=(3, 4)), 0.7), {}),
        ("z = [0, 1.5, -2], gamma = 0", (np.array([0.0, 1.5, -2.0]), 0.0), {}),
        ("z = [1, -1, 0.3], gamma = 1 (|z| = gamma)", (np.array([1.0, -1.0, 0.3]), 1.0), {}),
    ],
    "lasso_alpha_max": [
        ("worked example, rho = 1", (X1, y1), {}), ("worked example, rho = 0.5", (X1, y1, 0.5), {}),
        ("public-style data (n=40, d=6, offsets)", (X0, y0), {}), ("public-style data, rho = 0.3", (X0, y0, 0.3), {}),
        ("negative correlation, offsets", (Xneg, yneg), {}), ("n=10 < d=20", (Xwide, ywide, 0.7), {}),
    ],
    "elastic_net": [
        ("worked example lasso", (X1, y1, 0.5), {}), ("worked example enet", (X1, y1, 0.5), {"l1_ratio": 0.5}),
        ("public-style data alpha=0.1", (X0, y0, 0.1), {"l1_ratio": 1.0}),
        ("public-style data alpha=0.3 rho=0.5", (X0, y0, 0.3), {"l1_ratio": 0.5}),
        ("public-style data alpha=0.05 rho=0.9", (X0, y0, 0.05), {"l1_ratio": 0.9}),
        ("public-style data alpha=0.2 rho=0.2", (X0, y0, 0.2), {"l1_ratio": 0.2}),
        ("public-style data ridge rho=0", (X0, y0, 0.3), {"l1_ratio": 0.0}),
        ("n=10 < d=20, alpha=0.3", (Xwide, ywide, 0.3), {}),
        ("constant column, lasso", (Xconst, yconst, 0.05), {}),
        ("nearly duplicate columns, alpha=0.01, rho=0.7", (Xcorr, ycorr, 0.01), {"l1_ratio": 0.7}),
        ("correlated features, last inactive, alpha=0.5", (Xlast, ylast, 0.5), {}),
        ("alpha above alpha_max", (X0, y0, 1.01 * _am), {}),
    ],
}

if __name__ == "__main__":
    sys.exit(1 if run_catalogue("q5_lasso_enet", ORACLES, CASES) else 0)
