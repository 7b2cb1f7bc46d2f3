"""Independent oracle for q2_kl (scipy.special.rel_entr, torch.distributions) and a check that every
blind mistake is wrong.  Run: /work/main/.venv/bin/python oracle_q2_kl.py
"""
import ast
import copy
import pathlib
import re
import sys
import warnings

import numpy as np
import torch
from scipy import special
from torch.distributions import MultivariateNormal, kl_divergence as t_kl

warnings.filterwarnings("ignore")
HERE = pathlib.Path(__file__).resolve().parent
QUESTION = "q2_kl"
GRADED = ("kl_divergence", "kl_gaussians")


# ----------------------------------------------------------------------------- oracle
def o_kl_divergence(p, q):
    return float(np.sum(special.rel_entr(np.asarray(p, float), np.asarray(q, float))))


def o_kl_gaussians(mu0, cov0, mu1, cov1):
    t = lambda a: torch.as_tensor(np.asarray(a, float), dtype=torch.float64)  # noqa: E731
    return float(t_kl(MultivariateNormal(t(mu0), covariance_matrix=t(cov0)),
                      MultivariateNormal(t(mu1), covariance_matrix=t(cov1))))


ORACLE = {"kl_divergence": o_kl_divergence, "kl_gaussians": o_kl_gaussians}

# ----------------------------------------------------------------------------- public worked examples
p, q = np.array([0.5, 0.5]), np.array([0.25, 0.75])
assert abs(o_kl_divergence(p, q) - 0.5 * np.log(4 / 3)) < 1e-12
assert abs(o_kl_divergence(q, p) - (0.25 * np.log(0.5) + 0.75 * np.log(1.5))) < 1e-12
assert abs(o_kl_divergence([0.5, 0.5, 0.0], [0.25, 0.75, 0.0]) - 0.5 * np.log(4 / 3)) < 1e-12
assert np.isposinf(o_kl_divergence([0.5, 0.5], [1.0, 0.0]))
assert abs(o_kl_gaussians([0.0], [[1.0]], [1.0], [[4.0]]) - (np.log(2.0) - 0.25)) < 1e-12
rng = np.random.default_rng(2)
pp = rng.dirichlet(np.ones(5)); _ = rng.dirichlet(np.ones(5))
assert abs(o_kl_divergence(pp, pp)) < 1e-12
A = rng.normal(size=(3, 3)); c0, c1 = A @ A.T + np.eye(3), np.diag([1.0, 2.0, 0.5])
m0, m1 = rng.normal(size=3), rng.normal(size=3)
assert abs(o_kl_gaussians(m0, c0, m0, c0)) < 1e-10
kl = o_kl_gaussians(m0, c0, m1, c1)
T, c = rng.normal(size=(3, 3)) + 2 * np.eye(3), rng.normal(size=3)
assert abs(o_kl_gaussians(T @ m0 + c, T @ c0 @ T.T, T @ m1 + c, T @ c1 @ T.T) - kl) < 1e-9
# 1-d closed form from the hint
s0, s1, a, b = 0.7, 1.9, 0.3, -1.1
assert abs(o_kl_gaussians([a], [[s0**2]], [b], [[s1**2]])
           - (np.log(s1 / s0) + (s0**2 + (a - b) ** 2) / (2 * s1**2) - 0.5)) < 1e-12
print("oracle reproduces the public worked examples")

# ----------------------------------------------------------------------------- inputs allowed by the docstrings
rng = np.random.default_rng(2024)


def spd(d, scale=1.0):
    B = rng.normal(size=(d, d))
    return scale * (B @ B.T / d + 0.5 * np.eye(d))


KL_CASES = [
    ((np.array([0.5, 0.5]), np.array([0.25, 0.75])), {}),
    ((rng.dirichlet(np.ones(6)), rng.dirichlet(np.ones(6))), {}),
    ((np.array([0.5, 0.5, 0.0]), np.array([0.25, 0.75, 0.0])), {}),
    ((np.array([0.2, 0.0, 0.8]), np.array([0.3, 0.5, 0.2])), {}),  # p has a zero, q does not
    ((np.array([0.5, 0.5]), np.array([1.0, 0.0])), {}),            # infinite
    ((np.array([0.1, 0.6, 0.3, 0.0]), np.array([0.0, 0.5, 0.2, 0.3])), {}),  # infinite
]
d3 = 3
Z = rng.normal(size=(d3, d3))
G_CASES = [
    ((np.array([0.0]), np.array([[1.0]]), np.array([1.0]), np.array([[4.0]])), {}),
    ((rng.normal(size=4), spd(4), rng.normal(size=4), spd(4)), {}),
    ((rng.normal(size=5), spd(5, 3.0), rng.normal(size=5), spd(5, 0.2)), {}),
    ((np.zeros(2), np.eye(2), np.zeros(2), np.eye(2)), {}),
    ((np.ones(3), spd(3), np.ones(3), spd(3)), {}),
    ((np.zeros(3), np.diag([4.0, 1.0, 0.25]), np.zeros(3), np.eye(3)), {}),  # diagonal, equal means
    ((1e-2 * rng.normal(size=100), spd(100, 1e-4), 1e-2 * rng.normal(size=100), spd(100, 1e-4)), {}),
]
CASES = {"kl_divergence": KL_CASES, "kl_gaussians": G_CASES}


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
