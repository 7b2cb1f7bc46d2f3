"""Independent oracle for q7_augmentation.

expected_noisy_loss: the expectation computed numerically by Gauss-Hermite quadrature over the
scalar noise (Xi w)_i ~ N(0, sigma^2 ||w||^2) of each row (exact for the quadratic integrand), and
cross-checked by a large Monte Carlo. ridge_equivalent: scikit-learn Ridge(alpha = n sigma^2,
fit_intercept=False) (LinearRegression when sigma = 0). augmented_least_squares: scikit-learn
LinearRegression(fit_intercept=False) on the K copies stacked with an explicit loop.

Run:  /work/main/.venv/bin/python oracle_q7_augmentation.py
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

from numpy.polynomial.hermite_e import hermegauss
from sklearn.linear_model import LinearRegression, Ridge

_GH_X, _GH_W = hermegauss(8)           # nodes/weights for the weight exp(-z^2 / 2)
_GH_W = _GH_W / np.sqrt(2 * np.pi)     # -> expectation over Z ~ N(0, 1)


def oracle_loss(X, y, w, sigma):
    X, y, w = np.array(X, float), np.array(y, float), np.array(w, float)
    s = sigma * np.sqrt(np.sum(w ** 2))      # std of (Xi w)_i
    total = 0.0
    for i in range(len(y)):
        r_i = y[i] - X[i] @ w
        total += np.sum(_GH_W * (r_i - s * _GH_X) ** 2)
    return float(total / len(y))


def oracle_ridge(X, y, sigma):
    X, y = np.array(X, float), np.array(y, float)
    n = X.shape[0]
    if sigma == 0:
        return np.array(LinearRegression(fit_intercept=False).fit(X, y).coef_, dtype=float)
    return np.array(Ridge(alpha=n * sigma ** 2, fit_intercept=False, solver="svd").fit(X, y).coef_, dtype=float)


def oracle_aug(X, y, noise):
    X, y, noise = np.array(X, float), np.array(y, float), np.array(noise, float)
    A = np.vstack([X + noise[k] for k in range(noise.shape[0])])
    b = np.concatenate([y for _ in range(noise.shape[0])])
    return np.array(LinearRegression(fit_intercept=False).fit(A, b).coef_, dtype=float)


ORACLES = {"expected_noisy_loss": oracle_loss, "ridge_equivalent": oracle_ridge, "augmented_least_squares": oracle_aug}

# ---------------------------------------------------------------- the oracle reproduces the public examples
X1, y1 = np.array([[1.0], [2.0]]), np.array([1.0, 2.0])
assert abs(oracle_loss(X1, y1, np.array([1.0]), 0.5) - 0.25) < 1e-12
assert abs(oracle_loss(X1, y1, np.array([0.0]), 0.5) - 2.5) < 1e-12
assert np.allclose(oracle_ridge(X1, y1, 0.5), [10 / 11], rtol=1e-12)
N1 = np.array([[[0.5], [-0.5]], [[-0.5], [0.5]]])
assert np.allclose(oracle_aug(X1, y1, N1), [10 / 11], rtol=1e-12)
_rng = np.random.default_rng(77)
n0, d0, s0 = 25, 3, 0.4
X0 = _rng.normal(size=(n0, d0))
y0 = X0 @ np.array([1.0, -1.0, 2.0]) + 0.3 * _rng.normal(size=n0)
w0 = np.array([0.8, -0.5, 1.5])
_r, _s2 = y0 - X0 @ w0, s0 ** 2 * (w0 @ w0)
_Z = _rng.normal(scale=np.sqrt(_s2), size=(20000, n0))
_losses = ((_r - _Z) ** 2).mean(axis=1)
_std = np.sqrt((4 * _r ** 2 * _s2 + 2 * _s2 ** 2).sum()) / n0
assert abs(_losses.mean() - oracle_loss(X0, y0, w0, s0)) < 5 * _std / np.sqrt(20000)
_ws = oracle_ridge(X0, y0, s0)
assert np.allclose(-2 / n0 * X0.T @ (y0 - X0 @ _ws) + 2 * s0 ** 2 * _ws, 0, atol=1e-10)
_K = 4000
_noise = s0 * _rng.normal(size=(_K, n0, d0))
assert np.allclose(oracle_aug(X0, y0, _noise), _ws, atol=0.05)
# full-matrix Monte Carlo of the noisy loss agrees with the quadrature
_Xi = s0 * _rng.normal(size=(4000, n0, d0))
_mc = np.mean(np.sum((y0 - (X0 + _Xi) @ w0) ** 2, axis=1) / n0)
assert abs(_mc - oracle_loss(X0, y0, w0, s0)) < 0.02 * oracle_loss(X0, y0, w0, s0)
print("oracle reproduces the public worked examples")

np.random.seed(0)   # one mistake draws its own noise with np.random: make the run reproducible
rng = np.random.default_rng(8)
Xw = rng.normal(size=(5, 8))
yw = rng.normal(size=5)
CASES = {
    "expected_noisy_loss": [
        ("worked example w = 1", (X1, y1, np.array([1.0]), 0.5), {}),
        ("worked example w = 0", (X1, y1, np.array([0.0]), 0.5), {}),
        ("public-style n=25 d=3 sigma=0.4", (X0, y0, w0, 0.4), {}),
        ("n=25 d=3 sigma=1.7, w = (2, -3, 0.5)", (X0, y0, np.array([2.0, -3.0, 0.5]), 1.7), {}),
        ("sigma = 0", (X0, y0, w0, 0.0), {}),
    ],
    "ridge_equivalent": [
        ("worked example", (X1, y1, 0.5), {}), ("public-style n=25 d=3 sigma=0.4", (X0, y0, 0.4), {}),
        ("n=25 d=3 sigma=1.3", (X0, y0, 1.3), {}), ("d=8 > n=5, sigma=0.3", (Xw, yw, 0.3), {}),
        ("sigma = 0 (least squares)", (X0, y0, 0.0), {}),
    ],
    "augmented_least_squares": [
        ("worked example (antithetic copies)", (X1, y1, N1), {}),
        ("n=25 d=3, K=3 copies, sigma=0.4", (X0, y0, 0.4 * rng.normal(size=(3, n0, d0))), {}),
        ("n=25 d=3, K=1 copy, sigma=1", (X0, y0, rng.normal(size=(1, n0, d0))), {}),
        ("n=25 d=3, K=50 copies, sigma=0.8", (X0, y0, 0.8 * rng.normal(size=(50, n0, d0))), {}),
    ],
}

if __name__ == "__main__":
    sys.exit(1 if run_catalogue("q7_augmentation", ORACLES, CASES) else 0)
