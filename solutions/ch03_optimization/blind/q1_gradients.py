# %% mistake: forward difference (f(x + h e_i) - f(x)) / h instead of the central difference: its truncation error is of order h, not h^2
import numpy as np
import mlmathkit_fixtures as fx


def numerical_gradient(name, x, args=(), h=1e-5):
    f = fx.lookup(name)
    x = np.asarray(x, dtype=float)
    f0 = f(x, *args)
    g = np.zeros(x.size)
    for i in range(x.size):
        xp = x.copy()
        xp[i] += h
        g[i] = (f(xp, *args) - f0) / h
    return g


# %% mistake: divides the central difference by h instead of 2h: the two points are 2h apart, so every component comes out twice too large
import numpy as np
import mlmathkit_fixtures as fx


def numerical_gradient(name, x, args=(), h=1e-5):
    f = fx.lookup(name)
    x = np.asarray(x, dtype=float)
    g = np.zeros(x.size)
    for i in range(x.size):
        xp, xm = x.copy(), x.copy()
        xp[i] += h
        xm[i] -= h
        g[i] = (f(xp, *args) - f(xm, *args)) / h
    return g


# %% mistake: scales the step by max(1, |x_i|) although h is an absolute step, the same for every coordinate: the truncation error changes wherever |x_i| > 1
import numpy as np
import mlmathkit_fixtures as fx


def numerical_gradient(name, x, args=(), h=1e-5):
    f = fx.lookup(name)
    x = np.asarray(x, dtype=float)
    g = np.zeros(x.size)
    for i in range(x.size):
        hi = h * max(1.0, abs(x[i]))
        xp, xm = x.copy(), x.copy()
        xp[i] += hi
        xm[i] -= hi
        g[i] = (f(xp, *args) - f(xm, *args)) / (2 * hi)
    return g


# %% mistake: perturbs x itself instead of a copy (xp = x, xm = x are the same array), so the "minus" point is really x and the input gets changed
import numpy as np
import mlmathkit_fixtures as fx


def numerical_gradient(name, x, args=(), h=1e-5):
    f = fx.lookup(name)
    g = np.zeros(len(x))
    for i in range(len(x)):
        xp = x
        xp[i] += h
        fp = f(xp, *args)
        xm = x
        xm[i] -= h
        fm = f(xm, *args)
        g[i] = (fp - fm) / (2 * h)
    return g


# %% mistake: perturbs a float32 copy of x: x + h is rounded to ~7 digits, so the step actually taken is not h and the rounding error swamps the gradient
import numpy as np
import mlmathkit_fixtures as fx


def numerical_gradient(name, x, args=(), h=1e-5):
    f = fx.lookup(name)
    g = np.zeros(len(x))
    for i in range(len(x)):
        xp = np.array(x, dtype=np.float32)
        xm = np.array(x, dtype=np.float32)
        xp[i] += h
        xm[i] -= h
        g[i] = (f(xp, *args) - f(xm, *args)) / (2 * h)
    return g


# %% mistake: diagonal entries by the three-point formula (f(x+h e_i) - 2 f(x) + f(x-h e_i)) / h^2 (step h): not the stated formula, whose diagonal uses step 2h
import numpy as np
import mlmathkit_fixtures as fx


def numerical_hessian(name, x, args=(), h=1e-4):
    f = fx.lookup(name)
    x = np.asarray(x, dtype=float)
    d = x.size
    E = np.eye(d) * h
    f0 = f(x, *args)
    H = np.zeros((d, d))
    for i in range(d):
        for j in range(d):
            if i == j:
                H[i, i] = (f(x + E[i], *args) - 2 * f0 + f(x - E[i], *args)) / h**2
            else:
                H[i, j] = (f(x + E[i] + E[j], *args) - f(x + E[i] - E[j], *args)
                           - f(x - E[i] + E[j], *args) + f(x - E[i] - E[j], *args)) / (4 * h**2)
    return H


# %% mistake: divides the four-point difference by h^2 instead of 4 h^2: each point is moved by h in two directions, so the Hessian is four times too large
import numpy as np
import mlmathkit_fixtures as fx


def numerical_hessian(name, x, args=(), h=1e-4):
    f = fx.lookup(name)
    x = np.asarray(x, dtype=float)
    d = x.size
    E = np.eye(d) * h
    H = np.zeros((d, d))
    for i in range(d):
        for j in range(d):
            H[i, j] = (f(x + E[i] + E[j], *args) - f(x + E[i] - E[j], *args)
                       - f(x - E[i] + E[j], *args) + f(x - E[i] - E[j], *args)) / h**2
    return H


# %% mistake: differentiates the analytic <name>_grad instead of f: that is not the four-point formula of f, and its truncation error is different
import numpy as np
import mlmathkit_fixtures as fx


def numerical_hessian(name, x, args=(), h=1e-4):
    grad = fx.lookup(name + "_grad")
    x = np.asarray(x, dtype=float)
    d = x.size
    H = np.zeros((d, d))
    for j in range(d):
        xp, xm = x.copy(), x.copy()
        xp[j] += h
        xm[j] -= h
        H[:, j] = (grad(xp, *args) - grad(xm, *args)) / (2 * h)
    return 0.5 * (H + H.T)


# %% mistake: fills only the entries with i <= j and forgets to mirror them: the Hessian must be symmetric, the lower triangle stays zero
import numpy as np
import mlmathkit_fixtures as fx


def numerical_hessian(name, x, args=(), h=1e-4):
    f = fx.lookup(name)
    x = np.asarray(x, dtype=float)
    d = x.size
    E = np.eye(d) * h
    H = np.zeros((d, d))
    for i in range(d):
        for j in range(i, d):
            H[i, j] = (f(x + E[i] + E[j], *args) - f(x + E[i] - E[j], *args)
                       - f(x - E[i] + E[j], *args) + f(x - E[i] - E[j], *args)) / (4 * h**2)
    return H


# %% mistake: sets the perturbed coordinates with = instead of adding, so for i == j the second shift overwrites the first and the diagonal comes out 0
import numpy as np
import mlmathkit_fixtures as fx


def numerical_hessian(name, x, args=(), h=1e-4):
    f = fx.lookup(name)
    x = np.asarray(x, dtype=float)
    d = x.size
    H = np.zeros((d, d))
    for i in range(d):
        for j in range(d):
            vals = []
            for si, sj in [(1, 1), (1, -1), (-1, 1), (-1, -1)]:
                z = x.copy()
                z[i] = x[i] + si * h
                z[j] = x[j] + sj * h
                vals.append(f(z, *args))
            H[i, j] = (vals[0] - vals[1] - vals[2] + vals[3]) / (4 * h**2)
    return H


# %% mistake: looks up f_name + "_grad" instead of the grad_name it was given, so the check always tests the correct gradient and never flags the buggy one
import numpy as np
import mlmathkit_fixtures as fx


def gradient_check(f_name, grad_name, x, args=(), h=1e-5):
    f = fx.lookup(f_name)
    a = fx.lookup(f_name + "_grad")(x, *args)
    x = np.asarray(x, dtype=float)
    n = np.zeros(x.size)
    for i in range(x.size):
        xp, xm = x.copy(), x.copy()
        xp[i] += h
        xm[i] -= h
        n[i] = (f(xp, *args) - f(xm, *args)) / (2 * h)
    return float(np.max(np.abs(a - n) / np.maximum(1e-8, np.abs(a) + np.abs(n))))


# %% mistake: drops the 1e-8 floor in the denominator: where both gradients are exactly zero (e.g. at a minimum) the check returns 0/0 = NaN
import numpy as np
import mlmathkit_fixtures as fx


def gradient_check(f_name, grad_name, x, args=(), h=1e-5):
    f = fx.lookup(f_name)
    a = fx.lookup(grad_name)(x, *args)
    x = np.asarray(x, dtype=float)
    n = np.zeros(x.size)
    for i in range(x.size):
        xp, xm = x.copy(), x.copy()
        xp[i] += h
        xm[i] -= h
        n[i] = (f(xp, *args) - f(xm, *args)) / (2 * h)
    return float(np.max(np.abs(a - n) / (np.abs(a) + np.abs(n))))


# %% mistake: compares whole vectors, ||a - n|| / (||a|| + ||n||), instead of the element-wise maximum: an error in a small component is hidden by the large ones
import numpy as np
import mlmathkit_fixtures as fx


def gradient_check(f_name, grad_name, x, args=(), h=1e-5):
    f = fx.lookup(f_name)
    a = fx.lookup(grad_name)(x, *args)
    x = np.asarray(x, dtype=float)
    n = np.zeros(x.size)
    for i in range(x.size):
        xp, xm = x.copy(), x.copy()
        xp[i] += h
        xm[i] -= h
        n[i] = (f(xp, *args) - f(xm, *args)) / (2 * h)
    return float(np.linalg.norm(a - n) / max(1e-8, np.linalg.norm(a) + np.linalg.norm(n)))


# %% mistake: divides by |a_i| only (error relative to the analytic gradient) instead of |a_i| + |n_i|: a different measure, about twice as large for small errors
import numpy as np
import mlmathkit_fixtures as fx


def gradient_check(f_name, grad_name, x, args=(), h=1e-5):
    f = fx.lookup(f_name)
    a = fx.lookup(grad_name)(x, *args)
    x = np.asarray(x, dtype=float)
    n = np.zeros(x.size)
    for i in range(x.size):
        xp, xm = x.copy(), x.copy()
        xp[i] += h
        xm[i] -= h
        n[i] = (f(xp, *args) - f(xm, *args)) / (2 * h)
    return float(np.max(np.abs(a - n) / np.maximum(1e-8, np.abs(a))))


# %% mistake: averages the element-wise relative errors instead of taking their maximum: one wrong component out of d is diluted by the correct ones
import numpy as np
import mlmathkit_fixtures as fx


def gradient_check(f_name, grad_name, x, args=(), h=1e-5):
    f = fx.lookup(f_name)
    a = fx.lookup(grad_name)(x, *args)
    x = np.asarray(x, dtype=float)
    n = np.zeros(x.size)
    for i in range(x.size):
        xp, xm = x.copy(), x.copy()
        xp[i] += h
        xm[i] -= h
        n[i] = (f(xp, *args) - f(xm, *args)) / (2 * h)
    return float(np.mean(np.abs(a - n) / np.maximum(1e-8, np.abs(a) + np.abs(n))))
