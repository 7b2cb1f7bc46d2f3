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
from scipy.stats import multivariate_normal
from sklearn.exceptions import ConvergenceWarning
from sklearn.mixture import GaussianMixture


def oracle_mvn_logpdf(X, mean, cov):
    X = np.asarray(X, float)
    return np.atleast_1d(multivariate_normal(mean=np.asarray(mean, float), cov=np.asarray(cov, float)).logpdf(X)).reshape(len(X))


def oracle_gmm_e_step(X, weights, means, covs):
    X = np.asarray(X, float)
    lj = np.column_stack([np.log(weights[k]) + oracle_mvn_logpdf(X, means[k], covs[k]) for k in range(len(weights))])
    norm = logsumexp(lj, axis=1, keepdims=True)
    return np.exp(lj - norm), float(norm.mean())


def _sk(X, weights, means, covs, n_iter, reg_covar):
    gm = GaussianMixture(n_components=len(weights), covariance_type="full", tol=0.0, reg_covar=reg_covar,
                         max_iter=n_iter, n_init=1, init_params="random", random_state=0,
                         weights_init=np.asarray(weights, float), means_init=np.asarray(means, float),
                         precisions_init=np.linalg.inv(np.asarray(covs, float)))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        gm.fit(X)
    return gm


def oracle_gmm_em(X, weights, means, covs, n_iter, reg_covar=1e-6):
    """scikit-learn's GaussianMixture run for exactly t iterations from the given start, t = 0..n_iter."""
    X = np.asarray(X, float)
    trace = [oracle_gmm_e_step(X, weights, means, covs)[1]]
    w, m, c = np.asarray(weights, float), np.asarray(means, float), np.asarray(covs, float)
    for t in range(1, n_iter + 1):
        gm = _sk(X, weights, means, covs, t, reg_covar)
        trace.append(gm.score(X))
        w, m, c = gm.weights_, gm.means_, gm.covariances_
    return {"weights": np.array(w), "means": np.array(m), "covs": np.array(c), "log_likelihood": np.array(trace)}


# (2) public worked example (E-step) and properties of the EM oracle
_e = np.exp(-2.0)
_r, _ll = oracle_gmm_e_step(np.array([[0.0], [1.0]]), np.array([0.5, 0.5]), np.array([[-1.0], [1.0]]), np.ones((2, 1, 1)))
assert np.allclose(_r, [[0.5, 0.5], [_e / (1 + _e), 1 / (1 + _e)]])
assert np.isclose(_ll, np.mean([-0.5 * np.log(2 * np.pi) - 0.5, -0.5 * np.log(2 * np.pi) + np.log((1 + _e) / 2)]))

rng = np.random.default_rng(66)
cases = []
X1 = np.concatenate([rng.normal(size=(50, 2)) * 0.7, rng.normal(size=(30, 2)) + np.array([3.0, 2.0])])
w1, m1, c1 = np.array([0.5, 0.5]), np.array([[1.0, 0.0], [0.0, 2.0]]), np.stack([np.eye(2)] * 2)
# a tiny hand-written EM step agrees with scikit-learn's first iteration (independent cross-check)
_res, _ = oracle_gmm_e_step(X1, w1, m1, c1)
_Nk = _res.sum(0)
_mu = _res.T @ X1 / _Nk[:, None]
_gm = _sk(X1, w1, m1, c1, 1, 1e-6)
assert np.allclose(_gm.means_, _mu) and np.allclose(_gm.weights_, _Nk / len(X1))
assert np.allclose(_gm.covariances_[0], np.cov(X1.T, aweights=_res[:, 0], bias=True) + 1e-6 * np.eye(2))

cases.append(("E-step: worked example", "gmm_e_step",
              (np.array([[0.0], [1.0]]), np.array([0.5, 0.5]), np.array([[-1.0], [1.0]]), np.ones((2, 1, 1))), (_r, _ll)))
w3 = np.array([0.6, 0.3, 0.1])
m3 = np.array([[0.0, 0.0], [3.0, -1.0], [-1.0, 4.0]])
c3 = np.array([[[1.0, 0.8], [0.8, 1.0]], [[0.4, 0.0], [0.0, 1.5]], [[1.0, -0.3], [-0.3, 0.5]]])
X3 = np.concatenate([rng.multivariate_normal(m3[k], c3[k], size=s) for k, s in enumerate([40, 25, 15])])
cases.append(("E-step: K = 3, unequal weights", "gmm_e_step", (X3, w3, m3, c3), oracle_gmm_e_step(X3, w3, m3, c3)))
Xfar = np.array([[200.0, -150.0], [0.5, 0.5], [-300.0, 400.0]])
cases.append(("E-step: points far from every component", "gmm_e_step", (Xfar, w3, m3, c3), oracle_gmm_e_step(Xfar, w3, m3, c3)))

for label, args in [("EM: public data, 12 iterations", (X1, w1, m1, c1, 12, 1e-6)),
                    ("EM: n_iter = 0", (X1, w1, m1, c1, 0, 1e-6)),
                    ("EM: reg_covar = 0.1, 4 iterations", (X1, w1, m1, c1, 4, 0.1)),
                    ("EM: K = 3, unequal start, 6 iterations", (X3, np.array([0.2, 0.3, 0.5]), m3 + 0.5, c3 * 2, 6, 1e-6)),
                    ("EM: d = 1, 5 iterations", (X1[:, :1], w1, np.array([[-1.0], [2.0]]), np.ones((2, 1, 1)), 5, 1e-6))]:
    want = oracle_gmm_em(*args)
    assert np.all(np.diff(want["log_likelihood"]) >= -1e-8 * (1 + np.abs(want["log_likelihood"][:-1]))) or args[5] > 1e-3
    cases.append((label, "gmm_em", args, want))

base_ns = {"mvn_logpdf": oracle_mvn_logpdf, "gmm_e_step": oracle_gmm_e_step, "gmm_em": oracle_gmm_em}
main(base_ns, cases)
