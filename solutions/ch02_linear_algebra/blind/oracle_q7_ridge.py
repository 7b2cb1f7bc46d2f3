"""Independent oracle for q7_ridge; checks every mistake in q7_ridge.py is demonstrably wrong.

Oracle: sklearn.linear_model.Ridge(alpha=lam, fit_intercept=True, solver="svd"), whose objective is exactly
||y - X w - b 1||^2 + alpha ||w||^2 with an unpenalised intercept; ridge_path is compared with one Ridge
fit per penalty.
"""
import pathlib
import re
import sys
import warnings

import numpy as np
from sklearn.linear_model import Ridge

HERE = pathlib.Path(__file__).resolve().parent
QUESTION = "q7_ridge"
FUNCS = ["ridge_fit", "ridge_path"]
THRESH = 1e-5


def load_sections(q):
    text = (HERE / f"{q}.py").read_text()
    parts = re.split(r"^# %% mistake: (.*)$", text, flags=re.M)
    if parts[0].strip():
        raise SystemExit("text before the first section")
    out = []
    for i in range(1, len(parts), 2):
        desc, code = parts[i].strip(), parts[i + 1]
        ns = {}
        exec(compile(code, f"{q}: {desc}", "exec"), ns)
        out.append((desc, ns))
    return out


def oracle_fit(X, y, lam):
    m = Ridge(alpha=lam, fit_intercept=True, solver="svd").fit(X, y)
    return np.asarray(m.coef_, dtype=float), float(m.intercept_)


def oracle_path(X, y, lams):
    fits = [oracle_fit(X, y, lam) for lam in lams]
    return np.array([f[0] for f in fits]), np.array([f[1] for f in fits])


def _cmp(w, b, wr, br):
    w, b = np.asarray(w, dtype=float), np.asarray(b, dtype=float)
    if w.shape != wr.shape or b.shape != np.shape(br) or not (np.all(np.isfinite(w)) and np.all(np.isfinite(b))):
        return np.inf
    scale = max(np.max(np.abs(wr)), np.max(np.abs(br)), 1e-300)
    return float(max(np.max(np.abs(w - wr)), np.max(np.abs(b - br))) / scale)


def err_fit(out, X, y, lam):
    w, b = out
    wr, br = oracle_fit(X, y, lam)
    return _cmp(w, np.asarray(b, dtype=float).reshape(()), wr, np.float64(br))


def err_path(out, X, y, lams):
    W, b = out
    Wr, br = oracle_path(X, y, lams)
    return _cmp(W, b, Wr, br)


rng = np.random.default_rng(77)
X_ex, y_ex = np.array([[0.0], [1.0], [2.0]]), np.array([1.0, 3.0, 5.0])
X30 = rng.normal(size=(30, 4)) + 3.0
y30 = X30 @ np.array([1.0, -2.0, 0.5, 0.0]) + 10.0 + rng.normal(size=30)
Xwide = rng.normal(size=(8, 15)) * np.linspace(0.5, 4, 15) + rng.normal(size=15) * 5   # d > n
ywide = rng.normal(size=8) + 2.0
Xcol = np.column_stack([rng.normal(size=12) + 1.0, np.ones(12)])                      # constant feature
ycol = 2.0 * Xcol[:, 0] - 1.0 + 0.1 * rng.normal(size=12)
Xconst, yconst = np.full((6, 3), 2.5), rng.normal(size=6) + 4.0                      # nothing varies
fit_cases = [(X_ex, y_ex, 2.0), (X30, y30, 1.0), (X30, y30 + 100.0, 1.0), (X30, y30, 1e12),
             (Xwide, ywide, 0.5), (Xcol, ycol, 0.3), (Xconst, yconst, 1.0)]
lams = np.array([0.1, 1.0, 10.0, 100.0])
path_cases = [(X_ex, y_ex, np.array([1e-12, 2.0])), (X30, y30, lams), (Xwide, ywide, np.array([0.01, 1.0, 30.0])),
              (Xcol, ycol, lams), (Xconst, yconst, lams)]
CASES = {"ridge_fit": fit_cases, "ridge_path": path_cases}
JUDGES = {"ridge_fit": err_fit, "ridge_path": err_path}


def judge(name, fn):
    worst, where = 0.0, ""
    for idx, (X, y, lam) in enumerate(CASES[name]):
        live = (X.copy(), y.copy(), np.copy(lam) if isinstance(lam, np.ndarray) else lam)
        for call in range(2):
            try:
                with np.errstate(all="ignore"), warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    e = JUDGES[name](fn(*live), X, y, lam)
            except Exception:  # noqa: BLE001
                e = np.inf
            if e > worst:
                worst, where = e, f"case {idx}, call {call + 1}"
    return worst, where


def main():
    w, b = oracle_fit(X_ex, y_ex, 2.0)
    assert np.allclose(w, [1.0]) and np.isclose(b, 2.0)
    W, bs = oracle_path(X_ex, y_ex, np.array([1e-12, 2.0]))
    assert np.allclose(W, [[2.0], [1.0]]) and np.allclose(bs, [1.0, 2.0])

    def c_fit(X, y, lam):
        xb, yb = X.mean(0), y.mean()
        Xc = X - xb
        w = np.linalg.solve(Xc.T @ Xc + lam * np.eye(X.shape[1]), Xc.T @ (y - yb))
        return w, yb - xb @ w

    def c_path(X, y, lams):
        xb, yb = X.mean(0), y.mean()
        U, s, Vt = np.linalg.svd(X - xb, full_matrices=False)
        uy = U.T @ (y - yb)
        W = np.array([Vt.T @ (s / (s ** 2 + lam) * uy) for lam in lams])
        return W, yb - W @ xb

    for name, fn in [("ridge_fit", c_fit), ("ridge_path", c_path)]:
        e, w_ = judge(name, fn)
        assert e < 1e-8, f"control {name} judged wrong: {e} at {w_}"

    bad = 0
    for desc, ns in load_sections(QUESTION):
        names = [f for f in FUNCS if f in ns]
        worst, where = 0.0, ""
        for name in names:
            e, w_ = judge(name, ns[name])
            if e > worst:
                worst, where = e, f"{name} {w_}"
        if names and worst > THRESH:
            print(f"WRONG ok: {desc}    [max rel err {worst:.3g} at {where}]")
        else:
            bad += 1
            print(f"NOT WRONG: {desc}    [max rel err {worst:.3g}]")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
