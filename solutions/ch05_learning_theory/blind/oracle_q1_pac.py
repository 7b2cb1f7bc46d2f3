"""Independent oracle for q1_pac: exact high-precision logarithms with mpmath, then the ceiling.

Run:  /work/main/.venv/bin/python oracle_q1_pac.py
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

import mpmath

mpmath.mp.dps = 80  # 80 significant digits: exact enough to take ceilings of ~1e6-sized numbers safely


def _ln(v):
    # mpf of a Python int is exact for any size; floats are converted exactly
    return mpmath.log(mpmath.mpf(v))


def oracle_realizable(h_size, epsilon, delta):
    x = (_ln(h_size) - _ln(delta)) / mpmath.mpf(epsilon)
    return int(mpmath.ceil(x))


def oracle_agnostic(h_size, epsilon, delta):
    x = 2 * (mpmath.log(2) + _ln(h_size) - _ln(delta)) / mpmath.mpf(epsilon) ** 2
    return int(mpmath.ceil(x))


def oracle_uc(h_size, m, delta):
    return float(mpmath.sqrt((mpmath.log(2) + _ln(h_size) - _ln(delta)) / (2 * mpmath.mpf(m))))


ORACLES = {
    "pac_realizable_sample_size": oracle_realizable,
    "pac_agnostic_sample_size": oracle_agnostic,
    "uniform_convergence_epsilon": oracle_uc,
}

# ---------------------------------------------------------------- the oracle reproduces the public examples
assert oracle_realizable(1000, 0.01, 0.05) == 991
assert oracle_agnostic(1000, 0.01, 0.05) == 211933
assert abs(oracle_uc(1000, 1000, 0.05) - math.sqrt(math.log(40000) / 2000)) < 1e-15
for h, e, d in [(10, 0.1, 0.1), (10 ** 6, 0.05, 0.001), (3, 0.3, 0.5)]:
    ma = oracle_agnostic(h, e, d)
    assert oracle_realizable(h * 1000, e, d) > oracle_realizable(h, e, d)
    assert ma > oracle_realizable(h, e, d)
    assert oracle_uc(h, ma, d) <= e / 2 and oracle_uc(h, ma - 1, d) > e / 2
assert abs(oracle_uc(50, 400, 0.1) - 2 * oracle_uc(50, 1600, 0.1)) < 1e-15
# and a float closed form agrees where floats suffice
assert oracle_realizable(10 ** 6, 0.05, 0.001) == math.ceil(math.log(10 ** 9) / 0.05)
print("oracle reproduces the public worked examples")

HUGE = 2 ** 12800  # every network with 400 float32 weights
PARAMS = [(1000, 0.01, 0.05), (10, 0.1, 0.1), (10 ** 6, 0.05, 0.001), (3, 0.3, 0.5), (2.5, 0.2, 0.3),
          (1, 0.5, 1.0), (1, 0.3, 0.5), (HUGE, 0.1, 0.01), (HUGE, 1.0, 1.0), (7.0, 1.0, 0.2)]
CASES = {
    "pac_realizable_sample_size": [(f"|H|,eps,delta={'2**12800' if h is HUGE else h},{e},{d}", (h, e, d), {})
                                   for h, e, d in PARAMS],
    "pac_agnostic_sample_size": [(f"|H|,eps,delta={'2**12800' if h is HUGE else h},{e},{d}", (h, e, d), {})
                                 for h, e, d in PARAMS],
    "uniform_convergence_epsilon": [(f"|H|,m,delta={'2**12800' if h is HUGE else h},{m},{d}", (h, m, d), {})
                                    for h, m, d in [(1000, 1000, 0.05), (50, 400, 0.1), (1, 1, 1.0), (10, 7, 0.01),
                                                    (HUGE, 10 ** 6, 0.01), (2.5, 30, 0.5)]],
}

if __name__ == "__main__":
    sys.exit(1 if run_catalogue("q1_pac", ORACLES, CASES) else 0)
