"""Independent oracle for q4_bias_variance.

Each trial is fitted in the Legendre basis on the domain [0, 1] mapped to [-1, 1]
(numpy.polynomial.Legendre.fit: well conditioned, unlike the monomial Vandermonde matrix; the fitted
polynomial - hence every prediction - does not depend on the basis), and the statistics are
computed with explicit loops straight from the definitions in the docstring.

Run:  /work/main/.venv/bin/python oracle_q4_bias_variance.py
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

import math

from numpy.polynomial import Legendre


def oracle_bvmc(x_train, noise_train, x_test, noise_test, degree):
    x_train, noise_train = np.asarray(x_train, float), np.asarray(noise_train, float)
    x_test, noise_test = np.asarray(x_test, float), np.asarray(noise_test, float)
    T, m = x_train.shape[0], x_test.shape[0]
    P = np.zeros((T, m))
    for t in range(T):
        y = np.array([math.sin(2 * math.pi * v) for v in x_train[t]]) + noise_train[t]
        poly = Legendre.fit(x_train[t], y, degree, domain=[0.0, 1.0])
        P[t] = poly(x_test)
    f = [math.sin(2 * math.pi * v) for v in x_test]
    fbar = [sum(P[t, j] for t in range(T)) / T for j in range(m)]
    bias2 = sum((fbar[j] - f[j]) ** 2 for j in range(m)) / m
    variance = sum(sum((P[t, j] - fbar[j]) ** 2 for t in range(T)) / T for j in range(m)) / m
    error = sum((f[j] + noise_test[t, j] - P[t, j]) ** 2 for t in range(T) for j in range(m)) / (T * m)
    return {"predictions": P, "bias2": float(bias2), "variance": float(variance), "error": float(error)}


ORACLES = {"bias_variance_mc": oracle_bvmc}

# ---------------------------------------------------------------- the oracle reproduces the public examples
_x = np.array([[0.0, 0.25], [0.5, 0.75]])
_noise = np.array([[0.0, 0.0], [0.2, -0.2]])
_xt, _nt = np.array([0.25]), np.array([[0.1], [-0.1]])
_r = oracle_bvmc(_x, _noise, _xt, _nt, 0)
assert np.allclose(_r["predictions"], [[0.5], [-0.5]], atol=1e-12)
assert np.allclose([_r["bias2"], _r["variance"], _r["error"]], [1.0, 0.25, 1.16], rtol=1e-12)
_r = oracle_bvmc(_x, _noise, _xt, _nt, 1)
assert np.allclose(_r["predictions"], [[1.0], [1.6]], rtol=1e-12)
assert np.allclose([_r["bias2"], _r["variance"], _r["error"]], [0.09, 0.09, 0.25], rtol=1e-12)
_rng = np.random.default_rng(44)
T_, n_, m_, s_ = 400, 25, 40, 0.3
_xx, _nn = _rng.random((T_, n_)), s_ * _rng.normal(size=(T_, n_))
_xt, _nt = np.linspace(0.02, 0.98, m_), s_ * _rng.normal(size=(T_, m_))
_out = {}
for _p in (1, 3, 5, 9):
    _r = oracle_bvmc(_xx, _nn, _xt, _nt, _p)
    _b, _v, _e = _r["bias2"], _r["variance"], _r["error"]
    _sd = np.sqrt((2 * s_ ** 4 + 4 * s_ ** 2 * (_b + _v)) / (T_ * m_))
    assert abs(_e - (_b + _v + s_ ** 2)) <= 4.9 * _sd
    assert abs(_b + _v - np.mean((np.sin(2 * np.pi * _xt) - _r["predictions"]) ** 2)) < 1e-12
    _out[_p] = (_b, _v)
assert _out[1][0] > _out[5][0] and _out[9][1] > _out[3][1]
print("oracle reproduces the public worked examples")


def make_case(seed, T, n, m, sigma, degree):
    rng = np.random.default_rng(seed)
    x, noise = rng.random((T, n)), sigma * rng.normal(size=(T, n))
    xt, nt = np.sort(rng.random(m)), sigma * rng.normal(size=(T, m))
    return (f"seed {seed}, T={T}, n={n}, m={m}, sigma={sigma}, degree {degree}", (x, noise, xt, nt, degree), {})


CASES = {"bias_variance_mc": [
    ("worked example, degree 0", (_x, _noise, np.array([0.25]), np.array([[0.1], [-0.1]]), 0), {}),
    ("worked example, degree 1", (_x, _noise, np.array([0.25]), np.array([[0.1], [-0.1]]), 1), {}),
    make_case(1, 30, 12, 15, 0.3, 3), make_case(2, 25, 10, 7, 0.5, 1), make_case(3, 40, 20, 30, 0.2, 5),
    make_case(4, 6, 8, 6, 0.3, 0), make_case(5, 20, 30, 25, 0.3, 11), make_case(6, 20, 40, 25, 0.1, 13),
]}

if __name__ == "__main__":
    sys.exit(1 if run_catalogue("q4_bias_variance", ORACLES, CASES) else 0)
