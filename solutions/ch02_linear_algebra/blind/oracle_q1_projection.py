"""Independent oracle for q1_projection; checks every mistake in q1_projection.py is demonstrably wrong.

Oracle: scipy.linalg.orth (an SVD-based orthonormal basis of col(A)) gives P = Q Q^T; the projection onto
a line is the same formula with A = a[:, None]. Nothing here uses the mistake code as a reference.
"""
import copy
import pathlib
import re
import sys

import numpy as np
import scipy.linalg as sla

HERE = pathlib.Path(__file__).resolve().parent
QUESTION = "q1_projection"
FUNCS = ["project_onto_line", "projection_matrix"]
THRESH = 1e-4  # float32 round-off on these well-defined outputs is ~1e-7 relative


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
def oracle_projection_matrix(A):
    Q = sla.orth(np.asarray(A, dtype=float))
    return Q @ Q.T


def oracle_project_onto_line(b, a):
    return oracle_projection_matrix(np.asarray(a, float)[:, None]) @ np.asarray(b, float)


def rel_err(out, ref):
    try:
        out = np.asarray(out, dtype=float)
    except Exception:
        return np.inf
    if out.shape != ref.shape or not np.all(np.isfinite(out)):
        return np.inf
    return float(np.max(np.abs(out - ref)) / max(np.max(np.abs(ref)), 1e-300))


# ---------------------------------------------------------------- inputs
rng = np.random.default_rng(11)
line_cases = [
    (np.array([1.0, 2.0, 3.0]), np.array([1.0, 1.0, 0.0])),
    (rng.normal(size=5), rng.normal(size=5)),
    (np.array([1.0, 0.0, 0.0]), np.array([-1.0, 1.0, 0.0])),            # obtuse angle
    (np.array([2.0, -1.0, 0.5, 3.0]), 5.0 * np.array([0.5, 1.0, -2.0, 1.0])),  # long a
]
U, _ = np.linalg.qr(rng.normal(size=(30, 4)))
Vv, _ = np.linalg.qr(rng.normal(size=(4, 4)))
A_ill = U @ np.diag([1.0, 1e-1, 1e-2, 1e-3]) @ Vv.T      # cond 1e3, independent columns
matrix_cases = [
    (np.array([[1.0, 0.0], [1.0, 0.0], [0.0, 2.0]]),),
    (rng.normal(size=(7, 3)),),
    (rng.normal(size=(4, 4)),),                                          # square: P = I
    (A_ill,),
]
CASES = {"project_onto_line": line_cases, "projection_matrix": matrix_cases}
ORACLES = {"project_onto_line": oracle_project_onto_line, "projection_matrix": oracle_projection_matrix}


def judge(name, fn):
    worst, where = 0.0, ""
    for idx, args in enumerate(CASES[name]):
        ref = ORACLES[name](*args)
        live = copy.deepcopy(args)
        for call in range(2):  # the second call catches in-place modification of the input
            try:
                out = fn(*live)
                e = rel_err(out, ref)
            except Exception as exc:  # noqa: BLE001
                e, out = np.inf, repr(exc)
            if e > worst:
                worst, where = e, f"case {idx}, call {call + 1}"
    return worst, where


def main():
    # (2) the oracle reproduces the public worked examples
    assert np.allclose(oracle_project_onto_line(np.array([1.0, 2.0, 3.0]), np.array([1.0, 1.0, 0.0])), [1.5, 1.5, 0.0])
    assert np.allclose(oracle_projection_matrix(np.array([[1.0, 0.0], [1.0, 0.0], [0.0, 2.0]])),
                       [[0.5, 0.5, 0.0], [0.5, 0.5, 0.0], [0.0, 0.0, 1.0]])
    assert np.allclose(oracle_projection_matrix(rng.normal(size=(5, 5))), np.eye(5))
    # control: a correct implementation is judged right
    def ok_line(b, a):
        return (a @ b) / (a @ a) * a

    def ok_matrix(A):
        return A @ np.linalg.solve(A.T @ A, A.T)

    for name, fn in [("project_onto_line", ok_line), ("projection_matrix", ok_matrix)]:
        e, _ = judge(name, fn)
        assert e < 1e-8, f"control {name} judged wrong ({e})"

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
