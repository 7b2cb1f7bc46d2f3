"""Independent oracle for q4_svd_lowrank; checks every mistake in q4_svd_lowrank.py is demonstrably wrong.

Oracle: scipy.linalg.svd (LAPACK gesdd) for the singular values and the best rank-k approximation; the
errors of rank_k_errors are computed by building a matrix with the given singular values and measuring
||A - A_k||_2 and ||A - A_k||_F with numpy.linalg.norm. Truncated factors are judged sign-invariantly:
s_k against the oracle, orthonormal U_k and Vt_k rows, and U_k diag(s_k) Vt_k against the oracle's A_k.
"""
import pathlib
import re
import sys

import numpy as np
import scipy.linalg as sla

HERE = pathlib.Path(__file__).resolve().parent
QUESTION = "q4_svd_lowrank"
FUNCS = ["truncated_svd", "best_rank_k", "rank_k_errors"]
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


# ---------------------------------------------------------------- oracle
def oracle_svd(A):
    return sla.svd(np.asarray(A, dtype=float), full_matrices=False)


def oracle_best_rank_k(A, k):
    U, s, Vt = oracle_svd(A)
    return (U[:, :k] * s[:k]) @ Vt[:k, :]


def oracle_rank_k_errors(s, k):
    s = np.asarray(s, dtype=float)
    r = len(s)
    rng = np.random.default_rng(r)
    U, _ = np.linalg.qr(rng.normal(size=(r + 2, r)))
    V, _ = np.linalg.qr(rng.normal(size=(r + 1, r)))
    A = (U * s) @ V.T
    Ak = oracle_best_rank_k(A, min(k, r))
    D = A - Ak
    return np.linalg.norm(D, 2), np.linalg.norm(D, "fro")


def _arr(x):
    a = np.asarray(x, dtype=float)
    if not np.all(np.isfinite(a)):
        raise ValueError("non-finite")
    return a


def err_truncated(out, A, k):
    U, s, Vt = out
    U, s, Vt = _arr(U), _arr(s), _arr(Vt)
    m, n = A.shape
    if U.shape != (m, k) or s.shape != (k,) or Vt.shape != (k, n):
        return np.inf
    so = oracle_svd(A)[1]
    s0 = so[0]
    return max(
        np.max(np.abs(s - so[:k]), initial=0.0) / s0,
        np.max(np.abs(U.T @ U - np.eye(k)), initial=0.0),
        np.max(np.abs(Vt @ Vt.T - np.eye(k)), initial=0.0),
        np.max(np.abs((U * s) @ Vt - oracle_best_rank_k(A, k)), initial=0.0) / s0,
    )


def err_best(out, A, k):
    Ak = _arr(out)
    if Ak.shape != A.shape:
        return np.inf
    return np.max(np.abs(Ak - oracle_best_rank_k(A, k))) / oracle_svd(A)[1][0]


def err_errors(out, s, k):
    if not isinstance(out, (tuple, list)) or len(out) != 2:
        return np.inf
    sp, fr = float(_arr(out[0]).reshape(())), float(_arr(out[1]).reshape(()))
    osp, ofr = oracle_rank_k_errors(s, k)
    return max(abs(sp - osp), abs(fr - ofr)) / np.max(s)


# ---------------------------------------------------------------- inputs
rng = np.random.default_rng(44)
Ui, _ = np.linalg.qr(rng.normal(size=(7, 4)))
Vi, _ = np.linalg.qr(rng.normal(size=(4, 4)))
A_ill = (Ui * np.array([1.0, 1e-3, 1e-7, 1e-10])) @ Vi.T
A_ex = np.array([[1.0, 0.0], [0.0, -3.0], [0.0, 0.0]])
svd_cases = [
    (A_ex, 1),
    (rng.normal(size=(8, 5)), 2),
    (rng.normal(size=(5, 8)), 3),
    (rng.normal(size=(5, 5)), 3),
    (A_ill, 4),
    (rng.normal(size=(6, 4)), 0),
]
s_cases = [
    (np.array([3.0, 2.0, 1.0]), 1),
    (np.array([3.0, 2.0, 1.0]), 0),
    (np.array([3.0, 2.0, 1.0]), 2),
    (np.array([3.0, 2.0, 1.0]), 3),
    (np.array([3.0, 2.0, 1.0]), 5),
    (np.sort(rng.uniform(0.1, 4.0, size=6))[::-1], 2),
]
CASES = {"truncated_svd": svd_cases, "best_rank_k": svd_cases, "rank_k_errors": s_cases}
JUDGES = {"truncated_svd": err_truncated, "best_rank_k": err_best, "rank_k_errors": err_errors}


def judge(name, fn):
    worst, where = 0.0, ""
    for idx, (X, k) in enumerate(CASES[name]):
        live = X.copy()
        for call in range(2):
            try:
                with np.errstate(all="ignore"):
                    e = JUDGES[name](fn(live, k), X, k)
            except Exception:  # noqa: BLE001
                e = np.inf
            if not e <= worst:
                if e > worst or np.isnan(e):
                    worst, where = (np.inf if np.isnan(e) else e), f"case {idx}, call {call + 1}"
    return worst, where


def main():
    U, s, Vt = oracle_svd(A_ex)
    assert np.isclose(s[0], 3.0)
    assert np.allclose(oracle_best_rank_k(A_ex, 1), [[0.0, 0.0], [0.0, -3.0], [0.0, 0.0]])
    sp, fr = oracle_rank_k_errors(np.array([3.0, 2.0, 1.0]), 1)
    assert np.isclose(sp, 2.0) and np.isclose(fr, np.sqrt(5.0))
    assert np.allclose(oracle_rank_k_errors(np.array([3.0, 2.0, 1.0]), 4), 0.0)

    def c_trunc(A, k):
        U, s, Vt = np.linalg.svd(A, full_matrices=False)
        return U[:, :k], s[:k], Vt[:k]

    def c_best(A, k):
        U, s, Vt = np.linalg.svd(A, full_matrices=False)
        return (U[:, :k] * s[:k]) @ Vt[:k]

    def c_err(s, k):
        return (float(s[k]) if k < len(s) else 0.0), float(np.sqrt(np.sum(s[k:] ** 2)))

    for name, fn in [("truncated_svd", c_trunc), ("best_rank_k", c_best), ("rank_k_errors", c_err)]:
        e, w = judge(name, fn)
        assert e < 1e-10, f"control {name} judged wrong: {e} at {w}"

    bad = 0
    for desc, ns in load_sections(QUESTION):
        names = [f for f in FUNCS if f in ns]
        worst, where = 0.0, ""
        for name in names:
            e, w = judge(name, ns[name])
            if e > worst:
                worst, where = e, f"{name} {w}"
        if names and worst > THRESH:
            print(f"WRONG ok: {desc}    [max err {worst:.3g} at {where}]")
        else:
            bad += 1
            print(f"NOT WRONG: {desc}    [max err {worst:.3g}]")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
