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


# ---------------------------------------------------------------------------- independent oracle (replicate-by-replicate loop, np.cov)


def oracle_optimism(S, f, sigma, n_reps, rng):
    S = np.asarray(S, dtype=np.float64)
    f = np.asarray(f, dtype=np.float64)
    n = len(f)
    z = rng.standard_normal(size=(n_reps, 2, n))
    err, err_in, fits, ys = [], [], [], []
    for r in range(n_reps):
        y, y_new = f + sigma * z[r, 0], f + sigma * z[r, 1]
        fit = np.array([sum(S[i, j] * y[j] for j in range(n)) for i in range(n)])  # (S y)_i, written out
        err.append(np.mean((y - fit) ** 2))
        err_in.append(np.mean((y_new - fit) ** 2))
        fits.append(fit)
        ys.append(y)
    fits, ys = np.array(fits), np.array(ys)
    df_cov = sum(np.cov(fits[:, i], ys[:, i])[0, 1] for i in range(n)) / sigma**2
    return {"err": np.array(err), "err_in": np.array(err_in), "optimism": float(np.mean(np.array(err_in) - np.array(err))),
            "df_cov": float(df_cov), "theory": 2 * sigma**2 * float(np.trace(S)) / n}


# ---------------------------------------------------------------------------- correct helper


def optimism_mc(S, f, sigma, n_reps, rng):
    S = np.asarray(S, dtype=np.float64)
    f = np.asarray(f, dtype=np.float64)
    n = len(f)
    z = rng.standard_normal(size=(n_reps, 2, n))
    Y, Y_new = f + sigma * z[:, 0], f + sigma * z[:, 1]
    fits = Y @ S.T
    err = np.mean((Y - fits) ** 2, axis=1)
    err_in = np.mean((Y_new - fits) ** 2, axis=1)
    cov = ((fits - fits.mean(axis=0)) * (Y - Y.mean(axis=0))).sum(axis=0) / (n_reps - 1)
    return {"err": err, "err_in": err_in, "optimism": float(np.mean(err_in - err)),
            "df_cov": float(cov.sum() / sigma**2), "theory": 2 * sigma**2 * float(np.trace(S)) / n}


REFERENCE = {"optimism_mc": optimism_mc}
ORACLES = {"optimism_mc": oracle_optimism}

# ---------------------------------------------------------------------------- inputs allowed by the docstring
R = np.random.default_rng


def _nn_smoother():
    S = np.array([[0.5, 0.5, 0.0, 0.0], [0.5, 0.5, 0.0, 0.0], [0.0, 0.0, 0.5, 0.5], [0.0, 0.0, 0.5, 0.5]])
    S[1] = [0.0, 0.5, 0.5, 0.0]
    return S, np.array([1.0, -0.5, 2.0, 0.3])


def _least_squares():
    g = R(6401)
    X = g.normal(size=(30, 5))
    H = X @ np.linalg.solve(X.T @ X, X.T)
    return H, X @ np.array([1.0, -2.0, 0.5, 0.0, 3.0])


def _knn(k=3, n=12):
    x = np.sort(R(3).uniform(0, 1, n))
    S = np.zeros((n, n))
    for i in range(n):
        S[i, np.argsort(np.abs(x - x[i]), kind="stable")[:k]] = 1.0 / k
    return S, np.sin(6 * x)


def _ridge():
    g = R(4)
    X = g.normal(size=(15, 4))
    return X @ np.linalg.solve(X.T @ X + 3.0 * np.eye(4), X.T), g.normal(size=15)


def _c(label, fn):
    return ("optimism_mc", label, fn)


CASES = [
    _c("worked example (nearest-neighbour smoother, R=3)", lambda: (*_nn_smoother(), 0.7, 3, R(21))),
    _c("least squares n=30 p=5, R=4000", lambda: (*_least_squares(), 1.3, 4000, R(2))),
    _c("3-NN smoother, sigma=2.5, R=50", lambda: (*_knn(), 2.5, 50, R(5))),
    _c("ridge smoother, sigma=0.3, R=2", lambda: (*_ridge(), 0.3, 2, R(6))),
]


def check_public_examples():
    S, f = _nn_smoother()
    ref = R(21)
    z = ref.standard_normal(size=(3, 2, 4))
    g = R(21)
    out = oracle_optimism(S, f, 0.7, 3, g)
    y = f + 0.7 * z[:, 0]
    assert np.allclose(out["err"], np.mean((y - y @ S.T) ** 2, axis=1))
    assert np.isclose(out["theory"], 2 * 0.49 * 2.0 / 4) and g.random() == ref.random()
    H, f = _least_squares()
    out = oracle_optimism(H, f, 1.3, 4000, R(2))
    d = out["err_in"] - out["err"]
    assert abs(d.mean() - 2 * 1.69 * 5 / 30) < 4.89 * d.std() / np.sqrt(4000)
    assert abs(out["df_cov"] - 5) < 4.89 * np.sqrt(2 * 5 / 4000)
    assert out["err"].mean() < 1.69 < out["err_in"].mean()
    print("oracle reproduces the public examples (and the optimism theorem for least squares)")


if __name__ == "__main__":
    check_public_examples()
    check_reference(REFERENCE, CASES, ORACLES)
    print("reference helper agrees with the oracle on every case")
    sys.exit(1 if judge(HERE / "q4_optimism.py", REFERENCE, CASES, ORACLES) else 0)
