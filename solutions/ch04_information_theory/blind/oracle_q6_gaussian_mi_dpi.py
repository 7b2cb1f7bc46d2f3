"""Independent oracle for q6_gaussian_mi_dpi (mpmath high-precision determinants and correlations)
and a check that every blind mistake is wrong.  Run: /work/main/.venv/bin/python oracle_q6_gaussian_mi_dpi.py
"""
import ast
import copy
import pathlib
import re
import sys
import warnings

import mpmath as mp
import numpy as np

warnings.filterwarnings("ignore")
HERE = pathlib.Path(__file__).resolve().parent
QUESTION = "q6_gaussian_mi_dpi"
GRADED = ("gaussian_mi", "markov_chain_mi")
mp.mp.dps = 50


# ----------------------------------------------------------------------------- oracle
def o_gaussian_mi(cov, dx):
    """1/2 log( det S_XX det S_YY / det S ), determinants in 50-digit arithmetic (no Cholesky)."""
    M = mp.matrix(np.asarray(cov, dtype=float).tolist())
    d = M.rows
    sub = lambda r, c: mp.matrix([[M[i, j] for j in c] for i in r])  # noqa: E731
    X, Y = range(dx), range(dx, d)
    return float(mp.mpf("0.5") * mp.log(mp.det(sub(X, X)) * mp.det(sub(Y, Y)) / mp.det(M)))


def o_markov_chain_mi(var_x, gains, noise_vars):
    """-1/2 log(1 - rho^2) from Var X_i and Cov(X_0, X_i) = G_i var_x, in 50-digit arithmetic."""
    v0 = mp.mpf(float(var_x))
    var, cov, out = v0, v0, []
    for g, n in zip(gains, noise_vars):
        g, n = mp.mpf(float(g)), mp.mpf(float(n))
        var, cov = g * g * var + n, g * cov
        out.append(float(-mp.log(1 - cov * cov / (v0 * var)) / 2))
    return np.array(out)


ORACLE = {"gaussian_mi": o_gaussian_mi, "markov_chain_mi": o_markov_chain_mi}

# ----------------------------------------------------------------------------- public worked examples
assert abs(o_gaussian_mi(np.array([[1.0, 0.6], [0.6, 1.0]]), 1) - np.log(1.25)) < 1e-14
assert abs(o_gaussian_mi(np.array([[4.0, 1.2], [1.2, 1.0]]), 1) - np.log(1.25)) < 1e-14
assert np.allclose(o_markov_chain_mi(1.0, [1.0, 1.0], [1.0, 2.0]), [0.5 * np.log(2.0), 0.5 * np.log(4.0 / 3.0)], atol=1e-14)
rng = np.random.default_rng(6)
A = rng.normal(size=(5, 5)); cov = A @ A.T + 0.5 * np.eye(5)
mi = o_gaussian_mi(cov, 2)
perm = [2, 3, 4, 0, 1]
assert mi > 0 and abs(o_gaussian_mi(cov[np.ix_(perm, perm)], 3) - mi) < 1e-12
Tm = np.diag([3.0, 0.2, 1.0, 1.0, 50.0])
assert abs(o_gaussian_mi(Tm @ cov @ Tm, 2) - mi) < 1e-10
blk = cov.copy(); blk[:2, 2:] = blk[2:, :2] = 0.0
assert abs(o_gaussian_mi(blk, 2)) < 1e-12
gains, noises = rng.uniform(-2.0, 2.0, size=8), rng.uniform(0.1, 2.0, size=8)
ch = o_markov_chain_mi(1.5, gains, noises)
assert np.all(np.diff(ch) <= 1e-12)
assert np.allclose(o_markov_chain_mi(4.5, gains, 3 * noises), ch) and np.allclose(o_markov_chain_mi(1.5, -gains, noises), ch)
print("oracle reproduces the public worked examples")

# ----------------------------------------------------------------------------- inputs allowed by the docstrings
rng = np.random.default_rng(66)


def tiny_cov(d, scale, strength):
    B = rng.normal(size=(d, d))
    C = np.eye(d) + strength * (B @ B.T) / d
    s = np.sqrt(np.diag(C))
    return scale * C / np.outer(s, s)


A5 = rng.normal(size=(5, 5))
A6 = rng.normal(size=(6, 6))
GM_CASES = [
    ((np.array([[1.0, 0.6], [0.6, 1.0]]), 1), {}),
    ((np.array([[4.0, 1.2], [1.2, 1.0]]), 1), {}),
    ((A5 @ A5.T + 0.5 * np.eye(5), 2), {}),
    ((A6 @ A6.T + 0.3 * np.eye(6), 4), {}),
    ((tiny_cov(60, 1e-7, 0.5), 25), {}),     # determinants underflow
    ((tiny_cov(60, 1e-7, 0.02), 25), {}),    # weak dependence: small MI, log-dets near -1000
]
MC_CASES = [
    ((1.0, np.array([1.0, 1.0]), np.array([1.0, 2.0])), {}),
    ((1.5, rng.uniform(-2.0, 2.0, size=8), rng.uniform(0.1, 2.0, size=8)), {}),
    ((2.0, np.full(40, 0.5), np.full(40, 1.0)), {}, (1e-6, 0.0)),     # SNR ~ 1e-24 at the end
    ((1.0, np.array([2.0, -1.5, 0.0, 3.0, -0.7]), np.array([0.3, 0.5, 0.2, 1.0, 0.4])), {}),  # a zero gain
    ((0.8, np.array([-3.0, 2.5, -1.2]), np.array([0.05, 0.4, 0.9])), {}),
]
CASES = {"gaussian_mi": GM_CASES, "markov_chain_mi": MC_CASES}


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
