"""Independent oracle for q3_growth_vc_bound.

count_labelings: brute-force count over all 2^n labelings with a complete candidate-hypothesis search
(thresholds, intervals, boxes with endpoints at sample values) and an exact direction sweep for
halfspaces. sauer_shelah: the Pascal-type recursion Phi_d(m) = Phi_d(m-1) + Phi_{d-1}(m-1) in exact
integers (no binomial sum). vc_bound: exact integer Phi_d(2n), then an 80-digit mpmath logarithm.

Run:  /work/main/.venv/bin/python oracle_q3_growth_vc_bound.py
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
import math

import mpmath

mpmath.mp.dps = 80


# ---------------------------------------------------------------- realizability (brute force)
def _sweep_separable(P, y):
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
        x = x.reshape(-1)
        vals = np.unique(x)
        if hclass == "thresholds":
            cands = [x >= a for a in vals]
        else:
            cands = [(x >= a) & (x <= b) for a in vals for b in vals if a <= b]
        cands.append(np.zeros(len(x), bool))
        return any(np.array_equal(c.astype(int), y) for c in cands)
    P = x.reshape(-1, 2)
    if hclass == "rectangles":
        if not y.any():
            return True
        xs, ys = np.unique(P[:, 0]), np.unique(P[:, 1])
        for a1, b1, a2, b2 in itertools.product(xs, xs, ys, ys):
            h = (P[:, 0] >= a1) & (P[:, 0] <= b1) & (P[:, 1] >= a2) & (P[:, 1] <= b2)
            if np.array_equal(h.astype(int), y):
                return True
        return False
    if hclass == "halfspaces":
        return _sweep_separable(P, y)
    raise ValueError(hclass)


def oracle_count(points, hclass):
    n = len(np.asarray(points))
    return int(sum(oracle_realizable(points, np.array(l), hclass) for l in itertools.product([0, 1], repeat=n)))


def oracle_phi(m, d):
    # row-by-row Pascal recursion: row[k] = Phi_k(current m), k = 0..d ; Phi_k(0) = 1
    row = [1] * (d + 1)
    for _ in range(m):
        row = [1] + [row[k] + row[k - 1] for k in range(1, d + 1)]
    return row[d]


def oracle_vc(n, d, delta):
    m = 2 * n
    phi = sum(math.comb(m, i) for i in range(min(d, m) + 1))
    return float(mpmath.sqrt(mpmath.mpf(8) / n * mpmath.log(4 * mpmath.mpf(phi) / mpmath.mpf(delta))))


ORACLES = {"count_labelings": oracle_count, "sauer_shelah": oracle_phi, "vc_bound": oracle_vc}
PROVIDED = dict(ORACLES, realizable=oracle_realizable)

# ---------------------------------------------------------------- the oracle reproduces the public examples
assert oracle_phi(5, 2) == 16 and oracle_phi(3, 5) == 8
assert oracle_count(np.array([0.2, 0.5, 0.9]), "thresholds") == 4
assert oracle_count(np.array([0.0, 1.0, 2.0, 3.0]), "intervals") == 11
assert abs(oracle_vc(1000, 3, 0.05) - math.sqrt(0.008 * math.log(80 * 1333335001))) < 1e-14
_rng = np.random.default_rng(3)
_x = _rng.normal(size=6)
assert oracle_count(_x, "thresholds") == oracle_phi(6, 1) and oracle_count(_x, "intervals") == oracle_phi(6, 2)
_c = oracle_count(_rng.normal(size=(5, 2)), "halfspaces")
assert _c <= oracle_phi(5, 3) and _c < 32
_b = [oracle_vc(n, 5, 0.05) for n in (100, 1000, 10 ** 4, 10 ** 5)]
assert all(u > v for u, v in zip(_b, _b[1:]))
assert oracle_vc(1000, 10, 0.05) > _b[1] and oracle_vc(1000, 5, 1e-6) > _b[1]
assert 0 < oracle_vc(10 ** 9, 100, 0.05) < 0.01
# the recursion agrees with the binomial sum
for m in range(0, 30):
    for d in range(0, 12):
        assert oracle_phi(m, d) == sum(math.comb(m, i) for i in range(d + 1))
print("oracle reproduces the public worked examples")

rng = np.random.default_rng(7)
COUNT_SETS = [
    (np.array([0.2, 0.5, 0.9]), "thresholds"), (np.array([0.0, 1.0, 2.0, 3.0]), "intervals"),
    (np.array([0.5, 0.5, 1.0]), "thresholds"), (np.array([0.5, 0.5, 1.0, 2.0]), "intervals"),
    (rng.normal(size=6), "thresholds"), (rng.normal(size=6), "intervals"),
    (np.array([[0.0, 0.0], [1.0, 1.0], [2.0, 2.0]]), "halfspaces"), (rng.normal(size=(5, 2)), "halfspaces"),
    (np.array([[1.0, 0.0], [0.0, 1.0], [-1.0, 0.0], [0.0, -1.0]]), "rectangles"),
    (np.array([[0.0, 0.0], [0.0, 0.0], [1.0, 1.0]]), "rectangles"), (rng.normal(size=(5, 2)), "rectangles"),
    (np.array([0.3]), "thresholds"), (np.array([[1.0, 1.0], [1.0, 1.0]]), "halfspaces"),
]
CASES = {
    "count_labelings": [(f"{hc}, points {np.round(P, 3).tolist()}", (P, hc), {}) for P, hc in COUNT_SETS],
    "sauer_shelah": [(f"m, d = {m}, {d}", (m, d), {}) for m, d in
                     [(5, 2), (3, 5), (0, 0), (10, 0), (6, 1), (7, 3), (40, 40), (40, 39), (200, 100), (1100, 550)]],
    "vc_bound": [(f"n, d, delta = {n}, {d}, {dl}", (n, d, dl), {}) for n, d, dl in
                 [(1000, 3, 0.05), (10 ** 9, 100, 0.05), (1, 5, 0.1), (2, 3, 0.05), (10, 0, 0.05), (100, 1, 1.0),
                  (1000, 2000, 0.05), (10 ** 5, 50, 0.01), (10 ** 6, 3000, 0.05)]],
}

if __name__ == "__main__":
    sys.exit(1 if run_catalogue("q3_growth_vc_bound", ORACLES, CASES, provided=PROVIDED) else 0)
