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
from scipy.special import logsumexp
from scipy.stats import norm
from sklearn.naive_bayes import GaussianNB


def oracle_gaussian_nb_fit(X, y, var_smoothing=1e-9):
    clf = GaussianNB(var_smoothing=var_smoothing).fit(np.asarray(X, float), np.asarray(y))
    return {"classes": np.asarray(clf.classes_), "log_prior": np.log(clf.class_prior_),
            "means": np.asarray(clf.theta_, float), "variances": np.asarray(clf.var_, float)}


def oracle_gaussian_nb_log_proba(X, log_prior, means, variances):
    X = np.asarray(X, float)
    jll = np.asarray(log_prior, float)[None, :] + norm.logpdf(
        X[:, None, :], loc=np.asarray(means)[None], scale=np.sqrt(np.asarray(variances))[None]).sum(axis=2)
    return jll - logsumexp(jll, axis=1, keepdims=True)


# (2) public worked examples
_f = oracle_gaussian_nb_fit(np.array([[0.0], [2.0], [4.0], [6.0]]), np.array([0, 0, 1, 1]), var_smoothing=0.0)
assert np.allclose(_f["means"], [[1.0], [5.0]]) and np.allclose(_f["variances"], [[1.0], [1.0]])
assert np.allclose(_f["log_prior"], np.log([0.5, 0.5])) and list(_f["classes"]) == [0, 1]
_c = np.log1p(np.exp(-8.0))
assert np.allclose(oracle_gaussian_nb_log_proba(np.array([[3.0], [1.0]]), np.log([0.5, 0.5]), np.array([[1.0], [5.0]]),
                                                np.ones((2, 1))), [[np.log(0.5), np.log(0.5)], [-_c, -8.0 - _c]])

rng = np.random.default_rng(6)
cases = []


def add_fit(label, X, y, vs):
    X, y = np.asarray(X, float), np.asarray(y)
    want = oracle_gaussian_nb_fit(X, y, vs)
    cases.append((label, "gaussian_nb_fit", (X, y, vs), want))
    return want


def add_proba(label, X, fit):
    X = np.asarray(X, float)
    args = (X, fit["log_prior"], fit["means"], fit["variances"])
    want = oracle_gaussian_nb_log_proba(*args)
    # sklearn's own predict_log_proba agrees with the oracle
    clf = GaussianNB()
    clf.classes_, clf.class_prior_ = np.arange(len(fit["log_prior"])), np.exp(fit["log_prior"])
    clf.theta_, clf.var_ = fit["means"], fit["variances"]
    assert np.allclose(clf.predict_log_proba(X), want, rtol=1e-9, atol=1e-9), label
    cases.append((label, "gaussian_nb_log_proba", args, want))


add_fit("fit: worked example", [[0.0], [2.0], [4.0], [6.0]], [0, 0, 1, 1], 0.0)
y3 = rng.permutation(np.repeat([11, 3, 7], [10, 25, 15]))
X3 = rng.normal(size=(50, 3)) + (y3[:, None] == 3) * 2.0 - (y3[:, None] == 11) * 1.5
X3 = X3 * np.array([1.0, 3.0, 0.5])
fit3 = add_fit("fit: labels 11, 3, 7 unsorted, unbalanced", X3, y3, 1e-9)
# a feature constant within a class, data in large units: the smoothing is the whole variance there
Xc = np.column_stack([rng.normal(size=20) * 1000.0, np.r_[np.full(10, 5.0), rng.normal(size=10)], rng.normal(size=20)])
yc = np.r_[np.zeros(10, int), np.ones(10, int)]
add_fit("fit: feature constant within a class", Xc, yc, 1e-9)
# a class with a single point
Xs = rng.normal(size=(9, 2))
add_fit("fit: a class with one point", Xs, np.r_[np.zeros(8, int), [4]], 1e-2)
add_fit("fit: var_smoothing = 0.1", X3, y3, 0.1)

add_proba("log_proba: worked example", [[3.0], [1.0]], {"log_prior": np.log([0.5, 0.5]), "means": np.array([[1.0], [5.0]]),
                                                        "variances": np.ones((2, 1))})
add_proba("log_proba: K = d = 3, fitted", rng.normal(size=(8, 3)), fit3)
fit4 = {"log_prior": np.log([0.7, 0.3]), "means": np.array([[0.0, 1.0, -1.0, 2.0], [1.0, 0.0, 0.5, 2.5]]),
        "variances": np.array([[1.0, 0.5, 2.0, 1.0], [3.0, 0.2, 1.0, 4.0]])}
add_proba("log_proba: K = 2, d = 4, unequal variances", rng.normal(size=(6, 4)), fit4)
far = fit4["means"][0] + 30.0 * np.sqrt(fit4["variances"].max(axis=0)) * np.array([1.0, -1.0, 1.0, 1.0])
add_proba("log_proba: 30 standard deviations from every class", np.vstack([far, 2 * far]), fit4)

base_ns = {"gaussian_nb_fit": oracle_gaussian_nb_fit, "gaussian_nb_log_proba": oracle_gaussian_nb_log_proba}
main(base_ns, cases)
