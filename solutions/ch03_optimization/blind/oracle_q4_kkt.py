"""Independent oracle for q4_kkt and a check that every blind mistake is really wrong.

Oracle: eq_qp by the null-space method (scipy.linalg.null_space: x = x_p + Z u with the reduced Hessian
Z^T Q Z, multipliers from the over-determined stationarity equations), cross-checked against
scipy.optimize.minimize(method="trust-constr"); kkt_residuals by explicit loops over the definitions.
Run: /work/main/.venv/bin/python oracle_q4_kkt.py
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

import scipy.linalg  # noqa: E402
from scipy.optimize import LinearConstraint, minimize  # noqa: E402

QFILE = HERE / "q4_kkt.py"
GRADED = ["eq_qp", "kkt_residuals"]


def o_eq_qp(Q, c, A, b):
    Q, c, A, b = (np.asarray(v, float) for v in (Q, c, A, b))
    xp = scipy.linalg.lstsq(A, b)[0]
    Z = scipy.linalg.null_space(A)
    u = scipy.linalg.solve(Z.T @ Q @ Z, -Z.T @ (Q @ xp + c), assume_a="sym")
    x = xp + Z @ u
    lam = scipy.linalg.lstsq(A.T, -(Q @ x + c))[0]
    return x, lam


def o_kkt(Q, c, G, h, x, mu):
    n, p = len(x), len(mu)
    stat = 0.0
    for j in range(n):
        s = c[j] + sum(Q[j, k] * x[k] for k in range(n)) + sum(G[i, j] * mu[i] for i in range(p))
        stat = max(stat, abs(s))
    gx = [sum(G[i, k] * x[k] for k in range(n)) - h[i] for i in range(p)]
    return {"stationarity": stat, "primal": max([0.0] + gx), "dual": max([0.0] + [-m for m in mu]),
            "complementarity": max(abs(mu[i] * gx[i]) for i in range(p))}


# ---- (2) the oracle reproduces the public worked examples
x, lam = o_eq_qp(np.eye(2), np.zeros(2), np.array([[1.0, 1.0]]), np.array([1.0]))
assert np.allclose(x, [0.5, 0.5]) and np.allclose(lam, [-0.5])
Qw, cw, Gw, hw = np.eye(2), np.array([-2.0, 0.0]), np.array([[1.0, 0.0]]), np.array([1.0])
keys = ["stationarity", "primal", "dual", "complementarity"]
vec = lambda d: np.array([d[k] for k in keys])  # noqa: E731
assert np.allclose(vec(o_kkt(Qw, cw, Gw, hw, np.array([1.0, 0.0]), np.array([1.0]))), [0, 0, 0, 0])
assert np.allclose(vec(o_kkt(Qw, cw, Gw, hw, np.array([2.0, 0.0]), np.array([0.0]))), [0, 1, 0, 0])
assert np.allclose(vec(o_kkt(Qw, cw, Gw, hw, np.array([0.0, 0.0]), np.array([-1.0]))), [3, 0, 1, 1])
rng = np.random.default_rng(4)
M = rng.normal(size=(5, 5))
Q5, c5, A5, b5 = M @ M.T + np.eye(5), rng.normal(size=5), rng.normal(size=(2, 5)), rng.normal(size=2)
x, lam = o_eq_qp(Q5, c5, A5, b5)
assert np.allclose(A5 @ x, b5) and np.allclose(Q5 @ x + c5 + A5.T @ lam, 0, atol=1e-8)
res = minimize(lambda z: 0.5 * z @ Q5 @ z + c5 @ z, np.zeros(5), jac=lambda z: Q5 @ z + c5,
               constraints=[LinearConstraint(A5, b5, b5)], method="trust-constr",
               options={"gtol": 1e-12, "xtol": 1e-14, "maxiter": 5000})
assert np.allclose(res.x, x, atol=1e-6)
print("oracle reproduces the public worked examples (and agrees with trust-constr)")

# ---- (3) probes
Qs = np.diag([1.0, 0.0, 2.0])                 # singular, positive definite on null(A)
Qi = np.array([[2.0, 0.0, 1.0], [0.0, -3.0, 0.0], [1.0, 0.0, 1.0]])  # indefinite, PD on null(A)
Ae = np.array([[0.0, 1.0, 0.0]])
EQ_CASES = [
    ("Q = I, x1 + x2 = 1", (np.eye(2), np.zeros(2), np.array([[1.0, 1.0]]), np.array([1.0]))),
    ("random SPD Q, 2 constraints", (Q5, c5, A5, b5)),
    ("singular Q, PD on null(A)", (Qs, np.array([1.0, -1.0, 0.5]), Ae, np.array([2.0]))),
    ("indefinite Q, PD on null(A)", (Qi, np.array([1.0, 2.0, -1.0]), Ae, np.array([-1.0]))),
]


def probe_eq(fn):
    def one(args):
        cp = [a.copy() for a in args]
        got = fn(*cp)
        want = o_eq_qp(*args)
        x, lam = got if not isinstance(got, dict) else (got["x"], got["lam"])
        r = differ(x, want[0], rtol=1e-6, atol=1e-8) or differ(lam, want[1], rtol=1e-6, atol=1e-8)
        return r or (None if all(np.array_equal(a, b) for a, b in zip(cp, args)) else "modified its inputs")
    return [(label, lambda a=a: one(a)) for label, a in EQ_CASES]


G3 = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
h3 = np.array([1.0, 1.0, 1.5])
KKT_CASES = [
    ("worked: at the solution", (Qw, cw, Gw, hw, np.array([1.0, 0.0]), np.array([1.0]))),
    ("worked: unconstrained minimum", (Qw, cw, Gw, hw, np.array([2.0, 0.0]), np.array([0.0]))),
    ("worked: x = 0, mu = -1", (Qw, cw, Gw, hw, np.array([0.0, 0.0]), np.array([-1.0]))),
    ("strictly feasible, mu > 0", (Qw, cw, Gw, hw, np.array([0.5, 0.3]), np.array([1.0]))),
    ("3 constraints, mixed-sign mu", (np.eye(2), np.array([1.0, -1.0]), G3, h3, np.array([0.5, 0.5]), np.array([1.0, -1.0, 0.5]))),
    ("3 constraints, random", (np.eye(2) * 2, np.array([0.3, -0.7]), G3, h3, np.array([0.9, 0.2]), np.array([0.4, 0.0, 1.2]))),
]


def probe_kkt(fn):
    def one(args):
        cp = [a.copy() for a in args]
        got = fn(*cp)
        want = o_kkt(*args)
        if not isinstance(got, dict):
            return f"returns {type(got).__name__}, not a dict"
        for k in keys:
            r = differ(float(got[k]), want[k], rtol=1e-6, atol=1e-9)
            if r:
                return f"{k!r}: {r}"
        return None
    return [(label, lambda a=a: one(a)) for label, a in KKT_CASES]


PROBES = {"eq_qp": probe_eq, "kkt_residuals": probe_kkt}
BASE = {"np": np, "fx": fx, "eq_qp": o_eq_qp, "kkt_residuals": o_kkt}

if __name__ == "__main__":
    sys.exit(1 if run_catalogue(QFILE, GRADED, BASE, PROBES) else 0)
