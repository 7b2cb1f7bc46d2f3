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


# ---------------------------------------------------------------------------- independent oracles (exact rational arithmetic, plain loops;
# cross-checked against scikit-learn's DecisionTreeRegressor(max_depth=1) on inputs exact in float32)
from fractions import Fraction  # noqa: E402

from sklearn.tree import DecisionTreeRegressor  # noqa: E402


def oracle_stump(x, y):
    """Brute force over every gap between distinct sorted x, residual sums in exact rational arithmetic."""
    xs = [float(v) for v in np.asarray(x, dtype=np.float64)]
    ys = [Fraction(float(v)) for v in np.asarray(y, dtype=np.float64)]
    distinct = sorted(set(xs))
    if len(distinct) == 1:
        m = float(sum(ys) / len(ys))
        return (distinct[0], m, m)
    best = None
    for a, b in zip(distinct[:-1], distinct[1:]):
        s = (a + b) / 2  # the midpoint, computed in float64 as scikit-learn does
        left = [v for u, v in zip(xs, ys) if u <= a]
        right = [v for u, v in zip(xs, ys) if u >= b]
        ml, mr = sum(left) / len(left), sum(right) / len(right)
        rss = sum((v - ml) ** 2 for v in left) + sum((v - mr) ** 2 for v in right)
        if best is None or rss < best[0]:  # strict: ties keep the smallest threshold
            best = (rss, s, float(ml), float(mr))
    return (best[1], best[2], best[3])


def _stump_predict(stump, x):
    s, cl, cr = stump
    return np.array([cl if v <= s else cr for v in np.asarray(x, dtype=np.float64)])


def oracle_bagged(x, y, x_test, n_estimators, rng):
    x, y, x_test = (np.asarray(a, dtype=np.float64) for a in (x, y, x_test))
    n = len(x)
    idx = rng.integers(0, n, size=(n_estimators, n))
    preds, oob = [], [[] for _ in range(n)]
    for rows in idx:
        stump = oracle_stump(x[rows], y[rows])
        preds.append(_stump_predict(stump, x_test))
        for i in set(range(n)) - set(rows.tolist()):
            oob[i].append(_stump_predict(stump, x[i:i + 1])[0])
    oob_pred = np.array([np.mean(v) if v else 0.0 for v in oob])
    seen = [i for i in range(n) if oob[i]]
    oob_error = float(np.mean([(y[i] - oob_pred[i]) ** 2 for i in seen])) if seen else 0.0
    return {"pred": np.mean(preds, axis=0), "oob_pred": oob_pred, "oob_count": np.array([len(v) for v in oob]),
            "oob_error": oob_error}


def oracle_variance(x_sets, y_sets, x_test, n_estimators, rng):
    x_sets, y_sets, x_test = (np.asarray(a, dtype=np.float64) for a in (x_sets, y_sets, x_test))
    single = np.array([_stump_predict(oracle_stump(xs, ys), x_test) for xs, ys in zip(x_sets, y_sets)])
    bagged = np.array([oracle_bagged(xs, ys, x_test, n_estimators, rng)["pred"] for xs, ys in zip(x_sets, y_sets)])
    T = len(x_sets)
    var = lambda P: float(np.mean(((P - P.mean(axis=0)) ** 2).sum(axis=0) / T))  # noqa: E731
    return {"pred_single": single, "pred_bagged": bagged, "var_single": var(single), "var_bagged": var(bagged)}


def _sklearn_stump(x, y):
    tree = DecisionTreeRegressor(max_depth=1).fit(np.asarray(x)[:, None], y).tree_
    return float(tree.threshold[0]), float(tree.value[1].ravel()[0]), float(tree.value[2].ravel()[0])


# ---------------------------------------------------------------------------- correct helpers


def fit_stump(x, y):
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    order = np.argsort(x, kind="stable")
    xs, ys = x[order], y[order]
    n = len(xs)
    if xs[0] == xs[-1]:
        return float(xs[0]), float(ys.mean()), float(ys.mean())
    yc = ys - ys.mean()
    cs = np.cumsum(yc)
    L, T = cs[:-1], cs[-1]
    k = np.arange(1, n)
    gain = L**2 / k + (T - L) ** 2 / (n - k)
    gain[xs[:-1] == xs[1:]] = -np.inf
    j = int(np.argmax(gain))  # first maximum = smallest threshold
    return float((xs[j] + xs[j + 1]) / 2), float(ys[: j + 1].mean()), float(ys[j + 1:].mean())


def bagged_stumps(x, y, x_test, n_estimators, rng):
    x, y, x_test = (np.asarray(a, dtype=np.float64) for a in (x, y, x_test))
    n = len(x)
    idx = rng.integers(0, n, size=(n_estimators, n))
    pred, oob_sum, count = np.zeros(len(x_test)), np.zeros(n), np.zeros(n, dtype=int)
    for rows in idx:
        s, cl, cr = fit_stump(x[rows], y[rows])
        pred += np.where(x_test <= s, cl, cr)
        out = ~np.isin(np.arange(n), rows)
        oob_sum[out] += np.where(x[out] <= s, cl, cr)
        count[out] += 1
    pred /= n_estimators
    oob_pred = np.where(count > 0, oob_sum / np.maximum(count, 1), 0.0)
    seen = count > 0
    oob_error = float(np.mean((y[seen] - oob_pred[seen]) ** 2)) if seen.any() else 0.0
    return {"pred": pred, "oob_pred": oob_pred, "oob_count": count, "oob_error": oob_error}


def bagging_variance_mc(x_sets, y_sets, x_test, n_estimators, rng):
    x_sets, y_sets, x_test = (np.asarray(a, dtype=np.float64) for a in (x_sets, y_sets, x_test))
    T = len(x_sets)
    single, bagged = np.zeros((T, len(x_test))), np.zeros((T, len(x_test)))
    for t in range(T):
        s, cl, cr = fit_stump(x_sets[t], y_sets[t])
        single[t] = np.where(x_test <= s, cl, cr)
        bagged[t] = bagged_stumps(x_sets[t], y_sets[t], x_test, n_estimators, rng)["pred"]
    return {"pred_single": single, "pred_bagged": bagged,
            "var_single": float(np.mean(single.var(axis=0))), "var_bagged": float(np.mean(bagged.var(axis=0)))}


REFERENCE = {"fit_stump": fit_stump, "bagged_stumps": bagged_stumps, "bagging_variance_mc": bagging_variance_mc}
ORACLES = {"fit_stump": oracle_stump, "bagged_stumps": oracle_bagged, "bagging_variance_mc": oracle_variance}

# ---------------------------------------------------------------------------- inputs allowed by the docstrings
R = np.random.default_rng


def _public_bag():
    g = R(6501)
    x = g.uniform(-2, 3, size=15)
    y = np.where(x > 0.5, 2.0, -1.0) + 0.4 * g.normal(size=15)
    return x, y, np.array([-1.5, 0.0, 0.7, 2.5])


def _grid_bag():
    """Integer inputs and test points exactly at the possible thresholds (midpoints k + 0.5)."""
    g = R(3)
    x = g.integers(0, 6, size=12).astype(float)
    y = (x >= 3) * 2.0 + 0.3 * g.normal(size=12)
    return x, y, np.arange(0.5, 6.0, 1.0)


def _public_var():
    g = R(6502)
    xs = g.random((30, 30))
    ys = 2 * xs + 0.3 * g.normal(size=(30, 30))
    return xs, ys, np.linspace(0.05, 0.95, 7)


def _small_var():
    g = R(9)
    xs = g.random((4, 10))
    ys = np.sin(4 * xs) + 0.2 * g.normal(size=(4, 10))
    return xs, ys, np.array([0.1, 0.4, 0.6, 0.9])


def _near_tie():
    """Two splits whose residual sums differ by ~1e-9 relative: float64 separates them, float32 cannot."""
    x = np.array([4.0, 2.0, 3.0, 1.0])
    y = np.array([-1e-9, 1.0, 1.0, 0.0])  # without the 1e-9 the splits at 1.5 and 3.5 tie exactly
    return x, y


def _c(fname, label, fn):
    return (fname, label, fn)


CASES = [
    _c("fit_stump", "worked example (unsorted, repeated x=2)",
       lambda: (np.array([3.0, 1.0, 2.0, 2.0, 5.0, 4.0]), np.array([4.0, 1.0, 2.0, 1.5, 9.0, 5.5]))),
    _c("fit_stump", "constant x", lambda: (np.array([2.0, 2.0, 2.0]), np.array([1.0, 4.0, 7.0]))),
    _c("fit_stump", "n = 1", lambda: (np.array([0.7]), np.array([-3.0]))),
    _c("fit_stump", "exact tie between two splits", lambda: (np.array([4.0, 2.0, 3.0, 1.0]), np.array([0.0, 1.0, 1.0, 0.0]))),
    _c("fit_stump", "random, many repeats", lambda: (R(1).integers(0, 5, 20).astype(float), R(2).normal(size=20))),
    _c("fit_stump", "nearly equal residual sums", _near_tie),
    _c("fit_stump", "x values 1e-9 apart", lambda: (np.array([1.0, 1.0 + 1e-9, 2.0, 3.0]), np.array([0.0, 5.0, 5.0, 5.0]))),
    _c("fit_stump", "y far from zero (1e9 + signal)",
       lambda: (np.linspace(0, 1, 40), 1e9 + (np.linspace(0, 1, 40) > 0.3) * 0.5 + 0.05 * R(4).normal(size=40))),
    _c("bagged_stumps", "public data, B=7", lambda: (*_public_bag(), 7, R(8))),
    _c("bagged_stumps", "integer x, test points on thresholds, B=10", lambda: (*_grid_bag(), 10, R(2))),
    _c("bagged_stumps", "B=1 (some points never out of bag)", lambda: (*_public_bag(), 1, R(5))),
    _c("bagged_stumps", "n=1 (never out of bag)", lambda: (np.array([0.3]), np.array([1.5]), np.array([0.0, 1.0]), 3, R(6))),
    _c("bagging_variance_mc", "public data, T=30, B=20", lambda: (*_public_var(), 20, R(6502))),
    _c("bagging_variance_mc", "T=4, n=10, B=5", lambda: (*_small_var(), 5, R(7))),
]


def check_public_examples():
    assert oracle_stump(np.array([3.0, 1.0, 2.0, 2.0, 5.0, 4.0]), np.array([4.0, 1.0, 2.0, 1.5, 9.0, 5.5])) == (3.5, 2.125, 7.25)
    assert oracle_stump(np.array([2.0, 2.0, 2.0]), np.array([1.0, 4.0, 7.0])) == (2.0, 4.0, 4.0)
    g = R(0)
    for _ in range(20):  # scikit-learn agrees on inputs that are exact in float32 (it casts X to float32)
        x = g.integers(0, 40, size=int(g.integers(2, 25))) / 8.0
        y = g.normal(size=x.size)
        if np.ptp(x) > 0:
            assert np.allclose(oracle_stump(x, y), _sklearn_stump(x, y)), (x, y)
    # the public bagging consistency check, with the oracle's stumps
    x, y, xt = _public_bag()
    ref = R(8)
    idx = ref.integers(0, 15, size=(7, 15))
    pred, oob_sum, count = np.zeros(4), np.zeros(15), np.zeros(15)
    for rows in idx:
        s, lv, rv = oracle_stump(x[rows], y[rows])
        pred += np.where(xt <= s, lv, rv) / 7
        out = ~np.isin(np.arange(15), rows)
        oob_sum[out] += np.where(x[out] <= s, lv, rv)
        count[out] += 1
    oob_pred = np.where(count > 0, oob_sum / np.maximum(count, 1), 0.0)
    g = R(8)
    out = oracle_bagged(x, y, xt, 7, g)
    assert np.allclose(out["pred"], pred) and np.allclose(out["oob_pred"], oob_pred)
    assert np.array_equal(out["oob_count"], count) and g.random() == ref.random()
    assert np.isclose(out["oob_error"], np.mean((y[count > 0] - oob_pred[count > 0]) ** 2))
    out = oracle_variance(*_public_var(), 20, R(6502))
    assert out["var_bagged"] < 0.7 * out["var_single"]
    print("oracle reproduces the public examples and scikit-learn's stumps")


if __name__ == "__main__":
    check_public_examples()
    check_reference(REFERENCE, CASES, ORACLES)
    print("reference helpers agree with the oracles on every case")
    sys.exit(1 if judge(HERE / "q5_bagging.py", REFERENCE, CASES, ORACLES) else 0)
