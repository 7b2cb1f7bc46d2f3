"""Independent oracle for q6_logistic_newton and a check that every blind mistake is really wrong.

Oracle: torch.autograd (binary_cross_entropy_with_logits, autograd gradient and
torch.autograd.functional.hessian) for loss / gradient / Hessian and for a Newton iteration with a fixed
number of steps; scikit-learn's unpenalised LogisticRegression(C=inf, fit_intercept=False) for the
converged fit.
Run: /work/main/.venv/bin/python oracle_q6_logistic_newton.py
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

import torch  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402

torch.set_default_dtype(torch.float64)
QFILE = HERE / "q6_logistic_newton.py"
GRADED = ["logistic_loss_grad_hess", "logistic_newton"]


def _tloss(X, y):
    Xt, yt = torch.tensor(np.asarray(X, float)), torch.tensor(np.asarray(y, float))
    return lambda w: torch.nn.functional.binary_cross_entropy_with_logits(Xt @ w, yt, reduction="mean")


def o_lgh(w, X, y):
    L = _tloss(X, y)
    wt = torch.tensor(np.asarray(w, float), requires_grad=True)
    loss = L(wt)
    (g,) = torch.autograd.grad(loss, wt)
    H = torch.autograd.functional.hessian(L, wt.detach())
    return float(loss), g.numpy(), H.numpy()


def o_newton(X, y, n_iter=25):
    L = _tloss(X, y)
    w = torch.zeros(np.asarray(X).shape[1])
    for _ in range(n_iter):
        wg = w.clone().requires_grad_(True)
        (g,) = torch.autograd.grad(L(wg), wg)
        H = torch.autograd.functional.hessian(L, w)
        w = w - torch.linalg.solve(H, g)
    return w.numpy()


def o_sklearn(X, y):
    clf = LogisticRegression(C=np.inf, fit_intercept=False, tol=1e-12, max_iter=10000)
    return clf.fit(X, y).coef_.ravel()


# ---- (2) the oracle reproduces the public worked examples
X4 = np.array([[1.0, 0.0], [1.0, 1.0], [1.0, 2.0], [1.0, 3.0]])
y4 = np.array([0, 1, 0, 1])
loss, grad, hess = o_lgh(np.zeros(2), X4, y4)
assert np.isclose(loss, np.log(2)) and np.allclose(grad, [0.0, -0.25]) and np.allclose(hess, np.array([[4.0, 6.0], [6.0, 14.0]]) / 16)
assert np.allclose(o_newton(X4, y4, 1), np.linalg.lstsq(X4, 4 * (y4 - 0.5), rcond=None)[0])
rng = np.random.default_rng(6)
X80 = np.column_stack([np.ones(80), rng.normal(size=(80, 2))])
y80 = (rng.random(80) < 1 / (1 + np.exp(-X80 @ np.array([0.5, 1.0, -2.0])))).astype(int)
w_sk = o_sklearn(X80, y80)
w_nt = o_newton(X80, y80)
assert np.allclose(w_sk, w_nt, rtol=1e-6, atol=1e-8)
p = 1 / (1 + np.exp(-X80 @ w_nt))
assert np.allclose(X80.T @ (p - y80) / 80, 0, atol=1e-7)
print("oracle reproduces the public worked examples (torch Newton == sklearn)")

# ---- (3) probes
Xbig = np.array([[1.0, 1000.0], [1.0, -1500.0], [1.0, 3.0], [1.0, -2.0], [1.0, 0.5]])
ybig = np.array([0, 1, 1, 0, 1])
rng2 = np.random.default_rng(3)
X30 = np.column_stack([np.ones(30), rng2.normal(size=(30, 3))])
y30 = (rng2.random(30) < 0.5).astype(int)
LGH_CASES = [
    ("w = 0, worked example", (np.zeros(2), X4, y4)),
    ("w = (0.3, -0.7), worked data", (np.array([0.3, -0.7]), X4, y4)),
    ("random data, random w", (rng2.normal(size=4), X30, y30)),
    ("|z| in the thousands", (np.array([0.5, 2.0]), Xbig, ybig)),
]


def probe_lgh(fn):
    def one(args):
        got = fn(*[a.copy() for a in args])
        want = o_lgh(*args)
        got = tuple(got[k] for k in ("loss", "grad", "hess")) if isinstance(got, dict) else tuple(got)
        for k, g, w in zip(("loss", "grad", "hess"), got, want):
            r = differ(g, w, rtol=1e-6, atol=1e-9)
            if r:
                return f"{k}: {r}"
        return None
    return [(label, lambda a=a: one(a)) for label, a in LGH_CASES]


NEWTON_CASES = [
    ("worked data, n_iter = 1", (X4, y4, 1), o_newton),
    ("80 points, n_iter = 25 (vs sklearn)", (X80, y80, 25), lambda X, y, n: o_sklearn(X, y)),
    ("80 points, n_iter = 3", (X80, y80, 3), o_newton),
    ("30 points, 4 features, n_iter = 25 (vs sklearn)", (X30, y30, 25), lambda X, y, n: o_sklearn(X, y)),
]


def probe_newton(fn):
    def one(args, oracle):
        got = fn(args[0].copy(), args[1].copy(), n_iter=args[2])
        return differ(got, oracle(*args), rtol=1e-5, atol=1e-7)
    return [(label, lambda a=a, o=o: one(a, o)) for label, a, o in NEWTON_CASES]


PROBES = {"logistic_loss_grad_hess": probe_lgh, "logistic_newton": probe_newton}
BASE = {"np": np, "fx": fx, "logistic_loss_grad_hess": o_lgh, "logistic_newton": o_newton}

if __name__ == "__main__":
    sys.exit(1 if run_catalogue(QFILE, GRADED, BASE, PROBES) else 0)
