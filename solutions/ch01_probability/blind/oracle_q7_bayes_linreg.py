# ----------------------------------------------------------------------------- generic harness
# (identical in every oracle_<question>.py of this folder; the question-specific part follows it)
import copy
import inspect
import re
import sys
import traceback
import warnings
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
QUESTION = Path(__file__).stem[len("oracle_"):]
PUBLIC_TESTS = HERE.parents[2] / "student" / "ch01_probability" / "tests" / f"{QUESTION}.py"
HEADER = re.compile(r"^# %% mistake: (.*)$", re.M)
RTOL, ATOL = 1e-3, 1e-6  # far above float32 round-off (6e-8 relative) on these well-scaled cases


def load_sections(path):
    text = path.read_text()
    parts = HEADER.split(text)
    if parts[0].strip():
        raise SystemExit(f"{path.name}: text before the first '# %% mistake:' header")
    return [(parts[i].strip(), parts[i + 1]) for i in range(1, len(parts), 2)]


def _leaves(x, prefix="out"):
    """Flatten a structured answer (tuple/list/dict of arrays/numbers) into {path: value}."""
    if isinstance(x, dict):
        out = {}
        for k in sorted(x):
            out.update(_leaves(x[k], f"{prefix}[{k!r}]"))
        return out
    if isinstance(x, (tuple, list)) and not (len(x) and np.isscalar(x[0]) and not isinstance(x[0], str)):
        out = {}
        for i, v in enumerate(x):
            out.update(_leaves(v, f"{prefix}[{i}]"))
        return out
    return {prefix: x}


def difference(got, want, rtol=RTOL, atol=ATOL):
    """None if got matches want (same structure and shapes, finite, within tolerance), else a reason."""
    g, w = _leaves(got), _leaves(want)
    if set(g) != set(w):
        return f"structure {sorted(g)} != expected {sorted(w)}"
    for key in w:
        try:
            ga = np.asarray(g[key], dtype=np.float64)
        except Exception:  # noqa: BLE001
            return f"{key} is not numeric: {type(g[key]).__name__}"
        wa = np.asarray(w[key], dtype=np.float64)
        if ga.shape != wa.shape:
            return f"{key} has shape {ga.shape}, expected {wa.shape}"
        if not np.isfinite(wa).all():
            raise RuntimeError(f"oracle produced a non-finite value at {key}")
        if not np.isfinite(ga).all():
            return f"{key} is not finite (nan/inf) where the answer is finite"
        err = np.abs(ga - wa)
        tol = atol + rtol * np.abs(wa)
        if (err > tol).any():
            i = tuple(int(j) for j in np.unravel_index(int(np.argmax(err / tol)), wa.shape)) if wa.ndim else ()
            return f"{key}{list(i) if wa.ndim else ''}: got {ga[i]:.6g}, expected {wa[i]:.6g}"
    return None


def same_inputs(before, after):
    for b, a in zip(before, after):
        for key, bv in _leaves(b, "arg").items():
            av = _leaves(a, "arg").get(key)
            if isinstance(bv, np.ndarray) and not np.array_equal(bv, av, equal_nan=True):
                return False
    return True


def run_case(ns, case):
    """case = (label, function name, args tuple, expected output). Returns None (agrees) or a reason."""
    label, fname, args, want = case
    call_args = copy.deepcopy(args)
    pristine = copy.deepcopy(args)
    try:
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            got = ns[fname](*call_args)
    except Exception as exc:  # noqa: BLE001 - a crash on valid input is a demonstrated mistake
        return f"[{label}] raises {type(exc).__name__}: {str(exc)[:80]}"
    if not same_inputs(pristine, call_args):
        return f"[{label}] modifies its input arrays in place"
    why = difference(got, want)
    return None if why is None else f"[{label}] {why}"


def public_tests(ns):
    """Informational: run the notebook's public tests against the functions in ns."""
    if not PUBLIC_TESTS.exists():
        return "public tests not found"
    sys.path.insert(0, str(PUBLIC_TESTS.parent.parent))
    mod_ns = {}
    exec(compile(PUBLIC_TESTS.read_text(), str(PUBLIC_TESTS), "exec"), mod_ns)
    failed = []
    for obj in mod_ns.values():
        if type(obj).__name__ == "test_case":
            params = inspect.signature(obj.test_func).parameters
            try:
                with warnings.catch_warnings(), np.errstate(all="ignore"):
                    warnings.simplefilter("ignore")
                    obj.test_func(**{p: ns[p] for p in params})
            except Exception:  # noqa: BLE001
                failed.append(obj.name)
    return "public tests pass" if not failed else "public tests fail: " + ", ".join(failed)


def main(base_ns, cases):
    # (1) the oracle itself must agree with every case it generated (sanity) -- done by the caller.
    sections = load_sections(HERE / f"{QUESTION}.py")
    bad = 0
    print(f"{QUESTION}: {len(sections)} mistakes, {len(cases)} cases")
    for desc, code in sections:
        ns = dict(base_ns)
        try:
            exec(compile(code, f"{QUESTION}.py:{desc[:30]}", "exec"), ns)
        except Exception:  # noqa: BLE001
            traceback.print_exc()
            print(f"NOT WRONG: {desc}   (section does not even compile/exec)")
            bad += 1
            continue
        reasons = [r for r in (run_case(ns, c) for c in cases) if r is not None]
        info = public_tests(ns)
        if reasons:
            print(f"WRONG ok: {desc}\n      e.g. {reasons[0]}  ({len(reasons)}/{len(cases)} cases; {info})")
        else:
            print(f"NOT WRONG: {desc}   ({info})")
            bad += 1
    ref = public_tests(base_ns)
    print(f"oracle/reference implementation: {ref}")
    if ref != "public tests pass":
        bad += 1
    print("all mistakes demonstrably wrong" if not bad else f"{bad} problem(s)")
    sys.exit(1 if bad else 0)
# ----------------------------------------------------------------------------- question-specific part
import mpmath as mp
import scipy.linalg as sla


def oracle_blr_posterior(Phi, y, alpha, beta):
    """Precision form, solved with scipy's symmetric-positive solver (no Cholesky/triangular route)."""
    Phi, y = np.asarray(Phi, float), np.asarray(y, float)
    M = Phi.shape[1]
    A = alpha * np.eye(M) + beta * Phi.T @ Phi
    S_N = sla.solve(A, np.eye(M), assume_a="pos")
    S_N = 0.5 * (S_N + S_N.T)
    m_N = beta * sla.solve(A, Phi.T @ y, assume_a="pos")
    return m_N, S_N


def conditioning_posterior(Phi, y, alpha, beta):
    """Independent cross-check in 50-digit arithmetic: condition the joint Gaussian of (w, y) on y."""
    mp.mp.dps = 50
    P = mp.matrix(Phi.tolist())
    n, M = Phi.shape
    a, b = mp.mpf(alpha), mp.mpf(beta)
    Cyy = P * P.T / a + mp.eye(n) / b
    Cwy = P.T / a
    K = Cwy * mp.inverse(Cyy)
    m = K * mp.matrix(y.tolist())
    S = mp.eye(M) / a - K * Cwy.T
    return np.array([float(m[i]) for i in range(M)]), np.array([[float(S[i, j]) for j in range(M)] for i in range(M)])


def oracle_blr_predictive(Phi_star, m_N, S_N, beta):
    Phi_star = np.asarray(Phi_star, float)
    full = Phi_star @ np.asarray(S_N, float) @ Phi_star.T
    return Phi_star @ np.asarray(m_N, float), 1.0 / beta + np.diag(full).copy()


# (2) public worked examples
_m, _S = oracle_blr_posterior(np.array([[1.0], [1.0]]), np.array([1.0, 3.0]), 1.0, 1.0)
assert np.allclose(_m, [4.0 / 3.0]) and np.allclose(_S, [[1.0 / 3.0]])
_mean, _var = oracle_blr_predictive(np.array([[2.0], [0.0]]), np.array([4.0 / 3.0]), np.array([[1.0 / 3.0]]), 1.0)
assert np.allclose(_mean, [8.0 / 3.0, 0.0]) and np.allclose(_var, [1.0 + 4.0 / 3.0, 1.0])

rng = np.random.default_rng(7)
cases = []


def add_post(label, Phi, y, alpha, beta, check=True):
    Phi, y = np.asarray(Phi, float), np.asarray(y, float)
    want = oracle_blr_posterior(Phi, y, alpha, beta)
    if check:
        m2, S2 = conditioning_posterior(Phi, y, alpha, beta)
        assert np.allclose(want[0], m2, rtol=1e-8, atol=1e-10) and np.allclose(want[1], S2, rtol=1e-8, atol=1e-10), label
    cases.append((label, "blr_posterior", (Phi, y, alpha, beta), want))
    return want


add_post("posterior: worked example", [[1.0], [1.0]], [1.0, 3.0], 1.0, 1.0)
Phi4 = rng.normal(size=(20, 4))
y4 = Phi4 @ np.array([1.0, -2.0, 0.5, 0.0]) + rng.normal(scale=0.3, size=20)
post4 = add_post("posterior: n=20, M=4, alpha=2, beta=10", Phi4, y4, 2.0, 10.0)
add_post("posterior: n=3 < M=6", rng.normal(size=(3, 6)), rng.normal(size=3), 0.5, 4.0)
add_post("posterior: n = M = 4", rng.normal(size=(4, 4)), rng.normal(size=4), 3.0, 0.25)
Phib = rng.normal(size=(2000, 5))
yb = Phib @ rng.normal(size=5) + rng.normal(size=2000)
add_post("posterior: alpha=1e-8, n=2000", Phib, yb, 1e-8, 1.0, check=False)
assert np.allclose(cases[-1][3][0], np.linalg.lstsq(Phib, yb, rcond=None)[0], rtol=1e-6)

cases.append(("predictive: worked example", "blr_predictive",
              (np.array([[2.0], [0.0]]), np.array([4.0 / 3.0]), np.array([[1.0 / 3.0]]), 1.0), (_mean, _var)))
Ps = rng.normal(size=(6, 4)) * 3
cases.append(("predictive: M=4 from a fitted posterior", "blr_predictive", (Ps, post4[0], post4[1], 10.0),
              oracle_blr_predictive(Ps, post4[0], post4[1], 10.0)))
B = rng.normal(size=(3, 3))
S3 = B @ B.T + 0.2 * np.eye(3)
Ps3 = rng.normal(size=(5, 3))
_args = (Ps3, rng.normal(size=3), S3, 0.5)
cases.append(("predictive: correlated S_N, beta = 0.5", "blr_predictive", _args, oracle_blr_predictive(*_args)))

base_ns = {"blr_posterior": oracle_blr_posterior, "blr_predictive": oracle_blr_predictive}
main(base_ns, cases)
