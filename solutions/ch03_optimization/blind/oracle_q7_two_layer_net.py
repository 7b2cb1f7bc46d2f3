"""Independent oracle for q7_two_layer_net and a check that every blind mistake is really wrong.

Oracle: torch.autograd in float64 (torch.relu, torch.nn.functional.cross_entropy, backward()) for the loss
and gradients; torch.optim.SGD on the same autograd loss for training.
Run: /work/main/.venv/bin/python oracle_q7_two_layer_net.py
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
QFILE = HERE / "q7_two_layer_net.py"
GRADED = ["two_layer_loss_grad", "train_two_layer"]
KEYS = ["W1", "b1", "W2", "b2"]


def _tloss(params, X, y, lam):
    W1, b1, W2, b2 = params
    S = torch.relu(torch.as_tensor(X) @ W1 + b1) @ W2 + b2
    ce = torch.nn.functional.cross_entropy(S, torch.as_tensor(np.asarray(y, dtype=np.int64)))
    return ce + lam / 2 * ((W1**2).sum() + (W2**2).sum())


def o_loss_grad(W1, b1, W2, b2, X, y, lam):
    params = [torch.tensor(np.array(a, dtype=float), requires_grad=True) for a in (W1, b1, W2, b2)]
    loss = _tloss(params, np.asarray(X, float), y, lam)
    loss.backward()
    out = {"loss": float(loss)}
    out.update({"d" + k: p.grad.numpy().copy() for k, p in zip(KEYS, params)})
    return out


def o_train(W1, b1, W2, b2, X, y, lam, lr, n_steps):
    params = [torch.nn.Parameter(torch.tensor(np.array(a, dtype=float))) for a in (W1, b1, W2, b2)]
    opt = torch.optim.SGD(params, lr=lr)
    X = np.asarray(X, float)
    losses = []
    for _ in range(n_steps):
        opt.zero_grad()
        loss = _tloss(params, X, y, lam)
        losses.append(float(loss))
        loss.backward()
        opt.step()
    with torch.no_grad():
        losses.append(float(_tloss(params, X, y, lam)))
    out = {k: p.detach().numpy().copy() for k, p in zip(KEYS, params)}
    out["losses"] = np.array(losses)
    return out


# ---- (2) the oracle reproduces the public worked examples
lam = 0.1
out = o_loss_grad(np.eye(2), np.zeros(2), np.zeros((2, 2)), np.zeros(2), np.array([[1.0, 0.0]]), np.array([0]), lam)
assert np.isclose(out["loss"], np.log(2) + lam)
assert np.allclose(out["dW2"], [[-0.5, 0.5], [0.0, 0.0]]) and np.allclose(out["db2"], [-0.5, 0.5])
assert np.allclose(out["dW1"], lam * np.eye(2)) and np.allclose(out["db1"], [0.0, 0.0])
Xs, ys = fx.spirals(n_per_class=50, seed=1)
rng = np.random.default_rng(7)
W1s, W2s = rng.normal(size=(2, 32)), rng.normal(size=(32, 3)) * np.sqrt(1 / 32)
b1s, b2s = np.zeros(32), np.zeros(3)
res = o_train(W1s, b1s, W2s, b2s, Xs, ys, 0.001, 1.0, 300)
assert res["losses"].shape == (301,) and res["losses"][-1] < 0.6 * res["losses"][0]
print("oracle reproduces the public worked examples")

# ---- (3) probes
rng2 = np.random.default_rng(1)
Xz = np.array([[1.0, 0.0], [0.0, 0.0], [0.5, -1.0]])   # a zero row with b1 = 0 gives Z = 0 exactly
yz = np.array([0, 1, 2])
W1z, W2z = rng2.normal(size=(2, 4)), rng2.normal(size=(4, 3))
Xr, yr = fx.spirals(n_per_class=10, seed=3)
W1r, b1r, W2r, b2r = rng2.normal(size=(2, 8)), rng2.normal(size=8) * 0.3, rng2.normal(size=(8, 3)), rng2.normal(size=3) * 0.3
LG_CASES = [
    ("worked example", (np.eye(2), np.zeros(2), np.zeros((2, 2)), np.zeros(2), np.array([[1.0, 0.0]]), np.array([0]), 0.1)),
    ("random spirals net, lam = 0.01", (W1r, b1r, W2r, b2r, Xr, yr, 0.01)),
    ("pre-activations exactly 0 (zero input row, zero b1)", (W1z, np.zeros(4), W2z, np.zeros(3), Xz, yz, 0.0)),
    ("large scores (W2 x 1000)", (W1r, b1r, 1000 * W2r, b2r, Xr, yr, 0.0)),
]


def probe_lg(fn):
    def one(args):
        cp = [np.array(a, copy=True) for a in args[:6]] + [args[6]]
        got = fn(*cp)
        want = o_loss_grad(*args)
        if not isinstance(got, dict):
            return f"returns {type(got).__name__}, not a dict"
        for k in ["loss", "dW1", "db1", "dW2", "db2"]:
            r = differ(got[k], want[k], rtol=1e-6, atol=1e-9)
            if r:
                return f"{k}: {r}"
        return None if all(np.array_equal(a, b) for a, b in zip(cp[:6], args[:6])) else "modified its inputs"
    return [(label, lambda a=a: one(a)) for label, a in LG_CASES]


TR_CASES = [
    ("spirals, 32 hidden, lam 1e-3, 5 steps", (W1s, b1s, W2s, b2s, Xs, ys, 0.001, 1.0, 5)),
    ("small net, lam 0.1, lr 0.5, 4 steps", (W1r, b1r, W2r, b2r, Xr, yr, 0.1, 0.5, 4)),
]


def probe_tr(fn):
    def one(args):
        cp = [np.array(a, copy=True) for a in args[:4]]
        want = o_train(*args)
        for call in ("first call", "second call with the same arrays"):
            got = fn(*cp, *args[4:])
            if not isinstance(got, dict):
                return f"returns {type(got).__name__}, not a dict"
            for k in KEYS + ["losses"]:
                r = differ(got[k], want[k], rtol=1e-6, atol=1e-9)
                if r:
                    return f"{call}: {k}: {r}"
        return None
    return [(label, lambda a=a: one(a)) for label, a in TR_CASES]


PROBES = {"two_layer_loss_grad": probe_lg, "train_two_layer": probe_tr}
BASE = {"np": np, "fx": fx, "two_layer_loss_grad": o_loss_grad, "train_two_layer": o_train}

if __name__ == "__main__":
    sys.exit(1 if run_catalogue(QFILE, GRADED, BASE, PROBES) else 0)
