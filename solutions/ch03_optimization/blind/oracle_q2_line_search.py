"""Independent oracle for q2_line_search and a check that every blind mistake is really wrong.

Oracle: the Armijo step by brute force over the whole candidate grid t0 * rho^k (the first grid point
that satisfies the condition); gradient descent built on it (its end point checked against
np.linalg.solve); t* and r by numerically minimising t -> max_i |1 - t lambda_i| with
scipy.optimize.minimize_scalar, eigenvalues from scipy.linalg.eigvalsh.
Run: /work/main/.venv/bin/python oracle_q2_line_search.py
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
from scipy.optimize import minimize_scalar  # noqa: E402

QFILE = HERE / "q2_line_search.py"
GRADED = ["armijo_step", "gradient_descent", "optimal_step_and_rate"]


def o_armijo(name, x, direction, args=(), t0=1.0, c=1e-4, rho=0.5):
    f, grad = fx.lookup(name), fx.lookup(name + "_grad")
    x, d = np.asarray(x, float), np.asarray(direction, float)
    f0, slope = f(x, *args), float(grad(x, *args) @ d)
    for t in t0 * rho ** np.arange(400, dtype=float):
        if f(x + t * d, *args) <= f0 + c * t * slope:
            return float(t)
    raise RuntimeError("no Armijo step on the grid")


def o_gd(name, x0, args=(), max_iter=1000, tol=1e-8, c=1e-4, rho=0.5):
    f, grad = fx.lookup(name), fx.lookup(name + "_grad")
    xs = [np.array(x0, dtype=float)]
    while True:
        g = grad(xs[-1], *args)
        if np.linalg.norm(g) <= tol or len(xs) - 1 == max_iter:
            break
        xs.append(xs[-1] - o_armijo(name, xs[-1], -g, args, 1.0, c, rho) * g)
    P = np.array(xs)
    return {"x": P[-1].copy(), "f": np.array([f(p, *args) for p in P]), "path": P}


def o_rate(A):
    lam = scipy.linalg.eigvalsh(np.asarray(A, float))
    res = minimize_scalar(lambda t: np.max(np.abs(1 - t * lam)), bounds=(0.0, 2.0 / lam.max()),
                          method="bounded", options={"xatol": 1e-13})
    return float(res.x), float(res.fun)


# ---- (2) the oracle reproduces the public worked examples
A1, b1 = np.array([[4.0]]), np.array([0.0])
assert o_armijo("quadratic", np.array([1.0]), np.array([-4.0]), (A1, b1)) == 0.25
assert o_armijo("quadratic", np.array([1.0]), np.array([-4.0]), (A1, b1), t0=0.3) == 0.3
run = o_gd("quadratic", np.array([1.0]), (A1, b1), tol=0.0)
assert np.allclose(run["x"], [0.0]) and np.allclose(run["f"], [2.0, 0.0])
assert np.allclose(o_rate(np.diag([1.0, 9.0])), [0.2, 0.8], rtol=1e-8)
xr = np.array([-1.2, 1.0])
g = fx.rosenbrock_grad(xr)
t = o_armijo("rosenbrock", xr, -g)
assert 0 < t <= 1 and fx.rosenbrock(xr - t * g) <= fx.rosenbrock(xr) - 1e-4 * t * g @ g
rng = np.random.default_rng(2)
M = rng.normal(size=(4, 4))
A4, b4 = M @ M.T + np.eye(4), rng.normal(size=4)
run = o_gd("quadratic", np.zeros(4), (A4, b4), max_iter=5000, tol=1e-9)
assert np.allclose(run["x"], np.linalg.solve(A4, b4), rtol=1e-6, atol=1e-8)
assert np.all(np.diff(run["f"]) <= 0) and run["path"].shape == (run["f"].size, 4)
print("oracle reproduces the public worked examples")

# ---- (3) probes
A2 = np.diag([1.0, 100.0])
Z2 = np.zeros(2)
ARMIJO_CASES = [  # (name, x, d, args, kwargs)
    ("quadratic", np.array([1.0]), np.array([-4.0]), (A1, b1), {}),
    ("quadratic", np.array([1.0]), np.array([-4.0]), (A1, b1), {"t0": 0.3}),
    ("rosenbrock", xr, -g, (), {}),
    ("quadratic", np.array([1.0, 1.0]), np.array([-1.0, -1.0]), (A2, Z2), {"c": 0.5}),  # Newton direction
    ("quadratic", np.array([1.0]), np.array([-4.0]), (A1, b1), {"t0": 0.45, "c": 0.5}),
    ("quadratic", np.array([1.0]), np.array([-4.0]), (A1, b1), {"t0": 2.0**40}),
    ("rosenbrock", xr, -0.1 * g, (), {"c": 0.3}),
]


def probe_armijo(fn):
    def one(c):
        xc, dc = c[1].copy(), c[2].copy()
        got = fn(c[0], xc, dc, c[3], **c[4])
        r = differ(got, o_armijo(*c[:4], **c[4]), rtol=1e-9, atol=0)
        if r is None and not (np.array_equal(xc, c[1]) and np.array_equal(dc, c[2])):
            r = "modified its inputs"
        return r
    return [(f"armijo_step({c[0]!r}, x={c[1]}, d={c[2]}, {c[4]})", lambda c=c: one(c)) for c in ARMIJO_CASES]


GD_CASES = [  # (name, x0, args, kwargs)
    ("quadratic", np.array([1.0]), (A1, b1), {"tol": 0.0}),
    ("rosenbrock", xr, (), {"max_iter": 3, "tol": 0.0}),
    ("quadratic", np.zeros(4), (A4, b4), {"max_iter": 5000, "tol": 1e-9}),
    ("quadratic", np.array([0.8, 0.8]), (np.eye(2), Z2), {"tol": 1.0}),
    ("quadratic", np.array([0.1, 0.1]), (np.eye(2), Z2), {"tol": 1.0}),
    ("rosenbrock", xr, (), {"max_iter": 200}),
]


def probe_gd(fn):
    def one(c):
        xc = c[1].copy()
        got = fn(c[0], xc, c[2], **c[3])
        want = o_gd(*c[:3], **c[3])
        if not isinstance(got, dict):
            return f"returns {type(got).__name__}, not a dict"
        for key in ("x", "f", "path"):
            r = differ(got.get(key), want[key], rtol=1e-6, atol=1e-9)
            if r:
                return f"{key!r}: {r}"
        return None if np.array_equal(xc, c[1]) else "modified x0"
    return [(f"gradient_descent({c[0]!r}, x0={c[1]}, {c[3]})", lambda c=c: one(c)) for c in GD_CASES]


Mr = rng.normal(size=(5, 5))
RATE_CASES = [np.diag([1.0, 9.0]), np.array([[10.0, 9.0], [9.0, 10.0]]), Mr @ Mr.T + 0.5 * np.eye(5)]


def probe_rate(fn):
    def one(A):
        Ac = A.copy()
        got = fn(Ac)
        t_s, r_s = got if not isinstance(got, dict) else (got["t_star"], got["rate"])
        return differ([float(t_s), float(r_s)], o_rate(A), rtol=1e-6, atol=1e-9)
    return [(f"optimal_step_and_rate(A={A.tolist()})", lambda A=A: one(A)) for A in RATE_CASES]


PROBES = {"armijo_step": probe_armijo, "gradient_descent": probe_gd, "optimal_step_and_rate": probe_rate}
BASE = {"np": np, "fx": fx, "armijo_step": o_armijo, "gradient_descent": o_gd, "optimal_step_and_rate": o_rate}

if __name__ == "__main__":
    sys.exit(1 if run_catalogue(QFILE, GRADED, BASE, PROBES) else 0)
