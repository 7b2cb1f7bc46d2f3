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
from fractions import Fraction


def oracle_sample_covariance(X):
    X = np.asarray(X, dtype=float)
    d = X.shape[1]
    return np.asarray(np.cov(X, rowvar=False, ddof=1), dtype=float).reshape(d, d)


def oracle_correlation_matrix(X):
    X = np.asarray(X, dtype=float)
    d = X.shape[1]
    return np.asarray(np.corrcoef(X, rowvar=False), dtype=float).reshape(d, d)


def exact_cov(X):
    """Exact rational covariance of the given doubles (validates np.cov on the huge-mean case)."""
    n, d = X.shape
    F = [[Fraction(float(v)) for v in row] for row in X]
    mean = [sum(F[i][j] for i in range(n)) / n for j in range(d)]
    return np.array([[float(sum((F[i][j] - mean[j]) * (F[i][k] - mean[k]) for i in range(n)) / (n - 1))
                      for k in range(d)] for j in range(d)])


# (2) public worked example
_X = np.array([[1.0, 2.0], [2.0, 1.0], [3.0, 6.0]])
assert np.allclose(oracle_sample_covariance(_X), [[1.0, 2.0], [2.0, 7.0]], rtol=1e-14)
_r = 2.0 / np.sqrt(7.0)
assert np.allclose(oracle_correlation_matrix(_X), [[1.0, _r], [_r, 1.0]], rtol=1e-14)
_x = np.random.default_rng(0).normal(size=(10, 1))
assert np.allclose(oracle_sample_covariance(_x), [[((_x - _x.mean()) ** 2).sum() / 9]])

rng = np.random.default_rng(4)
cases = []


def add(label, X, check_exact=False):
    X = np.asarray(X, dtype=float)
    S = oracle_sample_covariance(X)
    if check_exact:
        assert np.allclose(S, exact_cov(X), rtol=1e-10, atol=1e-12), label
    cases.append((label + " / covariance", "sample_covariance", (X,), S))
    if np.all(np.diag(S) > 0):
        cases.append((label + " / correlation", "correlation_matrix", (X,), oracle_correlation_matrix(X)))


add("worked example", _X)
M = rng.normal(size=(4, 4))
add("n=40, d=4, correlated", rng.normal(size=(40, 4)) @ M, check_exact=True)
add("different column means", rng.normal(size=(30, 3)) @ M[:3, :3] + np.array([5.0, -3.0, 100.0]))
add("n = 2 points", [[1.0, 4.0, -2.0], [3.0, 1.0, 0.5]], check_exact=True)
add("single feature", rng.normal(size=(10, 1)))
add("features on very different scales", (rng.normal(size=(25, 3)) @ M[:3, :3]) * np.array([2.0, 0.01, 1000.0]))
huge = 1e8 + rng.normal(size=(50, 3)) @ np.array([[1.0, 0.5, 0.0], [0.0, 1.0, -0.7], [0.0, 0.0, 0.6]])
add("mean 1e8, spread 1", huge, check_exact=True)

base_ns = {"sample_covariance": oracle_sample_covariance, "correlation_matrix": oracle_correlation_matrix}
main(base_ns, cases)
