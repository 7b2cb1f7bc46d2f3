"""Independent oracle for q5_lp_duality and a check that every blind mistake is really wrong.

Oracle: scipy.optimize.linprog (HiGHS). The dual data (b, -A^T, c) is confirmed by solving primal and
dual with linprog (strong duality: dual optimum = -p*; dual of the dual = primal); shadow prices are
HiGHS's marginals y = -d p*/d b (res.ineqlin.marginals, sign flipped).
Run: /work/main/.venv/bin/python oracle_q5_lp_duality.py
"""
# ---------------------------------------------------------------- harness (shared text, inlined in every oracle)
import copy
import pathlib
import re
import sys
import traceback
import warnings

import numpy as np

HERE = pathlib.Path(__file__).resolve().parent
STUDENT = HERE.parents[2] / "student" / "ch03_optimization"
sys.path.insert(0, str(STUDENT))
import mlmathkit_fixtures as fx  # noqa: E402

warnings.filterwarnings("ignore")
np.seterr(all="ignore")


def load_sections(path):
    text = path.read_text()
    chunks = re.split(r"(?m)^(?=# %% mistake:)", text)
    if chunks[0].strip():
        raise SystemExit(f"{path.name}: text before the first '# %% mistake:' section")
    out = []
    for ch in chunks[1:]:
        header = ch.partition("\n")[0]
        out.append((header[len("# %% mistake:"):].strip(), ch))
    return out


def exec_section(code, base):
    ns = dict(base)
    ns["__name__"] = "mistake_section"
    exec(compile(code, "<mistake section>", "exec"), ns)
    return ns


def as_float_array(v):
    if isinstance(v, dict):
        raise TypeError("dict")
    return np.asarray(v, dtype=np.float64)


def differ(got, want, rtol=1e-3, atol=1e-6):
    """Return a reason string if got is far from want (or malformed), else None."""
    try:
        g = as_float_array(got)
    except Exception as e:  # noqa: BLE001
        return f"answer not numeric ({type(got).__name__}: {e})"
    w = as_float_array(want)
    assert np.all(np.isfinite(w)), "oracle not finite"
    if g.shape != w.shape:
        return f"shape {g.shape} instead of {w.shape}"
    if not np.all(np.isfinite(g)):
        return "non-finite entries where the oracle is finite"
    err = np.abs(g - w)
    tol = atol + rtol * np.abs(w)
    if np.any(err > tol):
        k = int(np.argmax(err - tol))
        return f"max abs diff {err.max():.3g} (entry {k}: got {g.ravel()[k]:.6g}, oracle {w.ravel()[k]:.6g})"
    return None


def first_reason(cases):
    """cases: iterable of (label, thunk) where thunk() returns a reason or None; exceptions count as wrong."""
    for label, thunk in cases:
        try:
            r = thunk()
        except Exception as e:  # noqa: BLE001
            r = f"raises {type(e).__name__}: {str(e)[:80]}"
        if r:
            return f"{label}: {r}"
    return None


def run_catalogue(qfile, graded, base, probes):
    sections = load_sections(qfile)
    bad = 0
    for desc, code in sections:
        try:
            ns = exec_section(code, base)
        except Exception:  # noqa: BLE001
            print(f"NOT WRONG: {desc}  [section does not even exec]\n{traceback.format_exc()}")
            bad += 1
            continue
        names = [n for n in graded if n in ns and ns[n] is not base.get(n)]
        if len(names) != 1:
            print(f"NOT WRONG: {desc}  [section defines {names}, expected exactly one graded function]")
            bad += 1
            continue
        reason = first_reason(probes[names[0]](ns[names[0]]))
        if reason:
            print(f"WRONG ok: {desc}\n          [{names[0]}] {reason}")
        else:
            print(f"NOT WRONG: {desc}  [{names[0]}]")
            bad += 1
    print(f"{len(sections)} mistakes, {bad} not demonstrably wrong")
    return bad
# ---------------------------------------------------------------- end of harness

from scipy.optimize import linprog  # noqa: E402

QFILE = HERE / "q5_lp_duality.py"
GRADED = ["lp_dual", "dual_by_complementary_slackness"]


def solve_lp(c, A, b):
    res = linprog(c, A_ub=A, b_ub=b, bounds=[(0, None)] * len(c), method="highs")
    assert res.status == 0, res.message
    return res


def o_lp_dual(c, A, b):
    """Dual data, validated on the spot by linprog: its optimum must be -p*."""
    cd, Ad, bd = np.array(b, float), -np.array(A, float).T, np.array(c, float)
    p, d = solve_lp(c, A, b).fun, solve_lp(cd, Ad, bd).fun
    assert abs(d + p) <= 1e-7 * (1 + abs(p)), (p, d)
    return cd, Ad, bd


def o_shadow(c, A, b, x=None, tol=1e-9):
    return -solve_lp(c, A, b).ineqlin.marginals


# ---- (2) the oracle reproduces the public worked examples
cW, AW, bW = np.array([-3.0, -5.0]), np.array([[1.0, 0.0], [0.0, 2.0], [3.0, 2.0]]), np.array([4.0, 12.0, 18.0])
assert np.allclose(solve_lp(cW, AW, bW).x, [2.0, 6.0])
assert np.allclose(o_shadow(cW, AW, bW), [0.0, 1.5, 1.0])
cd, Ad, bd = o_lp_dual(cW, AW, bW)
assert np.allclose(cd, bW) and np.allclose(Ad, -AW.T) and np.allclose(bd, cW)
rng = np.random.default_rng(5)
cR, AR, bR = -rng.uniform(1, 2, size=3), rng.uniform(0.5, 2, size=(4, 3)), rng.uniform(5, 10, size=4)
twice = o_lp_dual(*o_lp_dual(cR, AR, bR))
assert all(np.allclose(u, v) for u, v in zip(twice, (cR, AR, bR)))
cP = np.array([1.0, 2.0, 0.5])
assert np.allclose(solve_lp(cP, AR, bR).x, 0) and np.allclose(o_shadow(cP, AR, bR), np.zeros(4))
print("oracle reproduces the public worked examples")

# ---- (3) probes
rng2 = np.random.default_rng(11)
cS, AS, bS = -rng2.uniform(1, 3, size=4), rng2.uniform(0.2, 2, size=(3, 4)), rng2.uniform(4, 9, size=3)
DUAL_CASES = [("Wyndor", (cW, AW, bW)), ("random 4x3", (cR, AR, bR)), ("random 3x4", (cS, AS, bS)),
              ("square 3x3", (cR[:3].copy(), AR[:3].copy(), bR[:3].copy()))]


def probe_dual(fn):
    def one(args):
        got = fn(*[a.copy() for a in args])
        want = o_lp_dual(*args)
        got = tuple(got[k] for k in ("c_dual", "A_dual", "b_dual")) if isinstance(got, dict) else tuple(got)
        for k, g, w in zip(("c_dual", "A_dual", "b_dual"), got, want):
            r = differ(g, w, rtol=1e-9, atol=1e-12)
            if r:
                return f"{k}: {r}"
        return None
    return [(label, lambda a=a: one(a)) for label, a in DUAL_CASES]


xW_noisy = np.array([2.0 + 3e-13, 6.0 - 2e-13])
xR = solve_lp(cR, AR, bR).x
xS = solve_lp(cS, AS, bS).x
CS_CASES = [  # (label, (c, A, b, x), kind) kind: "oracle" compares with linprog's marginals
    ("Wyndor at x = (2, 6)", (cW, AW, bW, np.array([2.0, 6.0])), "oracle"),
    ("Wyndor at a vertex with 1e-13 round-off", (cW, AW, bW, xW_noisy), "oracle"),
    ("random 4x3 at linprog's vertex", (cR, AR, bR, xR), "oracle"),
    ("random 3x4 at linprog's vertex", (cS, AS, bS, xS), "oracle"),
    ("x = 0 optimal", (cP, AR, bR, np.zeros(3)), "oracle"),
    ("degenerate Wyndor (b1 = 2: three active constraints, two positive x_j)",
     (cW, AW, np.array([2.0, 12.0, 18.0]), np.array([2.0, 6.0])), "property"),
]


def probe_cs(fn):
    def one(args, kind):
        c, A, b, x = args
        got = fn(*[a.copy() for a in args])
        if kind == "oracle":
            return differ(got, o_shadow(c, A, b), rtol=1e-6, atol=1e-8)
        # degenerate vertex: the dual is not unique; check the docstring's defining properties instead
        y = np.asarray(got, float)
        if y.shape != (A.shape[0],) or not np.all(np.isfinite(y)):
            return f"shape {y.shape} / non-finite"
        act, pos = (b - A @ x) <= 1e-9, x > 1e-9
        if np.any(y[~act] != 0) or np.abs(A[:, pos].T @ y + c[pos]).max() > 1e-8:
            return "violates (A^T y)_j = -c_j on x_j > 0 or y_i = 0 on inactive i"
        return None
    return [(label, lambda a=a, k=k: one(a, k)) for label, a, k in CS_CASES]


PROBES = {"lp_dual": probe_dual, "dual_by_complementary_slackness": probe_cs}
BASE = {"np": np, "fx": fx, "lp_dual": o_lp_dual, "dual_by_complementary_slackness": o_shadow}

if __name__ == "__main__":
    print("linprog vertices:", xR.round(6), xS.round(6))
    sys.exit(1 if run_catalogue(QFILE, GRADED, BASE, PROBES) else 0)
