# %% mistake: accepts any step that does not increase f, f(x + t d) <= f(x) (no sufficient-decrease term)
import numpy as np


def armijo_step(name, x, direction, args=(), t0=1.0, c=1e-4, rho=0.5):
    import mlmathkit_fixtures as fx

    f = fx.lookup(name)
    x, d = np.asarray(x, dtype=float), np.asarray(direction, dtype=float)
    f0 = f(x, *args)
    t = t0
    for _ in range(200):
        if f(x + t * d, *args) <= f0:
            break
        t = rho * t
    return float(t)


# %% mistake: Armijo slope taken at the trial point instead of the starting point
import numpy as np


def armijo_step(name, x, direction, args=(), t0=1.0, c=1e-4, rho=0.5):
    import mlmathkit_fixtures as fx

    f, grad = fx.lookup(name), fx.lookup(name + "_grad")
    x, d = np.asarray(x, dtype=float), np.asarray(direction, dtype=float)
    f0 = f(x, *args)
    t = t0
    for _ in range(200):
        if f(x + t * d, *args) <= f0 + c * t * (grad(x + t * d, *args) @ d):
            break
        t = rho * t
    return float(t)


# %% mistake: gradient descent warm-starts each line search from the previous step instead of t0 = 1
import numpy as np


def gradient_descent(name, x0, args=(), max_iter=1000, tol=1e-8, c=1e-4, rho=0.5):
    import mlmathkit_fixtures as fx

    f, grad = fx.lookup(name), fx.lookup(name + "_grad")
    x = np.asarray(x0, dtype=float)
    path, t = [x], 1.0
    for _ in range(max_iter):
        g = grad(x, *args)
        if np.linalg.norm(g) <= tol:
            break
        t = armijo_step(name, x, -g, args, t, c, rho)
        x = x - t * g
        path.append(x)
    return {"x": x, "f": np.array([f(p, *args) for p in path]), "path": np.array(path)}


# %% mistake: gradient descent tests the stopping rule after the step, so it always takes at least one step
import numpy as np


def gradient_descent(name, x0, args=(), max_iter=1000, tol=1e-8, c=1e-4, rho=0.5):
    import mlmathkit_fixtures as fx

    f, grad = fx.lookup(name), fx.lookup(name + "_grad")
    x = np.asarray(x0, dtype=float)
    path = [x]
    for _ in range(max_iter):
        g = grad(x, *args)
        x = x - armijo_step(name, x, -g, args, 1.0, c, rho) * g
        path.append(x)
        if np.linalg.norm(grad(x, *args)) <= tol:
            break
    return {"x": x, "f": np.array([f(p, *args) for p in path]), "path": np.array(path)}


# %% mistake: condition number from the diagonal of A
import numpy as np


def optimal_step_and_rate(A):
    diag = np.diag(A)
    mu, L = diag.min(), diag.max()
    return float(2 / (mu + L)), float((L - mu) / (L + mu))


# %% mistake: rate 1 - 1/kappa with step 1/L (the rate of the step 1/L, not of the best step)
import numpy as np


def optimal_step_and_rate(A):
    lam = np.linalg.eigvalsh(A)
    return float(1 / lam[-1]), float(1 - lam[0] / lam[-1])


# %% alternative: backtracking by exponent k (t = t0 rho^k), f values collected on the fly, rate from singular values
import numpy as np


def armijo_step(name, x, direction, args=(), t0=1.0, c=1e-4, rho=0.5):
    import mlmathkit_fixtures as fx

    f, grad = fx.lookup(name), fx.lookup(name + "_grad")
    x, d = np.asarray(x, dtype=float), np.asarray(direction, dtype=float)
    fx0, slope = f(x, *args), float(np.dot(grad(x, *args), d))
    for k in range(5000):
        t = t0 * rho**k
        if f(x + t * d, *args) <= fx0 + c * t * slope:
            break
    return t


def gradient_descent(name, x0, args=(), max_iter=1000, tol=1e-8, c=1e-4, rho=0.5):
    import mlmathkit_fixtures as fx

    f, grad = fx.lookup(name), fx.lookup(name + "_grad")
    x = np.array(x0, dtype=float)
    values, path = [f(x, *args)], [x.copy()]
    k = 0
    while k < max_iter:
        g = grad(x, *args)
        if np.sqrt(g @ g) <= tol:
            break
        t = armijo_step(name, x, -g, args, t0=1.0, c=c, rho=rho)
        x = x + t * (-g)
        values.append(f(x, *args))
        path.append(x.copy())
        k += 1
    return {"x": x, "f": np.array(values), "path": np.vstack(path)}


def optimal_step_and_rate(A):
    s = np.linalg.svd(np.asarray(A, dtype=float), compute_uv=False)  # = eigenvalues for SPD A
    kappa = s.max() / s.min()
    return 2.0 / (s.max() + s.min()), (kappa - 1.0) / (kappa + 1.0)


# %% alternative: eigenvalues with torch.linalg.eigvalsh, torch scalars returned
import numpy as np


def optimal_step_and_rate(A):
    import torch

    lam = torch.linalg.eigvalsh(torch.as_tensor(A, dtype=torch.float64))
    mu, L = lam.min(), lam.max()
    return 2 / (mu + L), (L - mu) / (L + mu)

# %% alternative: float32 eigenvalues for the optimal step and rate (the docstring accepts float32 there)
import numpy as np


def optimal_step_and_rate(A):
    lam = np.linalg.eigvalsh(np.asarray(A, dtype=np.float32))
    mu, L = lam[0], lam[-1]
    return {"t_star": 2 / (mu + L), "rate": (L - mu) / (L + mu)}
