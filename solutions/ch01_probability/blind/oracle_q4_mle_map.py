# ----------------------------------------------------------------------------- generic harness
# (identical in every oracle_<question>.py of this folder; the question-specific part follows it)
import copy
import inspect
import re
import sys
import traceback
import warnings
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
QUESTION = Path(__file__).stem[len("oracle_"):]
PUBLIC_TESTS = HERE.parents[2] / "student" / "ch01_probability" / "tests" / f"{QUESTION}.py"
HEADER = re.compile(r"^# %% mistake: (.*)$", re.M)
RTOL, ATOL = 1e-3, 1e-6  # far above float32 round-off (6e-8 relative) on these well-scaled cases


def load_sections(path):
    text = path.read_text()
    parts = HEADER.split(text)
    if parts[0].strip():
        raise SystemExit(f"{path.name}: text before the first '# %% mistake:' header")
    return [(parts[i].strip(), parts[i + 1]) for i in range(1, len(parts), 2)]


def _leaves(x, prefix="out"):
    """Flatten a structured answer (tuple/list/dict of arrays/numbers) into {path: value}."""
    if isinstance(x, dict):
        out = {}
        for k in sorted(x):
            out.update(_leaves(x[k], f"{prefix}[{k!r}]"))
        return out
    if isinstance(x, (tuple, list)) and not (len(x) and np.isscalar(x[0]) and not isinstance(x[0], str)):
        out = {}
        for i, v in enumerate(x):
            out.update(_leaves(v, f"{prefix}[{i}]"))
        return out
    return {prefix: x}


def difference(got, want, rtol=RTOL, atol=ATOL):
    """None if got matches want (same structure and shapes, finite, within tolerance), else a reason."""
    g, w = _leaves(got), _leaves(want)
    if set(g) != set(w):
        return f"structure {sorted(g)} != expected {sorted(w)}"
    for key in w:
        try:
            ga = np.asarray(g[key], dtype=np.float64)
        except Exception:  # noqa: BLE001
            return f"{key} is not numeric: {type(g[key]).__name__}"
        wa = np.asarray(w[key], dtype=np.float64)
        if ga.shape != wa.shape:
            return f"{key} has shape {ga.shape}, expected {wa.shape}"
        if not np.isfinite(wa).all():
            raise RuntimeError(f"oracle produced a non-finite value at {key}")
        if not np.isfinite(ga).all():
            return f"{key} is not finite (nan/inf) where the answer is finite"
        err = np.abs(ga - wa)
        tol = atol + rtol * np.abs(wa)
        if (err > tol).any():
            i = tuple(int(j) for j in np.unravel_index(int(np.argmax(err / tol)), wa.shape)) if wa.ndim else ()
            return f"{key}{list(i) if wa.ndim else ''}: got {ga[i]:.6g}, expected {wa[i]:.6g}"
    return None


def same_inputs(before, after):
    for b, a in zip(before, after):
        for key, bv in _leaves(b, "arg").items():
            av = _leaves(a, "arg").get(key)
            if isinstance(bv, np.ndarray) and not np.array_equal(bv, av, equal_nan=True):
                return False
    return True


def run_case(ns, case):
    """case = (label, function name, args tuple, expected output). Returns None (agrees) or a reason."""
    label, fname, args, want = case
    call_args = copy.deepcopy(args)
    pristine = copy.deepcopy(args)
    try:
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            got = ns[fname](*call_args)
    except Exception as exc:  # noqa: BLE001 - a crash on valid input is a demonstrated mistake
        return f"[{label}] raises {type(exc).__name__}: {str(exc)[:80]}"
    if not same_inputs(pristine, call_args):
        return f"[{label}] modifies its input arrays in place"
    why = difference(got, want)
    return None if why is None else f"[{label}] {why}"


def public_tests(ns):
    """Informational: run the notebook's public tests against the functions in ns."""
    if not PUBLIC_TESTS.exists():
        return "public tests not found"
    sys.path.insert(0, str(PUBLIC_TESTS.parent.parent))
    mod_ns = {}
    exec(compile(PUBLIC_TESTS.read_text(), str(PUBLIC_TESTS), "exec"), mod_ns)
    failed = []
    for obj in mod_ns.values():
        if type(obj).__name__ == "test_case":
            params = inspect.signature(obj.test_func).parameters
            try:
                with warnings.catch_warnings(), np.errstate(all="ignore"):
                    warnings.simplefilter("ignore")
                    obj.test_func(**{p: ns[p] for p in params})
            except Exception:  # noqa: BLE001
                failed.append(obj.name)
    return "public tests pass" if not failed else "public tests fail: " + ", ".join(failed)


def main(base_ns, cases):
    # (1) the oracle itself must agree with every case it generated (sanity) -- done by the caller.
    sections = load_sections(HERE / f"{QUESTION}.py")
    bad = 0
    print(f"{QUESTION}: {len(sections)} mistakes, {len(cases)} cases")
    for desc, code in sections:
        ns = dict(base_ns)
        try:
            exec(compile(code, f"{QUESTION}.py:{desc[:30]}", "exec"), ns)
        except Exception:  # noqa: BLE001
            traceback.print_exc()
            print(f"NOT WRONG: {desc}   (section does not even compile/exec)")
            bad += 1
            continue
        reasons = [r for r in (run_case(ns, c) for c in cases) if r is not None]
        info = public_tests(ns)
        if reasons:
            print(f"WRONG ok: {desc}\n      e.g. {reasons[0]}  ({len(reasons)}/{len(cases)} cases; {info})")
        else:
            print(f"NOT WRONG: {desc}   ({info})")
            bad += 1
    ref = public_tests(base_ns)
    print(f"oracle/reference implementation: {ref}")
    if ref != "public tests pass":
        bad += 1
    print("all mistakes demonstrably wrong" if not bad else f"{bad} problem(s)")
    sys.exit(1 if bad else 0)
# ----------------------------------------------------------------------------- question-specific part
from scipy import integrate, optimize
from scipy.stats import beta as beta_dist
from scipy.stats import norm


def oracle_bernoulli_mle(x):
    x = np.asarray(x, dtype=float)
    return float(x.sum() / x.size)


def oracle_bernoulli_map(x, a, b):
    """Mode of the Beta(k + a, n - k + b) posterior, in closed form (checked numerically below)."""
    x = np.asarray(x, dtype=float)
    k, n = x.sum(), x.size
    A, B = k + a, n - k + b
    if A <= 1 and B > 1:
        return 0.0
    if B <= 1 and A > 1:
        return 1.0
    return float((A - 1) / (A + B - 2))


def oracle_gaussian_mean_posterior(x, sigma2, mu0, tau2):
    x = np.asarray(x, dtype=float)
    prec = 1.0 / tau2 + x.size / sigma2
    return (float((mu0 / tau2 + x.sum() / sigma2) / prec), float(1.0 / prec))


def numeric_map(x, a, b):
    x = np.asarray(x, dtype=float)
    k, n = x.sum(), x.size
    res = optimize.minimize_scalar(lambda t: -beta_dist.logpdf(t, k + a, n - k + b),
                                   bounds=(1e-12, 1 - 1e-12), method="bounded", options={"xatol": 1e-12})
    return res.x


def numeric_gauss(x, sigma2, mu0, tau2):
    x = np.asarray(x, dtype=float)
    lo, hi = mu0 - 50 * np.sqrt(tau2), mu0 + 50 * np.sqrt(tau2)
    m_guess = oracle_gaussian_mean_posterior(x, sigma2, mu0, tau2)[0]

    def logpost(t):
        return norm.logpdf(t, mu0, np.sqrt(tau2)) + norm.logpdf(x, t, np.sqrt(sigma2)).sum()

    c = logpost(m_guess)
    pts = [m_guess]
    Z = integrate.quad(lambda t: np.exp(logpost(t) - c), lo, hi, points=pts, limit=200)[0]
    m = integrate.quad(lambda t: t * np.exp(logpost(t) - c), lo, hi, points=pts, limit=200)[0] / Z
    v = integrate.quad(lambda t: (t - m) ** 2 * np.exp(logpost(t) - c), lo, hi, points=pts, limit=200)[0] / Z
    return m, v


# (2) public worked examples
assert oracle_bernoulli_mle(np.array([1, 1, 1])) == 1.0
assert abs(oracle_bernoulli_map(np.array([1, 1, 1]), 2.0, 2.0) - 0.8) < 1e-12
assert abs(oracle_bernoulli_mle(np.array([1, 0, 1, 1, 0])) - 0.6) < 1e-12
assert np.allclose(oracle_gaussian_mean_posterior(np.array([1.0, 3.0]), 2.0, 0.0, 1.0), (1.0, 0.5))
assert np.allclose(oracle_gaussian_mean_posterior(np.array([]), 4.0, -1.0, 0.5), (-1.0, 0.5))

rng = np.random.default_rng(5)
cases = []
mle_inputs = [np.array([1, 1, 1]), np.array([1, 0, 1, 1, 0]), np.zeros(7, dtype=int), np.array([0, 1, 0]),
              rng.random(37) < 0.3, (rng.random(100000) < 0.3).astype(int), np.array([1])]
for x in mle_inputs:
    cases.append((f"MLE n={x.size} k={int(np.sum(x))} {x.dtype}", "bernoulli_mle", (x,), oracle_bernoulli_mle(x)))
map_inputs = [(np.array([1, 1, 1]), 2.0, 2.0), ((rng.random(37) < 0.3).astype(int), 1.0, 1.0),
              (np.array([], dtype=int), 2.0, 3.0), (np.zeros(6, dtype=int), 1.0, 1.0),
              (np.array([1, 0, 0, 1, 0, 0, 0]), 5.0, 2.0), ((rng.random(100000) < 0.3).astype(int), 5.0, 3.0),
              (rng.random(20) < 0.5, 3.0, 1.5)]
for x, a, b in map_inputs:
    want = oracle_bernoulli_map(x, a, b)
    if 0 < want < 1:
        assert abs(numeric_map(x, a, b) - want) < 1e-6, (x, a, b)
    cases.append((f"MAP n={x.size} a={a} b={b}", "bernoulli_map", (x, a, b), want))
gauss_inputs = [(np.array([1.0, 3.0]), 2.0, 0.0, 1.0), (rng.normal(3.0, 2.0, size=12), 4.0, -1.0, 0.5),
                (np.array([]), 4.0, -1.0, 0.5), (np.array([2.5]), 0.3, 1.0, 2.0),
                (rng.normal(-4.0, 1.0, size=50), 1.0, 2.0, 1e6), (rng.normal(-40.0, 1.0, size=50), 1.0, 2.0, 1e306), (rng.normal(10.0, 3.0, size=5), 9.0, 0.0, 4.0)]
for x, s2, mu0, t2 in gauss_inputs:
    want = oracle_gaussian_mean_posterior(x, s2, mu0, t2)
    if t2 < 1e3:
        assert np.allclose(numeric_gauss(x, s2, mu0, t2), want, rtol=1e-6, atol=1e-9), (x, s2, mu0, t2)
    cases.append((f"Gaussian n={x.size} sigma2={s2} mu0={mu0} tau2={t2}", "gaussian_mean_posterior",
                  (x, s2, mu0, t2), want))

base_ns = {"bernoulli_mle": oracle_bernoulli_mle, "bernoulli_map": oracle_bernoulli_map,
           "gaussian_mean_posterior": oracle_gaussian_mean_posterior}
main(base_ns, cases)
