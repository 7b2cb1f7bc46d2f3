"""Independent oracle for q6_early_stopping_dropout.

early_stopping: a Keras-style callback simulation (a `wait` counter reset on improvement, stop when
wait >= patience), a different formulation from "t - best_epoch >= patience".
dropout: the forward pass is the docstring's rule; its convention (kept values scaled by 1/(1 - p),
identity in eval mode) is first confirmed against torch.nn.functional.dropout. The backward pass is
PyTorch autograd through out = x * mask.

Run:  /work/main/.venv/bin/python oracle_q6_early_stopping_dropout.py
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

import torch


class KerasLikeEarlyStopping:
    """Mirrors keras.callbacks.EarlyStopping(mode="min"): min_delta is negated for "min" and an epoch
    improves iff monitor_op(current - min_delta, best), i.e. current + |min_delta| < best."""

    def __init__(self, patience, min_delta):
        self.patience, self.min_delta = patience, -abs(min_delta)
        self.best, self.best_epoch, self.wait = np.inf, None, 0

    def on_epoch_end(self, epoch, current):
        self.wait += 1
        if np.less(current - self.min_delta, self.best):
            self.best, self.best_epoch, self.wait = current, epoch, 0
            return False
        return self.wait >= self.patience and epoch > 0


def oracle_es(val_losses, patience, min_delta=0.0):
    cb = KerasLikeEarlyStopping(patience, min_delta)
    last = None
    for epoch, loss in enumerate(np.asarray(val_losses, dtype=float).tolist()):
        last = epoch
        if cb.on_epoch_end(epoch, loss):
            break
    return (int(cb.best_epoch), int(last))


def oracle_df(x, p, u, train=True):
    x, u = np.array(x, dtype=float), np.array(u, dtype=float)
    if not train:
        return (x.copy(), np.ones_like(x))
    mask = np.where(u < p, 0.0, 1.0 / (1.0 - p))
    return (x * mask, mask)


def oracle_db(dout, mask):
    m = torch.tensor(np.array(mask, dtype=float), dtype=torch.float64)
    x = torch.zeros_like(m, requires_grad=True)
    out = x * m
    out.backward(torch.tensor(np.array(dout, dtype=float), dtype=torch.float64))
    return x.grad.numpy().copy()


ORACLES = {"early_stopping": oracle_es, "dropout_forward": oracle_df, "dropout_backward": oracle_db}

# ---------------------------------------------------------------- convention check against torch.nn.functional.dropout
torch.manual_seed(0)
for _p in (0.2, 0.5, 0.8):
    _o = torch.nn.functional.dropout(torch.full((200000,), 3.0, dtype=torch.float64), p=_p, training=True).numpy()
    _vals = np.unique(_o)
    assert np.allclose(_vals, [0.0, 3.0 / (1 - _p)]), _vals
    assert abs((_o == 0).mean() - _p) < 0.01
    assert np.array_equal(torch.nn.functional.dropout(torch.arange(5.0), p=_p, training=False).numpy(), np.arange(5.0))

# ---------------------------------------------------------------- the oracle reproduces the public examples
assert oracle_es([1.0, 0.8, 0.85, 0.7, 0.75, 0.72, 0.9, 0.71], 3) == (3, 6)
assert oracle_es([1.0, 1.0, 1.0, 1.0], 2) == (0, 2)
assert oracle_es([5.0, 4.0, 3.0, 2.0, 1.0], 2) == (4, 4)
assert oracle_es([1.0, 0.95, 0.85, 0.8, 0.78, 0.77], 2, 0.1) == (2, 4)
_x = np.array([1.0, 2.0, 3.0, 4.0])
_o, _m = oracle_df(_x, 0.5, np.array([0.1, 0.5, 0.4, 0.9]))
assert np.allclose(_o, [0, 4, 0, 8]) and np.allclose(_m, [0, 2, 0, 2])
assert np.allclose(oracle_db(np.ones(4), _m), [0, 2, 0, 2])
_o, _m = oracle_df(_x, 0.5, np.array([0.1, 0.6, 0.4, 0.9]), train=False)
assert np.allclose(_o, _x) and np.allclose(oracle_db(np.full(4, 3.0), _m), 3.0)
_rng = np.random.default_rng(66)
for _p in (0.2, 0.5, 0.8):
    _o, _ = oracle_df(np.full(20000, 3.0), _p, _rng.random(20000))
    assert abs(_o.mean() - 3.0) < 5 * 3.0 * np.sqrt(_p / (1 - _p)) / np.sqrt(20000)
print("oracle reproduces the public worked examples (and torch's dropout convention)")

rng = np.random.default_rng(6)
ES_CASES = [
    ([1.0, 0.8, 0.85, 0.7, 0.75, 0.72, 0.9, 0.71], 3, 0.0), ([1.0, 1.0, 1.0, 1.0], 2, 0.0),
    ([5.0, 4.0, 3.0, 2.0, 1.0], 2, 0.0), ([1.0, 0.95, 0.85, 0.8, 0.78, 0.77], 2, 0.1),
    ([1.0, 2.0, 2.0, 2.0, 0.5], 2, 0.0), ([0.5], 1, 0.0), ([3.0, 2.0, 2.0, 1.0, 1.0, 1.0], 1, 0.0),
    ([1.0, 1.05, 0.98, 1.1, 0.97, 1.2, 1.3], 2, 0.0), ([1.0, 0.99, 0.98, 0.97, 0.96, 0.5], 3, 0.02),
    ([1.0, 0.9, 1.0, 0.85, 0.9, 0.95, 0.99, 0.5], 3, 0.0), ([2.0, 1.0, 1.5, 1.2, 1.1, 0.99, 1.3, 1.4], 4, 0.0),
    (list(np.round(1 / np.arange(1, 30) + 0.05 * rng.random(29), 4)), 3, 0.0),
    (list(np.round(1 / np.arange(1, 30) + 0.05 * rng.random(29), 4)), 5, 0.01),
]
U = rng.random((3, 4))
U[0, 1] = 0.3
X2 = rng.normal(size=(3, 4))
CASES = {
    "early_stopping": [(f"losses {v}, patience {P}, min_delta {d}", (np.array(v), P, d), {}) for v, P, d in ES_CASES],
    "dropout_forward": [
        ("worked example p = 0.5", (_x, 0.5, np.array([0.1, 0.5, 0.4, 0.9])), {}),
        ("3x4, p = 0.3 (one u exactly = p)", (X2, 0.3, U), {}),
        ("3x4, p = 0.8", (X2, 0.8, rng.random((3, 4))), {}),
        ("3x4, p = 0 (keep everything)", (X2, 0.0, rng.random((3, 4))), {}),
        ("3x4, eval mode, p = 0.3", (X2, 0.3, U), {"train": False}),
    ],
    "dropout_backward": [
        ("dout = 1, mask (0, 2, 0, 2)", (np.ones(4), np.array([0.0, 2.0, 0.0, 2.0])), {}),
        ("random dout 3x4, p = 0.3 mask", (rng.normal(size=(3, 4)), np.where(U < 0.3, 0.0, 1 / 0.7)), {}),
        ("eval mask of ones, dout = 3", (np.full(4, 3.0), np.ones(4)), {}),
    ],
}

if __name__ == "__main__":
    sys.exit(1 if run_catalogue("q6_early_stopping_dropout", ORACLES, CASES) else 0)
