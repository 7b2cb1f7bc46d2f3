# %% mistake: uses -||grad f||^2 as the slope instead of grad f(x)^T d: only right when d = -grad f, wrong for any other descent direction
import numpy as np
import mlmathkit_fixtures as fx


def armijo_step(name, x, direction, args=(), t0=1.0, c=1e-4, rho=0.5):
    f = fx.lookup(name)
    g = fx.lookup(name + "_grad")(x, *args)
    fx0 = f(x, *args)
    t = t0
    while f(x + t * direction, *args) > fx0 - c * t * (g @ g):
        t *= rho
    return t


# %% mistake: Armijo condition with the wrong sign, f(x + t d) <= f(x) - c t grad^T d: since grad^T d < 0 the bound lies above f(x) and accepts steps that increase f
import numpy as np
import mlmathkit_fixtures as fx


def armijo_step(name, x, direction, args=(), t0=1.0, c=1e-4, rho=0.5):
    f = fx.lookup(name)
    g = fx.lookup(name + "_grad")(x, *args)
    fx0 = f(x, *args)
    slope = g @ direction
    t = t0
    while f(x + t * direction, *args) > fx0 - c * t * slope:
        t *= rho
    return t


# %% mistake: accepts the first step with any decrease, f(x + t d) < f(x), ignoring c: simple decrease is not sufficient decrease and returns steps Armijo rejects
import numpy as np
import mlmathkit_fixtures as fx


def armijo_step(name, x, direction, args=(), t0=1.0, c=1e-4, rho=0.5):
    f = fx.lookup(name)
    fx0 = f(x, *args)
    t = t0
    while not f(x + t * direction, *args) < fx0:
        t *= rho
    return t


# %% mistake: starts backtracking from t = 1 whatever t0 is: the first trial step must be t0, so the step returned is wrong whenever t0 != 1
import numpy as np
import mlmathkit_fixtures as fx


def armijo_step(name, x, direction, args=(), t0=1.0, c=1e-4, rho=0.5):
    f = fx.lookup(name)
    g = fx.lookup(name + "_grad")(x, *args)
    fx0, slope = f(x, *args), g @ direction
    t = 1.0
    while f(x + t * direction, *args) > fx0 + c * t * slope:
        t *= rho
    return t


# %% mistake: shrinks t before the first test (t = rho t at the top of the loop), so t0 itself is never tried and an acceptable t0 is halved
import numpy as np
import mlmathkit_fixtures as fx


def armijo_step(name, x, direction, args=(), t0=1.0, c=1e-4, rho=0.5):
    f = fx.lookup(name)
    g = fx.lookup(name + "_grad")(x, *args)
    fx0, slope = f(x, *args), g @ direction
    t = t0
    while True:
        t = rho * t
        if f(x + t * direction, *args) <= fx0 + c * t * slope:
            return t


# %% mistake: caps the backtracking at 20 trials and returns the last t even if it fails the test: a large t0 needs more halvings, and a failing step is returned
import numpy as np
import mlmathkit_fixtures as fx


def armijo_step(name, x, direction, args=(), t0=1.0, c=1e-4, rho=0.5):
    f = fx.lookup(name)
    g = fx.lookup(name + "_grad")(x, *args)
    fx0, slope = f(x, *args), g @ direction
    t = t0
    for _ in range(20):
        if f(x + t * direction, *args) <= fx0 + c * t * slope:
            break
        t *= rho
    return t


# %% mistake: evaluates the slope with the gradient at the trial point x + t d instead of at x: the Armijo bound uses the value and slope at the start point
import numpy as np
import mlmathkit_fixtures as fx


def armijo_step(name, x, direction, args=(), t0=1.0, c=1e-4, rho=0.5):
    f = fx.lookup(name)
    grad = fx.lookup(name + "_grad")
    fx0 = f(x, *args)
    t = t0
    while f(x + t * direction, *args) > fx0 + c * t * (grad(x + t * direction, *args) @ direction):
        t *= rho
    return t


# %% mistake: records f and the path only after each step, so f(x_0) and x_0 are missing: "f" and "path" need K + 1 entries, x_0 included
import numpy as np
import mlmathkit_fixtures as fx


def gradient_descent(name, x0, args=(), max_iter=1000, tol=1e-8, c=1e-4, rho=0.5):
    f = fx.lookup(name)
    grad = fx.lookup(name + "_grad")
    x = np.array(x0, dtype=float)
    fs, path = [], []
    for k in range(max_iter):
        g = grad(x, *args)
        if np.linalg.norm(g) <= tol:
            break
        t = armijo_step(name, x, -g, args, t0=1.0, c=c, rho=rho)
        x = x - t * g
        fs.append(f(x, *args))
        path.append(x.copy())
    return {"x": x, "f": np.array(fs), "path": np.array(path)}


# %% mistake: tests the gradient norm only after taking a step, so it always steps at least once even when x_0 already satisfies ||grad f(x_0)|| <= tol
import numpy as np
import mlmathkit_fixtures as fx


def gradient_descent(name, x0, args=(), max_iter=1000, tol=1e-8, c=1e-4, rho=0.5):
    f = fx.lookup(name)
    grad = fx.lookup(name + "_grad")
    x = np.array(x0, dtype=float)
    fs, path = [f(x, *args)], [x.copy()]
    for k in range(max_iter):
        g = grad(x, *args)
        t = armijo_step(name, x, -g, args, t0=1.0, c=c, rho=rho)
        x = x - t * g
        fs.append(f(x, *args))
        path.append(x.copy())
        if np.linalg.norm(grad(x, *args)) <= tol:
            break
    return {"x": x, "f": np.array(fs), "path": np.array(path)}


# %% mistake: stops on the largest gradient component, max |g_i| <= tol, instead of the Euclidean norm ||g||_2: it stops too early in more than one dimension
import numpy as np
import mlmathkit_fixtures as fx


def gradient_descent(name, x0, args=(), max_iter=1000, tol=1e-8, c=1e-4, rho=0.5):
    f = fx.lookup(name)
    grad = fx.lookup(name + "_grad")
    x = np.array(x0, dtype=float)
    fs, path = [f(x, *args)], [x.copy()]
    for k in range(max_iter):
        g = grad(x, *args)
        if np.max(np.abs(g)) <= tol:
            break
        t = armijo_step(name, x, -g, args, t0=1.0, c=c, rho=rho)
        x = x - t * g
        fs.append(f(x, *args))
        path.append(x.copy())
    return {"x": x, "f": np.array(fs), "path": np.array(path)}


# %% mistake: runs the line search once, before the loop, and reuses that step for every iteration: the step must be chosen anew at each x_k
import numpy as np
import mlmathkit_fixtures as fx


def gradient_descent(name, x0, args=(), max_iter=1000, tol=1e-8, c=1e-4, rho=0.5):
    f = fx.lookup(name)
    grad = fx.lookup(name + "_grad")
    x = np.array(x0, dtype=float)
    fs, path = [f(x, *args)], [x.copy()]
    t = armijo_step(name, x, -grad(x, *args), args, t0=1.0, c=c, rho=rho)
    for k in range(max_iter):
        g = grad(x, *args)
        if np.linalg.norm(g) <= tol:
            break
        x = x - t * g
        fs.append(f(x, *args))
        path.append(x.copy())
    return {"x": x, "f": np.array(fs), "path": np.array(path)}


# %% mistake: stops when f stops changing, |f(x_k) - f(x_{k-1})| <= tol, instead of when ||grad f(x_k)||_2 <= tol: a small change in f is not a small gradient
import numpy as np
import mlmathkit_fixtures as fx


def gradient_descent(name, x0, args=(), max_iter=1000, tol=1e-8, c=1e-4, rho=0.5):
    f = fx.lookup(name)
    grad = fx.lookup(name + "_grad")
    x = np.array(x0, dtype=float)
    fs, path = [f(x, *args)], [x.copy()]
    for k in range(max_iter):
        g = grad(x, *args)
        t = armijo_step(name, x, -g, args, t0=1.0, c=c, rho=rho)
        x = x - t * g
        fs.append(f(x, *args))
        path.append(x.copy())
        if abs(fs[-1] - fs[-2]) <= tol:
            break
    return {"x": x, "f": np.array(fs), "path": np.array(path)}


# %% mistake: off by one in the loop bound (range(max_iter + 1)): it can take max_iter + 1 steps, one more than allowed
import numpy as np
import mlmathkit_fixtures as fx


def gradient_descent(name, x0, args=(), max_iter=1000, tol=1e-8, c=1e-4, rho=0.5):
    f = fx.lookup(name)
    grad = fx.lookup(name + "_grad")
    x = np.array(x0, dtype=float)
    fs, path = [f(x, *args)], [x.copy()]
    for k in range(max_iter + 1):
        g = grad(x, *args)
        if np.linalg.norm(g) <= tol:
            break
        t = armijo_step(name, x, -g, args, t0=1.0, c=c, rho=rho)
        x = x - t * g
        fs.append(f(x, *args))
        path.append(x.copy())
    return {"x": x, "f": np.array(fs), "path": np.array(path)}


# %% mistake: takes mu and L from the diagonal of A: the diagonal holds the eigenvalues only for a diagonal matrix, not for a general symmetric A
import numpy as np


def optimal_step_and_rate(A):
    diag = np.diag(A)
    mu, L = diag.min(), diag.max()
    return 2.0 / (mu + L), (L - mu) / (L + mu)


# %% mistake: assumes np.linalg.eigvalsh sorts eigenvalues in decreasing order (L = first, mu = last): it sorts them increasingly, so the rate comes out negative
import numpy as np


def optimal_step_and_rate(A):
    ev = np.linalg.eigvalsh(A)
    L, mu = ev[0], ev[-1]
    return 2.0 / (mu + L), (L - mu) / (L + mu)


# %% mistake: returns the "safe" step 1/L with rate 1 - mu/L: that is a valid step, but not the optimal fixed step 2/(mu + L) asked for, nor its rate
import numpy as np


def optimal_step_and_rate(A):
    ev = np.linalg.eigvalsh(A)
    mu, L = ev[0], ev[-1]
    return 1.0 / L, 1.0 - mu / L


# %% mistake: uses the accelerated (momentum) rate (sqrt(kappa) - 1)/(sqrt(kappa) + 1): plain gradient descent with a fixed step only reaches (kappa - 1)/(kappa + 1)
import numpy as np


def optimal_step_and_rate(A):
    ev = np.linalg.eigvalsh(A)
    mu, L = ev[0], ev[-1]
    k = np.sqrt(L / mu)
    return 2.0 / (mu + L), (k - 1) / (k + 1)
