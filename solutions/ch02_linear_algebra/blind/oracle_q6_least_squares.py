"""Independent oracle for q6_least_squares; checks every mistake in q6_least_squares.py is demonstrably wrong.

Oracle: scipy.linalg.lstsq (LAPACK gelsd, an SVD-based solver). lstsq_normal_equations is only fed
well-conditioned designs (as its docstring promises); lstsq_qr is also fed designs of condition number
1e4 and 1e7 with a consistent right-hand side, where a backward-stable method is accurate to cond * 1e-16.
"""
import pathlib
import re
import sys

import numpy as np
import scipy.linalg as sla

HERE = pathlib.Path(__file__).resolve().parent
QUESTION = "q6_least_squares"
FUNCS = ["lstsq_normal_equations", "lstsq_qr"]
THRESH = 1e-5  # relative error in w; a correct float64 solver is at <= 1e-8 on every case below


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


def oracle(X, y):
    return sla.lstsq(X, y, lapack_driver="gelsd")[0]


def design(n, d, cond, rng):
    U, _ = np.linalg.qr(rng.normal(size=(n, d)))
    V, _ = np.linalg.qr(rng.normal(size=(d, d)))
    return (U * np.logspace(0, -np.log10(cond), d)) @ V.T


rng = np.random.default_rng(66)
X_ex, y_ex = np.array([[1.0, 0.0], [1.0, 1.0], [1.0, 2.0]]), np.array([0.0, 1.0, 3.0])
X20, y20 = rng.normal(size=(20, 3)), rng.normal(size=20)
Xs = 1e-5 * rng.normal(size=(30, 4))                   # well conditioned, small scale
ys = Xs @ rng.normal(size=4) + 1e-6 * rng.normal(size=30)
w_true = rng.normal(size=8)
X4, X7 = design(50, 8, 1e4, rng), design(50, 8, 1e7, rng)
Xbig = 1e3 * rng.normal(size=(40, 5)) * np.array([1.0, 10.0, 0.1, 3.0, 1.0])
well = [(X_ex, y_ex), (X20, y20), (X20, X20 @ np.array([1.0, -2.0, 0.5])), (Xs, ys), (Xbig, rng.normal(size=40))]
ill = [(X4, X4 @ w_true), (X7, X7 @ w_true)]
CASES = {"lstsq_normal_equations": well, "lstsq_qr": well + ill}


def err(out, X, y):
    w = np.asarray(out, dtype=float)
    ref = oracle(X, y)
    if w.shape != ref.shape or not np.all(np.isfinite(w)):
        return np.inf
    return float(np.linalg.norm(w - ref) / np.linalg.norm(ref))


def judge(name, fn):
    worst, where = 0.0, ""
    for idx, (X, y) in enumerate(CASES[name]):
        lx, ly = X.copy(), y.copy()
        for call in range(2):
            try:
                e = err(fn(lx, ly), X, y)
            except Exception:  # noqa: BLE001
                e = np.inf
            if e > worst:
                worst, where = e, f"case {idx}, call {call + 1}"
    return worst, where


def main():
    assert np.allclose(oracle(X_ex, y_ex), [-1 / 6, 1.5])
    assert np.allclose(oracle(X20, X20 @ np.array([1.0, -2.0, 0.5])), [1.0, -2.0, 0.5])
    assert np.linalg.norm(oracle(X7, X7 @ w_true) - w_true) / np.linalg.norm(w_true) < 1e-7

    def c_ne(X, y):
        return sla.cho_solve(sla.cho_factor(X.T @ X), X.T @ y)

    def c_qr(X, y):
        Q, R = np.linalg.qr(X)
        return sla.solve_triangular(R, Q.T @ y)

    for name, fn in [("lstsq_normal_equations", c_ne), ("lstsq_qr", c_qr)]:
        e, w = judge(name, fn)
        assert e < 1e-7, f"control {name} judged wrong: {e} at {w}"

    bad = 0
    for desc, ns in load_sections(QUESTION):
        names = [f for f in FUNCS if f in ns]
        worst, where = 0.0, ""
        for name in names:
            e, w = judge(name, ns[name])
            if e > worst:
                worst, where = e, f"{name} {w}"
        if names and worst > THRESH:
            print(f"WRONG ok: {desc}    [max rel err {worst:.3g} at {where}]")
        else:
            bad += 1
            print(f"NOT WRONG: {desc}    [max rel err {worst:.3g}]")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
