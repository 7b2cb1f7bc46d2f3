# ---------------------------------------------------------------------------- harness (same in every oracle_*.py)
import copy
import math
import re
import sys
import traceback
import warnings
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
STUDENT = HERE.parents[2] / "student" / "ch06_model_assessment"
sys.path.insert(0, str(STUDENT))
import mlmathkit_fixtures as fx  # noqa: E402

RTOL, ATOL = 1e-4, 1e-6  # "far more than float32 round-off" (float32 eps is 1.2e-7)


def load_sections(path):
    text = Path(path).read_text()
    parts = re.split(r"^# %% mistake: (.*)$", text, flags=re.M)
    if parts[0].strip():
        raise SystemExit(f"{path}: text before the first '# %% mistake:' header")
    return [(parts[i].strip(), parts[i + 1]) for i in range(1, len(parts), 2)]


def _flat(out):
    if isinstance(out, dict):
        return dict(out)
    if isinstance(out, (tuple, list)) and len(out) and all(np.ndim(v) == 0 for v in out):
        return {str(i): v for i, v in enumerate(out)}
    return {"": out}


def differs(actual, expected, rtol=RTOL, atol=ATOL):
    """A reason string if `actual` is not close to `expected` (dicts, tuples of numbers, arrays), else None."""
    a, e = _flat(actual), _flat(expected)
    for k, ev in e.items():
        name = k or "result"
        if k not in a:
            return f"{name}: missing"
        try:
            av = np.asarray(a[k], dtype=np.float64)
        except Exception as exc:  # noqa: BLE001
            return f"{name}: not numeric ({exc!r:.60})"
        ev = np.asarray(ev, dtype=np.float64)
        if av.shape != ev.shape and not (av.size == 1 and ev.size == 1):
            return f"{name}: shape {av.shape} instead of {ev.shape}"
        av, ev = av.reshape(ev.shape), ev
        if not np.isfinite(av).all():
            return f"{name}: non-finite values where the answer is finite"
        gap = np.abs(av - ev) - (atol + rtol * np.abs(ev))
        if (gap > 0).any():
            i = int(np.argmax(gap))
            return f"{name}: {av.ravel()[i]:.6g} instead of {ev.ravel()[i]:.6g}"
    return None


def _rng_states(args):
    return [copy.deepcopy(a.bit_generator.state) for a in args if isinstance(a, np.random.Generator)]


def _arrays(args):
    return [np.array(a, copy=True) for a in args if isinstance(a, np.ndarray)]


_EXPECTED = {}


def run_case(fn, oracle, make_args, compare=differs, key=None):
    """Reason why fn(*args) is wrong on this case (output, generator state, or modified input), else None."""
    if key is None or key not in _EXPECTED:
        exp_args = make_args()
        _EXPECTED[key] = (oracle(*exp_args), _rng_states(exp_args))
    expected, exp_states = _EXPECTED[key]
    args = make_args()
    pristine = _arrays(make_args())
    try:
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            got = fn(*args)
    except Exception as exc:  # noqa: BLE001
        return f"raised {type(exc).__name__}: {str(exc)[:80]}"
    why = compare(got, expected)
    if why:
        return why
    if _rng_states(args) != exp_states:
        return "the generator was advanced differently from the one prescribed draw"
    for before, after in zip(pristine, _arrays(args)):
        if before.shape != after.shape or not np.array_equal(before, after, equal_nan=True):
            return "modified an input array in place"
    return None


def check_reference(reference, cases, oracles):
    """The correct implementations used as helpers must agree with the independent oracles on every case."""
    for fname, label, make_args in cases:
        why = run_case(reference[fname], oracles[fname], make_args, key=(fname, label))
        if why:
            raise SystemExit(f"reference {fname} disagrees with the oracle on case {label!r}: {why}")


def judge(mistake_file, reference, cases, oracles, extra_ns=None):
    graded = set(oracles)
    bad = 0
    for desc, code in load_sections(mistake_file):
        ns = {"__name__": "mistake", "np": np, "math": math, "fx": fx, **reference, **(extra_ns or {})}
        try:
            exec(compile(code, f"<mistake: {desc[:40]}>", "exec"), ns)
        except Exception:  # noqa: BLE001
            traceback.print_exc()
            print(f"NOT WRONG: {desc}   (section does not compile)")
            bad += 1
            continue
        defined = [m for m in re.findall(r"^def (\w+)\(", code, flags=re.M) if m in graded]
        reason = None
        for fname in defined:
            for _f, label, make_args in (c for c in cases if c[0] == fname):
                why = run_case(ns[fname], oracles[fname], make_args, key=(fname, label))
                if why:
                    reason = f"{fname} on {label}: {why}"
                    break
            if reason:
                break
        if reason:
            print(f"WRONG ok: {desc}\n    -> {reason}")
        else:
            print(f"NOT WRONG: {desc}")
            bad += 1
    return bad
# ---------------------------------------------------------------------------- end of harness


# ---------------------------------------------------------------------------- independent oracles
# Gibbs: conditionals from the covariance matrix (Schur complement), not from the docstring's formulas.
# Autocorrelation: exactly rounded sums (math.fsum) per lag, cross-checked with scipy.signal.correlate.
from scipy.signal import correlate  # noqa: E402


def oracle_gibbs(mean, std, rho, x0, n_iter, rng):
    mu = np.asarray(mean, dtype=np.float64)
    sd = np.asarray(std, dtype=np.float64)
    Sigma = np.array([[sd[0] ** 2, rho * sd[0] * sd[1]], [rho * sd[0] * sd[1], sd[1] ** 2]])
    z = rng.standard_normal(size=(n_iter, 2))
    state = [None, float(np.asarray(x0, dtype=np.float64)[1])]
    out = np.zeros((n_iter, 2))
    for t in range(n_iter):
        for i in (0, 1):  # coordinate i given the current value of the other one (Gauss-Seidel order)
            j = 1 - i
            cond_mean = mu[i] + Sigma[i, j] / Sigma[j, j] * (state[j] - mu[j])
            cond_var = Sigma[i, i] - Sigma[i, j] ** 2 / Sigma[j, j]
            state[i] = cond_mean + math.sqrt(cond_var) * z[t, i]
        out[t] = state
    return out


def oracle_acf(x, max_lag):
    x = np.asarray(x, dtype=np.float64)
    n = len(x)
    xbar = math.fsum(x) / n
    xc = [v - xbar for v in x]
    c0 = math.fsum(v * v for v in xc)
    return np.array([math.fsum(xc[t] * xc[t + h] for t in range(n - h)) / c0 for h in range(max_lag + 1)])


def oracle_ess(x, max_lag):
    r = oracle_acf(x, max_lag)
    return len(x) / (1.0 + 2.0 * math.fsum(r[1:]))


# ---------------------------------------------------------------------------- correct helpers


def gibbs_bivariate_normal(mean, std, rho, x0, n_iter, rng):
    m1, m2 = float(mean[0]), float(mean[1])
    s1, s2 = float(std[0]), float(std[1])
    z = rng.standard_normal(size=(n_iter, 2))
    c = math.sqrt(1 - rho**2)
    x2 = float(x0[1])
    out = np.zeros((n_iter, 2))
    for t in range(n_iter):
        x1 = m1 + rho * s1 / s2 * (x2 - m2) + s1 * c * z[t, 0]
        x2 = m2 + rho * s2 / s1 * (x1 - m1) + s2 * c * z[t, 1]
        out[t] = x1, x2
    return out


def autocorrelation(x, max_lag):
    x = np.asarray(x, dtype=np.float64)
    n = len(x)
    xc = x - x.mean()
    c0 = np.dot(xc, xc)
    return np.array([np.dot(xc[: n - h], xc[h:]) / c0 for h in range(max_lag + 1)])


def effective_sample_size(x, max_lag):
    r = autocorrelation(x, max_lag)
    return float(len(x) / (1 + 2 * np.sum(r[1:])))


REFERENCE = {"gibbs_bivariate_normal": gibbs_bivariate_normal, "autocorrelation": autocorrelation,
             "effective_sample_size": effective_sample_size}
ORACLES = {"gibbs_bivariate_normal": oracle_gibbs, "autocorrelation": oracle_acf, "effective_sample_size": oracle_ess}

# ---------------------------------------------------------------------------- inputs allowed by the docstrings
R = np.random.default_rng


def _ar1(n, phi, seed, loc=0.0):
    g = R(seed)
    e = g.normal(size=n)
    x = np.zeros(n)
    for t in range(1, n):
        x[t] = phi * x[t - 1] + e[t]
    return loc + x


def _alternating(n=300, seed=4):
    """Negatively autocorrelated series: r(1) < 0, r(2) > 0, ..."""
    return _ar1(n, -0.6, seed)


def _c(fname, label, fn):
    return (fname, label, fn)


CASES = [
    _c("gibbs_bivariate_normal", "worked example (3 sweeps)",
       lambda: (np.array([1.0, -2.0]), np.array([2.0, 0.5]), 0.6, np.array([0.0, 3.0]), 3, R(31))),
    _c("gibbs_bivariate_normal", "rho=-0.8, 50 sweeps",
       lambda: (np.array([2.0, -1.0]), np.array([1.5, 0.4]), -0.8, np.array([2.0, -1.0]), 50, R(6601))),
    _c("gibbs_bivariate_normal", "rho=0.95, far start (100, -50), x0[0] far from x0[1]",
       lambda: (np.array([0.5, 1.0]), np.array([3.0, 1.0]), 0.95, np.array([100.0, -50.0]), 20, R(7))),
    _c("gibbs_bivariate_normal", "rho=0, n_iter=1",
       lambda: (np.array([0.0, 0.0]), np.array([1.0, 2.0]), 0.0, np.array([5.0, 5.0]), 1, R(8))),
    _c("autocorrelation", "worked example (1, 3, 2, 5), max_lag=3", lambda: (np.array([1.0, 3.0, 2.0, 5.0]), 3)),
    _c("autocorrelation", "AR(1) phi=0.8, n=400, max_lag=10", lambda: (_ar1(400, 0.8, 1), 10)),
    _c("autocorrelation", "1e6 + AR(1) noise, n=2000, max_lag=5", lambda: (_ar1(2000, 0.5, 2, loc=1e6), 5)),
    _c("autocorrelation", "max_lag=0", lambda: (_ar1(50, 0.3, 3), 0)),
    _c("autocorrelation", "max_lag = n - 1", lambda: (np.array([0.5, -1.0, 2.0, 0.0, 3.5, 1.0]), 5)),
    _c("autocorrelation", "chain of 1e5 draws far from zero, max_lag=3", lambda: (_ar1(100_000, 0.9, 5, loc=1e3), 3)),
    _c("effective_sample_size", "worked example, max_lag=2", lambda: (np.array([1.0, 3.0, 2.0, 5.0]), 2)),
    _c("effective_sample_size", "worked example, max_lag=0", lambda: (np.array([1.0, 3.0, 2.0, 5.0]), 0)),
    _c("effective_sample_size", "AR(1) phi=0.8, n=2000, max_lag=30", lambda: (_ar1(2000, 0.8, 6), 30)),
    _c("effective_sample_size", "negatively correlated chain, max_lag=6", lambda: (_alternating(), 6)),
]


def check_public_examples():
    ref = R(31)
    z = ref.standard_normal(size=(3, 2))
    rows, x2 = [], 3.0
    for t in range(3):
        x1 = 1.0 + 0.6 * 2.0 / 0.5 * (x2 + 2.0) + 2.0 * 0.8 * z[t, 0]
        x2 = -2.0 + 0.6 * 0.5 / 2.0 * (x1 - 1.0) + 0.5 * 0.8 * z[t, 1]
        rows.append([x1, x2])
    g = R(31)
    assert np.allclose(oracle_gibbs(np.array([1.0, -2.0]), np.array([2.0, 0.5]), 0.6, np.array([0.0, 3.0]), 3, g), rows)
    assert g.random() == ref.random()
    x = np.array([1.0, 3.0, 2.0, 5.0])
    assert np.allclose(oracle_acf(x, 3), [1.0, -2.3125 / 8.75, 1.875 / 8.75, -3.9375 / 8.75])
    assert np.isclose(oracle_ess(x, 2), 4 / 0.9) and oracle_ess(x, 0) == 4.0
    for x, k in [(_ar1(400, 0.8, 1), 10), (np.array([0.5, -1.0, 2.0, 0.0, 3.5, 1.0]), 5)]:
        xc = x - x.mean()
        full = correlate(xc, xc, mode="full", method="direct")
        assert np.allclose(oracle_acf(x, k), full[len(x) - 1: len(x) + k] / full[len(x) - 1])
    # the long-chain statistical test: means, variances and lag-1 autocorrelation rho^2
    mean, std, rho = np.array([2.0, -1.0]), np.array([1.5, 0.4]), -0.8
    xs = oracle_gibbs(mean, std, rho, mean, 20200, R(6601))[200:]
    for j in (0, 1):
        assert abs(xs[:, j].mean() - mean[j]) < 5 * std[j] * 3 / np.sqrt(20000)
        assert abs(oracle_acf(xs[:, j], 1)[1] - rho**2) < 4.89 * np.sqrt((1 - rho**4) / 20000)
    print("oracle reproduces the public examples (and the chain's stationary moments)")


if __name__ == "__main__":
    check_public_examples()
    check_reference(REFERENCE, CASES, ORACLES)
    print("reference helpers agree with the oracles on every case")
    sys.exit(1 if judge(HERE / "q6_gibbs.py", REFERENCE, CASES, ORACLES) else 0)
