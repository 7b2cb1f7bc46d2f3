"""Public fixtures: objectives, models and data generators that exercises pass to student code by name.

Ships next to every student notebook and inside every autograder bundle as ``mlmathkit_fixtures.py``
(like ``mlmathkit_checks.py``), so it depends on numpy (and torch where noted) only. Tests call
student functions with these callables; keeping them here, not in the notebook, means every answer
stays checkable across a process boundary (only names and numbers cross it).

Conventions
-----------
* An objective is a module-level function ``f(x, *args) -> float`` of a 1-D float array ``x`` of
  shape ``(d,)``. Its gradient is the function named ``<name>_grad`` (returns shape ``(d,)``) and its
  Hessian ``<name>_hess`` (returns shape ``(d, d)``); the extra ``args`` are the same numbers/arrays.
* Student code receives the objective's *name* (a string) and the tuple ``args``, and looks the
  functions up with :func:`lookup`::

      import mlmathkit_fixtures as fx
      f = fx.lookup(name)                 # e.g. fx.lookup("rosenbrock") is fx.rosenbrock
      grad = fx.lookup(name + "_grad")
      value, g = f(x, *args), grad(x, *args)

* Every function here is pure (no state, no randomness except through an explicit ``seed``) and
  returns fresh float64 numpy values, whatever the dtype of ``x``.
"""

from __future__ import annotations

import numpy as np

__all__ = [
    "lookup",
    "objectives",
    "quadratic",
    "quadratic_grad",
    "quadratic_hess",
    "quartic",
    "quartic_grad",
    "quartic_hess",
    "rosenbrock",
    "rosenbrock_grad",
    "rosenbrock_hess",
    "rosenbrock_grad_buggy",
    "logsumexp_affine",
    "logsumexp_affine_grad",
    "logsumexp_affine_hess",
    "spirals",
    "sample_mean",
    "sample_median",
    "sample_std",
]


def _vec(x) -> np.ndarray:
    return np.array(x, dtype=np.float64, copy=True).reshape(-1)


# --------------------------------------------------------------------------- lookup by name
def lookup(name: str):
    """Return the fixture function called ``name`` (e.g. ``"rosenbrock"`` or ``"rosenbrock_grad"``)."""
    if not isinstance(name, str) or name.startswith("_") or name not in __all__ or name in ("lookup", "objectives"):
        raise KeyError(f"mlmathkit_fixtures has no objective {name!r}; available: {', '.join(objectives())}")
    return globals()[name]


def objectives() -> list[str]:
    """Names of the objectives (functions that have a ``<name>_grad`` partner)."""
    return [n for n in __all__ if n + "_grad" in __all__]


# --------------------------------------------------------------------------- quadratic
def quadratic(x, A, b) -> float:
    """f(x) = 1/2 x^T A x - b^T x, with A of shape (d, d) (symmetric positive definite in exercises), b of shape (d,)."""
    x, A, b = _vec(x), np.asarray(A, dtype=np.float64), _vec(b)
    return float(0.5 * x @ A @ x - b @ x)


def quadratic_grad(x, A, b) -> np.ndarray:
    """grad f(x) = (A + A^T)/2 x - b  (= A x - b for symmetric A), shape (d,)."""
    x, A, b = _vec(x), np.asarray(A, dtype=np.float64), _vec(b)
    return 0.5 * (A @ x + A.T @ x) - b


def quadratic_hess(x, A, b) -> np.ndarray:
    """Hessian (A + A^T)/2, shape (d, d) (constant)."""
    A = np.asarray(A, dtype=np.float64)
    return 0.5 * (A + A.T)


# --------------------------------------------------------------------------- separable quartic
def quartic(x, a) -> float:
    """f(x) = sum_i a_i x_i^4, a of shape (d,) (a_i >= 0 for a convex function).

    Handy for checking finite differences by hand: with step h, the central difference of f_i = a_i x_i^4 is
    4 a_i x_i^3 + 4 a_i x_i h^2 exactly, and the central second difference with step 2h is 12 a_i x_i^2 + 8 a_i h^2.
    """
    x = _vec(x)
    return float(np.sum(_vec(a) * x**4))


def quartic_grad(x, a) -> np.ndarray:
    """grad f(x) = 4 a x^3 (element-wise), shape (d,)."""
    x = _vec(x)
    return 4.0 * _vec(a) * x**3


def quartic_hess(x, a) -> np.ndarray:
    """Hessian diag(12 a x^2), shape (d, d)."""
    x = _vec(x)
    return np.diag(12.0 * _vec(a) * x**2)


# --------------------------------------------------------------------------- Rosenbrock
def rosenbrock(x, a=1.0, b=100.0) -> float:
    """Chained Rosenbrock function, d >= 2:  f(x) = sum_{i<d} b (x_{i+1} - x_i^2)^2 + (a - x_i)^2.

    Minimum f = 0 at x = (a, a^2, ...) for d = 2 and at x = (1, ..., 1) when a = 1. Its curved,
    narrow valley makes it badly conditioned (cond(Hessian) ~ 2500 at the minimum for b = 100).
    """
    x = _vec(x)
    head, tail = x[:-1], x[1:]
    return float(np.sum(b * (tail - head**2) ** 2 + (a - head) ** 2))


def rosenbrock_grad(x, a=1.0, b=100.0) -> np.ndarray:
    """Gradient of :func:`rosenbrock`, shape (d,)."""
    x = _vec(x)
    head, tail = x[:-1], x[1:]
    r = tail - head**2
    out = np.zeros_like(x)
    out[:-1] += -4.0 * b * head * r - 2.0 * (a - head)
    out[1:] += 2.0 * b * r
    return out


def rosenbrock_hess(x, a=1.0, b=100.0) -> np.ndarray:
    """Hessian of :func:`rosenbrock`, shape (d, d), tridiagonal."""
    x = _vec(x)
    d = x.size
    head, tail = x[:-1], x[1:]
    H = np.zeros((d, d))
    idx = np.arange(d - 1)
    H[idx, idx] += 12.0 * b * head**2 - 4.0 * b * tail + 2.0
    H[idx + 1, idx + 1] += 2.0 * b
    H[idx, idx + 1] = H[idx + 1, idx] = -4.0 * b * head
    return H


def rosenbrock_grad_buggy(x, a=1.0, b=100.0) -> np.ndarray:
    """A *deliberately wrong* gradient of :func:`rosenbrock`, for practising gradient checks.

    The bug: the derivative of (a - x_i)^2 is written -(a - x_i) instead of -2 (a - x_i).
    """
    x = _vec(x)
    head, tail = x[:-1], x[1:]
    r = tail - head**2
    out = np.zeros_like(x)
    out[:-1] += -4.0 * b * head * r - (a - head)
    out[1:] += 2.0 * b * r
    return out


# --------------------------------------------------------------------------- log-sum-exp of an affine map
def _softmax(z: np.ndarray) -> np.ndarray:
    e = np.exp(z - z.max())
    return e / e.sum()


def logsumexp_affine(x, A, b) -> float:
    """f(x) = log sum_k exp(a_k^T x + b_k), A of shape (K, d), b of shape (K,): smooth, convex, never overflows."""
    z = np.asarray(A, dtype=np.float64) @ _vec(x) + _vec(b)
    m = z.max()
    return float(m + np.log(np.sum(np.exp(z - m))))


def logsumexp_affine_grad(x, A, b) -> np.ndarray:
    """grad f(x) = A^T p with p = softmax(A x + b), shape (d,)."""
    A = np.asarray(A, dtype=np.float64)
    return A.T @ _softmax(A @ _vec(x) + _vec(b))


def logsumexp_affine_hess(x, A, b) -> np.ndarray:
    """Hessian A^T (diag(p) - p p^T) A with p = softmax(A x + b), shape (d, d)."""
    A = np.asarray(A, dtype=np.float64)
    p = _softmax(A @ _vec(x) + _vec(b))
    return A.T @ (np.diag(p) - np.outer(p, p)) @ A


# --------------------------------------------------------------------------- data
def spirals(n_per_class=100, n_classes=3, noise=0.2, seed=0):
    """Interleaved 2-D spirals, a classic data set no linear classifier can fit.

    Returns
    -------
    (X, y) : X float64 array of shape (n_per_class * n_classes, 2) with entries in about [-1, 1],
        y int64 array of labels 0 .. n_classes - 1 (class k occupies rows k*n_per_class ...).
    """
    rng = np.random.default_rng(seed)
    X = np.zeros((n_per_class * n_classes, 2))
    y = np.zeros(n_per_class * n_classes, dtype=np.int64)
    for k in range(n_classes):
        r = np.linspace(0.0, 1.0, n_per_class)
        t = np.linspace(k * 4.0, (k + 1) * 4.0, n_per_class) + rng.normal(scale=noise, size=n_per_class)
        rows = slice(k * n_per_class, (k + 1) * n_per_class)
        X[rows] = np.column_stack([r * np.sin(t), r * np.cos(t)])
        y[rows] = k
    return X, y


# --------------------------------------------------------------------------- statistics (vectorised)
# A statistic is a function ``t(samples, axis=-1)`` of a float array: it reduces ``axis`` and returns
# float64. Applied to a 1-D sample it returns a number; applied to a (B, n) array of B resamples it
# returns the B values at once, exactly as ``scipy.stats.bootstrap(..., vectorized=True)`` calls it.
def sample_mean(x, axis=-1):
    """The sample mean (1/n) sum_i x_i along ``axis``."""
    return np.mean(np.asarray(x, dtype=np.float64), axis=axis)


def sample_median(x, axis=-1):
    """The sample median along ``axis`` (the mean of the two middle values when n is even)."""
    return np.median(np.asarray(x, dtype=np.float64), axis=axis)


def sample_std(x, axis=-1):
    """The sample standard deviation sqrt( sum_i (x_i - xbar)^2 / (n - 1) ) along ``axis`` (n >= 2)."""
    return np.std(np.asarray(x, dtype=np.float64), axis=axis, ddof=1)
