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


# ---------------------------------------------------------------------------- independent oracles (scipy.stats.bootstrap, lstsq / scikit-learn)
from scipy import stats  # noqa: E402
from scipy.linalg import lstsq as scipy_lstsq  # noqa: E402
from sklearn.linear_model import LinearRegression  # noqa: E402


def oracle_se_ci(x, statistic, n_boot, alpha, rng):
    x = np.asarray(x, dtype=np.float64)
    t = fx.lookup(statistic)
    if x.size == 1:  # scipy needs two observations; every resample of one point is that point
        rng.integers(0, 1, size=(n_boot, 1))
        reps = np.full(n_boot, float(t(x)))
        return {"replicates": reps, "se": 0.0, "ci": np.array([reps[0], reps[0]])}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        res = stats.bootstrap((x,), t, n_resamples=n_boot, confidence_level=1 - alpha, method="percentile",
                              vectorized=True, axis=-1, random_state=rng)
    ci = res.confidence_interval
    return {"replicates": res.bootstrap_distribution, "se": float(res.standard_error),
            "ci": np.array([ci.low, ci.high])}


def _fit_predict(Xtr, ytr, Xte, use_sklearn):
    if use_sklearn:  # full-rank samples only: sklearn's minimum-norm convention differs when rank deficient
        return LinearRegression().fit(Xtr, ytr).predict(Xte)
    A = np.column_stack([np.ones(len(ytr)), Xtr])
    coef = scipy_lstsq(A, ytr, cond=max(A.shape) * np.finfo(float).eps, lapack_driver="gelsd")[0]  # min-norm, numpy's rank cutoff
    return np.column_stack([np.ones(len(Xte)), Xte]) @ coef


def oracle_632(X, y, n_boot, rng):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    n = len(y)
    idx = rng.integers(0, n, size=(n_boot, n))
    full_rank = lambda rows: np.linalg.matrix_rank(np.column_stack([np.ones(len(rows)), X[rows]])) == X.shape[1] + 1  # noqa: E731
    err_train = float(np.mean((y - _fit_predict(X, y, X, full_rank(np.arange(n)))) ** 2))
    losses = [[] for _ in range(n)]
    for rows in idx:
        out = sorted(set(range(n)) - set(rows.tolist()))
        if not out:
            continue
        pred = _fit_predict(X[rows], y[rows], X[out], full_rank(rows))
        for i, p in zip(out, pred):
            losses[i].append((y[i] - p) ** 2)
    err1 = float(np.mean([np.mean(v) for v in losses if v]))
    return {"err_train": err_train, "err_boot1": err1, "err_632": 0.368 * err_train + 0.632 * err1,
            "n_oob": np.array([len(v) for v in losses])}


# ---------------------------------------------------------------------------- correct helpers


def bootstrap_se_ci(x, statistic, n_boot, alpha, rng):
    x = np.asarray(x, dtype=np.float64)
    n = x.shape[0]
    idx = rng.integers(0, n, size=(n_boot, n))
    reps = np.asarray(fx.lookup(statistic)(x[idx], axis=-1), dtype=np.float64)
    return {"replicates": reps, "se": float(np.std(reps, ddof=1)),
            "ci": np.quantile(reps, [alpha / 2, 1 - alpha / 2])}


def bootstrap_632(X, y, n_boot, rng):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    n = len(y)
    A = np.column_stack([np.ones(n), X])
    coef = np.linalg.lstsq(A, y, rcond=None)[0]
    err_train = float(np.mean((y - A @ coef) ** 2))
    idx = rng.integers(0, n, size=(n_boot, n))
    loss_sum, n_oob = np.zeros(n), np.zeros(n, dtype=int)
    for rows in idx:
        coef_b = np.linalg.lstsq(A[rows], y[rows], rcond=None)[0]
        out = ~np.isin(np.arange(n), rows)
        loss_sum[out] += (y[out] - A[out] @ coef_b) ** 2
        n_oob[out] += 1
    seen = n_oob > 0
    err1 = float(np.mean(loss_sum[seen] / n_oob[seen]))
    return {"err_train": err_train, "err_boot1": err1, "err_632": 0.368 * err_train + 0.632 * err1, "n_oob": n_oob}


REFERENCE = {"bootstrap_se_ci": bootstrap_se_ci, "bootstrap_632": bootstrap_632}
ORACLES = {"bootstrap_se_ci": oracle_se_ci, "bootstrap_632": oracle_632}

# ---------------------------------------------------------------------------- inputs allowed by the docstrings
R = np.random.default_rng
X_MEAN = np.array([3.1, -0.4, 7.9, 2.2, 5.5, 0.3, 11.8, 4.4, 1.0, 6.2, -2.7, 3.9])
LINE_X = np.array([0.0, 1.0, 2.5, 3.0, 4.5, 5.0, 7.0, 8.0])
LINE_Y = np.array([1.2, 1.9, 4.1, 3.6, 6.8, 6.1, 9.9, 9.0])


def _reg(seed, n, p, noise=0.5):
    g = R(seed)
    X = g.normal(size=(n, p)) * np.linspace(0.5, 3, p) + np.linspace(-2, 5, p)
    y = 1.5 + X @ g.normal(size=p) + noise * g.normal(size=n)
    return X, y


def _few_x():
    """Two distinct x values: many bootstrap samples see only one of them (rank deficient [1, x])."""
    return np.array([[0.0], [0.0], [0.0], [3.0]]), np.array([1.0, 2.0, 0.5, 4.0])


def _collinear():
    g = R(12)
    x = g.normal(size=10)
    return np.column_stack([x, 2.0 * x]), 1.0 + x + 0.3 * g.normal(size=10)


def _far():
    """X far from zero: fitted values ~1e5, residuals ~0.1."""
    g = R(15)
    X = 1e5 + g.normal(size=(25, 2))
    y = 1e5 + (X - 1e5) @ np.array([2.0, -1.0]) + 0.1 * g.normal(size=25)
    return X, y


def _c(fname, label, fn):
    return (fname, label, fn)


CASES = [
    _c("bootstrap_se_ci", "worked example (medians, B=6, alpha=0.2)",
       lambda: (np.array([2.0, 5.0, 3.0, 10.0, 4.0]), "sample_median", 6, 0.2, R(11))),
    _c("bootstrap_se_ci", "mean of 12 values, B=4000", lambda: (X_MEAN.copy(), "sample_mean", 4000, 0.05, R(1))),
    _c("bootstrap_se_ci", "sample_std, B=7, alpha=0.5", lambda: (np.arange(5.0) ** 1.5, "sample_std", 7, 0.5, R(1))),
    _c("bootstrap_se_ci", "repeated values, median, B=9", lambda: (np.array([1.0, 1, 1, 4, 4, 9]), "sample_median", 9, 0.3, R(4))),
    _c("bootstrap_se_ci", "1e6 + 0.01 noise, mean, B=50", lambda: (1e6 + 0.01 * R(3).normal(size=30), "sample_mean", 50, 0.1, R(2))),
    _c("bootstrap_se_ci", "B=2", lambda: (X_MEAN.copy(), "sample_mean", 2, 0.4, R(8))),
    _c("bootstrap_se_ci", "n=1", lambda: (np.array([3.5]), "sample_mean", 5, 0.1, R(6))),
    _c("bootstrap_632", "worked example (line, B=4)", lambda: (LINE_X[:, None].copy(), LINE_Y.copy(), 4, R(5))),
    _c("bootstrap_632", "p=3, n=20, B=30", lambda: (*_reg(1, 20, 3), 30, R(7))),
    _c("bootstrap_632", "p=2, n=12, B=200", lambda: (*_reg(2, 12, 2, noise=2.0), 200, R(9))),
    _c("bootstrap_632", "B=1 (most points never out of bag)", lambda: (*_reg(3, 9, 1), 1, R(10))),
    _c("bootstrap_632", "B=2, n=6", lambda: (*_reg(4, 6, 1), 2, R(11))),
    _c("bootstrap_632", "rank-deficient bootstrap samples (two distinct x)", lambda: (*_few_x(), 25, R(13))),
    _c("bootstrap_632", "collinear columns x, 2x", lambda: (*_collinear(), 15, R(14))),
    _c("bootstrap_632", "X far from zero (1e5 + x), B=20", lambda: (*_far(), 20, R(16))),
]


def check_public_examples():
    x = np.array([2.0, 5.0, 3.0, 10.0, 4.0])
    ref = R(11)
    reps = np.median(x[ref.integers(0, 5, size=(6, 5))], axis=1)
    g = R(11)
    out = oracle_se_ci(x, "sample_median", 6, 0.2, g)
    assert np.allclose(out["replicates"], reps) and np.isclose(out["se"], np.std(reps, ddof=1))
    assert np.allclose(out["ci"], np.quantile(reps, [0.1, 0.9])) and g.random() == ref.random()
    out = oracle_se_ci(X_MEAN, "sample_mean", 4000, 0.05, R(1))
    sig = np.sqrt(np.mean((X_MEAN - X_MEAN.mean()) ** 2))
    assert abs(out["se"] / (sig / np.sqrt(12)) - 1) < 0.05
    # the .632 worked example, step by step as in the public test (np.polyfit)
    ref = R(5)
    idx = ref.integers(0, 8, size=(4, 8))
    slope, icept = np.polyfit(LINE_X, LINE_Y, 1)
    err_train = np.mean((LINE_Y - icept - slope * LINE_X) ** 2)
    losses = [[] for _ in range(8)]
    for rows in idx:
        s_b, i_b = np.polyfit(LINE_X[rows], LINE_Y[rows], 1)
        for i in sorted(set(range(8)) - set(rows.tolist())):
            losses[i].append((LINE_Y[i] - i_b - s_b * LINE_X[i]) ** 2)
    err1 = np.mean([np.mean(v) for v in losses if v])
    g = R(5)
    out = oracle_632(LINE_X[:, None], LINE_Y, 4, g)
    assert np.isclose(out["err_train"], err_train) and np.isclose(out["err_boot1"], err1)
    assert np.isclose(out["err_632"], 0.368 * err_train + 0.632 * err1)
    assert list(out["n_oob"]) == [len(v) for v in losses] and g.random() == ref.random()
    print("oracle reproduces the public examples")


if __name__ == "__main__":
    check_public_examples()
    check_reference(REFERENCE, CASES, ORACLES)
    print("reference helpers agree with the oracles on every case")
    sys.exit(1 if judge(HERE / "q2_bootstrap.py", REFERENCE, CASES, ORACLES) else 0)
