# %% mistake: forward differences (f(x + h e_i) - f(x)) / h, error O(h) instead of O(h^2)
import numpy as np


def numerical_gradient(name, x, args=(), h=1e-5):
    import mlmathkit_fixtures as fx

    f = fx.lookup(name)
    x = np.asarray(x, dtype=float)
    f0 = f(x, *args)
    g = np.zeros(x.size)
    for i in range(x.size):
        e = np.zeros(x.size)
        e[i] = h
        g[i] = (f(x + e, *args) - f0) / h
    return g


# %% mistake: central difference divided by h instead of 2h
import numpy as np


def numerical_gradient(name, x, args=(), h=1e-5):
    import mlmathkit_fixtures as fx

    f = fx.lookup(name)
    x = np.asarray(x, dtype=float)
    g = np.zeros(x.size)
    for i in range(x.size):
        e = np.zeros(x.size)
        e[i] = h
        g[i] = (f(x + e, *args) - f(x - e, *args)) / h
    return g


# %% mistake: Hessian divided by h^2 instead of 4 h^2
import numpy as np


def numerical_hessian(name, x, args=(), h=1e-4):
    import mlmathkit_fixtures as fx

    f = fx.lookup(name)
    x = np.asarray(x, dtype=float)
    E = h * np.eye(x.size)
    H = np.zeros((x.size, x.size))
    for i in range(x.size):
        for j in range(x.size):
            H[i, j] = (f(x + E[i] + E[j], *args) - f(x + E[i] - E[j], *args)
                       - f(x - E[i] + E[j], *args) + f(x - E[i] - E[j], *args)) / h**2
    return H


# %% mistake: Hessian diagonal from the 4-point formula with i = j treated as f(x + 2h e_i) - 2 f(x) + f(x - 2h e_i) over h^2
import numpy as np


def numerical_hessian(name, x, args=(), h=1e-4):
    import mlmathkit_fixtures as fx

    f = fx.lookup(name)
    x = np.asarray(x, dtype=float)
    E = h * np.eye(x.size)
    H = np.zeros((x.size, x.size))
    for i in range(x.size):
        for j in range(x.size):
            if i == j:
                H[i, i] = (f(x + 2 * E[i], *args) - 2 * f(x, *args) + f(x - 2 * E[i], *args)) / h**2
            else:
                H[i, j] = (f(x + E[i] + E[j], *args) - f(x + E[i] - E[j], *args)
                           - f(x - E[i] + E[j], *args) + f(x - E[i] - E[j], *args)) / (4 * h**2)
    return H


# %% mistake: gradient check without the 1e-8 floor (0/0 = nan where both gradients vanish)
import numpy as np


def gradient_check(f_name, grad_name, x, args=(), h=1e-5):
    import mlmathkit_fixtures as fx

    a = np.asarray(fx.lookup(grad_name)(x, *args), dtype=float)
    n = numerical_gradient(f_name, x, args, h)
    with np.errstate(invalid="ignore", divide="ignore"):
        return float(np.max(np.abs(a - n) / (np.abs(a) + np.abs(n))))


# %% mistake: gradient check relative to max(|a|, |n|) instead of |a| + |n|
import numpy as np


def gradient_check(f_name, grad_name, x, args=(), h=1e-5):
    import mlmathkit_fixtures as fx

    a = np.asarray(fx.lookup(grad_name)(x, *args), dtype=float)
    n = numerical_gradient(f_name, x, args, h)
    return float(np.max(np.abs(a - n) / np.maximum(1e-8, np.maximum(np.abs(a), np.abs(n)))))


# %% mistake: gradient check with vector norms ||a - n|| / (||a|| + ||n||) instead of the worst component
import numpy as np


def gradient_check(f_name, grad_name, x, args=(), h=1e-5):
    import mlmathkit_fixtures as fx

    a = np.asarray(fx.lookup(grad_name)(x, *args), dtype=float)
    n = numerical_gradient(f_name, x, args, h)
    return float(np.linalg.norm(a - n) / max(1e-8, np.linalg.norm(a) + np.linalg.norm(n)))


# %% mistake: shortcut through the fixture's analytic derivatives instead of finite differences
import numpy as np


def numerical_gradient(name, x, args=(), h=1e-5):
    import mlmathkit_fixtures as fx

    return np.asarray(fx.lookup(name + "_grad")(x, *args), dtype=float)


def numerical_hessian(name, x, args=(), h=1e-4):
    import mlmathkit_fixtures as fx

    return np.asarray(fx.lookup(name + "_hess")(x, *args), dtype=float)


# %% alternative: vectorised perturbations, Hessian from broadcast 4-point stencils, check with a loop
import numpy as np


def numerical_gradient(name, x, args=(), h=1e-5):
    import mlmathkit_fixtures as fx

    f = fx.lookup(name)
    x = np.asarray(x, dtype=float)
    steps = h * np.eye(x.size)
    plus = np.array([f(x + s, *args) for s in steps])
    minus = np.array([f(x - s, *args) for s in steps])
    return (plus - minus) / (2 * h)


def numerical_hessian(name, x, args=(), h=1e-4):
    import mlmathkit_fixtures as fx

    f = fx.lookup(name)
    x = np.asarray(x, dtype=float)
    d = x.size
    E = h * np.eye(d)
    vals = np.empty((d, d, 4))
    for k, (si, sj) in enumerate([(1, 1), (1, -1), (-1, 1), (-1, -1)]):
        P = x[None, None, :] + si * E[:, None, :] + sj * E[None, :, :]
        vals[:, :, k] = np.apply_along_axis(lambda p: f(p, *args), 2, P)
    return (vals[:, :, 0] - vals[:, :, 1] - vals[:, :, 2] + vals[:, :, 3]) / (4 * h * h)


def gradient_check(f_name, grad_name, x, args=(), h=1e-5):
    import mlmathkit_fixtures as fx

    a = np.asarray(fx.lookup(grad_name)(x, *args), dtype=float)
    n = numerical_gradient(f_name, x, args, h)
    num, den = np.abs(a - n), np.abs(a) + np.abs(n)
    return float(max(num[i] / max(1e-8, den[i]) for i in range(a.size)))


# %% alternative: in-place perturbation of a copy, upper triangle of the Hessian mirrored
import numpy as np


def numerical_gradient(name, x, args=(), h=1e-5):
    import mlmathkit_fixtures as fx

    f = fx.lookup(name)
    x = np.array(x, dtype=float)
    g = np.empty(x.size)
    for i in range(x.size):
        old = x[i]
        x[i] = old + h
        f_plus = f(x, *args)
        x[i] = old - h
        f_minus = f(x, *args)
        x[i] = old
        g[i] = (f_plus - f_minus) / (2 * h)
    return g


def numerical_hessian(name, x, args=(), h=1e-4):
    import mlmathkit_fixtures as fx

    f = fx.lookup(name)
    x = np.asarray(x, dtype=float)
    d = x.size
    H = np.empty((d, d))
    for i in range(d):
        for j in range(i, d):
            ei, ej = np.zeros(d), np.zeros(d)
            ei[i] += h
            ej[j] += h
            H[i, j] = H[j, i] = (f(x + ei + ej, *args) - f(x + ei - ej, *args)
                                 - f(x - ei + ej, *args) + f(x - ei - ej, *args)) / (4 * h**2)
    return H
