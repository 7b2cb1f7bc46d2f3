"""Independent oracle for q3_cross_entropy (torch.nn.functional.cross_entropy and autograd, float64)
and a check that every blind mistake is wrong.  Run: /work/main/.venv/bin/python oracle_q3_cross_entropy.py
"""
import ast
import copy
import pathlib
import re
import sys
import warnings

import numpy as np
import torch
import torch.nn.functional as F

warnings.filterwarnings("ignore")
HERE = pathlib.Path(__file__).resolve().parent
QUESTION = "q3_cross_entropy"
GRADED = ("cross_entropy", "cross_entropy_grad")


# ----------------------------------------------------------------------------- oracle
def o_cross_entropy(logits, labels):
    z = torch.tensor(np.asarray(logits, float), dtype=torch.float64)
    return float(F.cross_entropy(z, torch.as_tensor(np.asarray(labels), dtype=torch.long), reduction="mean"))


def o_cross_entropy_grad(logits, labels):
    z = torch.tensor(np.asarray(logits, float), dtype=torch.float64, requires_grad=True)
    F.cross_entropy(z, torch.as_tensor(np.asarray(labels), dtype=torch.long), reduction="mean").backward()
    return z.grad.numpy().copy()


ORACLE = {"cross_entropy": o_cross_entropy, "cross_entropy_grad": o_cross_entropy_grad}

# ----------------------------------------------------------------------------- public worked examples
z, y = np.array([[0.0, 0.0], [np.log(3.0), 0.0]]), np.array([0, 1])
assert abs(o_cross_entropy(z, y) - 1.5 * np.log(2.0)) < 1e-12
assert np.allclose(o_cross_entropy_grad(z, y), np.array([[-0.5, 0.5], [0.75, -0.75]]) / 2, atol=1e-14)
big = np.array([[1000.0, 0.0], [1000.0, 0.0]])
assert abs(o_cross_entropy(big, np.array([0, 1])) - 500.0) < 1e-9
assert np.allclose(o_cross_entropy_grad(big, np.array([0, 1])), [[0.0, 0.0], [0.5, -0.5]], atol=1e-12)
print("oracle reproduces the public worked examples")

# ----------------------------------------------------------------------------- inputs allowed by the docstrings
rng = np.random.default_rng(33)
CASES_BASE = [
    ((np.array([[0.0, 0.0], [np.log(3.0), 0.0]]), np.array([0, 1])), {}),
    ((rng.normal(size=(6, 4)), rng.integers(0, 4, size=6)), {}),
    ((3.0 * rng.normal(size=(5, 5)) + 2.0, np.array([0, 4, 2, 2, 1])), {}),        # N == C
    ((np.array([[1000.0, 0.0], [1000.0, 0.0]]), np.array([0, 1])), {}),
    ((np.array([[1e4, 0.0, -3.0], [2.0, 1.0, 0.5]]), np.array([1, 0])), {}),       # confident & wrong
    ((np.array([[1e4, 1e4 - 1.0, 0.0], [-1e4, -1e4 + 2.0, -1e4], [0.3, -0.2, 5.0]]), np.array([1, 0, 2])), {}),
    ((rng.normal(size=(7, 3)) * 10.0, rng.integers(0, 3, size=7)), {}),
]
CASES = {"cross_entropy": CASES_BASE, "cross_entropy_grad": CASES_BASE}


# ----------------------------------------------------------------------------- harness
def sections(path):
    text = path.read_text()
    parts = re.split(r"^# %% mistake: (.*)$", text, flags=re.M)
    assert parts[0].strip() == "", "nothing may precede the first section"
    return [(parts[i].strip(), parts[i + 1]) for i in range(1, len(parts), 2)]


def differs(got, want, rtol, atol):
    """(severity, why): severity = max |got - want| / (atol + rtol |want|), inf for nan/shape/inf mismatches."""
    if isinstance(want, tuple):
        if not isinstance(got, (tuple, list)) or len(got) != len(want):
            return np.inf, f"returns {type(got).__name__} instead of a {len(want)}-tuple"
        return max((differs(g, w, rtol, atol) for g, w in zip(got, want)), key=lambda t: t[0])
    want = np.asarray(want, dtype=float)
    try:
        got = np.asarray(got, dtype=float)
    except Exception:  # noqa: BLE001
        return np.inf, f"returns a {type(got).__name__}, not a number/array"
    if got.shape != want.shape:
        return np.inf, f"returns shape {got.shape} instead of {want.shape}"
    if np.any(np.isnan(got)):
        return np.inf, f"returns nan (got {np.ravel(got)[:4]}, want {np.ravel(want)[:4]})"
    inf_w, inf_g = ~np.isfinite(want), ~np.isfinite(got)
    if np.any(inf_w != inf_g) or np.any(got[inf_w] != want[inf_w]):
        return np.inf, f"infinite/finite mismatch (got {np.ravel(got)[:4]}, want {np.ravel(want)[:4]})"
    g, w = got[~inf_w], want[~inf_w]
    if g.size == 0:
        return 0.0, ""
    ratio = np.abs(g - w) / (atol + rtol * np.abs(w))
    i = int(np.argmax(ratio))
    return float(ratio[i]), (f"off by {abs(g[i] - w[i]):.3g} at entry {i} (got {g[i]:.10g}, want {w[i]:.10g}; "
                             f"{ratio[i]:.3g} x the tolerance {atol + rtol * abs(w[i]):.2g})")


SEVERE = 10.0  # tolerance rtol=1e-6: a mistake must be off by >10x that (>1e-5 relative, ~100x float32 round-off)


def verdict(fn, name):
    """The worst of the cases where fn disagrees with the oracle / raises / mutates its input, or None."""
    worst = (0.0, None)
    for k, case in enumerate(CASES[name]):
        args, kwargs = case[0], case[1]
        rtol, atol = (case[2] if len(case) > 2 else (1e-6, 1e-9))
        saved = copy.deepcopy(args)
        want = ORACLE[name](*copy.deepcopy(args), **kwargs)
        try:
            got = fn(*args, **kwargs)
        except Exception as exc:  # noqa: BLE001
            sev, why = np.inf, f"raises {type(exc).__name__}: {str(exc)[:80]}"
        else:
            sev, why = differs(got, want, rtol, atol)
            if sev <= SEVERE and any(not np.array_equal(np.asarray(a), np.asarray(b)) for a, b in zip(args, saved)):
                sev, why = np.inf, "overwrites its input array in place"
        if sev > worst[0]:
            worst = (sev, f"case #{k}: {why}")
    return worst[1] if worst[0] > SEVERE else None


def main():
    bad = 0
    secs = sections(HERE / f"{QUESTION}.py")
    for desc, code in secs:
        names = [n.name for n in ast.parse(code).body if isinstance(n, ast.FunctionDef) and n.name in GRADED]
        ns = dict(ORACLE)  # the other chapter functions come from a correct implementation
        exec(compile(code, f"<{QUESTION}: {desc[:40]}>", "exec"), ns)
        why = [f"{n}: {v}" for n in names if (v := verdict(ns[n], n))]
        if len(desc) > 160:
            print(f"   (description is {len(desc)} characters long)")
        if names and why:
            print(f"WRONG ok: {desc}\n    -> {why[0]}")
        else:
            bad += 1
            print(f"NOT WRONG: {desc}")
    print(f"{len(secs) - bad}/{len(secs)} mistakes demonstrably wrong")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
