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


# ---------------------------------------------------------------------------- independent oracles (scikit-learn Ridge, scipy orth, closed forms)
from scipy.linalg import orth  # noqa: E402
from sklearn.linear_model import Ridge  # noqa: E402

EPS = np.finfo(np.float64).eps


def _smoother_sklearn(X, lam):
    """S_lambda from scikit-learn: column j of S is the ridge fit (no intercept) to the j-th unit response.

    lambda = 0: the orthogonal projection onto the column space (scipy.linalg.orth with numpy's rank rule).
    lambda > 0: Ridge on X / c with penalty lambda / c^2 (c = max |x_ij|; S is invariant under this rescaling),
    so that scikit-learn's absolute singular-value cut-off does not bite for tiny X.
    """
    X = np.asarray(X, dtype=np.float64)
    n, p = X.shape
    c = float(np.max(np.abs(X))) if X.size else 0.0
    if c == 0.0:
        return np.zeros((n, n))
    if lam == 0:
        Q = orth(X, rcond=max(n, p) * EPS)
        return Q @ Q.T
    Xs = X / c
    model = Ridge(alpha=lam / c**2, fit_intercept=False, solver="svd").fit(Xs, np.eye(n))
    return model.predict(Xs)


def oracle_df(X, lam):
    lam_arr = np.asarray(lam, dtype=np.float64)
    out = np.array([np.trace(_smoother_sklearn(X, float(l))) for l in lam_arr.ravel()]).reshape(lam_arr.shape)
    return float(out) if lam_arr.ndim == 0 else out


def oracle_hat(X, lam):
    return _smoother_sklearn(X, float(lam))


def oracle_ic(rss, df, n, sigma2):
    rss = np.asarray(rss, dtype=np.float64)
    df = np.asarray(df, dtype=np.float64)
    return {"cp": rss / n + 2.0 * df * sigma2 / n,
            "aic": n * math.log(2 * math.pi * sigma2) + rss / sigma2 + 2.0 * df,
            "bic": n * math.log(2 * math.pi * sigma2) + rss / sigma2 + math.log(n) * df}


def oracle_select(X, y, lambdas, sigma2):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    n = len(y)
    df, rss = [], []
    for lam in np.asarray(lambdas, dtype=np.float64):
        S = _smoother_sklearn(X, float(lam))
        df.append(np.trace(S))
        rss.append(float(np.sum((y - S @ y) ** 2)))
    df, rss = np.array(df), np.array(rss)
    out = {"df": df, "rss": rss, **oracle_ic(rss, df, n, sigma2)}
    for k in ("cp", "aic", "bic"):
        vals = list(out[k])
        out["best_" + k] = vals.index(min(vals))  # first occurrence
    return out


# ---------------------------------------------------------------------------- correct helpers


def _svd_kept(X):
    X = np.asarray(X, dtype=np.float64)
    U, d, Vt = np.linalg.svd(X, full_matrices=False)
    if d.size == 0 or d[0] == 0:
        return U[:, :0], d[:0]
    keep = d > max(X.shape) * EPS * d[0]
    return U[:, keep], d[keep]


def ridge_df(X, lam):
    _, d = _svd_kept(X)
    lam_arr = np.asarray(lam, dtype=np.float64)
    df = (d**2 / (d**2 + lam_arr[..., None])).sum(axis=-1)
    return float(df) if lam_arr.ndim == 0 else df


def ridge_hat_matrix(X, lam):
    U, d = _svd_kept(X)
    return (U * (d**2 / (d**2 + lam))) @ U.T


def information_criteria(rss, df, n, sigma2):
    rss = np.asarray(rss, dtype=np.float64)
    df = np.asarray(df, dtype=np.float64)
    base = n * np.log(2 * np.pi * sigma2) + rss / sigma2
    out = {"cp": rss / n + 2 * df * sigma2 / n, "aic": base + 2 * df, "bic": base + np.log(n) * df}
    return {k: (float(v) if np.ndim(v) == 0 else v) for k, v in out.items()}


def ridge_select(X, y, lambdas, sigma2):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    lambdas = np.asarray(lambdas, dtype=np.float64)
    n = len(y)
    df = np.asarray(ridge_df(X, lambdas), dtype=np.float64)
    rss = np.array([np.sum((y - ridge_hat_matrix(X, l) @ y) ** 2) for l in lambdas])
    out = {"df": df, "rss": rss, **information_criteria(rss, df, n, sigma2)}
    for k in ("cp", "aic", "bic"):
        out["best_" + k] = int(np.argmin(out[k]))
    return out


REFERENCE = {"ridge_df": ridge_df, "ridge_hat_matrix": ridge_hat_matrix,
             "information_criteria": information_criteria, "ridge_select": ridge_select}
ORACLES = {"ridge_df": oracle_df, "ridge_hat_matrix": oracle_hat, "information_criteria": oracle_ic,
           "ridge_select": oracle_select}

# ---------------------------------------------------------------------------- inputs allowed by the docstrings
R = np.random.default_rng
WORKED_X = np.array([[1.8, 2.4], [-0.8, 0.6], [0.0, 0.0]])


def _rankdef():
    g = R(1)
    A = g.normal(size=(7, 3))
    return np.column_stack([A, A[:, 0] + 2 * A[:, 1]])  # 7 x 4, rank 3


def _wide():
    return R(2).normal(size=(3, 6))  # n < p, rank 3


def _collinear():
    g = R(3)
    A = g.normal(size=(20, 3))
    X = np.column_stack([A, A[:, 0] + 1e-6 * g.normal(size=20)])
    return X  # condition number ~1e6


def _square():
    return R(4).normal(size=(5, 5))


def _public_select():
    g = R(6301)
    X = g.normal(size=(30, 6)) * np.array([1.0, 2.0, 0.5, 3.0, 1.0, 0.2])
    y = X @ np.array([1.0, 0.0, 0.0, 0.5, 0.0, 0.0]) + 0.7 * g.normal(size=30)
    return X, y


PUBLIC_LAMBDAS = np.array([10.0, 0.01, 300.0, 1.0, 3.0, 30.0, 0.1, 100.0])


def _repeated_best():
    """A grid in which the Cp-best lambda occurs twice (and first at a lower position)."""
    X, y = _public_select()
    best = PUBLIC_LAMBDAS[oracle_select(X, y, PUBLIC_LAMBDAS, 0.49)["best_cp"]]
    lambdas = np.concatenate([PUBLIC_LAMBDAS[:6], [best], PUBLIC_LAMBDAS[6:], [best]])
    return X, y, lambdas, 0.49


def _c(fname, label, fn):
    return (fname, label, fn)


CASES = [
    _c("ridge_df", "worked example, lambda=2", lambda: (WORKED_X.copy(), 2.0)),
    _c("ridge_df", "worked example, lambdas [5, 0, 2]", lambda: (WORKED_X.copy(), np.array([5.0, 0.0, 2.0]))),
    _c("ridge_df", "rank-deficient 7x4, lambda=0", lambda: (_rankdef(), 0.0)),
    _c("ridge_df", "rank-deficient, repeats [1, 0, 1, 10, 0.3]", lambda: (_rankdef(), np.array([1.0, 0.0, 1.0, 10.0, 0.3]))),
    _c("ridge_df", "n < p (3x6), lambdas [0, 0.5]", lambda: (_wide(), np.array([0.0, 0.5]))),
    _c("ridge_df", "zero matrix", lambda: (np.zeros((4, 3)), np.array([0.0, 1.0]))),
    _c("ridge_df", "tiny entries 1e-12 X, lambda=0", lambda: (1e-12 * _square(), 0.0)),
    _c("ridge_df", "tiny entries 1e-12 X, lambdas [1e-24, 1e-26]", lambda: (1e-12 * _square(), np.array([1e-24, 1e-26]))),
    _c("ridge_df", "2-D array of lambdas", lambda: (_square(), np.array([[0.1, 1.0, 10.0], [100.0, 0.0, 3.0]]))),
    _c("ridge_hat_matrix", "worked example, lambda=2", lambda: (WORKED_X.copy(), 2.0)),
    _c("ridge_hat_matrix", "random 10x3, lambda=0.5", lambda: (R(5).normal(size=(10, 3)), 0.5)),
    _c("ridge_hat_matrix", "square 5x5, lambda=1", lambda: (_square(), 1.0)),
    _c("ridge_hat_matrix", "rank-deficient, lambda=0", lambda: (_rankdef(), 0.0)),
    _c("ridge_hat_matrix", "n < p, lambda=0", lambda: (_wide(), 0.0)),
    _c("ridge_hat_matrix", "tiny entries 1e-17 X, lambda=0", lambda: (1e-17 * R(5).normal(size=(10, 3)), 0.0)),
    _c("ridge_hat_matrix", "nearly collinear (cond 1e6), lambda=0", lambda: (_collinear(), 0.0)),
    _c("ridge_hat_matrix", "nearly collinear (cond 1e6), lambda=1e-9", lambda: (_collinear(), 1e-9)),
    _c("information_criteria", "worked example", lambda: (np.array([10.0, 6.0]), np.array([2.0, 5.0]), 20, 0.5)),
    _c("information_criteria", "numbers, sigma2 = 2.5", lambda: (7.3, 3.2, 50, 2.5)),
    _c("information_criteria", "arrays, n=1000, sigma2 = 0.04",
       lambda: (np.array([40.0, 38.5, 38.0]), np.array([1.0, 4.5, 9.0]), 1000, 0.04)),
    _c("ridge_select", "public data, unsorted grid", lambda: (*_public_select(), PUBLIC_LAMBDAS.copy(), 0.49)),
    _c("ridge_select", "best lambda repeated in the grid", _repeated_best),
    _c("ridge_select", "rank-deficient X, grid with 0", lambda: (_rankdef(), R(7).normal(size=7),
                                                              np.array([0.0, 2.0, 0.5, 20.0]), 1.0)),
]


def check_public_examples():
    assert np.isclose(oracle_df(WORKED_X, 2.0), 9 / 11 + 1 / 3)
    assert np.allclose(oracle_df(WORKED_X, np.array([5.0, 0.0, 2.0])), [9 / 14 + 1 / 6, 2.0, 9 / 11 + 1 / 3])
    assert np.allclose(oracle_hat(WORKED_X, 2.0), np.diag([9 / 11, 1 / 3, 0.0]), atol=1e-12)
    ic = oracle_ic(np.array([10.0, 6.0]), np.array([2.0, 5.0]), 20, 0.5)
    assert np.allclose(ic["cp"], [0.6, 0.55])
    assert np.allclose(ic["aic"], [20 * math.log(math.pi) + 24, 20 * math.log(math.pi) + 22])
    assert np.allclose(ic["bic"], [20 * math.log(math.pi) + 20 + 2 * math.log(20), 20 * math.log(math.pi) + 12 + 5 * math.log(20)])
    X, y = _public_select()
    out = oracle_select(X, y, PUBLIC_LAMBDAS, 0.49)
    order = np.argsort(PUBLIC_LAMBDAS)
    assert np.all(np.diff(out["df"][order]) < 0) and np.all(np.diff(out["rss"][order]) > 0)
    assert out["best_aic"] == out["best_cp"] and out["df"][out["best_bic"]] <= out["df"][out["best_aic"]]
    print("oracle reproduces the public examples")


if __name__ == "__main__":
    check_public_examples()
    check_reference(REFERENCE, CASES, ORACLES)
    print("reference helpers agree with the oracles on every case")
    sys.exit(1 if judge(HERE / "q3_effective_df.py", REFERENCE, CASES, ORACLES) else 0)
