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
import mpmath as mp
from scipy.stats import multivariate_normal


def oracle_mvn_logpdf(X, mean, cov):
    """scipy.stats (eigendecomposition based) -- independent of the Cholesky route."""
    X = np.asarray(X, dtype=float)
    out = multivariate_normal(mean=np.asarray(mean, float), cov=np.asarray(cov, float)).logpdf(X)
    return np.atleast_1d(np.asarray(out, dtype=float)).reshape(X.shape[0])


def mp_logpdf(x, mean, cov):
    """60-digit check of the oracle on the hard cases."""
    mp.mp.dps = 60
    S = mp.matrix(np.asarray(cov).tolist())
    diff = mp.matrix((np.asarray(x) - np.asarray(mean)).tolist())
    d = len(mean)
    q = (diff.T * mp.lu_solve(S, diff))[0]
    return float(-(d * mp.log(2 * mp.pi) + mp.log(mp.det(S)) + q) / 2)


# (2) public worked examples
assert np.allclose(oracle_mvn_logpdf([[0.0, 0.0], [1.0, 2.0]], np.zeros(2), np.diag([1.0, 4.0])),
                   [-np.log(4 * np.pi), -np.log(4 * np.pi) - 1.0], rtol=1e-12)
_x = np.random.default_rng(2).normal(size=(6, 1))
assert np.allclose(oracle_mvn_logpdf(_x, [0.5], [[2.0]]), -0.5 * np.log(2 * np.pi * 2.0) - (_x[:, 0] - 0.5) ** 2 / 4.0)

rng = np.random.default_rng(3)
cases = []


def rot(d):
    q, _ = np.linalg.qr(rng.normal(size=(d, d)))
    return q


def add(label, X, mean, cov, check_mp=False):
    X, mean, cov = np.asarray(X, float), np.asarray(mean, float), np.asarray(cov, float)
    want = oracle_mvn_logpdf(X, mean, cov)
    if check_mp:
        for i in range(min(3, len(X))):
            ref = mp_logpdf(X[i], mean, cov)
            assert abs(want[i] - ref) <= 1e-6 * (1 + abs(ref)), (label, want[i], ref)
    cases.append((label, "mvn_logpdf", (X, mean, cov), want))


add("worked example (diagonal)", [[0.0, 0.0], [1.0, 2.0]], np.zeros(2), np.diag([1.0, 4.0]))
add("d = 1", rng.normal(size=(6, 1)), [0.5], [[2.0]])
A = rng.normal(size=(3, 3))
add("random 3-d SPD, n = 7", rng.normal(size=(7, 3)), rng.normal(size=3), A @ A.T + 0.5 * np.eye(3), check_mp=True)
add("random 3-d SPD, n = d = 3", rng.normal(size=(3, 3)), rng.normal(size=3), A @ A.T + 0.5 * np.eye(3))
# 50-d covariance with eigenvalues ~1e-7: det Sigma = 1e-350 underflows to 0
Q = rot(50)
cov50 = Q @ np.diag(np.linspace(1e-7, 3e-7, 50)) @ Q.T
cov50 = 0.5 * (cov50 + cov50.T)
X50 = rng.multivariate_normal(np.zeros(50), cov50, size=4)
add("d = 50, det underflows", X50, np.zeros(50), cov50)
# a point 150 standard deviations away: density e^-11250
cov2 = np.array([[2.0, 0.6], [0.6, 1.0]])
Lc = np.linalg.cholesky(cov2)
far = (Lc @ np.array([[150.0, 0.0], [0.0, 150.0], [3.0, -1.0]]).T).T
add("150 standard deviations away", far, np.zeros(2), cov2, check_mp=True)
# ill-conditioned covariance, condition number 1e8, strongly non-diagonal
Q4 = rot(4)
cov_ill = Q4 @ np.diag([1.0, 1e-3, 1e-6, 1e-8]) @ Q4.T
cov_ill = 0.5 * (cov_ill + cov_ill.T)
X_ill = rng.multivariate_normal(np.zeros(4), cov_ill, size=5) + 0.3
add("cond(Sigma) = 1e8", X_ill, 0.3 * np.ones(4), cov_ill, check_mp=True)
# huge offset, small spread
cov_s = 1e-4 * (A @ A.T + 0.5 * np.eye(3))
mu_big = np.array([1e4, -2e4, 3e4])
add("mean 1e4, spread 1e-2", mu_big + rng.multivariate_normal(np.zeros(3), cov_s, size=6), mu_big, cov_s)

base_ns = {"mvn_logpdf": oracle_mvn_logpdf}
main(base_ns, cases)
