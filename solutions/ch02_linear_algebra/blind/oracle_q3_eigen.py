"""Independent oracle for q3_eigen; checks every mistake in q3_eigen.py is demonstrably wrong.

Oracle: scipy.linalg.eigh (LAPACK), eigenvalues reversed into descending order. A returned (w, V) is judged
by |w - w_oracle| / ||S||_2, the residual ||S V - V diag(w)|| / ||S||_2 (sign- and eigenspace-invariant)
and the orthonormality of V.
"""
import pathlib
import re
import sys

import numpy as np
import scipy.linalg as sla

HERE = pathlib.Path(__file__).resolve().parent
QUESTION = "q3_eigen"
THRESH = 1e-5  # tests allow 1e-8 ||S||; float32 arithmetic would reach ~1e-7


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


def oracle(S):
    w, V = sla.eigh(np.asarray(S, dtype=float))
    return w[::-1], V[:, ::-1]


def error(result, S):
    try:
        w, V = result
        w = np.asarray(w, dtype=float)
        V = np.asarray(V, dtype=float)
    except Exception:
        return np.inf
    n = S.shape[0]
    if w.shape != (n,) or V.shape != (n, n) or not (np.all(np.isfinite(w)) and np.all(np.isfinite(V))):
        return np.inf
    wo, _ = oracle(S)
    nS = max(np.linalg.norm(S, 2), 1e-300)
    return float(max(
        np.max(np.abs(w - wo)) / nS,
        np.max(np.abs(S @ V - V * w)) / nS,
        np.max(np.abs(V.T @ V - np.eye(n))),
    ))


rng = np.random.default_rng(33)
B = rng.normal(size=(6, 6))
S6 = (B + B.T) / 2
Q8, _ = np.linalg.qr(rng.normal(size=(8, 8)))
Q5, _ = np.linalg.qr(rng.normal(size=(5, 5)))
L = np.diag([1.0, 2.0, 2.0, 2.0, 1.0]) - (np.eye(5, k=1) + np.eye(5, k=-1))  # path-graph Laplacian (eigenvalue 0)
CASES = [
    np.array([[2.0, 1.0], [1.0, 2.0]]),
    S6,
    np.array([[0.0, 1.0], [1.0, 0.0]]),
    1e-13 * S6,
    1e12 * S6,
    Q8 @ np.diag([3.0, 3.0, 3.0, -1.0, -1.0, 0.5, 2.0, -4.0]) @ Q8.T,    # repeated, negative dominant
    Q5 @ np.diag([2.0, -2.0, 1.0, 0.3, -0.7]) @ Q5.T,                   # lam and -lam
    Q5 @ np.diag([1.0, 1.0 + 1e-7, -3.0, 0.0, 5.0]) @ Q5.T,             # nearly equal
    L,
    np.diag([1.0, -2.0, 3.0, 0.5]),
    Q5 @ np.diag([1.0, 1.001, 0.0, -0.2, 0.5]) @ Q5.T,                 # slow unshifted ratios
]


def judge(fn):
    worst, where = 0.0, ""
    for idx, S in enumerate(CASES):
        live = S.copy()
        for call in range(2):
            try:
                e = error(fn(live), S)
            except Exception:  # noqa: BLE001
                e = np.inf
            if e > worst:
                worst, where = e, f"case {idx}, call {call + 1}"
    return worst, where


def control(S, tol=1e-12, max_iter=1000):
    # correct shifted QR with deflation (a control for the judge, not the oracle)
    S = np.asarray(S, dtype=float)
    n = S.shape[0]
    A, V, nS, m, it = S.copy(), np.eye(n), np.linalg.norm(S), n, 0
    while m > 1 and it < max_iter:
        if np.linalg.norm(A[m - 1, :m - 1]) <= tol * nS:
            m -= 1
            continue
        a, b, c = A[m - 2, m - 2], A[m - 1, m - 2], A[m - 1, m - 1]
        d = (a - c) / 2
        mu = (a + c) / 2 - (1.0 if d >= 0 else -1.0) * np.hypot(d, b)
        Q, R = np.linalg.qr(A[:m, :m] - mu * np.eye(m))
        A[:m, :m] = R @ Q + mu * np.eye(m)
        V[:, :m] = V[:, :m] @ Q
        it += 1
    w = np.diag(A).copy()
    o = np.argsort(w)[::-1]
    return w[o], V[:, o]


def main():
    w, V = oracle(np.array([[2.0, 1.0], [1.0, 2.0]]))
    assert np.allclose(w, [3.0, 1.0])
    r = 1 / np.sqrt(2)
    assert np.allclose(np.abs(V), [[r, r], [r, r]]) and np.isclose(abs(V[:, 0] @ [r, r]), 1)
    for name, fn in [("control", control), ("oracle", oracle)]:
        e, w_ = judge(fn)
        assert e < 1e-9, f"{name} judged wrong: {e} at {w_}"

    bad = 0
    for desc, ns in load_sections(QUESTION):
        if "symmetric_eig" not in ns:
            bad += 1
            print(f"NOT WRONG: {desc}    [no graded function defined]")
            continue
        worst, where = judge(ns["symmetric_eig"])
        if worst > THRESH:
            print(f"WRONG ok: {desc}    [max err {worst:.3g} at {where}]")
        else:
            bad += 1
            print(f"NOT WRONG: {desc}    [max err {worst:.3g}]")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
