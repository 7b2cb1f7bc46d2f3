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


# ---------------------------------------------------------------------------- independent oracles (scikit-learn, plain loops)
from sklearn.feature_selection import r_regression  # noqa: E402
from sklearn.model_selection import KFold, cross_val_score  # noqa: E402
from sklearn.neighbors import KNeighborsClassifier  # noqa: E402


def oracle_kfold(n, n_folds):
    fold = np.full(n, -1)
    for k, (_, test) in enumerate(KFold(n_splits=n_folds).split(np.zeros((n, 1)))):
        fold[test] = k
    return fold


def _oracle_r(X, y):
    """|Pearson r| by scikit-learn, with the docstring's rule for constant columns / constant y made exact."""
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    if np.ptp(y) == 0:
        return np.zeros(X.shape[1])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        r = r_regression(X, y, force_finite=True)
    r[np.ptp(X, axis=0) == 0] = 0.0
    return np.abs(r)


def oracle_screen(X, y, n_keep):
    r = _oracle_r(X, y)
    # decreasing |r|, ties in increasing column index: sort on (-|r|, j) explicitly
    order = sorted(range(len(r)), key=lambda j: (-r[j], j))
    return np.array(order[:n_keep])


def _oracle_cv_sklearn(X, y, n_folds, n_keep, select_inside):
    """scikit-learn KFold + 1-NN (no ties in distance on continuous data); screening by oracle_screen."""
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    n = len(y)
    sizes = np.bincount(oracle_kfold(n, n_folds), minlength=n_folds)
    if select_inside:
        accs = []
        for train, test in KFold(n_splits=n_folds).split(X):
            keep = oracle_screen(X[train], y[train], n_keep)
            knn = KNeighborsClassifier(n_neighbors=1, algorithm="brute").fit(X[train][:, keep], y[train])
            accs.append(np.mean(knn.predict(X[test][:, keep]) == y[test]))
        accs = np.array(accs)
    else:
        keep = oracle_screen(X, y, n_keep)
        accs = cross_val_score(KNeighborsClassifier(n_neighbors=1, algorithm="brute"), X[:, keep], y,
                               cv=KFold(n_splits=n_folds), scoring="accuracy")
    fe = 1.0 - accs
    return {"fold_errors": fe, "cv_error": float(fe @ sizes) / n}


def _oracle_cv_loops(X, y, n_folds, n_keep, select_inside):
    """Plain loops, exact tie rule (strict <: the lowest training index wins)."""
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    n = len(y)
    fold = oracle_kfold(n, n_folds)
    keep_all = oracle_screen(X, y, n_keep)
    fe, total = [], 0
    for k in range(n_folds):
        train = [i for i in range(n) if fold[i] != k]
        test = [i for i in range(n) if fold[i] == k]
        keep = oracle_screen(X[train], y[train], n_keep) if select_inside else keep_all
        wrong = 0
        for i in test:
            dist = ((X[train][:, keep] - X[i, keep]) ** 2).sum(axis=1)
            best, label = math.inf, None
            for j, d in zip(train, dist):
                if d < best:
                    best, label = d, y[j]
            wrong += int(label != y[i])
        fe.append(wrong / len(test))
        total += wrong
    return {"fold_errors": np.array(fe), "cv_error": total / n}


def oracle_cv(X, y, n_folds, n_keep, select_inside):
    a = _oracle_cv_loops(X, y, n_folds, n_keep, select_inside)
    if not TIES.get(id(X), False):
        b = _oracle_cv_sklearn(X, y, n_folds, n_keep, select_inside)
        assert differs(b, a, rtol=0, atol=1e-12) is None, "sklearn and loop oracles disagree"
    return a


TIES = {}

# ---------------------------------------------------------------------------- correct helpers (the other chapter functions)


def kfold_assignments(n, n_folds):
    base, extra = divmod(n, n_folds)
    sizes = np.full(n_folds, base)
    sizes[:extra] += 1
    return np.repeat(np.arange(n_folds), sizes)


def screen_predictors(X, y, n_keep):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    if np.all(y == y[0]):
        return np.arange(n_keep)
    const = np.all(X == X[0], axis=0)
    Xc = X - X.mean(axis=0)
    yc = y - y.mean()
    den = np.sqrt((Xc**2).sum(axis=0) * (yc**2).sum())
    r = np.where(const | (den == 0), 0.0, (Xc * yc[:, None]).sum(axis=0) / np.where(den > 0, den, 1.0))
    return np.argsort(-np.abs(r), kind="stable")[:n_keep]


def cv_screened_1nn(X, y, n_folds, n_keep, select_inside):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    n = len(y)
    fold = kfold_assignments(n, n_folds)
    keep_all = screen_predictors(X, y, n_keep)
    fe = np.zeros(n_folds)
    total = 0
    for k in range(n_folds):
        tr, te = np.flatnonzero(fold != k), np.flatnonzero(fold == k)
        keep = screen_predictors(X[tr], y[tr], n_keep) if select_inside else keep_all
        A, B = X[np.ix_(tr, keep)], X[np.ix_(te, keep)]
        d = ((B[:, None, :] - A[None, :, :]) ** 2).sum(axis=-1)
        m = int(np.sum(y[tr][np.argmin(d, axis=1)] != y[te]))
        fe[k] = m / len(te)
        total += m
    return {"fold_errors": fe, "cv_error": total / n}


REFERENCE = {"kfold_assignments": kfold_assignments, "screen_predictors": screen_predictors,
             "cv_screened_1nn": cv_screened_1nn}
ORACLES = {"kfold_assignments": oracle_kfold, "screen_predictors": oracle_screen, "cv_screened_1nn": oracle_cv}

# ---------------------------------------------------------------------------- inputs allowed by the docstrings
WORKED_X = np.array([[100.0, -1.0, 7, 0.3], [120, -1.5, 7, 0.1], [110, -3.0, 7, 0.4],
                     [130, -1.2, 7, 0.2], [150, -2.5, 7, 0.6], [140, -2.8, 7, 0.5]])
WORKED_Y = np.array([0.0, 0, 1, 0, 1, 1])


def _scaled(seed=0, n=20, p=8):
    g = np.random.default_rng(seed)
    y = g.integers(0, 2, n).astype(float)
    X = g.normal(size=(n, p)) + 0.8 * np.outer(y - 0.5, g.normal(size=p))
    return X * np.array([1e3, 1.0, 1e-3, 5.0, 0.1, 50.0, 2.0, 1.0])[:p] + np.array([1e4, -3, 0, 7, 1e5, 0, -1e3, 2])[:p], y


def _const_tenths():
    """Column 0 exactly 0 correlation (orthogonal to y), column 1 ten 0.1's (constant), column 2 ten 7's."""
    y = np.array([0.0, 1, 0, 1, 0, 1, 0, 1, 1, 0])
    x0 = np.array([1.0, 1, 2, 2, 3, 3, 4, 4, 5, 5])  # sum (x0 - mean)(y - ybar) = 0 exactly
    g = np.random.default_rng(5)
    X = np.column_stack([x0, np.full(10, 0.1), np.full(10, 7.0), g.normal(size=10), np.full(10, 0.3)])
    return X, y


def _const_tenths_real_y():
    """Constant columns (7's, 0.1's, 0.3's, 0.7's): only the 7's give x - mean exactly 0 in floating point."""
    g = np.random.default_rng(5)
    y = g.normal(size=10)
    X = np.column_stack([np.full(10, 7.0), np.full(10, 0.1), g.normal(size=10), np.full(10, 0.3), np.full(10, 0.7)])
    return X, y


def _const_y():
    g = np.random.default_rng(2)
    return g.normal(size=(10, 6)) * [1, 10, 0.1, 3, 1, 2], np.full(10, 0.1)


def _ties():
    g = np.random.default_rng(3)
    y = g.normal(size=12)
    a, b = g.normal(size=12), g.normal(size=12)
    X = np.column_stack([b, a, -a, 2.0 * a, b, a])  # |r| of cols 1, 2, 3, 5 exactly equal; 0 and 4 too
    return X, y


def _near_ties():
    g = np.random.default_rng(4)
    y = g.normal(size=30)
    base = y + 1.5 * g.normal(size=30)
    pert = 1e-9 * (y - y.mean())  # raises |r| of column 1 by ~1e-10: below float32 resolution
    X = np.column_stack([g.normal(size=30), base, base + pert, base - pert, g.normal(size=30)])
    return X, y


def _noise(seed=7102, n=50, p=5000):
    g = np.random.default_rng(seed)
    X = g.standard_normal((n, p))
    y = g.permutation(np.repeat([0, 1], n // 2))
    return X, y


def _signal(seed=11, n=23, p=40):
    g = np.random.default_rng(seed)
    y = g.integers(0, 2, n)
    X = g.normal(size=(n, p))
    X[:, :3] += 1.2 * (2 * y[:, None] - 1)
    return X, y


def _nn_ties():
    """Integer features: many exactly equal distances, labels that disagree between tied neighbours."""
    g = np.random.default_rng(9)
    X = g.integers(0, 2, size=(14, 3)).astype(float)
    y = g.integers(0, 2, 14)
    TIES[id(X)] = True
    return X, y


def _c(fname, label, fn):
    return (fname, label, fn)


CASES = [
    *(_c("kfold_assignments", f"n={n}, K={k}", (lambda n=n, k=k: (n, k)))
      for n, k in [(7, 3), (6, 4), (10, 3), (5, 5), (2, 2), (13, 4), (100, 7), (9, 2), (11, 11), (50, 4)]),
    _c("screen_predictors", "worked example, n_keep=3", lambda: (WORKED_X.copy(), WORKED_Y.copy(), 3)),
    _c("screen_predictors", "worked example, n_keep=4", lambda: (WORKED_X.copy(), WORKED_Y.copy(), 4)),
    _c("screen_predictors", "columns of very different scales and offsets", lambda: (*_scaled(), 8)),
    _c("screen_predictors", "constant columns incl. ten 0.1's", lambda: (*_const_tenths(), 5)),
    _c("screen_predictors", "constant columns, real-valued y", lambda: (*_const_tenths_real_y(), 5)),
    _c("screen_predictors", "constant y (ten 0.1's)", lambda: (*_const_y(), 6)),
    _c("screen_predictors", "exactly tied |r| (copies, sign flip, rescaled)", lambda: (*_ties(), 6)),
    _c("screen_predictors", "nearly equal |r| (1e-10 apart)", lambda: (*_near_ties(), 5)),
    _c("cv_screened_1nn", "ESL noise, wrong way", lambda: (*_noise(), 4, 100, False)),
    _c("cv_screened_1nn", "ESL noise, right way", lambda: (*_noise(), 4, 100, True)),
    _c("cv_screened_1nn", "signal, n=23 K=5 (unequal folds), inside", lambda: (*_signal(), 5, 3, True)),
    _c("cv_screened_1nn", "signal, n=23 K=5, outside", lambda: (*_signal(), 5, 3, False)),
    _c("cv_screened_1nn", "noise n=23 K=5, inside", lambda: (*_noise(5, 22, 300), 5, 10, True)),
    _c("cv_screened_1nn", "integer features with distance ties", lambda: (*_nn_ties(), 3, 2, True)),
    _c("cv_screened_1nn", "integer features with distance ties, outside", lambda: (*_nn_ties(), 4, 3, False)),
]


def check_public_examples():
    assert list(oracle_kfold(7, 3)) == [0, 0, 0, 1, 1, 2, 2]
    assert list(oracle_kfold(6, 4)) == [0, 0, 1, 1, 2, 3]
    assert list(oracle_screen(WORKED_X, WORKED_Y, 3)) == [1, 3, 0]
    assert list(oracle_screen(WORKED_X, WORKED_Y, 4)) == [1, 3, 0, 2]
    X, y = _noise()
    wrong, right = oracle_cv(X, y, 4, 100, False), oracle_cv(X, y, 4, 100, True)
    assert wrong["cv_error"] < 0.2 and right["cv_error"] > 0.3, (wrong, right)
    sizes = np.array([13, 13, 12, 12])
    for out in (wrong, right):
        assert np.allclose(out["fold_errors"] * sizes, np.round(out["fold_errors"] * sizes))
    print(f"oracle reproduces the public examples (noise: wrong way {wrong['cv_error']:.2f}, right way {right['cv_error']:.2f})")


if __name__ == "__main__":
    check_public_examples()
    check_reference(REFERENCE, CASES, ORACLES)
    print("reference helpers agree with the oracles on every case")
    sys.exit(1 if judge(HERE / "q1_cv_selection.py", REFERENCE, CASES, ORACLES) else 0)
