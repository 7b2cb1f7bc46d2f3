"""Independent oracle for q2_shattering.

realizable: brute force over a finite set of candidate hypotheses that is complete for the finite
sample (thresholds at every sample value or +inf, intervals/boxes with endpoints at sample values, or
empty) - no "bounding box of the positives" reasoning; halfspaces: a different LP, the MAXIMUM
margin t of s_i (w.x_i + b) >= t with |w_k| <= 1 (realizable iff t > 0), cross-checked with an exact
sweep over projection directions.

Run:  /work/main/.venv/bin/python oracle_q2_shattering.py
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

import itertools

from scipy.optimize import linprog


def _realizable_1d(x, y, hclass):
    vals = np.unique(x)
    if hclass == "thresholds":
        cands = [x >= a for a in vals] + [np.zeros(len(x), bool)]          # a = +inf
    else:
        cands = [(x >= a) & (x <= b) for a in vals for b in vals if a <= b] + [np.zeros(len(x), bool)]
    return any(np.array_equal(c.astype(int), y) for c in cands)


def _realizable_rect(P, y):
    xs, ys = np.unique(P[:, 0]), np.unique(P[:, 1])
    if not y.any():
        return True
    for a1 in xs:
        for b1 in xs[xs >= a1]:
            for a2 in ys:
                for b2 in ys[ys >= a2]:
                    h = (P[:, 0] >= a1) & (P[:, 0] <= b1) & (P[:, 1] >= a2) & (P[:, 1] <= b2)
                    if np.array_equal(h.astype(int), y):
                        return True
    return False


def _max_margin(P, y):
    s = 2.0 * y - 1.0
    n = len(P)
    # variables (w1, w2, b, t); maximize t  s.t.  t - s_i (w.x_i + b) <= 0,  -1 <= w_k <= 1,  t <= 1
    A = np.column_stack([-s[:, None] * P, -s, np.ones(n)])
    res = linprog(np.array([0, 0, 0, -1.0]), A_ub=A, b_ub=np.zeros(n),
                  bounds=[(-1, 1), (-1, 1), (None, None), (None, 1)], method="highs")
    assert res.status == 0, res
    return -res.fun


def _realizable_half(P, y):
    return _max_margin(P, y) > 1e-9


def _sweep_separable(P, y):
    """Exact combinatorial check: the separating directions form an open arc whose ends are normals
    of lines through two points, so testing the midpoints between consecutive critical angles is complete."""
    if y.min() == y.max():
        return True
    ang = [0.0]
    for i in range(len(P)):
        for j in range(len(P)):
            d = P[j] - P[i]
            if i != j and np.any(d != 0):
                a = np.arctan2(d[1], d[0]) + np.pi / 2
                ang += [a % (2 * np.pi), (a + np.pi) % (2 * np.pi)]
    ang = np.unique(ang)
    mids = np.concatenate([ang, (ang + np.roll(ang, -1) + 2 * np.pi * (np.roll(ang, -1) <= ang)) / 2])
    for t in mids:
        proj = P @ np.array([np.cos(t), np.sin(t)])
        if proj[y == 1].min() > proj[y == 0].max() + 1e-12:
            return True
    return False


def oracle_realizable(points, labels, hclass):
    x = np.array(points, dtype=float)
    y = np.array(labels).astype(int)
    if hclass in ("thresholds", "intervals"):
        return bool(_realizable_1d(x.reshape(-1), y, hclass))
    if hclass == "rectangles":
        return bool(_realizable_rect(x.reshape(-1, 2), y))
    if hclass == "halfspaces":
        return bool(_realizable_half(x.reshape(-1, 2), y))
    raise ValueError(hclass)


def oracle_is_shattered(points, hclass):
    n = len(np.asarray(points))
    return all(oracle_realizable(points, np.array(l), hclass) for l in itertools.product([0, 1], repeat=n))


ORACLES = {"realizable": oracle_realizable, "is_shattered": oracle_is_shattered}

# ---------------------------------------------------------------- the oracle reproduces the public examples
R, S = oracle_realizable, oracle_is_shattered
diamond = np.array([[1.0, 0.0], [0.0, 1.0], [-1.0, 0.0], [0.0, -1.0]])
square = np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
assert R(np.array([0.0, 1.0]), np.array([0, 1]), "thresholds") is True
assert R(np.array([0.0, 1.0]), np.array([1, 0]), "thresholds") is False
assert S(np.array([0.0, 1.0]), "intervals") is True
assert R(np.array([0.0, 1.0, 2.0]), np.array([1, 0, 1]), "intervals") is False
assert S(diamond, "rectangles") is True
assert R(square, np.array([1, 0, 0, 1]), "rectangles") is False
assert S(np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 1.0]]), "halfspaces") is True
assert R(square, np.array([1, 0, 0, 1]), "halfspaces") is False
assert S(np.array([[0.0, 0.0], [1.0, 1.0], [2.0, 2.0]]), "halfspaces") is False
_rng = np.random.default_rng(2)
for hc, dim in [("thresholds", 1), ("intervals", 1), ("rectangles", 2), ("halfspaces", 2)]:
    pts = _rng.normal(size=(6, dim)).squeeze()
    assert R(pts, np.zeros(6, int), hc) and R(pts, np.ones(6, int), hc)
    for _ in range(5):
        lab = _rng.integers(0, 2, size=6)
        assert R(pts, lab, hc) == R(3.0 * pts + 5.0, lab, hc)
    assert S(pts[[0, 0]], hc) is False
assert S(np.array([0.3]), "thresholds") is True
assert S(np.array([0.0, 1.0, 2.0]), "intervals") is False
assert S(_rng.normal(size=(4, 2)), "halfspaces") is False
print("oracle reproduces the public worked examples")

# ---------------------------------------------------------------- test point sets (all labelings of each)
rng = np.random.default_rng(12345)
SETS = {
    "thresholds": [np.array([0.0, 1.0]), np.array([2.0, -1.0, 0.5, 3.0]), np.array([0.5, 0.5, 1.0]),
                   np.array([1.0, 1.0]), np.array([0.3]), rng.normal(size=5)],
    "intervals": [np.array([0.0, 1.0]), np.array([2.0, -1.0, 0.5, 3.0]), np.array([0.5, 0.5, 1.0]),
                  np.array([1.0, 1.0]), np.array([0.0, 1.0, 2.0]), rng.normal(size=5), np.array([0.3])],
    "rectangles": [diamond, square, np.vstack([diamond, [[0.0, 0.0]]]),
                   np.array([[0.0, 0.0], [1.0, 0.0], [0.5, 0.0], [0.5, 1.0]]),
                   np.array([[0.0, 0.0], [0.0, 0.0], [1.0, 1.0]]), np.array([[0.0, 0.0], [2.0, 1.0], [1.0, 1.5]]),
                   rng.normal(size=(5, 2)), np.array([[0.3, -0.2]])],
    "halfspaces": [np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 1.0]]), np.array([[2.0, 1.0], [3.0, 1.0], [2.0, 2.0]]),
                   square, np.array([[0.0, 0.0], [1.0, 1.0], [2.0, 2.0]]),
                   np.array([[1.0, 1.0], [1.0, 1.0], [0.0, 2.0]]), rng.normal(size=(4, 2)), rng.normal(size=(5, 2)),
                   np.array([[0.3, -0.2]])],
}

# cross-check the halfspace LP oracle against a hard-margin SVM on every labeling
for P in SETS["halfspaces"]:
    for lab in itertools.product([0, 1], repeat=len(P)):
        lab = np.array(lab)
        assert _realizable_half(P, lab) == _sweep_separable(P, lab), (P, lab)
print("halfspace LP oracle agrees with an exact direction sweep on every labeling")

CASES = {"realizable": [], "is_shattered": []}
for hc, sets in SETS.items():
    for P in sets:
        CASES["is_shattered"].append((f"{hc}, points {np.round(P, 3).tolist()}", (P, hc), {}))
        for lab in itertools.product([0, 1], repeat=len(P)):
            CASES["realizable"].append((f"{hc}, points {np.round(P, 3).tolist()}, labels {list(lab)}",
                                        (P, np.array(lab), hc), {}))

if __name__ == "__main__":
    sys.exit(1 if run_catalogue("q2_shattering", ORACLES, CASES) else 0)
