# %% [markdown]
# # Chapter 3 — Optimization for machine learning
#
# Training a model is solving an optimization problem: find parameters that make a loss small. In
# this problem set you build the tools that do it, from the ground up — finite-difference gradients
# and the gradient check that every deep-learning practitioner runs, gradient descent with a line
# search and the condition number that governs its speed, the momentum and Adam updates behind
# modern training, constrained optimization through the KKT conditions and linear-programming
# duality, Newton's method for logistic regression, and hand-written backpropagation for a small
# neural network.
#
# **How to work.** Each question explains why it matters, derives the math, then asks you to fill in
# functions whose docstrings state the exact inputs and outputs. Replace each
# `raise NotImplementedError(...)` line with your code, run the cell, then run the `grader.check`
# cell below it. Public checks test properties and one worked example; the autograder runs more
# (hidden) tests on random and numerically hard inputs, so make your code correct in general.
#
# Use `numpy` (and `scipy.linalg` / `scipy.special` where a question says so). Do not use `torch.autograd`,
# `torch.optim`, `scipy.optimize` or scikit-learn to answer a question: they are what your answers are
# graded against, and the checks tell you if your code calls them.
#
# **Objectives are passed by name.** Functions that minimise an objective receive its *name*, a
# string such as `"rosenbrock"`, plus a tuple `args` of extra arguments. The objectives live in the
# module `mlmathkit_fixtures` (the file `mlmathkit_fixtures.py` next to this notebook — read it!).
# Every objective `f(x, *args)` takes a 1-D float array `x` of shape `(d,)` and returns a float; its
# gradient is the function `<name>_grad` (shape `(d,)`) and its Hessian `<name>_hess` (shape `(d, d)`).
# Inside your function, look them up like this:
#
# ```python
# import mlmathkit_fixtures as fx
# f = fx.lookup(name)                 # e.g. fx.lookup("rosenbrock") is fx.rosenbrock
# grad = fx.lookup(name + "_grad")
# value, g = f(x, *args), grad(x, *args)
# ```
#
# | name | $f(x)$ | `args` |
# |---|---|---|
# | `"quadratic"` | $\tfrac12 x^\top A x - b^\top x$ | `(A, b)`: `A` of shape `(d, d)` symmetric positive definite, `b` of shape `(d,)` |
# | `"quartic"` | $\sum_i a_i x_i^4$ | `(a,)`: `a` of shape `(d,)` (note the comma: a tuple of one array) |
# | `"rosenbrock"` | $\sum_{i<d} b\,(x_{i+1}-x_i^2)^2 + (a-x_i)^2$ | `()` for $a=1, b=100$, or `(a, b)` |
# | `"logsumexp_affine"` | $\log\sum_k e^{a_k^\top x + b_k}$ | `(A, b)`: `A` of shape `(K, d)`, `b` of shape `(K,)` |

# %%
import numpy as np
import matplotlib.pyplot as plt

import mlmathkit_fixtures as fx

# %% [raw]
# # BEGIN QUESTION
# name: q1_gradients

# %% [markdown]
# ## Question 1 — Gradients and Hessians by central differences, and the gradient check
#
# **Why it matters.** Every gradient-based learner is only as good as its gradient. A sign error or
# a missing factor in a hand-derived gradient rarely crashes anything: training just goes worse,
# silently. The standard defence is the *gradient check*: compare the analytic gradient with a
# finite-difference approximation at a few random points. Autodiff frameworks run the same test on
# every operation they ship (`torch.autograd.gradcheck`).
#
# **The math.** Taylor's theorem along the coordinate direction $e_i$ gives
#
# $$f(x \pm h e_i) = f(x) \pm h\,\partial_i f(x) + \tfrac{h^2}{2}\,\partial_{ii} f(x) \pm \tfrac{h^3}{6}\,\partial_{iii} f(x) + O(h^4).$$
#
# Subtracting the two expansions cancels the even terms:
#
# $$\partial_i f(x) = \frac{f(x+he_i) - f(x-he_i)}{2h} - \frac{h^2}{6}\partial_{iii}f(x) + O(h^4),$$
#
# an error of order $h^2$ — the *forward* difference $\big(f(x+he_i)-f(x)\big)/h$ only achieves order $h$.
# $h$ cannot be made arbitrarily small: each value of $f$ carries a rounding error of about
# $\varepsilon|f|$ ($\varepsilon \approx 2.2\times10^{-16}$), which the division by $2h$ amplifies to
# $\varepsilon|f|/h$. Balancing $h^2$ against $\varepsilon/h$ gives $h \approx \varepsilon^{1/3} \approx 10^{-5}$,
# and a gradient accurate to about 10 digits.
#
# Applying the same idea twice, in directions $e_i$ and $e_j$, gives the Hessian
#
# $$\partial_{ij} f(x) \approx \frac{f(x+he_i+he_j) - f(x+he_i-he_j) - f(x-he_i+he_j) + f(x-he_i-he_j)}{4h^2},$$
#
# accurate to order $h^2$, exactly symmetric in $i, j$, and valid for $i = j$ too (it then is a
# central second difference with step $2h$). Its rounding error is $\varepsilon|f|/h^2$, so use a
# larger step, $h \approx 10^{-4}$.
#
# **The gradient check.** Compare an analytic gradient $a$ with a numerical one $n$ through the
# element-wise relative error
#
# $$\mathrm{err} = \max_i \frac{|a_i - n_i|}{\max\big(10^{-8},\ |a_i| + |n_i|\big)} .$$
#
# Relative, because gradients range over many orders of magnitude; the floor $10^{-8}$ keeps
# components where both are (nearly) zero from dividing $0$ by $0$. Rule of thumb: below
# $10^{-7}$ the gradient is right; above $10^{-3}$ it is wrong.
#
# **Your task.** Implement `numerical_gradient`, `numerical_hessian` and `gradient_check`. The objective
# comes by name from `mlmathkit_fixtures` (see the introduction); `gradient_check` receives two names,
# the objective's and the analytic gradient's — try it on `"rosenbrock_grad"` and on the deliberately
# broken `"rosenbrock_grad_buggy"`.
#
# *Hints.* Perturb a *copy* of `x`, one coordinate at a time, and use the same absolute step `h` for
# every coordinate. Implement exactly the formulas above: the tests check their truncation error (so
# returning the analytic `<name>_grad` does not count as a numerical gradient). Check your functions on
# the quadratic $\tfrac12x^\top Ax - b^\top x$, whose gradient $Ax-b$ and Hessian $A$ you know — central differences
# are exact on quadratics up to rounding — and on `"quartic"`, whose truncation errors you can work out by hand.

# %% [raw]
# # BEGIN SOLUTION

# %%
def numerical_gradient(name, x, args=(), h=1e-5):
    """Central-difference gradient of the fixture objective `name` at x.

    g_i = ( f(x + h e_i) - f(x - h e_i) ) / (2 h),   f = mlmathkit_fixtures.lookup(name), called as f(x, *args).

    Parameters
    ----------
    name : str
        Name of an objective in mlmathkit_fixtures, e.g. "rosenbrock".
    x : array of shape (d,), float
    args : tuple
        Extra arguments of the objective (arrays or numbers).
    h : float > 0
        Absolute step, the same for every coordinate.

    Returns
    -------
    g : array of shape (d,), float64

    x may be any real array (integers too): it is converted to float64 and is not modified.
    The arithmetic must be float64 (float32 is not accepted: it cannot resolve a step h = 1e-5);
    results are compared at rtol 1e-6 or tighter.
    """
    # BEGIN SOLUTION
    import mlmathkit_fixtures as fx

    f = fx.lookup(name)
    x = np.asarray(x, dtype=float)
    g = np.zeros(x.size)
    for i in range(x.size):
        e = np.zeros(x.size)
        e[i] = h
        g[i] = (f(x + e, *args) - f(x - e, *args)) / (2 * h)
    return g
    # END SOLUTION


def numerical_hessian(name, x, args=(), h=1e-4):
    """Central-difference Hessian of the fixture objective `name` at x.

    H_ij = [ f(x + h e_i + h e_j) - f(x + h e_i - h e_j) - f(x - h e_i + h e_j) + f(x - h e_i - h e_j) ] / (4 h^2)

    Parameters
    ----------
    name : str
        Name of an objective in mlmathkit_fixtures.
    x : array of shape (d,), float
    args : tuple
        Extra arguments of the objective.
    h : float > 0
        Absolute step.

    Returns
    -------
    H : array of shape (d, d), float64, symmetric

    Use this four-point formula for EVERY entry, the diagonal i = j included, where it reads
    [f(x + 2h e_i) - 2 f(x) + f(x - 2h e_i)] / (4 h^2) (a central second difference with step 2h) -
    not the three-point formula with step h: the tests check the truncation error of exactly this formula.
    x may be any real array (integers too): it is converted to float64 and is not modified.
    The arithmetic must be float64 (float32 is not accepted).
    """
    # BEGIN SOLUTION
    import mlmathkit_fixtures as fx

    f = fx.lookup(name)
    x = np.asarray(x, dtype=float)
    E = h * np.eye(x.size)
    H = np.zeros((x.size, x.size))
    for i in range(x.size):
        for j in range(x.size):
            H[i, j] = (f(x + E[i] + E[j], *args) - f(x + E[i] - E[j], *args)
                       - f(x - E[i] + E[j], *args) + f(x - E[i] - E[j], *args))
    return H / (4 * h**2)
    # END SOLUTION


def gradient_check(f_name, grad_name, x, args=(), h=1e-5):
    """Largest element-wise relative error between an analytic and a central-difference gradient.

    err = max_i |a_i - n_i| / max(1e-8, |a_i| + |n_i|),
    a = mlmathkit_fixtures.lookup(grad_name)(x, *args),  n = numerical_gradient(f_name, x, args, h).

    Parameters
    ----------
    f_name : str
        Name of the objective in mlmathkit_fixtures.
    grad_name : str
        Name of the analytic gradient to check (e.g. "rosenbrock_grad" or "rosenbrock_grad_buggy").
    x : array of shape (d,), float
    args : tuple
        Extra arguments, passed to both functions.
    h : float > 0
        Step of the central differences.

    Returns
    -------
    err : float >= 0

    x is not modified. The arithmetic must be float64 (float32 is not accepted); err is compared at rtol 1e-4.
    """
    # BEGIN SOLUTION
    import mlmathkit_fixtures as fx

    a = np.asarray(fx.lookup(grad_name)(x, *args), dtype=float)
    n = numerical_gradient(f_name, x, args, h)
    return float(np.max(np.abs(a - n) / np.maximum(1e-8, np.abs(a) + np.abs(n))))
    # END SOLUTION

# %% [raw]
# # END SOLUTION

# %% [raw]
# # BEGIN TESTS

# %%
def test_worked_example_quadratic(numerical_gradient, numerical_hessian, gradient_check):
    # f(x) = 1/2 x^T A x - b^T x with A = [[2, 1], [1, 3]], b = (1, -1): at x = (1, 2),
    # grad = A x - b = (4 - 1, 7 + 1) = (3, 8) and the Hessian is A. Central differences are exact on
    # quadratics, so only rounding (~1e-10) separates them from the truth.
    import numpy as np
    from mlmathkit_checks import as_scalar, close, require

    A, b = np.array([[2.0, 1.0], [1.0, 3.0]]), np.array([1.0, -1.0])
    x = np.array([1.0, 2.0])
    close(numerical_gradient("quadratic", x, (A, b)), [3.0, 8.0], rtol=1e-7, name="numerical gradient",
          hint="(f(x + h e_i) - f(x - h e_i)) / (2h), one coordinate i at a time; pass args on with f(x, *args)")
    close(numerical_hessian("quadratic", x, (A, b)), A, rtol=1e-5, atol=1e-5, name="numerical Hessian",
          hint="four evaluations per entry, divided by 4 h^2")
    err = as_scalar(gradient_check("quadratic", "quadratic_grad", x, (A, b)), "gradient check")
    require(0.0 <= err < 1e-8, f"a correct gradient should give a relative error below 1e-8, got {err:.3g}")
    # f(x) = x1^4 + 2 x2^4 with a large step h = 0.1, where the truncation error shows: central differences give
    # ((x + h)^4 - (x - h)^4) / (2h) = 4x^3 + 4x h^2 exactly, and the Hessian formula 12 a x^2 + 8 a h^2 on the
    # diagonal (a central second difference with step 2h) and exactly 0 off it (f is a sum of one-variable terms).
    a, x, h = np.array([1.0, 2.0]), np.array([1.0, -0.5]), 0.1
    close(numerical_gradient("quartic", x, (a,), h), 4 * a * x**3 + 4 * a * x * h**2, rtol=1e-9,
          name="numerical gradient of x1^4 + 2 x2^4 with h = 0.1", hint="is it a CENTRAL difference with step h?")
    close(numerical_hessian("quartic", x, (a,), h), np.diag(12 * a * x**2 + 8 * a * h**2), rtol=1e-9, atol=1e-9,
          name="numerical Hessian of x1^4 + 2 x2^4 with h = 0.1")

# %%
def test_properties(numerical_gradient, numerical_hessian, gradient_check):
    import numpy as np
    from mlmathkit_checks import as_array, as_scalar, require, symmetric

    x = np.array([-1.2, 1.0, 0.5])
    before = x.copy()
    g = as_array(numerical_gradient("rosenbrock", x), "numerical gradient", shape=(3,))
    H = symmetric(numerical_hessian("rosenbrock", x), atol=1e-6, name="numerical Hessian")
    require(H.shape == (3, 3), f"the Hessian of a function of 3 variables has shape (3, 3), got {H.shape}")
    require(bool(np.array_equal(x, before)), "your functions changed the input x: perturb a copy")
    require(bool(np.all(np.isfinite(g))), "the numerical gradient should be finite")
    good = as_scalar(gradient_check("rosenbrock", "rosenbrock_grad", x), "gradient check of rosenbrock_grad")
    bad = as_scalar(gradient_check("rosenbrock", "rosenbrock_grad_buggy", x), "gradient check of rosenbrock_grad_buggy")
    require(good < 1e-7, f"rosenbrock_grad is correct, but your check reports a relative error of {good:.3g}")
    require(bad > 1e-3, f"rosenbrock_grad_buggy is wrong, but your check reports only {bad:.3g}")

# %%
# HIDDEN
def test_gradient_against_torch(numerical_gradient):
    """Central-difference gradients of several objectives and dimensions, against automatic differentiation."""
    # Oracle: torch.autograd on float64 re-implementations of the objectives. Central differences with
    # h = 1e-5 err by ~h^2 |f'''| / 6 + eps |f| / h; scaled by the largest gradient entry that is
    # below 1e-8 here, while a forward difference errs by ~h |f''| / 2 (~1e-5 relative).
    import numpy as np
    import torch
    from mlmathkit_checks import close

    def rosen(x):
        return (100.0 * (x[1:] - x[:-1] ** 2) ** 2 + (1.0 - x[:-1]) ** 2).sum()

    rng = np.random.default_rng(301)
    cases = []
    for d in (2, 3, 6):
        cases.append(("rosenbrock", rng.uniform(-1.5, 1.5, size=d), (), rosen))
    for d, K in ((2, 4), (5, 7)):
        A, b = rng.normal(size=(K, d)), rng.normal(size=K)
        cases.append(("logsumexp_affine", rng.normal(size=d), (A, b),
                      lambda x, A=A, b=b: torch.logsumexp(torch.as_tensor(A) @ x + torch.as_tensor(b), 0)))
    M = rng.normal(size=(4, 4))
    A, b = M @ M.T + np.eye(4), rng.normal(size=4)
    cases.append(("quadratic", rng.normal(size=4), (A, b),
                  lambda x, A=A, b=b: 0.5 * x @ torch.as_tensor(A) @ x - torch.as_tensor(b) @ x))
    for name, x, args, torch_f in cases:
        xt = torch.tensor(x, requires_grad=True)
        expected = torch.autograd.grad(torch_f(xt), xt)[0].numpy()
        scale = np.abs(expected).max()
        close(numerical_gradient(name, x, args), expected, rtol=1e-6, atol=1e-8 * scale,
              name=f"numerical gradient of {name} (d={x.size})",
              hint="use the central difference (f(x+h e_i) - f(x-h e_i)) / (2h): the forward difference is only O(h) accurate")

# %%
# HIDDEN
def test_hessian_against_torch(numerical_hessian):
    """Central-difference Hessians, diagonal and off-diagonal entries, against automatic differentiation."""
    # Oracle: torch.autograd.functional.hessian. With h = 1e-4 the 4-point formula errs by
    # ~h^2 |f''''| + eps |f| / h^2 ~ 1e-7 of the largest entry; tolerance 1e-5 of it.
    import numpy as np
    import torch
    from mlmathkit_checks import close, symmetric

    def rosen(x):
        return (100.0 * (x[1:] - x[:-1] ** 2) ** 2 + (1.0 - x[:-1]) ** 2).sum()

    rng = np.random.default_rng(302)
    A, b = rng.normal(size=(6, 3)), rng.normal(size=6)
    cases = [("rosenbrock", rng.uniform(-1.5, 1.5, size=2), (), rosen),
             ("rosenbrock", rng.uniform(-1.5, 1.5, size=5), (), rosen),
             ("logsumexp_affine", rng.normal(size=3), (A, b),
              lambda x: torch.logsumexp(torch.as_tensor(A) @ x + torch.as_tensor(b), 0))]
    for name, x, args, torch_f in cases:
        expected = torch.autograd.functional.hessian(torch_f, torch.tensor(x)).numpy()
        got = symmetric(numerical_hessian(name, x, args), atol=1e-6, name=f"numerical Hessian of {name}")
        close(got, expected, rtol=0.0, atol=1e-5 * np.abs(expected).max(), name=f"numerical Hessian of {name} (d={x.size})",
              hint="H_ij needs f at x +- h e_i +- h e_j (four points) divided by 4 h^2; check the diagonal i = j too")

# %%
# HIDDEN
def test_large_values(numerical_gradient, numerical_hessian):
    """An objective whose values are large (about 1000), where rounding error matters."""
    # log-sum-exp with offsets ~ 1e3: f ~ 1e3, and the rounding error eps |f| / h of a central difference
    # (~3e-9 of the largest gradient entry here) dominates its truncation error. Tolerance 5e-8 of the largest
    # entry: a forward difference errs by ~1e-6 of it.
    import numpy as np
    import torch
    from mlmathkit_checks import close

    rng = np.random.default_rng(303)
    A, b = rng.normal(size=(5, 3)), 1000.0 + rng.normal(size=5)
    x = rng.normal(size=3)
    xt = torch.tensor(x, requires_grad=True)
    expected = torch.autograd.grad(torch.logsumexp(torch.as_tensor(A) @ xt + torch.as_tensor(b), 0), xt)[0].numpy()
    close(numerical_gradient("logsumexp_affine", x, (A, b)), expected, rtol=0.0, atol=5e-8 * np.abs(expected).max(),
          name="numerical gradient where f ~ 1000")
    H = torch.autograd.functional.hessian(lambda v: torch.logsumexp(torch.as_tensor(A) @ v + torch.as_tensor(b), 0),
                                          torch.tensor(x)).numpy()
    close(numerical_hessian("logsumexp_affine", x, (A, b)), H, rtol=0.0, atol=1e-3 * np.abs(H).max(),
          name="numerical Hessian where f ~ 1000")  # rounding eps |f| / h^2 ~ 2e-5: tolerance 1e-3 of the largest entry

# %%
# HIDDEN
def test_gradient_check_values(gradient_check):
    """The relative error of a buggy gradient, and points where both gradients are (nearly) zero."""
    # Oracle: torch.autograd gradient g (exact to rounding) compared with the buggy gradient through the
    # same formula; the numerical gradient differs from g by ~1e-9 relative, far below rtol 1e-4.
    import numpy as np
    import torch
    import mlmathkit_fixtures as fx
    from mlmathkit_checks import as_scalar, close, require

    rng = np.random.default_rng(304)
    for d in (2, 4):
        x = rng.uniform(-1.5, 1.5, size=d)
        xt = torch.tensor(x, requires_grad=True)
        g = torch.autograd.grad((100.0 * (xt[1:] - xt[:-1] ** 2) ** 2 + (1.0 - xt[:-1]) ** 2).sum(), xt)[0].numpy()
        a = fx.rosenbrock_grad_buggy(x)
        expected = np.max(np.abs(a - g) / np.maximum(1e-8, np.abs(a) + np.abs(g)))
        close(as_scalar(gradient_check("rosenbrock", "rosenbrock_grad_buggy", x), "gradient check"), expected, rtol=1e-4,
              name=f"relative error of the buggy gradient (d={d})",
              hint="element-wise |a - n| / max(1e-8, |a| + |n|), then the maximum over the components")
        good = as_scalar(gradient_check("rosenbrock", "rosenbrock_grad", x), "gradient check")
        require(good < 1e-7, f"the correct gradient should pass the check, but the relative error is {good:.3g}")
    # A stationary point of a quadratic: both gradients are exactly 0, the floor avoids 0/0.
    A = np.array([[3.0, 1.0], [1.0, 2.0]])
    zero = as_scalar(gradient_check("quadratic", "quadratic_grad", np.zeros(2), (A, np.zeros(2))), "gradient check at a minimum")
    close(zero, 0.0, atol=1e-12, name="relative error when both gradients are 0",
          hint="0 / 0 is nan: the denominator is max(1e-8, |a| + |n|)")
    # At the minimum (1, 1, 1) of the Rosenbrock function the true gradient is 0 and the central
    # difference is 400 h^2 in the first two coordinates (the h^2 f''' / 6 truncation error): with
    # h = 3e-6 that is 3.6e-9, below the floor, so the check returns 400 h^2 / 1e-8 = 0.36.
    h = 3e-6
    close(as_scalar(gradient_check("rosenbrock", "rosenbrock_grad", np.ones(3), (), h), "gradient check"),
          400 * h**2 / 1e-8, rtol=1e-4, name="relative error at the minimum of the Rosenbrock function with h = 3e-6",
          hint="the floor 1e-8 applies to |a| + |n| when it is smaller than 1e-8")

# %%
# HIDDEN
def test_absolute_step_at_large_coordinates(numerical_gradient, numerical_hessian):
    """Coordinates much larger than 1, and an integer x, with the same absolute step h for every coordinate."""
    # Oracle: the closed forms of the central differences on f(x) = sum_i a_i x_i^4 (as in the public worked
    # example): gradient 4 a x^3 + 4 a x h^2 and Hessian diag(12 a x^2 + 8 a h^2), exact up to rounding
    # (~1e-13 relative for the gradient; eps |f| / h^2 ~ 1e-6 absolute for the Hessian, atol 1e-9 of its largest
    # entry ~ 6e-5). A step scaled by |x_i| changes the truncation terms by a factor x_i^2 (>= 1e-4 relative here).
    import numpy as np
    from mlmathkit_checks import close, require

    a = np.array([1.0, 2.0, 0.5, 3.0])
    for x, h in [(np.array([3.0, -2.5, 0.5, 40.0]), 0.05), (np.array([3, -2, 1, 5]), 0.1)]:
        before = x.copy()
        kind = "an integer x" if x.dtype.kind == "i" else "large coordinates"
        close(numerical_gradient("quartic", x, (a,), h), 4 * a * x**3 + 4 * a * x * h**2, rtol=1e-9,
              name=f"numerical gradient with {kind} (h = {h:g})",
              hint="h is an absolute step, the same for every coordinate, whatever the size of x_i")
        H = np.diag(12 * a * x**2 + 8 * a * h**2)
        close(numerical_hessian("quartic", x, (a,), h), H, rtol=1e-9, atol=1e-9 * np.abs(H).max(),
              name=f"numerical Hessian with {kind} (h = {h:g})")
        require(x.dtype == before.dtype and bool(np.array_equal(x, before)),
                "your functions changed the input x: perturb a float copy")

# %% [raw]
# # END TESTS

# %% [raw]
# # END QUESTION

# %% [raw]
# # BEGIN QUESTION
# name: q2_line_search

# %% [markdown]
# ## Question 2 — Gradient descent with a backtracking (Armijo) line search, and the condition number
#
# **Why it matters.** Gradient descent, $x_{k+1} = x_k - t_k\nabla f(x_k)$, is the workhorse of machine
# learning, and its step size $t_k$ (the *learning rate*) is the hyperparameter people tune most. Too
# large and the iterates diverge; too small and nothing happens. A *line search* picks the step
# automatically at every iteration, and the analysis of gradient descent on a quadratic explains
# why badly scaled features make training slow — and why we standardise features, precondition, and
# use momentum (Question 3) or Newton's method (Question 6).
#
# **The Armijo condition.** Let $d$ be a *descent direction* at $x$: $\nabla f(x)^\top d < 0$ (for
# gradient descent $d = -\nabla f(x)$). By Taylor, $f(x+td) = f(x) + t\,\nabla f(x)^\top d + o(t)$, so for
# any $0 < c < 1$ the *sufficient-decrease* (Armijo) condition
#
# $$f(x + t d) \le f(x) + c\, t\, \nabla f(x)^\top d$$
#
# holds for every small enough $t>0$: the actual decrease must be at least a fraction $c$ of the
# decrease the linear model predicts. *Backtracking* starts from $t = t_0$ and multiplies $t$ by
# $\rho\in(0,1)$ until the condition holds; the accepted step is the largest of $t_0, \rho t_0, \rho^2 t_0, \dots$ that
# satisfies it. Typical values: $t_0 = 1$, $c = 10^{-4}$, $\rho = \tfrac12$.
#
# **The rate on a quadratic.** Take $f(x) = \tfrac12 x^\top A x - b^\top x$ with $A$ symmetric positive definite,
# eigenvalues $0 < \mu = \lambda_{\min} \le \dots \le \lambda_{\max} = L$, minimiser $x^\star = A^{-1}b$. With a fixed step $t$, the
# error $e_k = x_k - x^\star$ obeys, because $\nabla f(x_k) = Ax_k - b = Ae_k$,
#
# $$e_{k+1} = e_k - tAe_k = (I - tA)\,e_k, \qquad \lVert e_{k+1}\rVert_2 \le \max_i |1 - t\lambda_i|\ \lVert e_k\rVert_2 ,$$
#
# with equality when $e_k$ lies along the worst eigenvector. The function $t \mapsto \max_i|1-t\lambda_i| = \max(|1-t\mu|, |1-tL|)$ is
# smallest where the two extremes balance, $1 - t\mu = -(1 - tL)$:
#
# $$t^\star = \frac{2}{\mu + L}, \qquad \text{rate } r = \frac{L-\mu}{L+\mu} = \frac{\kappa-1}{\kappa+1},\qquad \kappa = \frac{L}{\mu} \ (\text{the condition number}).$$
#
# Reaching accuracy $\epsilon$ takes about $\log(1/\epsilon)/\log(1/r) \approx \tfrac{\kappa}{2}\log(1/\epsilon)$ iterations: the cost of
# gradient descent grows *linearly* with the condition number. A line search does not need to know
# $\mu$ or $L$, but it cannot escape this dependence either, as your plot will show.
#
# **Your task.** Implement
#
# * `armijo_step`: the backtracking step for an objective (by name) at `x` along `direction`;
# * `gradient_descent`: gradient descent from `x0`, each step chosen by `armijo_step` with $t_0 = 1$ along
#   $d = -\nabla f(x_k)$, stopping as soon as $\lVert\nabla f(x_k)\rVert_2 \le$ `tol` or after `max_iter` steps;
# * `optimal_step_and_rate`: $t^\star$ and $r$ for a symmetric positive definite $A$ (use `np.linalg.eigvalsh`).
#
# Then **plot** the number of iterations your `gradient_descent` needs (`tol=1e-6`) against $\kappa$ from 1 to about
# 300, on log-log axes: for each $\kappa$, take the median over 5 random problems with $b = 0$, $x_0$ standard normal
# in $\mathbb R^{10}$ and a diagonal $A$ with eigenvalues $1$, $\kappa$ and 8 more drawn uniformly in between. Add the
# prediction $\log(\lVert\nabla f(x_0)\rVert/10^{-6}) / \log(1/r)$ for the fixed optimal step (median over the same
# problems). Why does the Armijo curve climb in steps? Its steps are powers of $\rho$.
#
# *Hints.* The Armijo test compares with the value $f(x)$ and slope $\nabla f(x)^\top d$ at the *starting*
# point: compute them once. On $f(x) = 2x^2$ from $x = 1$, the steps $1$ and $\tfrac12$ fail and $\tfrac14$ is accepted.
# A diagonal matrix's eigenvalues are its diagonal — but a general $A$ is not diagonal.

# %% [raw]
# # BEGIN SOLUTION

# %%
def armijo_step(name, x, direction, args=(), t0=1.0, c=1e-4, rho=0.5):
    """Backtracking line search: the largest t in {t0, rho t0, rho^2 t0, ...} with

        f(x + t d) <= f(x) + c t grad f(x)^T d.

    Parameters
    ----------
    name : str
        Objective in mlmathkit_fixtures (its gradient is name + "_grad").
    x : array of shape (d,), float
    direction : array of shape (d,), float
        A descent direction d (grad f(x)^T d < 0), not necessarily -grad f(x): use the slope grad f(x)^T d.
        If d is not a descent direction the behaviour is not graded.
    args : tuple
        Extra arguments of the objective: f(x, *args).
    t0 : float > 0, first trial step.
    c : float in (0, 1), sufficient-decrease constant.
    rho : float in (0, 1), backtracking factor.

    Returns
    -------
    t : float > 0

    A safety cap on the number of backtracking steps is allowed if it is at least 100 (no test needs more).
    x and direction are not modified. The arithmetic must be float64 (float32 is not accepted):
    steps are compared at rtol 1e-9.
    """
    # BEGIN SOLUTION
    import mlmathkit_fixtures as fx

    f, grad = fx.lookup(name), fx.lookup(name + "_grad")
    x, d = np.asarray(x, dtype=float), np.asarray(direction, dtype=float)
    f0, slope = f(x, *args), grad(x, *args) @ d
    t = t0
    for _ in range(200):  # a safety cap: no useful step is smaller than rho^200 t0
        if f(x + t * d, *args) <= f0 + c * t * slope:
            break
        t = rho * t
    return float(t)
    # END SOLUTION


def gradient_descent(name, x0, args=(), max_iter=1000, tol=1e-8, c=1e-4, rho=0.5):
    """Gradient descent x_{k+1} = x_k - t_k grad f(x_k), t_k = armijo_step(..., direction=-grad f(x_k), t0=1, c, rho).

    Stops at the first k with ||grad f(x_k)||_2 <= tol, or when k = max_iter.

    Parameters
    ----------
    name : str
        Objective in mlmathkit_fixtures.
    x0 : array of shape (d,), float
    args : tuple
        Extra arguments of the objective.
    max_iter : int >= 0, largest number of steps.
    tol : float >= 0, gradient-norm tolerance.
    c, rho : float, Armijo constants passed to armijo_step.

    Returns
    -------
    dict with
        "x" : array of shape (d,), the last iterate x_K
        "f" : array of shape (K + 1,), f(x_0), ..., f(x_K)
        "path" : array of shape (K + 1, d), the iterates x_0, ..., x_K

    x0 is not modified. The arithmetic must be float64 (float32 is not accepted): the tests use
    tolerances down to 1e-12 and compare paths at rtol 1e-7.
    """
    # BEGIN SOLUTION
    import mlmathkit_fixtures as fx

    f, grad = fx.lookup(name), fx.lookup(name + "_grad")
    x = np.asarray(x0, dtype=float)
    path = [x]
    for _ in range(max_iter):
        g = grad(x, *args)
        if np.linalg.norm(g) <= tol:
            break
        x = x - armijo_step(name, x, -g, args, 1.0, c, rho) * g
        path.append(x)
    return {"x": x, "f": np.array([f(p, *args) for p in path]), "path": np.array(path)}
    # END SOLUTION


def optimal_step_and_rate(A):
    """Best fixed step of gradient descent on f(x) = 1/2 x^T A x - b^T x, and its contraction factor.

    t* = 2 / (mu + L),   r = (L - mu) / (L + mu) = (kappa - 1) / (kappa + 1),
    with mu, L the smallest and largest eigenvalues of A and kappa = L / mu;
    ||x_{k+1} - x*||_2 <= r ||x_k - x*||_2 for the step t*.

    Parameters
    ----------
    A : array of shape (d, d), float, symmetric positive definite

    Returns
    -------
    (t_star, rate) : tuple of two floats (a dict with the keys "t_star" and "rate" is accepted too)

    A is not modified. float32 inputs and arithmetic are accepted: results are compared at rtol 1e-5 (t*)
    and 1e-6 (rate).
    """
    # BEGIN SOLUTION
    lam = np.linalg.eigvalsh(A)
    mu, L = lam[0], lam[-1]
    return float(2 / (mu + L)), float((L - mu) / (L + mu))
    # END SOLUTION

# %%
# Your plot: median iterations of gradient_descent against kappa (log-log), next to the predicted count.
# BEGIN SOLUTION
rng = np.random.default_rng(0)
kappas = np.logspace(0, 2.5, 12)
iterations, predicted = [], []
for kappa in kappas:
    runs, preds = [], []
    for _ in range(5):
        A_k = np.diag(np.concatenate([[1.0, kappa], rng.uniform(1.0, kappa, size=8)]))
        x0 = rng.normal(size=10)
        runs.append(len(gradient_descent("quadratic", x0, (A_k, np.zeros(10)), max_iter=20000, tol=1e-6)["f"]) - 1)
        rate = optimal_step_and_rate(A_k)[1]
        preds.append(np.log(np.linalg.norm(A_k @ x0) / 1e-6) / np.log(1 / rate) if rate > 0 else 1)
    iterations.append(np.median(runs))
    predicted.append(np.median(preds))
fig, ax = plt.subplots(figsize=(5, 3.5))
ax.loglog(kappas, iterations, "o-", label="gradient descent + Armijo (median of 5)")
ax.loglog(kappas, predicted, "--", label=r"fixed step $t^\star$: $\log(\|g_0\|/\epsilon)/\log(1/r)$")
ax.set_xlabel(r"condition number $\kappa$")
ax.set_ylabel("iterations to $\\|\\nabla f\\| \\leq 10^{-6}$")
ax.legend()
ax.set_title("Gradient descent slows down linearly in $\\kappa$")
plt.show()
# END SOLUTION

# %% [raw]
# # END SOLUTION

# %% [raw]
# # BEGIN TESTS

# %%
def test_worked_example(armijo_step, gradient_descent, optimal_step_and_rate):
    # f(x) = 2 x^2 (A = [[4]], b = 0) at x = 1, d = -f'(1) = -4:  f(1) = 2, slope = -16.
    # t = 1: f(-3) = 18 > 2 - 16c; t = 1/2: f(-1) = 2 > 2 - 8c; t = 1/4: f(0) = 0 <= 2 - 4c. Accept 1/4.
    import numpy as np
    from mlmathkit_checks import as_scalar, close, fields

    A, b = np.array([[4.0]]), np.array([0.0])
    close(as_scalar(armijo_step("quadratic", np.array([1.0]), np.array([-4.0]), (A, b)), "step"), 0.25,
          name="Armijo step on f = 2x^2 from x = 1", hint="halve t until f(x + t d) <= f(x) + c t grad^T d")
    close(as_scalar(armijo_step("quadratic", np.array([1.0]), np.array([-4.0]), (A, b), t0=0.3), "step"), 0.3,
          name="Armijo step when t0 = 0.3 already satisfies the condition", hint="start from t0, not from 1")
    # One step of size 1/4 lands on the minimiser x = 0, where the gradient is exactly 0: GD stops there.
    run = gradient_descent("quadratic", np.array([1.0]), (A, b), tol=0.0)
    x, f = fields(run, ["x", "f"], "gradient descent result")
    close(x, [0.0], name="x after gradient descent on 2x^2")
    close(f, [2.0, 0.0], name="f values: f(x_0), f(x_1)",
          hint="stop as soon as ||grad f(x_k)|| <= tol; record f at every iterate, x_0 included")
    # A = diag(1, 9): t* = 2 / (1 + 9) = 0.2, r = (9 - 1) / (9 + 1) = 0.8
    t, r = fields(optimal_step_and_rate(np.diag([1.0, 9.0])), ["t_star", "rate"], "result")
    close(np.array([as_scalar(t, "t_star"), as_scalar(r, "rate")]), [0.2, 0.8], name="(t*, r) for A = diag(1, 9)",
          hint="t* = 2 / (mu + L), r = (L - mu) / (L + mu)")

# %%
def test_properties(armijo_step, gradient_descent):
    import numpy as np
    import mlmathkit_fixtures as fx
    from mlmathkit_checks import as_array, as_scalar, close, fields, require

    x = np.array([-1.2, 1.0])
    g = fx.rosenbrock_grad(x)
    t = as_scalar(armijo_step("rosenbrock", x, -g), "step")
    require(0 < t <= 1, f"the step should lie in (0, t0] = (0, 1], got {t:.3g}")
    require(fx.rosenbrock(x - t * g) <= fx.rosenbrock(x) - 1e-4 * t * g @ g,
            "the returned step does not satisfy the Armijo condition f(x + t d) <= f(x) + c t grad^T d")
    rng = np.random.default_rng(2)
    M = rng.normal(size=(4, 4))
    A, b = M @ M.T + np.eye(4), rng.normal(size=4)
    run = gradient_descent("quadratic", np.zeros(4), (A, b), max_iter=5000, tol=1e-9)
    x_end, f, path = fields(run, ["x", "f", "path"], "gradient descent result")
    close(x_end, np.linalg.solve(A, b), rtol=1e-6, atol=1e-8, name="gradient descent's answer on a quadratic",
          hint="the minimiser of 1/2 x^T A x - b^T x solves A x = b")
    f = as_array(f, "f values")
    path = as_array(path, "path", shape=(f.size, 4))
    require(bool(np.all(np.diff(f) <= 0)), "with the Armijo condition, f must never increase")
    close(path[0], np.zeros(4), name="first row of path (x_0)")
    close(path[-1], x_end, name="last row of path", hint="path[-1] should be the returned x")

# %%
# HIDDEN
def test_armijo_closed_form_on_quadratics(armijo_step):
    """Backtracking on quadratics along descent directions other than the negative gradient, for several t0, c and rho."""
    # Oracle: on a quadratic, f(x + t d) = f(x) + t g^T d + t^2/2 d^T A d, so the Armijo condition is
    # t <= t_max = -2 (1 - c) g^T d / d^T A d and backtracking accepts t0 rho^k with the smallest such k.
    # Cases are drawn so that log(t_max / t0) / log(rho) is never within 1e-3 of an integer (no ties).
    import numpy as np
    from mlmathkit_checks import as_scalar, close

    rng = np.random.default_rng(402)
    done = 0
    while done < 12:
        d_ = int(rng.integers(1, 6))
        M = rng.normal(size=(d_, d_))
        A = M @ M.T + 0.1 * np.eye(d_)
        b, x = rng.normal(size=d_), rng.normal(size=d_)
        g = A @ x - b
        direction = -g + 0.5 * rng.normal(size=d_) * np.abs(g).max()
        if g @ direction >= 0:
            continue
        t0, c, rho = float(rng.choice([1.0, 2.0, 0.1])), float(rng.choice([1e-4, 0.3])), float(rng.choice([0.5, 0.8]))
        t_max = -2 * (1 - c) * (g @ direction) / (direction @ A @ direction)
        k = np.log(t_max / t0) / np.log(rho)
        if abs(k - round(k)) < 1e-3:
            continue
        expected = t0 * rho ** max(0, int(np.ceil(k)))
        got = as_scalar(armijo_step("quadratic", x, direction, (A, b), t0, c, rho), "step")
        close(got, expected, rtol=1e-9, name=f"Armijo step (d={d_}, t0={t0:g}, c={c:g}, rho={rho:g})",
              hint="accept the first t in t0, rho t0, rho^2 t0, ... with f(x + t d) <= f(x) + c t grad^T d")
        done += 1

# %%
# HIDDEN
def test_armijo_on_rosenbrock(armijo_step):
    """Backtracking on the Rosenbrock function: the first acceptable step of the form t0 rho^k."""
    # Oracle: the definition. The answer must be t0 rho^k, satisfy the Armijo condition, and t / rho must not.
    import numpy as np
    import mlmathkit_fixtures as fx
    from mlmathkit_checks import as_scalar, require

    rng = np.random.default_rng(403)
    for _ in range(10):
        x = rng.uniform(-2, 2, size=3)
        g = fx.rosenbrock_grad(x)
        t0, c, rho = 1.0, float(rng.choice([1e-4, 0.5])), float(rng.choice([0.5, 0.9]))
        t = as_scalar(armijo_step("rosenbrock", x, -g, (), t0, c, rho), "step")
        k = np.log(t / t0) / np.log(rho)
        require(t > 0 and abs(k - round(k)) < 1e-9, f"the step {t:.6g} is not of the form t0 rho^k (rho = {rho})")

        def armijo(s):
            return fx.rosenbrock(x - s * g) <= fx.rosenbrock(x) - c * s * g @ g

        require(armijo(t), f"the step {t:.6g} does not satisfy the Armijo condition (c = {c})")
        require(not armijo(t / rho), f"the step {t / rho:.6g} = t / rho also satisfies the Armijo condition: "
                "backtracking must stop at the FIRST acceptable step")
    t = as_scalar(armijo_step("rosenbrock", np.array([1.1, 1.2]), -fx.rosenbrock_grad(np.array([1.1, 1.2])), (), 1e-3), "step")
    require(t == 1e-3, f"a tiny t0 = 1e-3 is acceptable already and must be returned unchanged, got {t:.6g}")

# %%
# HIDDEN
def test_gradient_descent_trajectory(gradient_descent):
    """The whole path and f values of gradient descent with line search on quadratics."""
    # Oracle: the closed-form Armijo step of a quadratic (see the previous test), iterated independently.
    import numpy as np
    from mlmathkit_checks import as_array, close, fields

    rng = np.random.default_rng(404)
    for trial, (d_, c, rho) in enumerate([(2, 1e-4, 0.5), (5, 0.3, 0.5), (3, 1e-4, 0.7)]):
        Q = np.linalg.qr(rng.normal(size=(d_, d_)))[0]
        A = (Q * np.logspace(0, 1.5, d_)) @ Q.T
        A = (A + A.T) / 2
        b, x = rng.normal(size=d_), rng.normal(size=d_) * 3
        path, values = [x], [0.5 * x @ A @ x - b @ x]
        for _ in range(30):
            g = A @ x - b
            t_max = 2 * (1 - c) * (g @ g) / (g @ A @ g)
            t = rho ** max(0, int(np.ceil(np.log(t_max) / np.log(rho))))
            x = x - t * g
            path.append(x)
            values.append(0.5 * x @ A @ x - b @ x)
        x0 = path[0].copy()
        x_end, f, p = fields(gradient_descent("quadratic", x0, (A, b), 30, 0.0, c, rho), ["x", "f", "path"], "result")
        tag = f"(d={d_}, c={c:g}, rho={rho:g})"
        close(x0, path[0], rtol=0, atol=0, name="x0 after gradient descent", hint="do not update the input x0 in place")
        close(f, values, rtol=1e-7, atol=1e-9, name=f"f values over 30 steps {tag}",
              hint="each step: armijo_step from t0 = 1 along d = -grad f(x_k), then x_{k+1} = x_k + t d")
        close(p, np.array(path), rtol=1e-7, atol=1e-9, name=f"path over 30 steps {tag}")
        close(x_end, path[-1], rtol=1e-7, atol=1e-9, name=f"last iterate {tag}")

# %%
# HIDDEN
def test_gradient_descent_stopping_and_convergence(gradient_descent):
    """The stopping rule, the iteration limit (max_iter = 0 included) and a start at the minimiser."""
    # Oracle: scipy.linalg.solve for the minimiser; the stopping rule is checked on the gradient norm.
    import numpy as np
    from scipy.linalg import solve
    import mlmathkit_fixtures as fx
    from mlmathkit_checks import as_array, close, fields, require

    rng = np.random.default_rng(405)
    M = rng.normal(size=(6, 6))
    A, b = M @ M.T + 0.5 * np.eye(6), rng.normal(size=6)
    x_end, f, p = fields(gradient_descent("quadratic", np.zeros(6), (A, b), 2000, 1e-7), ["x", "f", "path"], "result")
    x_star = solve(A, b, assume_a="pos")
    close(x_end, x_star, rtol=0.0, atol=1e-7 * np.linalg.norm(x_star) * np.linalg.cond(A),
          name="minimiser of an ill-conditioned quadratic")
    p = as_array(p, "path")
    grads = np.linalg.norm(p @ A - b, axis=1)
    require(grads[-1] <= 1e-7, f"stopped with ||grad|| = {grads[-1]:.3g} > tol = 1e-7")
    require(bool(np.all(grads[:-1] > 1e-7)), "gradient descent ran on after ||grad|| <= tol: stop at the first such iterate")
    # max_iter bounds the number of steps; max_iter = 0 returns x0 untouched
    x_end, f, p = fields(gradient_descent("rosenbrock", np.array([-1.2, 1.0]), (), 50), ["x", "f", "path"], "result")
    f = as_array(f, "f values", shape=(51,))
    require(bool(np.all(np.diff(f) <= 0)) and f[-1] < 0.5 * f[0], "50 Armijo steps on the Rosenbrock function must decrease f")
    close(f[-1], fx.rosenbrock(as_array(x_end, "x")), name="last f value = f(returned x)")
    x_end, f, p = fields(gradient_descent("rosenbrock", np.array([-1.2, 1.0]), (), 0), ["x", "f", "path"], "result")
    close(x_end, [-1.2, 1.0], name="x with max_iter = 0")
    close(f, [fx.rosenbrock(np.array([-1.2, 1.0]))], name="f values with max_iter = 0")
    # starting exactly at the minimiser (gradient exactly 0): no step at all
    A, b = np.diag([2.0, 4.0]), np.array([2.0, 8.0])
    x_end, f, p = fields(gradient_descent("quadratic", np.array([1.0, 2.0]), (A, b), 100, 1e-12), ["x", "f", "path"], "result")
    close(f, [fx.quadratic(np.array([1.0, 2.0]), A, b)], name="f values when x0 is already the minimiser",
          hint="test ||grad f(x_k)|| <= tol BEFORE taking a step")

# %%
# HIDDEN
def test_rate_against_spectral_radius(optimal_step_and_rate):
    """The optimal fixed step and rate for general (non-diagonal) symmetric matrices."""
    # Oracle: minimise the spectral radius of the iteration matrix I - tA over t numerically (scipy,
    # bounded Brent, ~1e-10 accurate), and measure the contraction of fixed-step iterations directly.
    import numpy as np
    from scipy.optimize import minimize_scalar
    from mlmathkit_checks import as_scalar, close, fields

    rng = np.random.default_rng(406)
    for d_, kappa in [(3, 10.0), (5, 1000.0), (4, 1.5), (8, 50.0)]:
        Q = np.linalg.qr(rng.normal(size=(d_, d_)))[0]
        lam = np.concatenate([[2.0, 2.0 * kappa], rng.uniform(2.0, 2.0 * kappa, size=d_ - 2)])
        A = (Q * lam) @ Q.T
        A = (A + A.T) / 2

        def radius(t):
            return np.abs(np.linalg.eigvals(np.eye(d_) - t * A)).max()

        best = minimize_scalar(radius, bounds=(0.0, 2.0 / lam.max()), method="bounded", options={"xatol": 1e-14})
        t, r = fields(optimal_step_and_rate(A), ["t_star", "rate"], "result")
        t, r = as_scalar(t, "t_star"), as_scalar(r, "rate")
        close(t, best.x, rtol=1e-5, name=f"t* (d={d_}, kappa={kappa:g})",
              hint="use the extreme eigenvalues of A (np.linalg.eigvalsh), not its diagonal")
        close(r, best.fun, rtol=1e-6, name=f"rate (d={d_}, kappa={kappa:g})", hint="r = (kappa - 1) / (kappa + 1)")
        e = Q[:, 0] + Q[:, 1]  # along the extreme eigenvectors: the bound is attained
        close(np.linalg.norm(e - t * (A @ e)) / np.linalg.norm(e), r, rtol=1e-6,
              name=f"measured contraction factor (d={d_}, kappa={kappa:g})")

# %%
# HIDDEN
def test_armijo_scaled_and_preconditioned_directions(armijo_step):
    """Descent directions that are scaled or preconditioned versions of the negative gradient, with a large c."""
    # Oracle: the closed form of the previous test, t_max = -2 (1 - c) g^T d / d^T A d on quadratics. The slope is
    # g^T d for the given d; -||g||^2 is the slope only when d = -g. Ties (k within 1e-3 of an integer) are skipped.
    import numpy as np
    from mlmathkit_checks import as_scalar, close, require

    rng = np.random.default_rng(407)
    done = 0
    while done < 10:
        d_ = int(rng.integers(2, 6))
        M = rng.normal(size=(d_, d_))
        A = M @ M.T + 0.5 * np.eye(d_)
        b, x = rng.normal(size=d_), rng.normal(size=d_)
        g = A @ x - b
        scale = float(rng.choice([0.05, 2.0, 5.0])) if done % 2 else 1.0
        direction = -scale * rng.uniform(0.2, 3.0, size=d_) * g  # a positive diagonal preconditioner, scaled
        c, rho = float(rng.choice([0.3, 0.5])), float(rng.choice([0.5, 0.7]))
        if -(g @ direction) < 1.5 * c * (g @ g):
            continue  # keep cases where even a wrong slope -||g||^2 terminates
        t_max = -2 * (1 - c) * (g @ direction) / (direction @ A @ direction)
        k = np.log(t_max) / np.log(rho)
        if abs(k - round(k)) < 1e-3:
            continue
        expected = rho ** max(0, int(np.ceil(k)))
        x_before, d_before = x.copy(), direction.copy()
        got = as_scalar(armijo_step("quadratic", x, direction, (A, b), 1.0, c, rho), "step")
        close(got, expected, rtol=1e-9, name=f"Armijo step along a preconditioned direction (d={d_}, c={c:g}, rho={rho:g})",
              hint="the slope in the Armijo condition is grad f(x)^T d for the given direction d")
        require(bool(np.array_equal(x, x_before)) and bool(np.array_equal(direction, d_before)),
                "armijo_step changed its input x or direction")
        done += 1

# %% [raw]
# # END TESTS

# %% [raw]
# # END QUESTION

# %% [raw]
# # BEGIN QUESTION
# name: q3_momentum_adam

# %% [markdown]
# ## Question 3 — Momentum, Nesterov and Adam, step by step
#
# **Why it matters.** Almost no network is trained with plain gradient descent: the default optimizers
# are SGD with momentum and Adam. Momentum accelerates progress along the long, shallow valleys of an
# ill-conditioned loss (Question 2); Adam rescales every coordinate by a running estimate of its
# gradient's magnitude, which makes it robust to badly scaled parameters. Knowing their exact update
# rules — including conventions and the bias correction — is what lets you reproduce a paper's
# results, port an optimizer between frameworks, or debug a training run.
#
# **Momentum (heavy ball).** Keep a *velocity* $v$, a running sum of past gradients, and step along it.
# We use PyTorch's convention (`torch.optim.SGD(lr=η, momentum=μ)`), with $v_0 = 0$:
#
# $$v_{k+1} = \mu\,v_k + \nabla f(x_k), \qquad x_{k+1} = x_k - \eta\, v_{k+1}.$$
#
# (The textbook form $u_{k+1} = \mu u_k - \eta\nabla f(x_k)$, $x_{k+1} = x_k + u_{k+1}$ is the same
# method with $u = -\eta v$ when $\eta$ is constant.) Along a direction where the gradient is steady,
# the velocity grows to $\nabla f/(1-\mu)$: an effective step $1/(1-\mu)$ times larger, e.g. $10\times$ for
# $\mu = 0.9$; along a direction where it oscillates, successive gradients cancel. On a quadratic with
# well-chosen $\eta$ and $\mu$ the error contracts like $\frac{\sqrt\kappa-1}{\sqrt\kappa+1}$ per step instead of
# $\frac{\kappa-1}{\kappa+1}$ — a square root of the condition number saved.
#
# **Nesterov momentum** looks ahead: it corrects the step with the velocity it is about to apply.
# PyTorch's form (`nesterov=True`) is
#
# $$v_{k+1} = \mu\,v_k + \nabla f(x_k), \qquad x_{k+1} = x_k - \eta\,\big(\nabla f(x_k) + \mu\, v_{k+1}\big).$$
#
# **Adam** keeps exponential moving averages of the gradient $g_k = \nabla f(x_k)$ and of its square
# (element-wise), $m_0 = s_0 = 0$, and for $k = 1, 2, \dots$
#
# $$m_k = \beta_1 m_{k-1} + (1-\beta_1)\, g_{k-1}, \qquad s_k = \beta_2 s_{k-1} + (1-\beta_2)\, g_{k-1}^2,$$
#
# $$\hat m_k = \frac{m_k}{1-\beta_1^{\,k}}, \qquad \hat s_k = \frac{s_k}{1-\beta_2^{\,k}}, \qquad x_k = x_{k-1} - \eta\,\frac{\hat m_k}{\sqrt{\hat s_k} + \epsilon}.$$
#
# *Why the bias correction.* Starting from $0$, the average is biased towards $0$: if every gradient
# were equal to $g$, then $m_k = (1-\beta_1)\sum_{j<k}\beta_1^j g = (1-\beta_1^k)\,g$. Dividing by $1-\beta_1^k$ removes
# exactly that factor — it matters most in the first steps, where for $\beta_2 = 0.999$ the raw $s_k$ is
# a thousand times too small. One consequence you can check by hand: the very first Adam step moves
# every coordinate by $\eta\, g/(|g|+\epsilon) \approx \eta\,\operatorname{sign}(g)$, whatever the size of the gradient.
#
# **Your task.** Implement `momentum_path` (heavy ball, and Nesterov when `nesterov=True`) and
# `adam_path`. Both return the whole trajectory $x_0, x_1, \dots, x_{n}$ as the rows of an array. You are
# graded against `torch.optim.SGD` and `torch.optim.Adam` run on the same objective with the same
# hyperparameters. Then **plot** the trajectories of gradient descent with the Armijo line search
# (Question 2), heavy-ball momentum, Nesterov and Adam on the contours of the ill-conditioned
# quadratic $f(x) = \tfrac12 x^\top A x$ with $A = \begin{pmatrix}10 & 9\\ 9 & 10\end{pmatrix}$ (eigenvalues 1 and 19), from $x_0 = (-4, -2)$,
# 40 steps each (try `lr=0.05, momentum=0.6` for both momentum methods and `lr=0.3` for Adam, then vary them).
#
# *Hints.* Compute the gradient once per step, at the current point. With `momentum=0` your momentum
# method must reduce to plain gradient descent with step `lr`. In Adam, the step counter in the bias
# correction starts at $k = 1$ for the first update.

# %% [raw]
# # BEGIN SOLUTION

# %%
def momentum_path(name, x0, args=(), lr=0.01, momentum=0.9, nesterov=False, n_steps=100):
    """Gradient descent with (heavy-ball or Nesterov) momentum, PyTorch's convention, v_0 = 0:

        v_{k+1} = momentum v_k + grad f(x_k)
        x_{k+1} = x_k - lr v_{k+1}                                   (nesterov=False)
        x_{k+1} = x_k - lr (grad f(x_k) + momentum v_{k+1})          (nesterov=True)

    Parameters
    ----------
    name : str
        Objective in mlmathkit_fixtures (its gradient is name + "_grad").
    x0 : array of shape (d,), float
    args : tuple
        Extra arguments of the objective.
    lr : float > 0, learning rate eta.
    momentum : float in [0, 1), mu.
    nesterov : bool
    n_steps : int >= 0

    Returns
    -------
    path : array of shape (n_steps + 1, d), float; row k is x_k (row 0 is x0).

    The textbook form u <- mu u - lr grad, x <- x + u (u = -lr v) is the same method and is accepted.
    x0 is not modified. float32 arithmetic is accepted: paths are compared at rtol 1e-4.
    """
    # BEGIN SOLUTION
    import mlmathkit_fixtures as fx

    grad = fx.lookup(name + "_grad")
    x = np.asarray(x0, dtype=float)
    v = np.zeros(x.size)
    path = [x]
    for _ in range(n_steps):
        g = grad(x, *args)
        v = momentum * v + g
        x = x - lr * (g + momentum * v if nesterov else v)
        path.append(x)
    return np.array(path)
    # END SOLUTION


def adam_path(name, x0, args=(), lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8, n_steps=100):
    """Adam (Kingma & Ba, 2015), as torch.optim.Adam with default options; m_0 = s_0 = 0, for k = 1..n_steps:

        g = grad f(x_{k-1})
        m_k = beta1 m_{k-1} + (1 - beta1) g,        s_k = beta2 s_{k-1} + (1 - beta2) g^2   (element-wise)
        x_k = x_{k-1} - lr (m_k / (1 - beta1^k)) / (sqrt(s_k / (1 - beta2^k)) + eps)

    Parameters
    ----------
    name : str
        Objective in mlmathkit_fixtures.
    x0 : array of shape (d,), float
    args : tuple
        Extra arguments of the objective.
    lr, beta1, beta2, eps : float
    n_steps : int >= 0

    Returns
    -------
    path : array of shape (n_steps + 1, d), float; row k is x_k (row 0 is x0).

    x0 is not modified. float32 arithmetic is accepted: paths are compared at rtol 1e-4 (1e-5 in the worked example).
    """
    # BEGIN SOLUTION
    import mlmathkit_fixtures as fx

    grad = fx.lookup(name + "_grad")
    x = np.asarray(x0, dtype=float)
    m, s = np.zeros(x.size), np.zeros(x.size)
    path = [x]
    for k in range(1, n_steps + 1):
        g = grad(x, *args)
        m = beta1 * m + (1 - beta1) * g
        s = beta2 * s + (1 - beta2) * g**2
        x = x - lr * (m / (1 - beta1**k)) / (np.sqrt(s / (1 - beta2**k)) + eps)
        path.append(x)
    return np.array(path)
    # END SOLUTION

# %%
# Your plot: the four trajectories on the contours of f(x) = 1/2 x^T A x, A = [[10, 9], [9, 10]], from (-4, -2).
# BEGIN SOLUTION
A_plot = np.array([[10.0, 9.0], [9.0, 10.0]])
args_plot = (A_plot, np.zeros(2))
start = np.array([-4.0, -2.0])
paths = {
    "GD + Armijo": gradient_descent("quadratic", start, args_plot, max_iter=40)["path"],
    "heavy ball (lr=0.05, mu=0.6)": momentum_path("quadratic", start, args_plot, lr=0.05, momentum=0.6, n_steps=40),
    "Nesterov (lr=0.05, mu=0.6)": momentum_path("quadratic", start, args_plot, lr=0.05, momentum=0.6, nesterov=True, n_steps=40),
    "Adam (lr=0.3)": adam_path("quadratic", start, args_plot, lr=0.3, n_steps=40),
}
g1, g2 = np.meshgrid(np.linspace(-4.5, 4.5, 200), np.linspace(-4.5, 4.5, 200))
values = 0.5 * (A_plot[0, 0] * g1**2 + 2 * A_plot[0, 1] * g1 * g2 + A_plot[1, 1] * g2**2)
fig, ax = plt.subplots(figsize=(6, 6))
ax.contour(g1, g2, values, levels=np.logspace(-1.5, 2.3, 12), colors="0.6", linewidths=0.7)
for label, p in paths.items():
    ax.plot(p[:, 0], p[:, 1], ".-", lw=1, ms=3, label=label)
ax.plot(0, 0, "k*", ms=12)
ax.set_aspect("equal")
ax.legend(loc="upper left", fontsize=8)
ax.set_title("40 steps on an ill-conditioned quadratic (kappa = 19)")
plt.show()
# END SOLUTION

# %% [raw]
# # END SOLUTION

# %% [raw]
# # BEGIN TESTS

# %%
def test_worked_example_one_dimension(momentum_path, adam_path):
    # f(x) = x^2 / 2 (A = [[1]], b = 0), x0 = 1, lr = 0.1, mu = 0.5; the gradient is x.
    # heavy ball: v1 = 1, x1 = 0.9;  v2 = 0.5 + 0.9 = 1.4, x2 = 0.9 - 0.14 = 0.76
    # Nesterov:   v1 = 1, x1 = 1 - 0.1 (1 + 0.5) = 0.85;  v2 = 0.5 + 0.85 = 1.35, x2 = 0.85 - 0.1 (0.85 + 0.675) = 0.6975
    import numpy as np
    from mlmathkit_checks import close

    args = (np.array([[1.0]]), np.array([0.0]))
    close(momentum_path("quadratic", np.array([1.0]), args, lr=0.1, momentum=0.5, n_steps=2), [[1.0], [0.9], [0.76]],
          name="heavy-ball path", hint="v <- mu v + grad, then x <- x - lr v; row 0 is x0")
    close(momentum_path("quadratic", np.array([1.0]), args, lr=0.1, momentum=0.5, nesterov=True, n_steps=2),
          [[1.0], [0.85], [0.6975]], name="Nesterov path", hint="x <- x - lr (grad + mu v), with the NEW v")
    # Adam, lr = 0.1: step 1 moves by lr g / (|g| + eps) = 0.1; step 2 from x1 = 0.9 (g = 0.9):
    # m2 = 0.9 * 0.1 + 0.1 * 0.9 = 0.18, s2 = 0.999 * 0.001 + 0.001 * 0.81 = 0.001809
    eps = 1e-8
    x1 = 1.0 - 0.1 * 1.0 / (1.0 + eps)
    g = x1
    m2, s2 = 0.9 * 0.1 + 0.1 * g, 0.999 * 0.001 + 0.001 * g**2
    x2 = x1 - 0.1 * (m2 / (1 - 0.9**2)) / (np.sqrt(s2 / (1 - 0.999**2)) + eps)
    close(adam_path("quadratic", np.array([1.0]), args, lr=0.1, n_steps=2), [[1.0], [x1], [x2]], rtol=1e-5,
          name="Adam path", hint="bias-correct with 1 - beta^k, k = 1 for the first step")

# %%
def test_properties(momentum_path, adam_path):
    import numpy as np
    import mlmathkit_fixtures as fx
    from mlmathkit_checks import as_array, close

    x0 = np.array([-1.2, 1.0])
    p = as_array(momentum_path("rosenbrock", x0, lr=1e-3, momentum=0.0, n_steps=3), "path", shape=(4, 2))
    x = x0.copy()
    for k in range(3):
        x = x - 1e-3 * fx.rosenbrock_grad(x)
        close(p[k + 1], x, name=f"row {k + 1} of the path with momentum 0", hint="momentum 0 is plain gradient descent")
    as_array(momentum_path("rosenbrock", x0, n_steps=0), "path with n_steps = 0", shape=(1, 2))
    p = as_array(adam_path("rosenbrock", x0, lr=0.01, n_steps=5), "Adam path", shape=(6, 2))
    close(p[0], x0, name="row 0 of the Adam path")
    close(p[1] - p[0], -0.01 * np.sign(fx.rosenbrock_grad(x0)), name="first Adam step",
          hint="after bias correction the first step is lr g / (|g| + eps) in every coordinate")

# %%
# HIDDEN
def test_momentum_against_torch_sgd(momentum_path):
    """Heavy-ball and Nesterov paths over many steps, against PyTorch's SGD."""
    # Oracle: torch.optim.SGD(lr, momentum, nesterov) on float64 torch versions of the objectives.
    # Rounding differences grow along 200 steps on the Rosenbrock valley: float32 answers drift by ~5e-6
    # relative, so rtol 1e-4 (atol 1e-6 of the path's scale); every mistake is off by 1e-2 or more.
    import numpy as np
    import torch
    from mlmathkit_checks import close

    def run(f_torch, x0, n, **kw):
        p = torch.tensor(x0, dtype=torch.float64, requires_grad=True)
        opt = torch.optim.SGD([p], **kw)
        path = [x0.copy()]
        for _ in range(n):
            opt.zero_grad()
            f_torch(p).backward()
            opt.step()
            path.append(p.detach().numpy().copy())
        return np.array(path)

    def rosen(x):
        return (100.0 * (x[1:] - x[:-1] ** 2) ** 2 + (1.0 - x[:-1]) ** 2).sum()

    rng = np.random.default_rng(501)
    Q = np.linalg.qr(rng.normal(size=(4, 4)))[0]
    A, b = (Q * np.array([1.0, 3.0, 10.0, 30.0])) @ Q.T, rng.normal(size=4)
    A = (A + A.T) / 2
    At, bt = torch.tensor(A), torch.tensor(b)
    cases = [("rosenbrock", np.array([-1.2, 1.0]), (), rosen, dict(lr=1e-3, momentum=0.9), 200),
             ("rosenbrock", np.array([-1.2, 1.0]), (), rosen, dict(lr=5e-4, momentum=0.95, nesterov=True), 200),
             ("rosenbrock", rng.uniform(-1, 1, size=4), (), rosen, dict(lr=1e-3, momentum=0.5, nesterov=True), 100),
             ("quadratic", rng.normal(size=4), (A, b), lambda x: 0.5 * x @ At @ x - bt @ x, dict(lr=0.03, momentum=0.7), 60),
             ("quadratic", rng.normal(size=4), (A, b), lambda x: 0.5 * x @ At @ x - bt @ x,
              dict(lr=0.03, momentum=0.7, nesterov=True), 60)]
    for name, x0, args, f_torch, kw, n in cases:
        expected = run(f_torch, x0, n, **kw)
        x0_before = x0.copy()
        got = momentum_path(name, x0, args, kw["lr"], kw["momentum"], kw.get("nesterov", False), n)
        close(x0, x0_before, rtol=0, atol=0, name="x0 after momentum_path", hint="do not update the input x0 in place")
        close(got, expected, rtol=1e-4, atol=1e-6 * np.abs(expected).max(), name=f"{name} path with {kw}",
              hint="v <- mu v + grad; heavy ball steps along v, Nesterov along grad + mu v")

# %%
# HIDDEN
def test_adam_against_torch(adam_path):
    """Adam paths over many steps, with non-default betas, a large eps and a zero gradient component."""
    # Oracle: torch.optim.Adam on float64 torch versions of the objectives, including a large eps
    # (which tests where eps enters) and a coordinate whose gradient is exactly zero. Tolerances as for
    # momentum: float32 answers drift by ~6e-6 relative over 200 steps.
    import numpy as np
    import torch
    from mlmathkit_checks import close

    def run(f_torch, x0, n, **kw):
        p = torch.tensor(x0, dtype=torch.float64, requires_grad=True)
        opt = torch.optim.Adam([p], **kw)
        path = [x0.copy()]
        for _ in range(n):
            opt.zero_grad()
            f_torch(p).backward()
            opt.step()
            path.append(p.detach().numpy().copy())
        return np.array(path)

    def rosen(x):
        return (100.0 * (x[1:] - x[:-1] ** 2) ** 2 + (1.0 - x[:-1]) ** 2).sum()

    rng = np.random.default_rng(502)
    A = np.diag([1.0, 100.0, 0.01])
    b = np.array([1.0, -2.0, 0.0])
    At, bt = torch.tensor(A), torch.tensor(b)
    quad = lambda x: 0.5 * x @ At @ x - bt @ x  # noqa: E731
    cases = [("rosenbrock", np.array([-1.2, 1.0]), (), rosen, dict(lr=0.01), 200),
             ("rosenbrock", rng.uniform(-1, 1, size=3), (), rosen, dict(lr=0.05, betas=(0.8, 0.99)), 100),
             ("quadratic", np.array([3.0, 1.0, 0.0]), (A, b), quad, dict(lr=0.1), 100),
             ("quadratic", np.array([3.0, 1.0, 2.0]), (A, b), quad, dict(lr=0.1, eps=0.5, betas=(0.5, 0.9)), 50)]
    for name, x0, args, f_torch, kw, n in cases:
        expected = run(f_torch, x0, n, **kw)
        beta1, beta2 = kw.get("betas", (0.9, 0.999))
        x0_before = x0.copy()
        got = adam_path(name, x0, args, kw["lr"], beta1, beta2, kw.get("eps", 1e-8), n)
        close(x0, x0_before, rtol=0, atol=0, name="x0 after adam_path", hint="do not update the input x0 in place")
        close(got, expected, rtol=1e-4, atol=1e-6 * np.abs(expected).max(), name=f"{name} Adam path with {kw}",
              hint="m and s start at 0; bias-correct both with 1 - beta^k; eps is added to the square root, outside it")

# %% [raw]
# # END TESTS

# %% [raw]
# # END QUESTION

# %% [raw]
# # BEGIN QUESTION
# name: q4_kkt

# %% [markdown]
# ## Question 4 — Constrained quadratic programs and the KKT conditions
#
# **Why it matters.** Many learning problems carry constraints: the support vector machine (margin
# constraints), portfolio and resource allocation (budgets), fairness constraints, projections onto a
# simplex or a box, trust regions. Their optimality conditions, the Karush–Kuhn–Tucker (KKT)
# conditions, are the language in which such problems are solved and in which a solver's answer is
# *certified*: the SVM's support vectors are exactly the points with non-zero multipliers.
#
# **Equality constraints.** Minimise $\tfrac12 x^\top Q x + c^\top x$ subject to $Ax = b$, with
# $Q\in\mathbb R^{n\times n}$ symmetric and $A\in\mathbb R^{m\times n}$ of full row rank $m < n$. Attach a multiplier
# $\lambda_i$ to each constraint in the *Lagrangian*
#
# $$\mathcal L(x,\lambda) = \tfrac12 x^\top Q x + c^\top x + \lambda^\top(Ax - b).$$
#
# At a constrained minimum, the gradient of the objective must be orthogonal to the feasible set (any
# component along it could be followed downhill), i.e. a combination of the constraint normals:
# $\nabla_x\mathcal L = Qx + c + A^\top\lambda = 0$. Together with feasibility this is one linear system,
# the **KKT system**
#
# $$\begin{pmatrix} Q & A^\top \\ A & 0\end{pmatrix}\begin{pmatrix} x\\ \lambda\end{pmatrix} = \begin{pmatrix} -c\\ b\end{pmatrix}.$$
#
# It is non-singular, with a unique minimiser, whenever $Q$ is positive definite *on the null space of
# $A$* ($z^\top Qz > 0$ for every $z \ne 0$ with $Az = 0$) — $Q$ itself may be singular or even indefinite:
# only the curvature along feasible directions matters. The multiplier has a meaning: $\lambda_i$ is
# minus the rate at which the optimal value changes when $b_i$ increases.
#
# **Inequality constraints.** For $\min \tfrac12 x^\top Qx + c^\top x$ subject to $Gx \le h$ ($p$ constraints),
# a point $x$ with multipliers $\mu\in\mathbb R^p$ satisfies the KKT conditions when
#
# $$\underbrace{Qx + c + G^\top\mu = 0}_{\text{stationarity}},\qquad \underbrace{Gx \le h}_{\text{primal feasibility}},\qquad \underbrace{\mu \ge 0}_{\text{dual feasibility}},\qquad \underbrace{\mu_i\,(Gx-h)_i = 0\ \forall i}_{\text{complementary slackness}} .$$
#
# Complementary slackness says that a constraint with slack ($(Gx-h)_i < 0$) has $\mu_i = 0$: only *active*
# constraints push. For a convex problem ($Q \succeq 0$) these conditions are sufficient for optimality,
# so they certify a solver's answer. In floating point they hold only approximately; a solver reports
# how far off they are through the four **residuals**
#
# $$r_{\text{stat}} = \lVert Qx+c+G^\top\mu\rVert_\infty,\quad r_{\text{primal}} = \max\big(0, \max_i (Gx-h)_i\big),\quad r_{\text{dual}} = \max\big(0, \max_i(-\mu_i)\big),\quad r_{\text{comp}} = \max_i |\mu_i (Gx-h)_i| .$$
#
# **Your task.** Implement `eq_qp` (solve the KKT system; `np.block` assembles it) and `kkt_residuals`.
#
# *Hints.* Check `eq_qp` on $\min \tfrac12\lVert x\rVert^2$ subject to $x_1 + x_2 = 1$, solvable by hand. A constraint that is
# satisfied with slack is not violated: what should the primal residual be when $Gx < h$?

# %% [raw]
# # BEGIN SOLUTION

# %%
def eq_qp(Q, c, A, b):
    """Minimise 1/2 x^T Q x + c^T x subject to A x = b, through the KKT system

        [[Q, A^T], [A, 0]] [x; lam] = [-c; b]      (stationarity: Q x + c + A^T lam = 0).

    Parameters
    ----------
    Q : array of shape (n, n), float, symmetric, positive definite on the null space of A
    c : array of shape (n,), float
    A : array of shape (m, n), float, full row rank, m < n
    b : array of shape (m,), float

    Returns
    -------
    (x, lam) : tuple of arrays of shapes (n,) and (m,)

    Q may be singular or indefinite (only its curvature on the null space of A matters). The inputs are
    not modified. The arithmetic must be float64 (float32 is not accepted: some tests are ill-conditioned).
    """
    # BEGIN SOLUTION
    Q, A, c, b = (np.asarray(v, dtype=float) for v in (Q, A, c, b))
    n, m = len(c), len(b)
    K = np.block([[Q, A.T], [A, np.zeros((m, m))]])
    sol = np.linalg.solve(K, np.concatenate([-c, b]))
    return sol[:n], sol[n:]
    # END SOLUTION


def kkt_residuals(Q, c, G, h, x, mu):
    """KKT residuals of (x, mu) for  min 1/2 x^T Q x + c^T x  subject to  G x <= h.

    stationarity    = max_j |(Q x + c + G^T mu)_j|
    primal          = max(0, max_i (G x - h)_i)
    dual            = max(0, max_i (-mu_i))
    complementarity = max_i |mu_i (G x - h)_i|

    Parameters
    ----------
    Q : array of shape (n, n), float, symmetric
    c : array of shape (n,), float
    G : array of shape (p, n), float, p >= 1
    h : array of shape (p,), float
    x : array of shape (n,), float, the candidate point
    mu : array of shape (p,), float, the candidate multipliers

    Returns
    -------
    dict with float values under the keys "stationarity", "primal", "dual", "complementarity"
        (a tuple in this order is accepted too); every residual is >= 0, and 0 where nothing is violated.

    The inputs are not modified. float32 arithmetic is accepted: residuals are compared at rtol 1e-4.
    """
    # BEGIN SOLUTION
    Q, G, x, mu = (np.asarray(v, dtype=float) for v in (Q, G, x, mu))
    r = G @ x - h
    return {"stationarity": float(np.max(np.abs(Q @ x + c + G.T @ mu))),
            "primal": float(max(0.0, np.max(r))),
            "dual": float(max(0.0, np.max(-mu))),
            "complementarity": float(np.max(np.abs(mu * r)))}
    # END SOLUTION

# %% [raw]
# # END SOLUTION

# %% [raw]
# # BEGIN TESTS

# %%
def test_worked_examples(eq_qp, kkt_residuals):
    # min 1/2 (x1^2 + x2^2) s.t. x1 + x2 = 1: by symmetry x = (1/2, 1/2); stationarity x + lam (1, 1) = 0 gives lam = -1/2.
    import numpy as np
    from mlmathkit_checks import as_scalar, close, fields

    x, lam = fields(eq_qp(np.eye(2), np.zeros(2), np.array([[1.0, 1.0]]), np.array([1.0])), ["x", "lam"], "eq_qp result")
    close(x, [0.5, 0.5], name="x")
    close(lam, [-0.5], name="lambda", hint="the sign convention is Q x + c + A^T lam = 0")
    # min 1/2 |x|^2 - 2 x1 s.t. x1 <= 1: the solution is x = (1, 0) with mu = 1 (x + c + G^T mu = (1 - 2 + mu, 0) = 0).
    Q, c, G, h = np.eye(2), np.array([-2.0, 0.0]), np.array([[1.0, 0.0]]), np.array([1.0])
    keys = ["stationarity", "primal", "dual", "complementarity"]

    def residuals(x, mu):
        return np.array([as_scalar(v, k) for v, k in zip(fields(kkt_residuals(Q, c, G, h, x, mu), keys, "residuals"), keys)])

    close(residuals(np.array([1.0, 0.0]), np.array([1.0])), [0, 0, 0, 0], name="residuals at the solution")
    close(residuals(np.array([2.0, 0.0]), np.array([0.0])), [0, 1, 0, 0], name="residuals at the unconstrained minimum",
          hint="(2, 0) violates x1 <= 1 by 1")
    close(residuals(np.array([0.0, 0.0]), np.array([-1.0])), [3, 0, 1, 1], name="residuals at x = 0, mu = -1",
          hint="stationarity |(0 - 2 - 1, 0)| = 3; x = 0 is feasible with slack 1; mu < 0 violates dual feasibility by 1")

# %%
def test_properties(eq_qp):
    import numpy as np
    from mlmathkit_checks import close, fields

    rng = np.random.default_rng(4)
    M = rng.normal(size=(5, 5))
    Q, c, A, b = M @ M.T + np.eye(5), rng.normal(size=5), rng.normal(size=(2, 5)), rng.normal(size=2)
    x, lam = fields(eq_qp(Q, c, A, b), ["x", "lam"], "eq_qp result")
    close(A @ np.asarray(x, dtype=float), b, name="A x (feasibility)")
    close(Q @ np.asarray(x, dtype=float) + c + A.T @ np.asarray(lam, dtype=float), np.zeros(5), atol=1e-8,
          name="Q x + c + A^T lam (stationarity)")

# %%
# HIDDEN
def test_eq_qp_against_slsqp(eq_qp):
    """Random equality-constrained quadratic programs of several sizes."""
    # Oracle: scipy.optimize.minimize(method="SLSQP") on random strictly convex problems. SLSQP reports
    # multipliers for the constraint fun(x) = A x - b = 0 with the opposite sign convention (L = f - lam^T fun),
    # and solves to ~1e-9: tolerance 1e-6 relative to the largest entry.
    import numpy as np
    from scipy.optimize import minimize
    from mlmathkit_checks import close, fields

    rng = np.random.default_rng(601)
    for n, m in [(2, 1), (4, 2), (6, 3), (8, 1), (5, 4)]:
        M = rng.normal(size=(n, n))
        Q, c, A, b = M @ M.T + 0.5 * np.eye(n), rng.normal(size=n), rng.normal(size=(m, n)), rng.normal(size=m)
        res = minimize(lambda x: 0.5 * x @ Q @ x + c @ x, np.zeros(n), jac=lambda x: Q @ x + c, method="SLSQP",
                       constraints=[{"type": "eq", "fun": lambda x: A @ x - b, "jac": lambda x: A}],
                       options={"ftol": 1e-15, "maxiter": 1000})
        x, lam = fields(eq_qp(Q, c, A, b), ["x", "lam"], "eq_qp result")
        close(x, res.x, rtol=0, atol=1e-6 * np.abs(res.x).max(), name=f"x (n={n}, m={m})")
        close(lam, -res.multipliers, rtol=0, atol=1e-6 * np.abs(res.multipliers).max(), name=f"lambda (n={n}, m={m})",
              hint="stationarity is Q x + c + A^T lam = 0; the KKT right-hand side is (-c, b)")

# %%
# HIDDEN
def test_eq_qp_singular_and_indefinite_q(eq_qp):
    """A singular, an indefinite and an ill-conditioned Q that are positive definite on the feasible directions."""
    # Q singular, and Q indefinite, but positive definite on the null space of A: the problem is still
    # well posed. Oracle: the null-space method (scipy.linalg.null_space), x = x_p + Z z with
    # (Z^T Q Z) z = -Z^T (Q x_p + c), and lam from the least-squares solution of A^T lam = -(Q x + c).
    import numpy as np
    from scipy.linalg import lstsq, null_space, solve
    from mlmathkit_checks import close, fields

    rng = np.random.default_rng(602)
    for kind in ("singular", "indefinite", "ill-conditioned"):
        n, m = 5, 2
        A, b, c = rng.normal(size=(m, n)), rng.normal(size=m), rng.normal(size=n)
        Z = null_space(A)
        if kind == "singular":
            Q = Z @ np.diag([1.0, 2.0, 3.0]) @ Z.T  # zero curvature along the rows of A
        elif kind == "indefinite":
            R = np.linalg.qr(A.T)[0]
            Q = Z @ np.diag([1.0, 2.0, 3.0]) @ Z.T - 5.0 * R @ R.T
        else:
            U = np.linalg.qr(rng.normal(size=(n, n)))[0]
            Q = (U * np.logspace(0, -6, n)) @ U.T
        Q = (Q + Q.T) / 2
        x_p = lstsq(A, b)[0]
        x_star = x_p + Z @ solve(Z.T @ Q @ Z, -Z.T @ (Q @ x_p + c))
        lam_star = lstsq(A.T, -(Q @ x_star + c))[0]
        x, lam = fields(eq_qp(Q, c, A, b), ["x", "lam"], "eq_qp result")
        # ill-conditioned: cond(Z^T Q Z) ~ 1e6, so both methods lose ~1e-10 relative accuracy
        close(x, x_star, rtol=0, atol=1e-6 * np.abs(x_star).max(), name=f"x ({kind} Q)",
              hint="Q may be singular or indefinite: solve the whole KKT system, do not invert Q")
        close(lam, lam_star, rtol=0, atol=1e-6 * np.abs(lam_star).max(), name=f"lambda ({kind} Q)")

# %%
# HIDDEN
def test_kkt_residuals(kkt_residuals):
    """Residuals at a solver's solution and at random points with several constraints."""
    # Oracle 1: at the SLSQP solution with SLSQP's multipliers (same sign convention for g(x) = h - Gx >= 0)
    # every residual is small. Oracle 2: at random points the definitions, evaluated directly.
    import numpy as np
    from scipy.optimize import minimize
    from mlmathkit_checks import as_scalar, close, fields, require

    keys = ["stationarity", "primal", "dual", "complementarity"]

    def residuals(*args):
        return np.array([as_scalar(v, k) for v, k in zip(fields(kkt_residuals(*args), keys, "residuals"), keys)])

    rng = np.random.default_rng(603)
    for n, p in [(3, 2), (5, 6), (4, 1)]:
        M = rng.normal(size=(n, n))
        Q, c = M @ M.T + np.eye(n), rng.normal(size=n) * 3
        G, h = rng.normal(size=(p, n)), rng.uniform(0.1, 1.0, size=p)
        res = minimize(lambda x: 0.5 * x @ Q @ x + c @ x, np.zeros(n), jac=lambda x: Q @ x + c, method="SLSQP",
                       constraints=[{"type": "ineq", "fun": lambda x: h - G @ x, "jac": lambda x: -G}],
                       options={"ftol": 1e-15, "maxiter": 1000})
        at_opt = residuals(Q, c, G, h, res.x, res.multipliers)
        # SLSQP's solution is accurate to ~1e-9; float32 residuals err by ~2e-6 here; a real mistake gives O(1)
        require(bool(np.all(at_opt >= 0)) and bool(np.all(at_opt < 1e-4)),
                f"at the solution found by SLSQP all residuals should be (near) 0, got {dict(zip(keys, at_opt.round(9)))}")
        for trial in range(3):
            x = res.x + rng.normal(size=n)
            mu = rng.normal(size=p)
            r = G @ x - h
            expected = [np.abs(Q @ x + c + G.T @ mu).max(), max(0.0, r.max()), max(0.0, (-mu).max()), np.abs(mu * r).max()]
            close(residuals(Q, c, G, h, x, mu), expected, name=f"residuals (n={n}, p={p}, point {trial})",
                  hint="infinity norms (largest absolute entry); a satisfied inequality has primal residual 0")
    # every constraint satisfied with slack, every multiplier positive
    close(residuals(np.eye(2), np.zeros(2), np.eye(2), np.array([1.0, 2.0]), np.array([-1.0, -3.0]), np.array([0.5, 2.0])),
          [1.0, 0.0, 0.0, 10.0], name="residuals at a strictly feasible point with positive multipliers",
          hint="Q x + c + G^T mu = (-0.5, -1); slacks G x - h = (-2, -5) are negative, so nothing is violated")

# %% [raw]
# # END TESTS

# %% [raw]
# # END QUESTION

# %% [raw]
# # BEGIN QUESTION
# name: q5_lp_duality

# %% [markdown]
# ## Question 5 — Linear programming duality: dual problems, shadow prices, complementary slackness
#
# **Why it matters.** Linear programs are everywhere behind the scenes in ML: optimal transport
# (Wasserstein distances) is an LP, MAP inference in graphical models relaxes to one, $\ell_1$ regression
# and the LP-boosting family are LPs. Their *dual* is just as important as the problem itself: the
# Kantorovich potentials of optimal transport, the weights of boosting, and the *shadow prices* of a
# resource (how much more profit one more unit would bring) are dual variables. Duality also gives
# an optimality certificate you can check without trusting the solver.
#
# **The primal and its dual.** Take the LP in the form
#
# $$p^\star = \min_x\ c^\top x \quad\text{subject to}\quad Ax \le b,\ x\ge 0, \qquad A\in\mathbb R^{m\times n}.$$
#
# Multiply the constraints by multipliers $y \ge 0$ (for $Ax\le b$) and $z\ge0$ (for $-x \le 0$) and form the
# Lagrangian $\mathcal L = c^\top x + y^\top(Ax - b) - z^\top x$. Minimising over $x$ gives $-\infty$ unless the
# coefficient of $x$ vanishes, $c + A^\top y - z = 0$; then $\mathcal L = -b^\top y$. So every $y \ge 0$ with
# $A^\top y + c \ge 0$ gives a lower bound $-b^\top y \le p^\star$, and the best bound is the **dual LP**
#
# $$d^\star = \max_y\ -b^\top y \quad\text{subject to}\quad -A^\top y \le c,\ y \ge 0 ,$$
#
# which, written as a minimisation in the same form as the primal, is $\min_y b^\top y$ s.t. $(-A^\top) y \le c$,
# $y \ge 0$ — with optimal value $-d^\star$. *Strong duality*: when the primal has an optimum, $d^\star = p^\star$.
#
# **Complementary slackness.** For any feasible $x$ and $y$,
#
# $$c^\top x + b^\top y = \underbrace{(c + A^\top y)^\top x}_{\ge 0} + \underbrace{y^\top(b - Ax)}_{\ge 0},$$
#
# a sum of products of non-negative numbers. So the *duality gap* is zero — both are optimal — exactly when
# every product vanishes: $y_i > 0$ only for *active* constraints ($a_i^\top x = b_i$), and $x_j > 0$ only
# where the dual constraint is tight, $(A^\top y + c)_j = 0$. Given an optimal vertex $x$, this pins down
# $y$: set $y_i = 0$ on the inactive constraints and solve the linear equations $(A^\top y)_j = -c_j$ for
# the $j$ with $x_j > 0$, in the unknowns $y_i$ of the active constraints. The solution $y_i$ is the
# *shadow price* of resource $i$: $y_i = -\partial p^\star/\partial b_i$.
#
# **Your task.** Implement `lp_dual`, returning the dual as data `(c_dual, A_dual, b_dual)` of an LP in the
# same form, and `dual_by_complementary_slackness`, recovering the optimal $y$ from an optimal $x$. Treat
# a constraint as active when its slack $b_i - a_i^\top x$ is at most `tol`, and $x_j$ as positive when it exceeds
# `tol`. Use `np.linalg.lstsq` for the linear equations (at a degenerate vertex they are not square, and do not
# determine $y$: return the minimum-norm solution `lstsq` gives, which then need not be $\ge 0$). If no $x_j$ exceeds
# `tol`, there are no equations and $y = 0$.
#
# *Hints.* The dual of the dual is the primal: check `lp_dual(*lp_dual(c, A, b))`. Test your functions on
# the worked example in the public test (the *Wyndor Glass* problem): profits $3$ and $5$ per unit of two
# products ($c = (-3, -5)$ since we minimise), three plants with capacities $b = (4, 12, 18)$.

# %% [raw]
# # BEGIN SOLUTION

# %%
def lp_dual(c, A, b):
    """The dual of  min c^T x  s.t.  A x <= b, x >= 0,  written in the same form:

        min b^T y  s.t.  (-A^T) y <= c,  y >= 0       (its optimal value is -p*).

    Parameters
    ----------
    c : array of shape (n,), float
    A : array of shape (m, n), float
    b : array of shape (m,), float

    Returns
    -------
    (c_dual, A_dual, b_dual) : tuple of arrays of shapes (m,), (n, m), (n,)

    The inputs are not modified. float32 is accepted (the entries are compared at rtol 1e-4).
    """
    # BEGIN SOLUTION
    return np.asarray(b, dtype=float), -np.asarray(A, dtype=float).T, np.asarray(c, dtype=float)
    # END SOLUTION


def dual_by_complementary_slackness(c, A, b, x, tol=1e-9):
    """Optimal dual variables (shadow prices) y from an optimal vertex x of  min c^T x  s.t.  A x <= b, x >= 0.

    y_i = 0 where b_i - a_i^T x > tol (inactive);  (A^T y)_j = -c_j for every j with x_j > tol,
    solved in the least-squares sense for the y_i of the active constraints.

    Parameters
    ----------
    c : array of shape (n,), float
    A : array of shape (m, n), float
    b : array of shape (m,), float
    x : array of shape (n,), float, an optimal vertex (e.g. from a simplex solver)
    tol : float, activity threshold

    Returns
    -------
    y : array of shape (m,), float

    At a non-degenerate vertex these equations have exactly one solution, the shadow prices, and y >= 0.
    At a degenerate vertex (more active constraints than positive x_j) they do not determine y: return the
    minimum-norm least-squares solution (what np.linalg.lstsq returns). It satisfies the equations and closes
    the duality gap, but it need not be >= 0. If no x_j exceeds tol (x = 0), there are no equations and y = 0.
    The inputs are not modified. The arithmetic must be float64 (float32 is not accepted: tol may be 1e-9).
    """
    # BEGIN SOLUTION
    c, A, b, x = (np.asarray(v, dtype=float) for v in (c, A, b, x))
    active, positive = b - A @ x <= tol, x > tol
    y = np.zeros(b.size)
    y[active] = np.linalg.lstsq(A[active][:, positive].T, -c[positive], rcond=None)[0]
    return y
    # END SOLUTION

# %% [raw]
# # END SOLUTION

# %% [raw]
# # BEGIN TESTS

# %%
def test_worked_example_wyndor(lp_dual, dual_by_complementary_slackness):
    # max 3 x1 + 5 x2 s.t. x1 <= 4, 2 x2 <= 12, 3 x1 + 2 x2 <= 18: the optimum is x = (2, 6), profit 36.
    # Plant 1 has slack (2 < 4): y1 = 0. x1, x2 > 0: 3 y3 = 3 and 2 y2 + 2 y3 = 5, so y = (0, 1.5, 1),
    # and indeed b^T y = 12 * 1.5 + 18 * 1 = 36.
    import numpy as np
    from mlmathkit_checks import close, fields

    c, A, b = np.array([-3.0, -5.0]), np.array([[1.0, 0.0], [0.0, 2.0], [3.0, 2.0]]), np.array([4.0, 12.0, 18.0])
    y = dual_by_complementary_slackness(c, A, b, np.array([2.0, 6.0]))
    close(y, [0.0, 1.5, 1.0], name="shadow prices of the Wyndor problem",
          hint="zero for the inactive constraint; solve (A^T y)_j = -c_j over the active ones")
    c_d, A_d, b_d = fields(lp_dual(c, A, b), ["c_dual", "A_dual", "b_dual"], "dual LP")
    close(c_d, b, name="c_dual")
    close(A_d, -A.T, name="A_dual", hint="the dual constraint is A^T y + c >= 0, i.e. (-A^T) y <= c")
    close(b_d, c, name="b_dual")

# %%
def test_properties(lp_dual, dual_by_complementary_slackness):
    import numpy as np
    from mlmathkit_checks import as_array, close, fields

    rng = np.random.default_rng(5)
    c, A, b = -rng.uniform(1, 2, size=3), rng.uniform(0.5, 2, size=(4, 3)), rng.uniform(5, 10, size=4)
    twice = fields(lp_dual(*fields(lp_dual(c, A, b), ["c_dual", "A_dual", "b_dual"], "dual LP")),
                   ["c", "A", "b"], "dual of the dual")
    for got, want, name in zip(twice, (c, A, b), ("c", "A", "b")):
        close(got, want, name=f"{name} of the dual of the dual", hint="the dual of the dual LP is the primal")
    # If every c_j >= 0, x = 0 is optimal, no constraint is active and every shadow price is 0.
    y = as_array(dual_by_complementary_slackness(np.array([1.0, 2.0, 0.5]), A, b, np.zeros(3)), "y", shape=(4,))
    close(y, np.zeros(4), name="shadow prices when x = 0 is optimal and no capacity binds")

# %%
# HIDDEN
def test_dual_lp_with_linprog(lp_dual):
    """Strong duality: the dual LP of random problems has the primal's optimal value."""
    # Oracle: scipy.optimize.linprog (HiGHS) solves the primal and the returned dual: strong duality
    # p* = -(optimal value of the dual in min form), and the dual solution equals -marginals of the primal.
    import numpy as np
    from scipy.optimize import linprog
    from mlmathkit_checks import as_array, close, fields, require

    rng = np.random.default_rng(701)
    for m, n in [(3, 2), (4, 3), (6, 4), (2, 5)]:
        A, b, c = rng.uniform(0.5, 2.0, size=(m, n)), rng.uniform(5, 10, size=m), -rng.uniform(1, 3, size=n)
        primal = linprog(c, A_ub=A, b_ub=b, bounds=(0, None), method="highs")
        c_d, A_d, b_d = (as_array(v, k) for v, k in zip(fields(lp_dual(c, A, b), ["c_dual", "A_dual", "b_dual"], "dual LP"),
                                                          ["c_dual", "A_dual", "b_dual"]))
        dual = linprog(c_d, A_ub=A_d, b_ub=b_d, bounds=(0, None), method="highs")
        require(dual.status == 0, f"linprog finds no optimum for your dual LP (m={m}, n={n}): {dual.message}")
        close(-dual.fun, primal.fun, name=f"minus the optimal value of your dual (m={m}, n={n})",
              hint="strong duality: the dual in min form has optimal value -p*")
        close(dual.x, -primal.ineqlin.marginals, atol=1e-9, name=f"solution of your dual (m={m}, n={n})")

# %%
# HIDDEN
def test_shadow_prices_against_linprog_marginals(dual_by_complementary_slackness):
    """Shadow prices at non-degenerate optimal vertices of random LPs."""
    # Oracle: linprog's marginals (d p* / d b_i = -y_i) at non-degenerate optima.
    import numpy as np
    from scipy.optimize import linprog
    from mlmathkit_checks import close

    rng = np.random.default_rng(702)
    done = 0
    while done < 8:
        m, n = int(rng.integers(2, 7)), int(rng.integers(2, 6))
        A, b, c = rng.uniform(0.2, 2.0, size=(m, n)), rng.uniform(5, 10, size=m), -rng.uniform(0.5, 3, size=n)
        res = linprog(c, A_ub=A, b_ub=b, bounds=(0, None), method="highs")
        y = -res.ineqlin.marginals
        n_tight = int(np.sum(res.ineqlin.residual < 1e-9) + np.sum(res.x < 1e-9))
        if n_tight != n or np.any((res.ineqlin.residual < 1e-9) & (y < 1e-9)):
            continue  # degenerate vertex: the shadow prices are not unique
        close(dual_by_complementary_slackness(c, A, b, res.x), y, atol=1e-9, name=f"shadow prices (m={m}, n={n})",
              hint="y_i = 0 for constraints with slack; (A^T y)_j = -c_j for every j with x_j > 0")
        done += 1

# %%
# HIDDEN
def test_degenerate_vertex(dual_by_complementary_slackness):
    """A degenerate vertex where a constraint is duplicated."""
    # A constraint duplicated: three constraints meet at a vertex in the plane, so y is not unique.
    # Oracle: any valid y is dual feasible (y >= 0, A^T y + c >= 0) and closes the gap, c^T x + b^T y = 0.
    import numpy as np
    from scipy.optimize import linprog
    from mlmathkit_checks import as_array, close, require

    c, A, b = np.array([-3.0, -5.0]), np.array([[1.0, 0.0], [0.0, 2.0], [3.0, 2.0], [0.0, 1.0]]), np.array([4.0, 12.0, 18.0, 6.0])
    x = linprog(c, A_ub=A, b_ub=b, bounds=(0, None), method="highs").x
    y = as_array(dual_by_complementary_slackness(c, A, b, x), "y", shape=(4,))
    require(bool(np.all(y >= -1e-9)), f"shadow prices must be non-negative, got {y}")
    require(bool(np.all(A.T @ y + c >= -1e-9)), "the dual constraints A^T y + c >= 0 are violated")
    close(c @ x + b @ y, 0.0, atol=1e-9, name="duality gap c^T x + b^T y", hint="use the equations of the positive x_j only")
    close(y[0], 0.0, name="shadow price of the inactive constraint")

# %%
# HIDDEN
def test_exact_vertex_with_zero_tolerance(dual_by_complementary_slackness):
    """Exact data with tol = 0 and a variable that is zero at the optimum."""
    # Exact data and tol = 0: Wyndor with a third product that is not made. At x = (2, 6, 0) the slacks
    # are exactly (2, 0, 0); the dual constraint of product 3 has slack (A^T y + c)_3 = 1.5 > 0, so only
    # the equations of products 1 and 2 hold: y = (0, 1.5, 1), as without the third product.
    # Oracle: linprog's marginals (the same y).
    import numpy as np
    from scipy.optimize import linprog
    from mlmathkit_checks import close

    c, A, b = np.array([-3.0, -5.0, -1.0]), np.array([[1.0, 0.0, 1.0], [0.0, 2.0, 1.0], [3.0, 2.0, 1.0]]), np.array([4.0, 12.0, 18.0])
    res = linprog(c, A_ub=A, b_ub=b, bounds=(0, None), method="highs")
    close(dual_by_complementary_slackness(c, A, b, np.array([2.0, 6.0, 0.0]), 0.0), -res.ineqlin.marginals,
          name="shadow prices with tol = 0", hint="active: slack <= tol; positive: x_j > tol (strictly)")

# %%
# HIDDEN
def test_degenerate_vertex_minimum_norm(dual_by_complementary_slackness):
    """A degenerate vertex where three constraints meet in the plane: the minimum-norm solution of the equations."""
    # Wyndor with b1 = 2: at x = (2, 6) all three constraints are active but only x1, x2 > 0 give equations,
    # (A^T y)_j = -c_j, two equations in three unknowns. Oracle: the closed-form minimum-norm solution
    # y = M^T (M M^T)^{-1} (-c) with M = A^T (full row rank), which np.linalg.lstsq returns.
    import numpy as np
    from scipy.linalg import solve
    from mlmathkit_checks import as_array, close

    c, A, b = np.array([-3.0, -5.0]), np.array([[1.0, 0.0], [0.0, 2.0], [3.0, 2.0]]), np.array([2.0, 12.0, 18.0])
    x = np.array([2.0, 6.0])
    M = A.T
    expected = M.T @ solve(M @ M.T, -c)
    y = as_array(dual_by_complementary_slackness(c, A, b, x), "y", shape=(3,))
    close(A.T @ y, -c, name="A^T y at a degenerate vertex", hint="(A^T y)_j = -c_j for every j with x_j > tol")
    close(c @ x + b @ y, 0.0, atol=1e-9, name="duality gap c^T x + b^T y at a degenerate vertex")
    close(y, expected, name="shadow prices at a degenerate vertex",
          hint="more active constraints than equations: return np.linalg.lstsq's minimum-norm solution")


# %%
# HIDDEN
def test_no_positive_variable(dual_by_complementary_slackness):
    """x = 0 is optimal while some constraints are active: there are no equations, so every shadow price is 0."""
    # min x1 + 2 x2 with c >= 0: x = 0 is optimal. Constraints 1 and 3 have b_i = 0, so they are active at x = 0,
    # but no x_j is positive: no equation involves y, and the docstring's rule gives y = 0 (closed form).
    import numpy as np
    from mlmathkit_checks import as_array, close, require

    c, A, b = np.array([1.0, 2.0]), np.array([[1.0, 1.0], [1.0, -1.0], [2.0, 1.0]]), np.array([0.0, 3.0, 0.0])
    x = np.zeros(2)
    copies = [v.copy() for v in (c, A, b, x)]
    y = as_array(dual_by_complementary_slackness(c, A, b, x), "y", shape=(3,))
    close(y, np.zeros(3), name="shadow prices when no x_j is positive",
          hint="with no positive x_j there are no equations (A^T y)_j = -c_j: y = 0")
    require(all(bool(np.array_equal(v, w)) for v, w in zip((c, A, b, x), copies)),
            "dual_by_complementary_slackness changed one of its inputs")

# %% [raw]
# # END TESTS

# %% [raw]
# # END QUESTION

# %% [raw]
# # BEGIN QUESTION
# name: q6_logistic_newton

# %% [markdown]
# ## Question 6 — Logistic regression by Newton's method (IRLS)
#
# **Why it matters.** Logistic regression is the reference classifier of statistics and the last layer
# of most neural classifiers. Its loss is smooth and convex, and Newton's method — which uses the
# curvature, not just the slope — minimises it in a handful of iterations, independently of how the
# features are scaled. This is how R's `glm` and scikit-learn's `newton-cholesky` solver fit it; the
# same algorithm read as a sequence of weighted least-squares problems is called *iteratively
# reweighted least squares* (IRLS).
#
# **The model and its loss.** With features $x_i\in\mathbb R^d$ (rows of $X\in\mathbb R^{n\times d}$), labels
# $y_i\in\{0,1\}$ and $p_i = \sigma(z_i)$, $z_i = w^\top x_i$, $\sigma(z) = 1/(1+e^{-z})$, the mean negative log-likelihood is
#
# $$L(w) = -\frac1n\sum_{i=1}^n \big[y_i\log p_i + (1-y_i)\log(1-p_i)\big] = \frac1n\sum_{i=1}^n \big[\log(1+e^{z_i}) - y_i z_i\big],$$
#
# using $\log\sigma(z) = z - \log(1+e^{z})$ and $\log(1-\sigma(z)) = -\log(1+e^{z})$. Since
# $\frac{d}{dz}\log(1+e^z) = \sigma(z)$ and $\sigma'(z) = \sigma(z)(1-\sigma(z))$, the chain rule through $z = Xw$ gives
#
# $$\nabla L(w) = \frac1n X^\top (p - y), \qquad \nabla^2 L(w) = \frac1n X^\top S X, \quad S = \operatorname{diag}\big(p_i(1-p_i)\big).$$
#
# The Hessian is positive semi-definite, so $L$ is convex. **Newton's method** minimises the local
# quadratic model at every step:
#
# $$w_{k+1} = w_k - \big[\nabla^2 L(w_k)\big]^{-1}\nabla L(w_k)$$
#
# (solve the linear system; never invert). Near the optimum the number of correct digits doubles at
# every step. *IRLS reading:* rearranged, $w_{k+1} = (X^\top SX)^{-1}X^\top S\,\tilde z$ with working responses
# $\tilde z = Xw_k - S^{-1}(p-y)$: a weighted least-squares fit. For instance, from $w_0 = 0$ every $p_i = \tfrac12$ and
# $S = \tfrac14 I$, so the first step is ordinary least squares on the targets $4(y_i - \tfrac12) = \pm 2$.
#
# **Numerics.** For $z = 800$, `np.log(1 + np.exp(z))` overflows to `inf`, although the answer is $800$:
# use `np.logaddexp(0, z)`, which computes $\log(e^0 + e^z)$ stably, and `scipy.special.expit` for $\sigma$.
# If the classes are linearly separable the loss has no minimiser (it keeps decreasing as $\lVert w\rVert\to\infty$),
# so the tests use overlapping classes.
#
# **Your task.** Implement `logistic_loss_grad_hess` and `logistic_newton` (exactly `n_iter` undamped Newton
# steps from $w_0 = 0$). No intercept is added for you: include a column of ones in $X$ to get one.
# You are graded against scikit-learn's unpenalised `LogisticRegression(C=np.inf, fit_intercept=False)`, and the
# gradient at your answer must vanish.
#
# *Hints.* At $w = 0$ the loss is $\log 2$ whatever the data. `X.T * s` scales the columns of `X.T` by the
# entries of `s` — an $O(nd^2)$ way to form $X^\top SX$ without the $n\times n$ matrix $S$.

# %% [raw]
# # BEGIN SOLUTION

# %%
def logistic_loss_grad_hess(w, X, y):
    """Mean logistic loss of labels y in {0, 1} under p = sigmoid(X w), with its gradient and Hessian.

    L = 1/n sum_i [log(1 + exp(z_i)) - y_i z_i],  z = X w
    grad = X^T (p - y) / n,   hess = X^T diag(p (1 - p)) X / n

    Parameters
    ----------
    w : array of shape (d,), float
    X : array of shape (n, d), float
    y : array of shape (n,), int or float, entries in {0, 1}

    Returns
    -------
    (loss, grad, hess) : float, array of shape (d,), array of shape (d, d)
        Finite even when |z_i| is in the thousands.

    The inputs are not modified. float32 arithmetic is accepted: results are compared at rtol 1e-4.
    """
    # BEGIN SOLUTION
    from scipy.special import expit

    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    z = X @ np.asarray(w, dtype=float)
    p = expit(z)
    n = y.size
    loss = np.mean(np.logaddexp(0, z) - y * z)
    return float(loss), X.T @ (p - y) / n, (X.T * (p * (1 - p))) @ X / n
    # END SOLUTION


def logistic_newton(X, y, n_iter=25):
    """Fit logistic regression (no penalty, no added intercept) by n_iter undamped Newton steps from w = 0:

        w <- w - solve(hess L(w), grad L(w)).

    Parameters
    ----------
    X : array of shape (n, d), float, full column rank
    y : array of shape (n,), entries in {0, 1}; the classes are not linearly separable
    n_iter : int >= 0

    Returns
    -------
    w : array of shape (d,), float (n_iter = 0 returns w = 0)

    X has full column rank and the classes overlap, so every Hessian is positive definite: no damping or
    safeguard is needed. The inputs are not modified. float32 arithmetic is accepted: w is compared at
    rtol 1e-4 and the gradient at w must vanish to 1e-7.
    """
    # BEGIN SOLUTION
    w = np.zeros(np.shape(X)[1])
    for _ in range(n_iter):
        _, grad, hess = logistic_loss_grad_hess(w, X, y)
        w = w - np.linalg.solve(hess, grad)
    return w
    # END SOLUTION

# %% [raw]
# # END SOLUTION

# %% [raw]
# # BEGIN TESTS

# %%
def test_worked_example_at_zero(logistic_loss_grad_hess, logistic_newton):
    # At w = 0: p = 1/2, loss = log 2, grad = X^T (1/2 - y) / n, hess = X^T X / (4 n), and the first Newton
    # step is least squares on the targets 4 (y - 1/2).
    import numpy as np
    from mlmathkit_checks import as_scalar, close, fields

    X = np.array([[1.0, 0.0], [1.0, 1.0], [1.0, 2.0], [1.0, 3.0]])
    y = np.array([0, 1, 0, 1])
    loss, grad, hess = fields(logistic_loss_grad_hess(np.zeros(2), X, y), ["loss", "grad", "hess"], "result")
    close(as_scalar(loss, "loss"), np.log(2), name="loss at w = 0", hint="log(1 + e^0) - y * 0 = log 2 for every point")
    close(grad, [0.0, -0.25], name="gradient at w = 0", hint="X^T (p - y) / n with p = 1/2")
    close(hess, np.array([[4.0, 6.0], [6.0, 14.0]]) / 16, name="Hessian at w = 0", hint="X^T diag(p (1 - p)) X / n")
    close(logistic_newton(X, y, n_iter=1), np.linalg.lstsq(X, 4 * (y - 0.5), rcond=None)[0], name="w after one Newton step",
          hint="w_1 = w_0 - H^{-1} g with w_0 = 0")

# %%
def test_properties(logistic_loss_grad_hess, logistic_newton):
    import numpy as np
    from mlmathkit_checks import as_array, close, fields, positive_definite

    rng = np.random.default_rng(6)
    X = np.column_stack([np.ones(80), rng.normal(size=(80, 2))])
    y = (rng.random(80) < 1 / (1 + np.exp(-X @ np.array([0.5, 1.0, -2.0])))).astype(int)
    w = as_array(logistic_newton(X, y), "w", shape=(3,))
    _, grad, hess = fields(logistic_loss_grad_hess(w, X, y), ["loss", "grad", "hess"], "result")
    p = 1 / (1 + np.exp(-X @ w))
    # after convergence the gradient is ~1e-17 in float64 and ~1e-9 in float32
    close(X.T @ (p - y) / 80, np.zeros(3), atol=1e-7, name="gradient of the loss at the returned w",
          hint="after enough Newton steps the gradient vanishes to rounding")
    close(grad, X.T @ (p - y) / 80, atol=1e-7, name="your gradient at w")
    positive_definite(as_array(hess, "Hessian", shape=(3, 3)), name="Hessian")

# %%
# HIDDEN
def test_loss_grad_hess_against_torch(logistic_loss_grad_hess):
    """Loss, gradient and Hessian at random weights, including scores in the thousands."""
    # Oracle: torch's binary_cross_entropy_with_logits (computed stably), torch.autograd gradient and Hessian.
    # Includes |z| up to ~3000, where exp(z) overflows.
    import numpy as np
    import torch
    from mlmathkit_checks import as_scalar, close, fields

    rng = np.random.default_rng(801)
    for n, d, scale in [(30, 2, 1.0), (100, 5, 1.0), (7, 3, 0.3), (50, 4, 1000.0)]:
        X, y = rng.normal(size=(n, d)), rng.integers(0, 2, size=n)
        w = rng.normal(size=d) * scale

        def loss_t(v):
            return torch.nn.functional.binary_cross_entropy_with_logits(torch.as_tensor(X) @ v, torch.as_tensor(y, dtype=torch.float64))

        wt = torch.tensor(w, requires_grad=True)
        exp_loss = loss_t(wt)
        exp_grad = torch.autograd.grad(exp_loss, wt)[0].numpy()
        exp_hess = torch.autograd.functional.hessian(loss_t, torch.tensor(w)).numpy()
        loss, grad, hess = fields(logistic_loss_grad_hess(w, X, y), ["loss", "grad", "hess"], "result")
        tag = f"(n={n}, d={d}, |w| ~ {scale:g})"
        close(as_scalar(loss, "loss"), exp_loss.item(), name=f"loss {tag}",
              hint="log(1 + exp(z)) overflows for large z: use np.logaddexp(0, z)")
        close(grad, exp_grad, atol=1e-8 * max(1.0, np.abs(exp_grad).max()), name=f"gradient {tag}")
        close(hess, exp_hess, atol=1e-8 * max(1.0, np.abs(exp_hess).max()), name=f"Hessian {tag}",
              hint="weights p (1 - p), averaged over n")

# %%
# HIDDEN
def test_newton_against_sklearn(logistic_newton):
    """Newton's solution on several data sets, including badly scaled features."""
    # Oracle: scikit-learn's unpenalised LogisticRegression (C=inf, which scikit-learn >= 1.8 prefers to the
    # deprecated penalty=None), fit_intercept=False, solver="newton-cg" (truncated Newton with conjugate
    # gradients and a line search), tol 1e-12, fitted on rescaled features and mapped back
    # (w_j = w_scaled_j / scale_j). It is accurate to ~1e-11 relative; rtol 1e-4 admits float32 answers (~1e-6).
    # Feature scales span 1e-2 .. 1e3.
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from mlmathkit_checks import close

    rng = np.random.default_rng(802)
    for n, d, scales in [(200, 3, None), (500, 5, None), (300, 4, np.array([1.0, 1e-2, 1e3, 30.0]))]:
        X = np.column_stack([np.ones(n), rng.normal(size=(n, d - 1))])
        w_true = rng.normal(size=d)
        y = (rng.random(n) < 1 / (1 + np.exp(-X @ w_true))).astype(int)
        if scales is not None:
            X = X * scales
        scale = np.abs(X).max(axis=0)
        clf = LogisticRegression(C=np.inf, fit_intercept=False, solver="newton-cg", tol=1e-12, max_iter=10000)
        expected = clf.fit(X / scale, y).coef_.ravel() / scale
        close(logistic_newton(X, y, 30), expected, rtol=1e-4, atol=1e-8,
              name=f"Newton's w (n={n}, d={d}{', badly scaled features' if scales is not None else ''})",
              hint="w <- w - solve(H, g) with g = X^T (p - y) / n and H = X^T diag(p (1 - p)) X / n")

# %%
# HIDDEN
def test_gradient_vanishes_and_quadratic_convergence(logistic_newton):
    """The gradient vanishes after enough steps, not after too few, and n_iter = 0 returns w = 0."""
    # Oracle: the gradient X^T (sigmoid(X w) - y) / n evaluated here in float64 (scipy.special.expit).
    # Newton converges quadratically: 2 steps are far from the optimum, 12 reach it to ~1e-15.
    import numpy as np
    from scipy.special import expit
    from mlmathkit_checks import as_array, close, require

    rng = np.random.default_rng(803)
    X = np.column_stack([np.ones(400), rng.normal(size=(400, 3)) * 2])
    y = (rng.random(400) < expit(X @ np.array([-1.0, 2.0, 0.5, -3.0]))).astype(int)
    w = as_array(logistic_newton(X, y, 12), "w", shape=(4,))
    g = X.T @ (expit(X @ w) - y) / 400
    close(g, np.zeros(4), atol=1e-7, name="gradient at the returned w (12 steps)",
          hint="undamped Newton converges in a few steps: check grad and Hessian")  # float32: ~1e-8
    w2 = as_array(logistic_newton(X, y, 2), "w", shape=(4,))
    g2 = np.linalg.norm(X.T @ (expit(X @ w2) - y) / 400)
    require(g2 > 1e-4, f"after only 2 steps the gradient cannot vanish yet (norm {g2:.3g}): are you running n_iter steps?")
    close(logistic_newton(X, y, 0), np.zeros(4), name="w after 0 steps")

# %% [raw]
# # END TESTS

# %% [raw]
# # END QUESTION

# %% [raw]
# # BEGIN QUESTION
# name: q7_two_layer_net

# %% [markdown]
# ## Question 7 — A two-layer network with hand-written backpropagation and L2 regularisation
#
# **Why it matters.** Backpropagation is the chain rule, organised so that the gradient with respect
# to every parameter costs about as much as one evaluation of the loss. Autodiff frameworks do it for
# you, but writing it once by hand is how you learn what they compute — and why shapes, the softmax's
# stability, and the dead zones of ReLU matter when training goes wrong.
#
# **The network.** Inputs $X\in\mathbb R^{n\times d}$, labels $y_i\in\{0,\dots,K-1\}$, a hidden layer of width $m$:
#
# $$Z = XW_1 + \mathbf 1 b_1^\top,\quad H = \max(Z, 0),\quad S = HW_2 + \mathbf 1 b_2^\top,\quad P_{ik} = \frac{e^{S_{ik}}}{\sum_j e^{S_{ij}}},$$
#
# with $W_1\in\mathbb R^{d\times m}$, $b_1\in\mathbb R^m$, $W_2\in\mathbb R^{m\times K}$, $b_2\in\mathbb R^K$. The loss is the mean cross-entropy plus
# an L2 penalty (*weight decay*) on the weights, not the biases:
#
# $$\mathcal L = -\frac1n\sum_{i=1}^n \log P_{i y_i} + \frac\lambda2\big(\lVert W_1\rVert_F^2 + \lVert W_2\rVert_F^2\big).$$
#
# **Backward pass.** Let $Y$ be the one-hot matrix of the labels. For one example, $-\log P_{iy_i} = -S_{iy_i} + \log\sum_j e^{S_{ij}}$, whose
# derivative with respect to $S_{ik}$ is $P_{ik} - Y_{ik}$. Going backwards through each layer, with
# $\bar A$ denoting $\partial\mathcal L/\partial A$:
#
# $$\bar S = \tfrac1n(P - Y),\quad \bar W_2 = H^\top\bar S + \lambda W_2,\quad \bar b_2 = \bar S^\top\mathbf 1,\quad \bar H = \bar S W_2^\top,$$
#
# $$\bar Z = \bar H \odot \mathbb 1[Z > 0],\quad \bar W_1 = X^\top\bar Z + \lambda W_1,\quad \bar b_1 = \bar Z^\top\mathbf 1 .$$
#
# Every gradient has the shape of its parameter — the quickest check of a backward pass. (ReLU has no
# derivative at $0$; use $0$ there, as PyTorch does.)
#
# **Numerics.** $e^{S}$ overflows once a score exceeds about 709. Since $P$ does not change when a constant
# is subtracted from a row of $S$, subtract each row's maximum first; compute $\log P$ as
# $S - \log\sum_j e^{S_{ij}}$ (log-sum-exp, as in Chapter 1).
#
# **Training.** Full-batch gradient descent, $\theta \leftarrow \theta - \eta\,\bar\theta$ for all four parameters at once.
#
# **Your task.** Implement `two_layer_loss_grad` (forward and backward pass) and `train_two_layer`. You are
# graded against `torch.autograd`. Then **train** a network with 64 hidden units on the spirals data
# `fx.spirals()` (e.g. $W_1$ standard normal, $W_2$ normal with variance $1/64$, zero biases, $\lambda = 10^{-3}$,
# learning rate 1, 2000 steps) and **plot** the training loss and the decision regions.
#
# *Hints.* Check the shapes first, then the gradient of a single example by hand. `P[np.arange(n), y]`
# picks $P_{iy_i}$ for every row. The gradient of $\frac\lambda2\lVert W\rVert^2$ is $\lambda W$.

# %% [raw]
# # BEGIN SOLUTION

# %%
def two_layer_loss_grad(W1, b1, W2, b2, X, y, lam):
    """Loss and gradients of a ReLU network with a softmax cross-entropy output and L2 weight decay.

    Z = X W1 + b1, H = max(Z, 0), S = H W2 + b2, P = softmax(S) row-wise,
    loss = -1/n sum_i log P[i, y_i] + lam/2 (||W1||_F^2 + ||W2||_F^2).

    Parameters
    ----------
    W1 : array of shape (d, m), float;  b1 : array of shape (m,), float
    W2 : array of shape (m, K), float;  b2 : array of shape (K,), float
    X : array of shape (n, d), float
    y : array of shape (n,), int, labels in 0 .. K-1
    lam : float >= 0

    Returns
    -------
    dict with keys
        "loss" : float
        "dW1", "db1", "dW2", "db2" : arrays with the shapes of W1, b1, W2, b2 (the gradients of loss)

    At Z = 0 exactly the ReLU derivative is taken as 0 (PyTorch's convention). The inputs are not modified.
    float32 arithmetic is accepted: gradients are compared at rtol 1e-5 plus 1e-5 of their largest entry.
    """
    # BEGIN SOLUTION
    X, y = np.asarray(X, dtype=float), np.asarray(y)
    n = X.shape[0]
    H = np.maximum(X @ W1 + b1, 0)
    S = H @ W2 + b2
    S = S - S.max(axis=1, keepdims=True)
    log_P = S - np.log(np.exp(S).sum(axis=1, keepdims=True))
    loss = -log_P[np.arange(n), y].mean() + lam / 2 * (np.sum(W1**2) + np.sum(W2**2))
    dS = np.exp(log_P)
    dS[np.arange(n), y] -= 1
    dS = dS / n
    dZ = (dS @ W2.T) * (H > 0)
    return {"loss": float(loss), "dW1": X.T @ dZ + lam * W1, "db1": dZ.sum(axis=0),
            "dW2": H.T @ dS + lam * W2, "db2": dS.sum(axis=0)}
    # END SOLUTION


def train_two_layer(W1, b1, W2, b2, X, y, lam, lr, n_steps):
    """Full-batch gradient descent on two_layer_loss_grad: theta <- theta - lr * dtheta for all parameters.

    Parameters
    ----------
    W1, b1, W2, b2 : float arrays, the initial parameters (shapes as in two_layer_loss_grad); not modified
    X : array of shape (n, d), float
    y : array of shape (n,), int
    lam : float >= 0, weight decay
    lr : float > 0, learning rate
    n_steps : int >= 0

    Returns
    -------
    dict with keys
        "W1", "b1", "W2", "b2" : the parameters after n_steps steps
        "losses" : array of shape (n_steps + 1,), the loss before each step and after the last one

    The input arrays must hold the same values after the call (returning them unchanged when n_steps = 0 is fine).
    float32 arithmetic is accepted: losses are compared at rtol 1e-5 and parameters at rtol 1e-4.
    """
    # BEGIN SOLUTION
    names = ("W1", "b1", "W2", "b2")
    params = [np.asarray(p, dtype=float) for p in (W1, b1, W2, b2)]
    losses = []
    for _ in range(n_steps):
        out = two_layer_loss_grad(*params, X, y, lam)
        losses.append(out["loss"])
        params = [p - lr * out["d" + k] for p, k in zip(params, names)]
    losses.append(two_layer_loss_grad(*params, X, y, lam)["loss"])
    return {**dict(zip(names, params)), "losses": np.array(losses)}
    # END SOLUTION

# %%
# Your experiment: train on fx.spirals(), then plot the training loss and the decision regions.
# BEGIN SOLUTION
X_sp, y_sp = fx.spirals()
rng = np.random.default_rng(0)
init = (rng.normal(size=(2, 64)), np.zeros(64), rng.normal(size=(64, 3)) * np.sqrt(1 / 64), np.zeros(3))
net = train_two_layer(*init, X_sp, y_sp, lam=1e-3, lr=1.0, n_steps=2000)
g1, g2 = np.meshgrid(np.linspace(-1.1, 1.1, 150), np.linspace(-1.1, 1.1, 150))
grid = np.column_stack([g1.ravel(), g2.ravel()])
scores = np.maximum(grid @ net["W1"] + net["b1"], 0) @ net["W2"] + net["b2"]
train_scores = np.maximum(X_sp @ net["W1"] + net["b1"], 0) @ net["W2"] + net["b2"]
fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(10, 4))
ax1.semilogy(net["losses"])
ax1.set_xlabel("gradient step")
ax1.set_ylabel("training loss")
ax1.set_title("Full-batch gradient descent")
ax2.contourf(g1, g2, scores.argmax(axis=1).reshape(g1.shape), alpha=0.3, cmap="brg")
ax2.scatter(X_sp[:, 0], X_sp[:, 1], c=y_sp, s=8, cmap="brg")
ax2.set_title(f"decision regions (training accuracy {np.mean(train_scores.argmax(axis=1) == y_sp):.0%})")
plt.show()
# END SOLUTION

# %% [raw]
# # END SOLUTION

# %% [raw]
# # BEGIN TESTS

# %%
def test_worked_example(two_layer_loss_grad):
    # One example x = (1, 0), label 0, W1 = I, b1 = 0, W2 = 0, b2 = 0: H = (1, 0), scores S = (0, 0), P = (1/2, 1/2),
    # loss = log 2 + (lam/2) ||I||^2 = log 2 + lam. dS = P - Y = (-1/2, 1/2); dW2 = H^T dS = [[-1/2, 1/2], [0, 0]];
    # db2 = dS; dH = dS W2^T = 0, so dW1 = lam W1 and db1 = 0.
    import numpy as np
    from mlmathkit_checks import as_scalar, close, fields

    lam = 0.1
    out = two_layer_loss_grad(np.eye(2), np.zeros(2), np.zeros((2, 2)), np.zeros(2), np.array([[1.0, 0.0]]), np.array([0]), lam)
    loss, dW1, db1, dW2, db2 = fields(out, ["loss", "dW1", "db1", "dW2", "db2"], "result")
    close(as_scalar(loss, "loss"), np.log(2) + lam, name="loss", hint="cross-entropy log 2 plus lam/2 (||W1||^2 + ||W2||^2)")
    close(dW2, [[-0.5, 0.5], [0.0, 0.0]], name="dW2", hint="H^T (P - Y) / n (+ lam W2)")
    close(db2, [-0.5, 0.5], name="db2")
    close(dW1, lam * np.eye(2), name="dW1", hint="only the weight decay lam W1 is left when W2 = 0")
    close(db1, [0.0, 0.0], name="db1")

# %%
def test_training_loss_falls(two_layer_loss_grad, train_two_layer):
    import numpy as np
    import mlmathkit_fixtures as fx
    from mlmathkit_checks import as_array, fields, require

    X, y = fx.spirals(n_per_class=50, seed=1)
    rng = np.random.default_rng(7)
    W1, W2 = rng.normal(size=(2, 32)), rng.normal(size=(32, 3)) * np.sqrt(1 / 32)
    b1, b2 = np.zeros(32), np.zeros(3)
    grads = fields(two_layer_loss_grad(W1, b1, W2, b2, X, y, 1e-3), ["loss", "dW1", "db1", "dW2", "db2"], "result")[1:]
    for value, key, shape in zip(grads, ["dW1", "db1", "dW2", "db2"], [(2, 32), (32,), (32, 3), (3,)]):
        as_array(value, key, shape=shape)
    result = train_two_layer(W1, b1, W2, b2, X, y, 1e-3, 1.0, 300)
    losses = as_array(fields(result, ["W1", "b1", "W2", "b2", "losses"], "training result")[4], "losses", shape=(301,))
    require(losses[-1] < 0.6 * losses[0], f"the training loss should fall well below its start, got {losses[0]:.3f} -> {losses[-1]:.3f}")

# %%
# HIDDEN
def test_gradients_against_torch(two_layer_loss_grad):
    """Loss and gradients for several network sizes, weight decays and very large scores."""
    # Oracle: torch.autograd of the same network in float64, with torch.nn.functional.cross_entropy (stable).
    # The last case has scores ~ 1e3, where exp overflows. A gradient entry is a sum of many terms, so its
    # rounding error scales with the largest entry: rtol 1e-5 plus atol 1e-5 of the largest entry
    # (float32 answers err by ~1e-7 of it).
    import numpy as np
    import torch
    from mlmathkit_checks import as_scalar, close, fields

    rng = np.random.default_rng(901)
    for n, d, m, K, lam, scale in [(20, 3, 5, 4, 0.0, 1.0), (50, 2, 16, 3, 0.05, 1.0), (1, 4, 3, 2, 0.3, 1.0),
                                   (30, 3, 8, 5, 0.01, 200.0)]:
        X, y = rng.normal(size=(n, d)), rng.integers(0, K, size=n)
        params = [rng.normal(size=(d, m)), rng.normal(size=m) * 0.1, rng.normal(size=(m, K)) * scale, rng.normal(size=K)]
        tp = [torch.tensor(p, requires_grad=True) for p in params]
        S = torch.relu(torch.as_tensor(X) @ tp[0] + tp[1]) @ tp[2] + tp[3]
        loss = torch.nn.functional.cross_entropy(S, torch.as_tensor(y)) + lam / 2 * ((tp[0] ** 2).sum() + (tp[2] ** 2).sum())
        grads = torch.autograd.grad(loss, tp)
        got = fields(two_layer_loss_grad(*params, X, y, lam), ["loss", "dW1", "db1", "dW2", "db2"], "result")
        tag = f"(n={n}, d={d}, m={m}, K={K}, lam={lam:g}{', scores ~ 1e3' if scale > 1 else ''})"
        close(as_scalar(got[0], "loss"), loss.item(), name=f"loss {tag}",
              hint="subtract each row's max score before exponentiating")
        for key, value, g in zip(["dW1", "db1", "dW2", "db2"], got[1:], grads):
            g = g.numpy()
            close(value, g, rtol=1e-5, atol=1e-5 * np.abs(g).max(), name=f"{key} {tag}",
                  hint="backward: dS = (P - Y)/n, dW2 = H^T dS + lam W2, dZ = dS W2^T * [Z > 0], dW1 = X^T dZ + lam W1")

# %%
# HIDDEN
def test_training_against_torch(train_two_layer):
    """The losses and parameters of a training run, and the initial parameters left unchanged."""
    # Oracle: the same full-batch gradient descent run with torch.autograd gradients.
    import numpy as np
    import torch
    import mlmathkit_fixtures as fx
    from mlmathkit_checks import close, fields

    X, y = fx.spirals(n_per_class=40, seed=3)
    rng = np.random.default_rng(902)
    init = [rng.normal(size=(2, 16)), np.zeros(16), rng.normal(size=(16, 3)) * 0.25, np.zeros(3)]
    lam, lr, n_steps = 0.01, 0.5, 40
    tp = [torch.tensor(p, requires_grad=True) for p in init]
    losses = []
    for step in range(n_steps + 1):
        S = torch.relu(torch.as_tensor(X) @ tp[0] + tp[1]) @ tp[2] + tp[3]
        loss = torch.nn.functional.cross_entropy(S, torch.as_tensor(y)) + lam / 2 * ((tp[0] ** 2).sum() + (tp[2] ** 2).sum())
        losses.append(loss.item())
        if step == n_steps:
            break
        grads = torch.autograd.grad(loss, tp)
        with torch.no_grad():
            tp = [(p - lr * g).requires_grad_() for p, g in zip(tp, grads)]
    before = [p.copy() for p in init]
    out = fields(train_two_layer(*init, X, y, lam, lr, n_steps), ["W1", "b1", "W2", "b2", "losses"], "training result")
    # float32 answers drift by ~2e-7 relative over 40 steps
    close(out[4], losses, rtol=1e-5, name="losses over 40 steps",
          hint="n_steps + 1 losses: before every step and after the last one")
    for key, value, p in zip(["W1", "b1", "W2", "b2"], out[:4], tp):
        expected = p.detach().numpy()
        close(value, expected, rtol=1e-4, atol=1e-6 * np.abs(expected).max(), name=f"{key} after 40 steps")
    for key, a, b in zip(["W1", "b1", "W2", "b2"], init, before):
        close(a, b, rtol=0, atol=0, name=f"initial {key} after training", hint="do not update the input arrays in place")

# %%
# HIDDEN
def test_relu_at_exactly_zero(two_layer_loss_grad):
    """Hidden pre-activations exactly 0 (zero inputs, zero biases, a zero weight column), where the ReLU derivative is 0."""
    # Oracle: torch.autograd, whose ReLU has derivative 0 at exactly 0. Z = X W1 + b1 is exactly 0 for the rows of X
    # that are 0 and for the hidden unit whose weights and bias are 0 (in float32 as well). Tolerances as in the
    # test above.
    import numpy as np
    import torch
    from mlmathkit_checks import as_scalar, close, fields, require

    rng = np.random.default_rng(903)
    n, d, m, K, lam = 12, 3, 5, 4, 0.02
    X, y = rng.normal(size=(n, d)), rng.integers(0, K, size=n)
    X[[0, 5, 9]] = 0.0
    W1, b1, W2, b2 = rng.normal(size=(d, m)), np.zeros(m), rng.normal(size=(m, K)), rng.normal(size=K)
    W1[:, 2] = 0.0
    params = [W1, b1, W2, b2]
    copies = [p.copy() for p in params + [X]]
    tp = [torch.tensor(p, requires_grad=True) for p in params]
    S = torch.relu(torch.as_tensor(X) @ tp[0] + tp[1]) @ tp[2] + tp[3]
    loss = torch.nn.functional.cross_entropy(S, torch.as_tensor(y)) + lam / 2 * ((tp[0] ** 2).sum() + (tp[2] ** 2).sum())
    grads = torch.autograd.grad(loss, tp)
    got = fields(two_layer_loss_grad(*params, X, y, lam), ["loss", "dW1", "db1", "dW2", "db2"], "result")
    close(as_scalar(got[0], "loss"), loss.item(), name="loss with pre-activations exactly 0")
    for key, value, g in zip(["dW1", "db1", "dW2", "db2"], got[1:], grads):
        g = g.numpy()
        close(value, g, rtol=1e-5, atol=1e-5 * np.abs(g).max(), name=f"{key} with pre-activations exactly 0",
              hint="the ReLU derivative is 1 where Z > 0 and 0 where Z <= 0 (0 at exactly 0, as in PyTorch)")
    require(all(bool(np.array_equal(p, q)) for p, q in zip(params + [X], copies)),
            "two_layer_loss_grad changed one of its inputs")

# %% [raw]
# # END TESTS

# %% [raw]
# # END QUESTION
