"""Independent oracle for q5_elbo (torch.distributions Normal / kl_divergence, float64, same noise eps),
cross-checked against the closed-form ELBO of the linear-Gaussian model, and a check that every
blind mistake is wrong.  Run: /work/main/.venv/bin/python oracle_q5_elbo.py
"""
import ast
import copy
import pathlib
import re
import sys
import warnings

import numpy as np
import torch
from torch.distributions import Normal, kl_divergence

warnings.filterwarnings("ignore")
HERE = pathlib.Path(__file__).resolve().parent
QUESTION = "q5_elbo"
GRADED = ("kl_to_standard_normal", "elbo_estimate")
T = lambda a: torch.as_tensor(np.asarray(a, dtype=float), dtype=torch.float64)  # noqa: E731


# ----------------------------------------------------------------------------- oracle
def o_kl_to_standard_normal(mu, log_var):
    q = Normal(T(mu), torch.exp(0.5 * T(log_var)))
    return kl_divergence(q, Normal(torch.zeros_like(q.loc), torch.ones_like(q.loc))).sum(-1).numpy()


def o_elbo_estimate(x, mu, log_var, W, b, noise_var, eps):
    q = Normal(T(mu), torch.exp(0.5 * T(log_var)))
    zs = T(mu) + torch.exp(0.5 * T(log_var)) * T(eps)                       # (S, n, k)
    lik = Normal(zs @ T(W).T + T(b), torch.sqrt(T(noise_var)))              # (S, n, D)
    logp = lik.log_prob(T(x)).sum(-1).mean(0)                               # (n,)
    return (logp - T(o_kl_to_standard_normal(mu, log_var))).numpy()


def exact_elbo(x, mu, log_var, W, b, noise_var):
    """Closed form: E_q ||x - W z - b||^2 = ||x - W mu - b||^2 + sum_j ||W[:, j]||^2 var_j."""
    var = np.exp(log_var)
    D = x.shape[1]
    sq = np.sum((x - mu @ W.T - b) ** 2, axis=1) + var @ np.sum(W ** 2, axis=0)
    return -0.5 * (sq / noise_var + D * np.log(2 * np.pi * noise_var)) - o_kl_to_standard_normal(mu, log_var)


ORACLE = {"kl_to_standard_normal": o_kl_to_standard_normal, "elbo_estimate": o_elbo_estimate}

# ----------------------------------------------------------------------------- public worked examples
assert np.allclose(o_kl_to_standard_normal(np.array([[1.0, 0.0]]), np.array([[0.0, np.log(2.0)]])),
                   [1.0 - np.log(2.0) / 2], atol=1e-14)
got = o_elbo_estimate(np.array([[1.0]]), np.array([[1.0]]), np.array([[0.0]]), np.array([[1.0]]), np.array([0.0]),
                      1.0, np.zeros((1, 1, 1)))
assert np.allclose(got, [-0.5 * np.log(2 * np.pi) - 0.5], atol=1e-14)
assert np.allclose(o_kl_to_standard_normal(np.zeros((2, 3)), np.zeros((2, 3))), 0.0)
rng = np.random.default_rng(5)
n, k, D = 4, 3, 5
mu, lv = rng.normal(size=(n, k)), rng.normal(size=(n, k))
x, W, b = rng.normal(size=(n, D)), rng.normal(size=(D, k)), rng.normal(size=D)
e1, e2 = rng.normal(size=(3, n, k)), rng.normal(size=(2, n, k))
one, two = o_elbo_estimate(x, mu, lv, W, b, 0.5, e1), o_elbo_estimate(x, mu, lv, W, b, 0.5, e2)
assert np.allclose(o_elbo_estimate(x, mu, lv, W, b, 0.5, np.concatenate([e1, e2])), (3 * one + 2 * two) / 5)
# Monte Carlo average of the oracle matches the closed-form ELBO (statistical check, ~6 standard errors)
big = rng.normal(size=(200_000, n, k))
mc = o_elbo_estimate(x, mu, lv, W, b, 0.5, big)
single = np.stack([o_elbo_estimate(x, mu, lv, W, b, 0.5, big[i:i + 1]) for i in range(2000)])
se = single.std(axis=0) / np.sqrt(big.shape[0])
assert np.all(np.abs(mc - exact_elbo(x, mu, lv, W, b, 0.5)) < 6 * se), (mc, exact_elbo(x, mu, lv, W, b, 0.5), se)
print("oracle reproduces the public worked examples and the closed-form ELBO")

# ----------------------------------------------------------------------------- inputs allowed by the docstrings
rng = np.random.default_rng(55)
KL_CASES = [
    ((np.array([[1.0, 0.0]]), np.array([[0.0, np.log(2.0)]])), {}),
    ((rng.normal(size=(4, 3)), rng.normal(size=(4, 3))), {}),
    ((rng.normal(size=(3, 3)), rng.uniform(-20, 10, size=(3, 3))), {}),  # n == k, extreme log-variances
    ((np.zeros((2, 4)), np.zeros((2, 4))), {}),
    ((rng.normal(size=(5, 2)) * 3, rng.uniform(-20, 10, size=(5, 2))), {}),
]


def elbo_case(n, k, D, S, noise_var, lv_scale=1.0, seed=0):
    r = np.random.default_rng(seed)
    return ((r.normal(size=(n, D)), r.normal(size=(n, k)), lv_scale * r.normal(size=(n, k)),
             r.normal(size=(D, k)), r.normal(size=D), noise_var, r.normal(size=(S, n, k))), {})


ELBO_CASES = [
    ((np.array([[1.0]]), np.array([[1.0]]), np.array([[0.0]]), np.array([[1.0]]), np.array([0.0]), 1.0,
      np.zeros((1, 1, 1))), {}),
    elbo_case(4, 3, 5, 3, 0.5, seed=1),
    elbo_case(3, 3, 3, 3, 2.0, lv_scale=1.5, seed=2),   # S == n, k == D
    elbo_case(6, 2, 8, 10, 0.1, seed=3),
    elbo_case(2, 4, 4, 1, 0.7, seed=4),                 # a single sample
]
CASES = {"kl_to_standard_normal": KL_CASES, "elbo_estimate": ELBO_CASES}


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
