"""Independent oracle for q3_momentum_adam and a check that every blind mistake is really wrong.

Oracle: torch.optim.SGD (momentum, nesterov) and torch.optim.Adam in float64, fed the fixture gradient
through .grad at every step.
Run: /work/main/.venv/bin/python oracle_q3_momentum_adam.py
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

torch.set_default_dtype(torch.float64)
QFILE = HERE / "q3_momentum_adam.py"
GRADED = ["momentum_path", "adam_path"]


def _torch_path(opt_factory, name, x0, args, n_steps):
    grad = fx.lookup(name + "_grad")
    p = torch.nn.Parameter(torch.tensor(np.array(x0, dtype=float)))
    opt = opt_factory([p])
    rows = [p.detach().numpy().copy()]
    for _ in range(n_steps):
        opt.zero_grad()
        p.grad = torch.tensor(grad(p.detach().numpy().copy(), *args))
        opt.step()
        rows.append(p.detach().numpy().copy())
    return np.array(rows)


def o_momentum(name, x0, args=(), lr=0.01, momentum=0.9, nesterov=False, n_steps=100):
    return _torch_path(lambda ps: torch.optim.SGD(ps, lr=lr, momentum=momentum, nesterov=nesterov),
                       name, x0, args, n_steps)


def o_adam(name, x0, args=(), lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8, n_steps=100):
    return _torch_path(lambda ps: torch.optim.Adam(ps, lr=lr, betas=(beta1, beta2), eps=eps),
                       name, x0, args, n_steps)


# ---- (2) the oracle reproduces the public worked examples
args1 = (np.array([[1.0]]), np.array([0.0]))
assert np.allclose(o_momentum("quadratic", np.array([1.0]), args1, lr=0.1, momentum=0.5, n_steps=2), [[1.0], [0.9], [0.76]])
assert np.allclose(o_momentum("quadratic", np.array([1.0]), args1, lr=0.1, momentum=0.5, nesterov=True, n_steps=2),
                   [[1.0], [0.85], [0.6975]])
eps = 1e-08
x1 = 1.0 - 0.1 * 1.0 / (1.0 + eps)
g = x1
m2, s2 = (0.9 * 0.1 + 0.1 * g, 0.999 * 0.001 + 0.001 * g**2)
x2 = x1 - 0.1 * (m2 / (1 - 0.9**2)) / (np.sqrt(s2 / (1 - 0.999**2)) + eps)
assert np.allclose(o_adam("quadratic", np.array([1.0]), args1, lr=0.1, n_steps=2), [[1.0], [x1], [x2]], rtol=1e-6)
x0r = np.array([-1.2, 1.0])
p = o_momentum("rosenbrock", x0r, lr=0.001, momentum=0.0, n_steps=3)
x = x0r.copy()
for k in range(3):
    x = x - 0.001 * fx.rosenbrock_grad(x)
    assert np.allclose(p[k + 1], x)
assert o_momentum("rosenbrock", x0r, n_steps=0).shape == (1, 2)
p = o_adam("rosenbrock", x0r, lr=0.01, n_steps=5)
assert p.shape == (6, 2) and np.allclose(p[1] - p[0], -0.01 * np.sign(fx.rosenbrock_grad(x0r)))
print("oracle reproduces the public worked examples")

# ---- (3) probes
A2 = np.array([[10.0, 9.0], [9.0, 10.0]])
quad2 = (A2, np.zeros(2))
MOM_CASES = [  # (name, x0, args, kwargs)
    ("quadratic", np.array([1.0]), args1, dict(lr=0.1, momentum=0.5, n_steps=2)),
    ("quadratic", np.array([1.0]), args1, dict(lr=0.1, momentum=0.5, nesterov=True, n_steps=2)),
    ("quadratic", np.array([-4.0, -2.0]), quad2, dict(lr=0.05, momentum=0.6, n_steps=40)),
    ("quadratic", np.array([-4.0, -2.0]), quad2, dict(lr=0.05, momentum=0.6, nesterov=True, n_steps=40)),
    ("rosenbrock", x0r, (), dict(lr=1e-3, momentum=0.9, nesterov=True, n_steps=30)),
    ("rosenbrock", x0r, (), dict(n_steps=0)),
]
ADAM_CASES = [
    ("quadratic", np.array([1.0]), args1, dict(lr=0.1, n_steps=2)),
    ("rosenbrock", x0r, (), dict(lr=0.01, n_steps=5)),
    ("quadratic", np.array([-4.0, -2.0]), quad2, dict(lr=0.3, n_steps=40)),
    ("quartic", np.array([1e-3, -2e-3]), (np.array([1.0, 1.0]),), dict(lr=1e-4, n_steps=10)),
    ("rosenbrock", x0r, (), dict(lr=0.01, beta1=0.8, beta2=0.99, eps=1e-6, n_steps=50)),
]


def make_probe(oracle, cases):
    def probe(fn):
        def one(c):
            xc = c[1].copy()
            got = fn(c[0], xc, c[2], **c[3])
            r = differ(got, oracle(*c[:3], **c[3]), rtol=1e-6, atol=1e-9)
            return r or (None if np.array_equal(xc, c[1]) else "modified x0")
        return [(f"{c[0]} from x0={c[1]} with {c[3]}", lambda c=c: one(c)) for c in cases]
    return probe


PROBES = {"momentum_path": make_probe(o_momentum, MOM_CASES), "adam_path": make_probe(o_adam, ADAM_CASES)}
BASE = {"np": np, "fx": fx, "momentum_path": o_momentum, "adam_path": o_adam}

if __name__ == "__main__":
    sys.exit(1 if run_catalogue(QFILE, GRADED, BASE, PROBES) else 0)
