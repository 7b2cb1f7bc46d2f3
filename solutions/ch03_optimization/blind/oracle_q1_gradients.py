"""Independent oracle for q1_gradients and a check that every blind mistake is really wrong.

Oracle: scipy.optimize's finite-difference engine (approx_derivative, method '3-point' with an absolute
step), nested twice for the four-point Hessian; closed forms of the quartic's truncation errors.
Run: /work/main/.venv/bin/python oracle_q1_gradients.py
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

from scipy.optimize._numdiff import approx_derivative  # noqa: E402

QFILE = HERE / "q1_gradients.py"
GRADED = ["numerical_gradient", "numerical_hessian", "gradient_check"]


def o_grad(name, x, args=(), h=1e-5):
    f = fx.lookup(name)
    return approx_derivative(lambda z: f(z, *args), np.asarray(x, float), method="3-point", abs_step=h)


def o_hess(name, x, args=(), h=1e-4):
    f = fx.lookup(name)
    inner = lambda y: approx_derivative(lambda z: f(z, *args), y, method="3-point", abs_step=h)  # noqa: E731
    H = approx_derivative(inner, np.asarray(x, float), method="3-point", abs_step=h)
    return 0.5 * (H + H.T)


def o_check(f_name, grad_name, x, args=(), h=1e-5):
    a = fx.lookup(grad_name)(x, *args)
    n = o_grad(f_name, x, args, h)
    return float(np.max(np.abs(a - n) / np.maximum(1e-8, np.abs(a) + np.abs(n))))


# ---- (2) the oracle reproduces the public worked examples
A2, b2 = np.array([[2.0, 1.0], [1.0, 3.0]]), np.array([1.0, -1.0])
x2 = np.array([1.0, 2.0])
assert np.allclose(o_grad("quadratic", x2, (A2, b2)), [3.0, 8.0], rtol=1e-7)
assert np.allclose(o_hess("quadratic", x2, (A2, b2)), A2, rtol=1e-5, atol=1e-5)
assert o_check("quadratic", "quadratic_grad", x2, (A2, b2)) < 1e-8
aq, xq, hq = np.array([1.0, 2.0]), np.array([1.0, -0.5]), 0.1
assert np.allclose(o_grad("quartic", xq, (aq,), hq), 4 * aq * xq**3 + 4 * aq * xq * hq**2, rtol=1e-9, atol=0)
assert np.allclose(o_hess("quartic", xq, (aq,), hq), np.diag(12 * aq * xq**2 + 8 * aq * hq**2), rtol=1e-9, atol=1e-9)
xr = np.array([-1.2, 1.0, 0.5])
assert o_check("rosenbrock", "rosenbrock_grad", xr) < 1e-7
assert o_check("rosenbrock", "rosenbrock_grad_buggy", xr) > 1e-3
H = o_hess("rosenbrock", xr)
assert np.allclose(H, fx.rosenbrock_hess(xr), rtol=1e-5, atol=1e-4)
print("oracle reproduces the public worked examples")

# ---- (3) probes
rng = np.random.default_rng(0)
AL, bL = rng.normal(size=(5, 4)), rng.normal(size=5)
xL = rng.normal(size=4)
a3 = np.array([1.0, 2.0, 0.5])
CASES = [  # (name, x, args, h or None)
    ("quadratic", x2, (A2, b2), None),
    ("quartic", xq, (aq,), 0.1),
    ("quartic", np.array([2.0, -3.0, 1.5]), (a3,), 0.1),
    ("rosenbrock", xr, (), None),
    ("logsumexp_affine", xL, (AL, bL), None),
]


def call(fn, oracle, name, x, args, h):
    xc = x.copy()
    got = fn(name, xc, args) if h is None else fn(name, xc, args, h)
    want = oracle(name, x, args) if h is None else oracle(name, x, args, h)
    r = differ(got, want)
    if r is None and not np.array_equal(xc, x):
        r = "modified the input x"
    return r


def probe_grad(fn):
    return [(f"{c[0]} at x={c[1]}, h={c[3]}", lambda c=c: call(fn, o_grad, *c)) for c in CASES]


def probe_hess(fn):
    return [(f"{c[0]} at x={c[1]}, h={c[3]}", lambda c=c: call(fn, o_hess, *c)) for c in CASES]


CHECK_CASES = [  # (f_name, grad_name, x, args)
    ("rosenbrock", "rosenbrock_grad_buggy", xr, ()),
    ("quartic", "quartic_grad", np.array([0.0, 1.0]), (np.array([1.0, 1.0]),)),
    ("rosenbrock", "rosenbrock_grad_buggy", np.array([0.3, -0.7, 1.1, 0.2]), ()),
    ("quadratic", "quadratic_grad", x2, (A2, b2)),
]


def probe_check(fn):
    def one(c):
        xc = c[2].copy()
        got = fn(c[0], c[1], xc, c[3])
        r = differ(got, o_check(*c), rtol=1e-2, atol=1e-6)
        return r or (None if np.array_equal(xc, c[2]) else "modified the input x")
    return [(f"gradient_check({c[0]!r}, {c[1]!r}, x={c[2]})", lambda c=c: one(c)) for c in CHECK_CASES]


PROBES = {"numerical_gradient": probe_grad, "numerical_hessian": probe_hess, "gradient_check": probe_check}
BASE = {"np": np, "fx": fx, "numerical_gradient": o_grad, "numerical_hessian": o_hess, "gradient_check": o_check}

if __name__ == "__main__":
    sys.exit(1 if run_catalogue(QFILE, GRADED, BASE, PROBES) else 0)
