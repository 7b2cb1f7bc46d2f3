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

mp.mp.dps = 60


def oracle_bayes_posterior(prior, likelihoods):
    """Exact Bayes' rule in 60-digit arithmetic (mpmath never underflows)."""
    prior = np.asarray(prior, dtype=float)
    L = np.asarray(likelihoods, dtype=float)
    joint = []
    for k in range(prior.size):
        p = mp.mpf(prior[k])
        for i in range(L.shape[0]):
            p *= mp.mpf(L[i, k])
        joint.append(p)
    total = mp.fsum(joint)
    return np.array([float(j / total) for j in joint])


# (2) the oracle reproduces the public worked examples
assert np.allclose(oracle_bayes_posterior([0.01, 0.99], [[0.9, 0.05]]), [0.009 / 0.0585, 0.0495 / 0.0585], rtol=1e-12)
assert np.allclose(oracle_bayes_posterior([0.5, 0.3, 0.2], np.full((4, 3), 0.25)), [0.5, 0.3, 0.2], rtol=1e-12)
assert oracle_bayes_posterior([0.0, 0.5, 0.5], [[0.9, 0.1, 0.2]])[0] == 0.0
# cross-check against scipy's softmax on a moderate case
from scipy.special import softmax

_rng = np.random.default_rng(0)
_p, _L = _rng.dirichlet(np.ones(4)), _rng.random((30, 4))
assert np.allclose(oracle_bayes_posterior(_p, _L), softmax(np.log(_p) + np.log(_L).sum(0)), rtol=1e-12)

rng = np.random.default_rng(1)
cases = []


def add(label, prior, lik):
    prior, lik = np.asarray(prior, float), np.asarray(lik, float)
    cases.append((label, "bayes_posterior", (prior, lik), oracle_bayes_posterior(prior, lik)))


add("worked example", [0.01, 0.99], [[0.9, 0.05]])
add("flat likelihoods", [0.5, 0.3, 0.2], np.full((4, 3), 0.25))
add("prior with a zero", [0.0, 0.5, 0.5], [[0.9, 0.1, 0.2]])
add("n=5, K=3, non-uniform prior", [0.6, 0.3, 0.1], rng.uniform(0.05, 1.0, size=(5, 3)))
add("n=3, K=3", [0.2, 0.5, 0.3], rng.uniform(0.05, 1.0, size=(3, 3)))
# thousands of observations: the plain product underflows to 0
big = rng.uniform(0.2, 0.6, size=(3000, 3))
big[:, 1] *= 1.01
add("n=3000 (product underflows)", [0.3, 0.3, 0.4], big)
# an impossible hypothesis that the data favour strongly
lik = np.tile([0.9, 0.1, 0.2], (100, 1))
add("zero prior, data favour it, n=100", [0.0, 0.5, 0.5], lik)
# a zero likelihood next to genuinely tiny likelihoods
add("exact zero likelihood, tiny others", [0.5, 0.3, 0.2], [[0.0, 1e-12, 3e-13], [0.5, 1e-3, 2e-3]])
# large log-joint spread with moderate values (exp of the spread overflows)
add("n=2000, well separated", [0.5, 0.5], np.column_stack([np.full(2000, 0.9), np.full(2000, 0.1)]))

base_ns = {"bayes_posterior": oracle_bayes_posterior}
main(base_ns, cases)
