"""Independent oracle for q2_qr; checks every mistake in q2_qr.py is demonstrably wrong.

Oracle: scipy.linalg.qr(mode="economic") (LAPACK Householder). A returned (Q, R) is judged by
shape, orthonormality of Q, triangularity of R, Q R = A, and, on well-conditioned inputs, agreement with
the oracle's factors up to the free signs D = diag(+-1).
"""
import copy
import pathlib
import re
import sys

import numpy as np
import scipy.linalg as sla

HERE = pathlib.Path(__file__).resolve().parent
QUESTION = "q2_qr"
FUNCS = ["qr_decomposition"]
THRESH = 1e-5  # float32 Householder would be at ~1e-7; a correct float64 one at ~1e-15


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


def oracle(A):
    return sla.qr(np.asarray(A, dtype=float), mode="economic")


def error(result, A):
    """Largest violation (relative), inf for wrong shape / non-finite / unusable output."""
    try:
        Q, R = result
        Q = np.asarray(Q, dtype=float)
        R = np.asarray(R, dtype=float)
    except Exception:
        return np.inf
    m, n = A.shape
    if Q.shape != (m, n) or R.shape != (n, n):
        return np.inf
    if not (np.all(np.isfinite(Q)) and np.all(np.isfinite(R))):
        return np.inf
    scale = np.max(np.abs(A))
    errs = [
        np.max(np.abs(Q.T @ Q - np.eye(n))),
        np.max(np.abs(np.tril(R, -1))) / scale,
        np.max(np.abs(Q @ R - A)) / scale,
    ]
    if np.linalg.cond(A) < 1e4:
        Qo, Ro = oracle(A)
        d = np.sign(np.diag(Ro)) * np.sign(np.diag(R))
        d[d == 0] = 1.0
        errs.append(np.max(np.abs(Q * d - Qo)))
        errs.append(np.max(np.abs(R * d[:, None] - Ro)) / scale)
    return float(max(errs))


rng = np.random.default_rng(22)
CASES = [
    np.array([[3.0, 1.0], [4.0, 2.0], [0.0, 0.0]]),
    rng.normal(size=(6, 4)),
    np.eye(4),
    np.array([[0.0, 1.0], [1.0, 0.0]]),
    np.triu(rng.normal(size=(5, 5))) + 3 * np.eye(5),
    np.vander(np.linspace(0, 1, 40), 12),          # cond ~ 1e8, from the prompt's hint
    rng.normal(size=(9, 9)),
]


def judge(fn):
    worst, where = 0.0, ""
    for idx, A in enumerate(CASES):
        live = A.copy()
        for call in range(2):
            try:
                with np.errstate(all="ignore"):
                    e = error(fn(live), A)
            except Exception:  # noqa: BLE001
                e = np.inf
            if e > worst:
                worst, where = e, f"case {idx}, call {call + 1}"
    return worst, where


def control(A):
    # correct Householder QR (a control for the judge, not used as the oracle)
    A = np.asarray(A, dtype=float)
    m, n = A.shape
    R, Q = A.copy(), np.eye(m)
    for j in range(n):
        x = R[j:, j]
        v = x.copy()
        v[0] += np.copysign(np.linalg.norm(x), x[0]) if x[0] != 0 else np.linalg.norm(x)
        v /= np.linalg.norm(v)
        R[j:, :] -= 2.0 * np.outer(v, v @ R[j:, :])
        Q[:, j:] -= 2.0 * np.outer(Q[:, j:] @ v, v)
    return Q[:, :n], np.triu(R[:n, :])


def main():
    Qo, Ro = oracle(np.array([[3.0, 1.0], [4.0, 2.0], [0.0, 0.0]]))
    d = np.sign(np.diag(Ro))
    assert np.allclose(Qo * d, [[0.6, -0.8], [0.8, 0.6], [0.0, 0.0]])
    assert np.allclose(Ro * d[:, None], [[5.0, 2.2], [0.0, 0.4]])
    e, w = judge(control)
    assert e < 1e-10, f"control judged wrong: {e} at {w}"
    e, w = judge(lambda A: tuple(oracle(A)))
    assert e < 1e-10, f"oracle judged wrong: {e} at {w}"

    bad = 0
    for desc, ns in load_sections(QUESTION):
        if "qr_decomposition" not in ns:
            bad += 1
            print(f"NOT WRONG: {desc}    [no graded function defined]")
            continue
        worst, where = judge(ns["qr_decomposition"])
        if worst > THRESH:
            print(f"WRONG ok: {desc}    [max err {worst:.3g} at {where}]")
        else:
            bad += 1
            print(f"NOT WRONG: {desc}    [max err {worst:.3g}]")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
