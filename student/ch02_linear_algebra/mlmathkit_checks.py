"""Numeric checks used by every mlmathkit autograder test.

This one file ships next to each student notebook and inside each autograder bundle as
``mlmathkit_checks.py`` (the release copies it), so it depends on numpy and scipy only.

Every check either returns quietly or raises :class:`CheckFailure` (an ``AssertionError``) whose
message is written for a student: what was wrong, where, by how much, and what was allowed.

Comparisons coerce answers to *fresh* float64 arrays before looking at them, so an answer's own
``__eq__``/``__array_ufunc__`` never takes part in the verdict, and numpy arrays, torch tensors,
Python numbers and float32 results are all judged the same way.

Tolerances: ``close`` passes when ``|actual - expected| <= atol + rtol * |expected|`` element-wise.
The *margin ratio* ``max |actual - expected| / (atol + rtol * |expected|)`` (<= 1 passes) is reported
to any active :func:`recording` block; the test-quality audit uses it to show how far correct answers
sit below each tolerance and wrong ones above it.
"""

from __future__ import annotations

import contextlib
import cProfile  # at import, not per call: a sandbox pays every lazy import anew
import inspect
import math
import os
import sys
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import numpy as np

__all__ = [
    "CheckFailure",
    "ForbiddenRoutine",
    "ModifiedInput",
    "NotDefined",
    "StudentError",
    "call_guarded",
    "guarded",
    "OracleError",
    "as_array",
    "as_scalar",
    "best_permutation",
    "close",
    "close_up_to_permutation",
    "close_up_to_sign",
    "fields",
    "grad_close",
    "grad_rel_error",
    "mean_within",
    "oracle",
    "positive_definite",
    "probabilities",
    "recording",
    "require",
    "same_subspace",
    "symmetric",
]


class CheckFailure(AssertionError):
    """A check failed; the message is meant for the student."""


class OracleError(Exception):
    """The *expected* value is not finite: a bug in the test (e.g. an oracle returned nan), never a pass."""


def _expected(expected: Any, name: str) -> np.ndarray:
    exp = np.asarray(expected, dtype=np.float64)
    if not np.isfinite(exp).all():
        raise OracleError(f"{name}: the expected value is not finite - a bug in this test, not in your answer; "
                          "please tell your instructor")
    return exp


# --------------------------------------------------------------------------- margin recording
_recorders: list[list[tuple[str, float]]] = []


@contextlib.contextmanager
def recording() -> Iterator[list[tuple[str, float]]]:
    """Collect ``(check name, margin ratio)`` for every tolerance check run inside the block."""
    log: list[tuple[str, float]] = []
    _recorders.append(log)
    try:
        yield log
    finally:
        _recorders.remove(log)


def _record(name: str, ratio: float) -> None:
    for log in _recorders:
        log.append((name, float(ratio)))


# --------------------------------------------------------------------------- coercion
def _describe(value: Any) -> str:
    kind = type(value)
    return f"{kind.__module__}.{kind.__qualname__}" if kind.__module__ != "builtins" else kind.__name__


def _fmt_shape(shape: tuple[int, ...]) -> str:
    return "(" + ", ".join(str(s) for s in shape) + ("," if len(shape) == 1 else "") + ")"


def as_array(value: Any, name: str = "result", *, shape: tuple[int, ...] | None = None) -> np.ndarray:
    """Return ``value`` as a fresh float64 ndarray, or fail with a readable reason.

    Accepts numbers, nested sequences, numpy arrays (any real dtype, any subclass: the copy is a
    plain ndarray) and torch tensors. Rejects None, strings, complex and non-finite entries.
    """
    if value is None:
        raise CheckFailure(f"{name} is None: does your function `return` its result?")
    if isinstance(value, (str, bytes)):
        raise CheckFailure(f"{name} should be numbers, got a string: {value!r:.60}")
    if _describe(value).startswith("torch.") and hasattr(value, "detach"):
        value = value.detach().cpu().double().numpy()
    try:
        raw = np.asarray(value)
        if raw.dtype.kind == "c":
            raise CheckFailure(f"{name} is complex ({raw.dtype}); a real result was expected")
        if raw.dtype.kind not in "biuf":
            raise TypeError(raw.dtype)
        arr = np.array(raw, dtype=np.float64, copy=True, subok=False)
    except CheckFailure:
        raise
    except Exception:  # noqa: BLE001 - any failure to convert is the answer's fault
        raise CheckFailure(f"{name} should be a number or an array of numbers, got {_describe(value)}") from None
    if type(arr) is not np.ndarray:  # belt and braces: never hand a subclass to a comparison
        arr = np.array(arr.tolist(), dtype=np.float64)
    if shape is not None and arr.shape != tuple(shape):
        raise CheckFailure(
            f"{name} has shape {_fmt_shape(arr.shape)}, expected {_fmt_shape(tuple(shape))}"
            + _shape_hint(arr.shape, tuple(shape))
        )
    bad = ~np.isfinite(arr)
    if bad.any():
        idx = tuple(int(i) for i in np.argwhere(bad)[0])
        what = "NaN" if np.isnan(arr[idx] if idx else arr) else "an infinite value"
        where = f" at index {idx}" if idx else ""
        raise CheckFailure(
            f"{name} contains {what}{where} ({int(bad.sum())} non-finite entries): "
            "look for a division by zero, a log of zero or an overflowing exp"
        )
    return arr


def _shape_hint(got: tuple[int, ...], want: tuple[int, ...]) -> str:
    if got == want[::-1] and len(got) == 2:
        return " - is it transposed?"
    if tuple(s for s in got if s != 1) == tuple(s for s in want if s != 1):
        return " - same entries but an extra or missing axis of length 1 (check keepdims / reshape)"
    if len(got) < len(want):
        return " - did you reduce over an axis you should keep?"
    return ""


def as_scalar(value: Any, name: str = "result") -> float:
    """Return ``value`` as a Python float; a 0-d or one-element array counts as a number."""
    arr = as_array(value, name)
    if arr.size != 1:
        raise CheckFailure(f"{name} should be a single number, got an array of shape {_fmt_shape(arr.shape)}")
    return float(arr.reshape(()))


def fields(result: Any, names: Sequence[str], name: str = "result") -> tuple[Any, ...]:
    """Unpack a structured answer: a dict (by key), a NamedTuple (by field) or a tuple (by position)."""
    if isinstance(result, Mapping):
        missing = [k for k in names if k not in result]
        if missing:
            raise CheckFailure(f"{name} is missing the key(s) {missing}; expected keys {list(names)}")
        return tuple(result[k] for k in names)
    if isinstance(result, tuple) and hasattr(result, "_fields"):
        missing = [k for k in names if k not in result._fields]
        if not missing:
            return tuple(getattr(result, k) for k in names)
    if isinstance(result, (tuple, list)) and len(result) == len(names):
        return tuple(result)
    raise CheckFailure(
        f"{name} should be a tuple ({', '.join(names)}) or a dict with those keys, got {_describe(result)}"
        + (f" of length {len(result)}" if isinstance(result, (tuple, list)) else "")
    )


# --------------------------------------------------------------------------- tolerance checks
def _margin(actual: np.ndarray, expected: np.ndarray, rtol: float, atol: float) -> np.ndarray:
    err = np.abs(actual - expected)
    tol = atol + rtol * np.abs(expected)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(tol > 0, err / np.where(tol > 0, tol, 1.0), np.where(err > 0, np.inf, 0.0))
    return ratio


def close(
    actual: Any,
    expected: Any,
    *,
    rtol: float = 1e-4,
    atol: float = 1e-8,
    name: str = "result",
    hint: str = "",
) -> None:
    """Check ``|actual - expected| <= atol + rtol*|expected|`` element-wise, shapes equal.

    The default ``rtol=1e-4`` sits about 10-100x above the error of float32 arithmetic on a
    well-conditioned result (eps32 = 6e-8, times the few dozen operations behind a typical answer)
    and far below the error of any real mistake; tests pass looser tolerances where the
    conditioning of the problem demands it, with the reason in a comment.
    """
    exp = _expected(expected, name)
    act = as_array(actual, name, shape=exp.shape)
    ratio = _margin(act, exp, rtol, atol)
    worst_ratio = float(ratio.max()) if ratio.size else 0.0
    _record(name, worst_ratio)
    if worst_ratio <= 1.0:
        return
    flat = int(np.argmax(ratio))
    idx = np.unravel_index(flat, exp.shape) if exp.ndim else ()
    got, want = act[idx], exp[idx]
    abs_err = abs(got - want)
    rel = abs_err / abs(want) if want != 0 else math.inf
    where = f" at index {tuple(int(i) for i in idx)}" if exp.ndim else ""
    count = f"{int((ratio > 1).sum())} of {exp.size} entries differ; worst" if exp.size > 1 else "value differs"
    raise CheckFailure(
        f"{name}: {count}{where}: got {got:.10g}, expected {want:.10g} "
        f"(abs error {abs_err:.3g}, relative error {rel:.3g}; allowed {atol:.1g} + {rtol:.1g}*|expected|)"
        + (f"\nHint: {hint}" if hint else "")
    )


def close_up_to_sign(
    actual: Any, expected: Any, *, axis: int = 0, rtol: float = 1e-4, atol: float = 1e-8, name: str = "result"
) -> np.ndarray:
    """Compare vectors that are only defined up to sign (eigenvectors, singular vectors).

    With ``axis=0`` each *column* is a vector. Each actual vector is flipped to agree with the
    expected one before comparing. Returns the sign-aligned copy of ``actual``.
    """
    exp = np.asarray(expected, dtype=np.float64)
    act = as_array(actual, name, shape=exp.shape)
    signs = np.sign(np.sum(act * exp, axis=axis, keepdims=True))
    signs[signs == 0] = 1.0
    aligned = act * signs
    close(aligned, exp, rtol=rtol, atol=atol, name=f"{name} (after matching each vector's sign)")
    return aligned


def best_permutation(actual: Any, expected: Any, name: str = "result") -> np.ndarray:
    """Return ``perm`` so that ``actual[perm]`` is the closest reordering of the rows of ``actual`` to ``expected``.

    Rows are matched by minimal total squared distance (Hungarian algorithm), so mixture
    components and clusters can be compared whatever order a correct answer lists them in.
    """
    from scipy.optimize import linear_sum_assignment

    exp = np.asarray(expected, dtype=np.float64)
    act = as_array(actual, name, shape=exp.shape)
    a = act.reshape(len(act), -1)
    e = exp.reshape(len(exp), -1)
    cost = ((e[:, None, :] - a[None, :, :]) ** 2).sum(axis=-1)
    rows, cols = linear_sum_assignment(cost)
    perm = np.empty(len(exp), dtype=int)
    perm[rows] = cols
    return perm


def close_up_to_permutation(
    actual: Any, expected: Any, *, rtol: float = 1e-4, atol: float = 1e-8, name: str = "result"
) -> np.ndarray:
    """Compare the rows of ``actual`` and ``expected`` in whichever order matches best; returns the permutation."""
    perm = best_permutation(actual, expected, name)
    close(as_array(actual, name)[perm], expected, rtol=rtol, atol=atol, name=f"{name} (after matching row order)")
    return perm


def same_subspace(actual: Any, expected: Any, *, atol: float = 1e-6, name: str = "result") -> None:
    """Check that the columns of ``actual`` span the same subspace as those of ``expected``.

    Compares orthogonal projectors, so any basis (any signs, order or rotation) passes.
    """
    exp = np.asarray(expected, dtype=np.float64)
    act = as_array(actual, name)
    if act.ndim != 2 or act.shape[0] != exp.shape[0]:
        raise CheckFailure(f"{name} should have {exp.shape[0]} rows (one per coordinate), got shape {_fmt_shape(act.shape)}")

    def projector(basis: np.ndarray) -> np.ndarray:
        q, s, _ = np.linalg.svd(basis, full_matrices=False)
        rank = int((s > s.max() * 1e-10).sum()) if s.size and s.max() > 0 else 0
        q = q[:, :rank]
        return q @ q.T

    close(projector(act), projector(exp), rtol=0.0, atol=atol, name=f"projector onto the span of {name}")


def grad_rel_error(actual: Any, expected: Any, name: str = "gradient") -> float:
    """Largest element-wise relative error ``|a-b| / max(1e-8, |a|+|b|)`` (the CS231n convention)."""
    exp = _expected(expected, name)
    act = as_array(actual, name, shape=exp.shape)
    if not act.size:
        return 0.0
    return float((np.abs(act - exp) / np.maximum(1e-8, np.abs(act) + np.abs(exp))).max())


def grad_close(actual: Any, expected: Any, *, tol: float = 1e-6, name: str = "gradient") -> None:
    """Check a gradient against a reference with the relative error of :func:`grad_rel_error`."""
    err = grad_rel_error(actual, expected, name)
    _record(name, err / tol)
    if err > tol:
        raise CheckFailure(f"{name}: relative error {err:.3g} exceeds {tol:.1g} (|a-b| / max(1e-8, |a|+|b|))")


# --------------------------------------------------------------------------- oracle memoisation
_ORACLE_CACHE: dict[str, Any] = {}


def oracle(fn: Any, *args: Any, **kwargs: Any) -> Any:
    """``fn(*args, **kwargs)``, computed once per process for identical inputs.

    A grader scores hundreds of submissions with the same seeded test inputs, so an expensive
    oracle (a scikit-learn fit, an arbitrary-precision sum) gives the same expected value every time.
    The key fingerprints the oracle's code, defaults and closure and the exact bytes of every input;
    anything it cannot fingerprint is simply recomputed. Only for pure, deterministic oracles — never
    pass a student's answer in. Returns a deep copy, so a test may modify the result.
    """
    import copy

    key = _fingerprint((fn, args, kwargs))
    if key is None:
        return fn(*args, **kwargs)
    if key not in _ORACLE_CACHE:
        _ORACLE_CACHE[key] = fn(*args, **kwargs)
    return copy.deepcopy(_ORACLE_CACHE[key])


def _fingerprint(value: Any) -> str | None:
    import hashlib
    import marshal
    import types

    h = hashlib.sha256()

    def feed(v: Any, depth: int = 0) -> bool:
        if depth > 20:
            return False
        if v is None or isinstance(v, (bool, int, float, complex, str, bytes)):
            h.update(f"{type(v).__name__}:{v!r};".encode())
            return True
        if isinstance(v, np.ndarray) and v.dtype.kind in "biufc":
            h.update(f"nd{v.dtype.str}{v.shape};".encode() + np.ascontiguousarray(v).tobytes())
            return True
        if isinstance(v, np.generic):
            return feed(v.item(), depth + 1)
        if isinstance(v, (tuple, list)):
            h.update(f"{type(v).__name__}{len(v)}(".encode())
            return all(feed(x, depth + 1) for x in v)
        if isinstance(v, dict):
            h.update(f"dict{len(v)}(".encode())
            return all(feed(k, depth + 1) and feed(x, depth + 1) for k, x in sorted(v.items(), key=lambda kv: repr(kv[0])))
        if isinstance(v, types.FunctionType):
            h.update(f"fn{v.__module__}.{v.__qualname__}".encode() + marshal.dumps(v.__code__))
            cells = [c.cell_contents for c in (v.__closure__ or ())]
            return feed(cells, depth + 1) and feed(v.__defaults__, depth + 1) and feed(v.__kwdefaults__, depth + 1)
        if isinstance(v, types.ModuleType):
            h.update(f"module{v.__name__};".encode())
            return True
        if isinstance(v, (type, types.BuiltinFunctionType)) or (
            callable(v) and type(v).__module__.split(".")[0] in ("numpy", "scipy", "sklearn", "torch", "mpmath")
        ):  # library callables: their name identifies them
            h.update(f"lib{getattr(v, '__module__', '')}.{getattr(v, '__qualname__', repr(v))};".encode())
            return True
        return False

    return h.hexdigest() if feed(value) else None


# --------------------------------------------------------------------------- statistical checks
def mean_within(
    samples: Any, mean: float, std: float, *, false_fail: float = 1e-6, name: str = "samples"
) -> None:
    """Check that the mean of i.i.d. ``samples`` is consistent with the true ``mean``.

    Passes when ``|x̄ - mean| <= z * std / sqrt(n)`` with ``z`` the two-sided normal quantile for
    ``false_fail``: a correct sampler fails with probability about ``false_fail`` (CLT), so a
    seeded test is effectively never flaky while a biased sampler fails clearly.
    """
    from scipy.stats import norm

    _expected([mean, std], f"{name} (true mean and standard deviation)")
    x = as_array(samples, name).ravel()
    if x.size < 30:
        raise CheckFailure(f"{name}: need at least 30 samples for a statistical check, got {x.size}")
    z = float(norm.isf(false_fail / 2))
    bound = z * float(std) / math.sqrt(x.size)
    dev = abs(float(x.mean()) - float(mean))
    _record(name, dev / bound if bound > 0 else math.inf)
    if dev > bound:
        raise CheckFailure(
            f"{name}: sample mean {x.mean():.6g} is {dev / (bound / z):.1f} standard errors from {mean:.6g} "
            f"(allowed {z:.2f}; a correct answer fails this with probability {false_fail:.0e})"
        )


# --------------------------------------------------------------------------- properties
def require(condition: Any, message: str) -> None:
    """Fail with ``message`` unless ``condition`` is a true Python bool (not an array, not a proxy)."""
    if not (isinstance(condition, (bool, np.bool_)) and bool(condition)):
        raise CheckFailure(message)


def probabilities(p: Any, *, axis: int = -1, atol: float = 1e-6, name: str = "probabilities") -> np.ndarray:
    """Check entries are in [0, 1] and sum to one along ``axis``; returns the array."""
    arr = as_array(p, name)
    if (arr < -atol).any() or (arr > 1 + atol).any():
        raise CheckFailure(f"{name}: entries must lie in [0, 1], found min {arr.min():.3g}, max {arr.max():.3g}")
    sums = arr.sum(axis=axis) if arr.ndim else arr
    worst = float(np.abs(sums - 1.0).max())
    if worst > atol:
        raise CheckFailure(f"{name}: should sum to 1 along axis {axis}, but a sum is off by {worst:.3g}")
    return arr


def symmetric(m: Any, *, atol: float = 1e-8, name: str = "matrix") -> np.ndarray:
    """Check ``m`` is a square symmetric matrix; returns it."""
    arr = as_array(m, name)
    if arr.ndim != 2 or arr.shape[0] != arr.shape[1]:
        raise CheckFailure(f"{name} should be a square matrix, got shape {_fmt_shape(arr.shape)}")
    asym = float(np.abs(arr - arr.T).max()) if arr.size else 0.0
    scale = max(1.0, float(np.abs(arr).max()) if arr.size else 1.0)
    if asym > atol * scale:
        raise CheckFailure(f"{name} should be symmetric, but |M - M.T| reaches {asym:.3g}")
    return arr


def positive_definite(m: Any, *, name: str = "matrix") -> np.ndarray:
    """Check ``m`` is symmetric positive definite (a valid covariance / precision matrix)."""
    arr = symmetric(m, atol=1e-8, name=name)
    eig = np.linalg.eigvalsh(arr)
    if eig.size and eig.min() <= 0:
        raise CheckFailure(f"{name} should be positive definite, but its smallest eigenvalue is {eig.min():.3g}")
    return arr



# --------------------------------------------------------------------------- how tests call student code
class ForbiddenRoutine(CheckFailure):
    """The student's function called a library routine the question forbids."""


class ModifiedInput(CheckFailure):
    """The student's function changed an argument it was given."""


class NotDefined(CheckFailure):
    """The graded function does not exist (yet) in the notebook."""


class StudentError(CheckFailure):
    """The student's function raised; the message names the student's own line, not the test's."""


def student_error_message(name: str, kind: str, message: str, where: str = "", line: str = "") -> str:
    """How a failure inside student code is described, in the notebook and in the autograder's feedback alike."""
    at = f" (at {where}: `{line}`)" if where and line else f" (at {where})" if where else ""
    return f"your `{name}` raised {kind}{at}: {message}"


def _student_frame(tb: Any) -> tuple[str, str]:
    """The innermost frame of the student's own code in a traceback: (where, source line)."""
    import traceback

    libraries = tuple(os.path.realpath(p) + os.sep for p in {sys.prefix, sys.base_prefix, sys.exec_prefix})
    frames = [f for f in traceback.extract_tb(tb)
              if f.filename != __file__ and not os.path.realpath(f.filename).startswith(libraries)]
    if not frames:
        return "", ""
    return f"line {frames[-1].lineno} of your code", (frames[-1].line or "").strip()


def guarded(fn: Any, name: str, forbid: Sequence[str] = ()) -> Any:
    """The graded function ``fn`` as tests call it: every call must leave its arguments unchanged and
    must not call a routine the question forbids (``forbid``: dotted names of functions, methods or
    whole modules, e.g. ``"numpy.linalg.qr"``, ``"sklearn"``), so aliases and indirect calls count.

    The release wraps every graded function a test takes with this. In the autograder the same rules
    are applied inside the sandbox, so the notebook's checks and the grade always agree.
    """
    if fn is None or not callable(fn):
        raise NotDefined(f"`{name}` is not defined yet: run the cell that defines it (and fix any error it "
                         "shows), then run this check again")
    with_rules = getattr(fn, "with_rules", None)  # the autograder's stand-in for the student's function
    if with_rules is not None:
        return with_rules(tuple(forbid))
    return lambda *args, **kwargs: call_guarded(fn, name, tuple(forbid), args, kwargs, explain=True)


def call_guarded(fn: Any, name: str, forbid: tuple[str, ...], args: tuple, kwargs: dict, explain: bool = False) -> Any:
    """Call ``fn`` under the rules of :func:`guarded` (also what the autograder's sandbox runs).

    With ``explain``, an exception from the student's code becomes a :class:`StudentError` that names
    the student's own line (otter would otherwise show the test's line); the sandbox leaves that to
    the judge, which builds the same message from the frames it reports.
    """
    before = _snapshot(args, kwargs)
    rules = _Forbidden(forbid) if forbid else None
    if rules is not None:
        rules.start()
    try:
        result = fn(*args, **kwargs)
    except CheckFailure:
        raise
    except Exception as e:
        if not explain:
            raise
        where, line = _student_frame(e.__traceback__)
        raise StudentError(student_error_message(name, type(e).__name__, str(e), where, line)) from e
    finally:
        if rules is not None:
            rules.stop()
    if rules is not None and rules.hits:
        raise ForbiddenRoutine(f"your `{name}` called `{rules.hits[0]}`, which this question asks you not to use: "
                               "implement that step yourself")
    changed = _changed(fn, before, args, kwargs)
    if changed:
        raise ModifiedInput(f"your `{name}` modified its argument `{changed}`: the docstring promises that inputs "
                            "are left unchanged (work on a copy, e.g. `x = x.copy()` or `x = x - m` instead of `x -= m`)")
    return result


def _copy_if_array(value: Any) -> Any:
    if isinstance(value, np.ndarray):
        return value.copy()
    if type(value).__module__.startswith("torch") and hasattr(value, "detach"):
        return value.detach().clone()
    return None


def _snapshot(args: tuple, kwargs: dict) -> dict[str, Any]:
    """Copies of the array arguments (top level, and inside lists, tuples and dicts one level down)."""
    out = {}
    for key, value in [*((str(i), v) for i, v in enumerate(args)), *kwargs.items()]:
        items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, (list, tuple)) else None
        for sub, inner in ([(None, value)] if items is None else [(None, value), *items]):
            copy = _copy_if_array(inner)
            if copy is not None:
                out[key if sub is None else f"{key}[{sub!r}]"] = (inner, copy)
    return out


def _changed(fn: Any, before: dict[str, Any], args: tuple, kwargs: dict) -> str | None:
    try:
        params = list(inspect.signature(fn).parameters)
    except (TypeError, ValueError):
        params = []
    for key, (now, copy) in before.items():
        a, b = np.asarray(_plain(now)), np.asarray(_plain(copy))
        if a.shape != b.shape or a.dtype != b.dtype or not np.array_equal(a, b, equal_nan=a.dtype.kind in "fc"):
            head, _, rest = key.partition("[")
            label = params[int(head)] if head.isdigit() and int(head) < len(params) else head
            return label + (f"[{rest}" if rest else "")
    return None


def _plain(value: Any) -> Any:
    return value.detach().cpu().numpy() if hasattr(value, "detach") else value


class _Forbidden:
    """Records what a student's function calls (``cProfile``, whose hook is C: a few times cheaper than
    a Python profile function) and finds the forbidden routines among the calls afterwards.

    Python functions are matched by code object (so ``from numpy.linalg import qr as q`` is caught),
    C functions and methods by the name the profiler gives them, whole modules by the file their code
    lives in or the module a C function belongs to. Methods implemented in Cython do not go through
    the profiler and cannot be caught this way.
    """

    def __init__(self, names: tuple[str, ...]):
        self.names = names
        # code object -> shown name; the profiler's label of a C function -> shown name; label prefix of a
        # module's C functions -> shown name; source folder or file -> shown name
        self.codes: dict[Any, str] = {}
        self.builtins: dict[str, str] = {}
        self.prefixes: dict[str, str] = {}
        self.folders: dict[str, str] = {}
        self.hits: list[str] = []
        self.profiler: Any = None
        self.previous: Any = None

    def _resolve(self, dotted: str) -> None:
        """Resolved after the call and only through modules already imported (importing a library just to
        watch it would cost every call; a library that is not imported was not called)."""
        parts = dotted.split(".")
        for i in range(len(parts), 0, -1):
            obj = sys.modules.get(".".join(parts[:i]))
            if obj is None:
                continue
            for attr in parts[i:]:
                # a module's own dict, never getattr: scipy's lazy __getattr__ would import a whole
                # subpackage (~0.4 s in every sandbox) just to look at it
                obj = vars(obj).get(attr) if isinstance(obj, type(np)) else getattr(obj, attr, None)
                if obj is None:
                    return  # not imported, or not in this version of the library: it was not called
            break
        else:
            return
        if isinstance(obj, type(np)):  # a module: everything defined in its package
            self.prefixes[f"<built-in method {obj.__name__}."] = dotted
            origin = getattr(obj, "__file__", None)
            if origin:
                self.folders[os.path.dirname(origin) if origin.endswith("__init__.py") else origin] = dotted
            return
        owner = getattr(obj, "__objclass__", None)
        if owner is not None:  # a method of a C type, e.g. numpy.ndarray.mean
            self.builtins[f"<method '{obj.__name__}' of '{owner.__module__}.{owner.__qualname__}' objects>"] = dotted
            self.builtins[f"<method '{obj.__name__}' of '{owner.__qualname__}' objects>"] = dotted
        elif getattr(obj, "__module__", None) and not hasattr(obj, "__code__") and hasattr(obj, "__name__"):
            self.builtins[f"<built-in method {obj.__module__}.{obj.__name__}>"] = dotted
        # The innermost function only: decorators' wrappers share one code object among every function
        # they wrap (scipy's batching wrapper wraps solve_triangular as well as lstsq).
        while getattr(obj, "__wrapped__", None) is not None or getattr(obj, "__func__", None) is not None:
            obj = getattr(obj, "__wrapped__", None) or obj.__func__
        code = getattr(obj, "__code__", None)
        if code is not None:
            self.codes[code] = dotted

    def _shown(self, code: Any) -> str | None:
        if isinstance(code, str):
            return self.builtins.get(code) or next((s for p, s in self.prefixes.items() if code.startswith(p)), None)
        if code in self.codes:
            return self.codes[code]
        filename = getattr(code, "co_filename", "")
        return next((s for folder, s in self.folders.items() if filename.startswith(folder)), None)

    def start(self) -> None:
        self.previous = sys.getprofile()
        self.profiler = cProfile.Profile()
        self.profiler.enable()

    def stop(self) -> None:
        self.profiler.disable()
        sys.setprofile(self.previous)
        for name in self.names:
            self._resolve(name)
        for entry in self.profiler.getstats():
            shown = self._shown(entry.code)
            if shown is not None and shown not in self.hits:
                self.hits.append(shown)
