# %% mistake: shrinks the conditional standard deviation by the factor 1 - rho^2, which belongs to the variance, so the chain's spread is too small
import math
import numpy as np


def gibbs_bivariate_normal(mean, std, rho, x0, n_iter, rng):
    (m1, m2), (s1, s2) = np.asarray(mean, dtype=float), np.asarray(std, dtype=float)
    z = rng.standard_normal(size=(n_iter, 2))
    x2, out = float(x0[1]), np.empty((n_iter, 2))
    for t in range(n_iter):
        x1 = m1 + rho * s1 / s2 * (x2 - m2) + s1 * (1 - rho**2) * z[t, 0]
        x2 = m2 + rho * s2 / s1 * (x1 - m1) + s2 * (1 - rho**2) * z[t, 1]
        out[t] = x1, x2
    return out


# %% mistake: draws each coordinate with its full marginal standard deviation, ignoring that the other coordinate explains part of its variance
import numpy as np


def gibbs_bivariate_normal(mean, std, rho, x0, n_iter, rng):
    (m1, m2), (s1, s2) = np.asarray(mean, dtype=float), np.asarray(std, dtype=float)
    z = rng.standard_normal(size=(n_iter, 2))
    x2, out = float(x0[1]), np.empty((n_iter, 2))
    for t in range(n_iter):
        x1 = m1 + rho * s1 / s2 * (x2 - m2) + s1 * z[t, 0]
        x2 = m2 + rho * s2 / s1 * (x1 - m1) + s2 * z[t, 1]
        out[t] = x1, x2
    return out


# %% mistake: updates x2 from the previous sweep's x1 (both coordinates at once), which is not a Gibbs sweep and has the wrong stationary distribution
import math
import numpy as np


def gibbs_bivariate_normal(mean, std, rho, x0, n_iter, rng):
    (m1, m2), (s1, s2) = np.asarray(mean, dtype=float), np.asarray(std, dtype=float)
    z = rng.standard_normal(size=(n_iter, 2))
    c = math.sqrt(1 - rho**2)
    x1, x2, out = float(x0[0]), float(x0[1]), np.empty((n_iter, 2))
    for t in range(n_iter):
        x1, x2 = (m1 + rho * s1 / s2 * (x2 - m2) + s1 * c * z[t, 0], m2 + rho * s2 / s1 * (x1 - m1) + s2 * c * z[t, 1])
        out[t] = x1, x2
    return out


# %% mistake: uses rho alone as the slope of one coordinate on the other, which ignores that the two coordinates have different scales
import math
import numpy as np


def gibbs_bivariate_normal(mean, std, rho, x0, n_iter, rng):
    (m1, m2), (s1, s2) = np.asarray(mean, dtype=float), np.asarray(std, dtype=float)
    z = rng.standard_normal(size=(n_iter, 2))
    c = math.sqrt(1 - rho**2)
    x2, out = float(x0[1]), np.empty((n_iter, 2))
    for t in range(n_iter):
        x1 = m1 + rho * (x2 - m2) + s1 * c * z[t, 0]
        x2 = m2 + rho * (x1 - m1) + s2 * c * z[t, 1]
        out[t] = x1, x2
    return out


# %% mistake: feeds the two normal draws of each sweep to the coordinates in swapped order, so the chain is not the one the docstring fixes
import math
import numpy as np


def gibbs_bivariate_normal(mean, std, rho, x0, n_iter, rng):
    (m1, m2), (s1, s2) = np.asarray(mean, dtype=float), np.asarray(std, dtype=float)
    z = rng.standard_normal(size=(n_iter, 2))
    c = math.sqrt(1 - rho**2)
    x2, out = float(x0[1]), np.empty((n_iter, 2))
    for t in range(n_iter):
        x1 = m1 + rho * s1 / s2 * (x2 - m2) + s1 * c * z[t, 1]
        x2 = m2 + rho * s2 / s1 * (x1 - m1) + s2 * c * z[t, 0]
        out[t] = x1, x2
    return out


# %% mistake: divides each lag's sum by its own number of terms, which inflates long-lag autocorrelations and is not the estimator the docstring defines
import numpy as np


def autocorrelation(x, max_lag):
    x = np.asarray(x, dtype=float)
    xc, n = x - x.mean(), x.size
    c0 = xc @ xc / n
    return np.array([xc[: n - h] @ xc[h:] / (n - h) for h in range(max_lag + 1)]) / c0


# %% mistake: centres each lag's two pieces by their own means instead of the mean of the whole series
import numpy as np


def autocorrelation(x, max_lag):
    x = np.asarray(x, dtype=float)
    n = x.size
    c0 = np.sum((x - x.mean()) ** 2)
    out = []
    for h in range(max_lag + 1):
        a, b = x[: n - h], x[h:]
        out.append(np.sum((a - a.mean()) * (b - b.mean())) / c0)
    return np.array(out)


# %% mistake: includes lag 0 in the sum of the effective sample size, double counting the variance itself
import numpy as np


def effective_sample_size(x, max_lag):
    r = autocorrelation(x, max_lag)
    return float(np.asarray(x).size / (1 + 2 * r.sum()))


# %% alternative: float32 arithmetic for the chain, scalar draws inside the loop (the same stream as one (n_iter, 2) call)
import numpy as np


def gibbs_bivariate_normal(mean, std, rho, x0, n_iter, rng):
    m = np.asarray(mean, dtype=np.float32)
    s = np.asarray(std, dtype=np.float32)
    r = np.float32(rho)
    c = np.sqrt(np.float32(1) - r * r)
    x2 = np.float32(np.asarray(x0)[1])
    out = np.empty((n_iter, 2), dtype=np.float32)
    for t in range(n_iter):
        x1 = m[0] + r * s[0] / s[1] * (x2 - m[1]) + s[0] * c * np.float32(rng.standard_normal())
        x2 = m[1] + r * s[1] / s[0] * (x1 - m[0]) + s[1] * c * np.float32(rng.standard_normal())
        out[t] = x1, x2
    return out


# %% alternative: the chain in standard units (u, v) rescaled at the end, FFT autocorrelations
import numpy as np


def gibbs_bivariate_normal(mean, std, rho, x0, n_iter, rng):
    mean, std = np.asarray(mean, dtype=float), np.asarray(std, dtype=float)
    z = rng.standard_normal(size=(n_iter, 2))
    c = np.sqrt(1 - rho**2)
    u = np.empty(n_iter)
    v = np.empty(n_iter)
    v_prev = (float(np.asarray(x0)[1]) - mean[1]) / std[1]
    for t in range(n_iter):
        u[t] = rho * v_prev + c * z[t, 0]
        v[t] = rho * u[t] + c * z[t, 1]
        v_prev = v[t]
    return np.column_stack([mean[0] + std[0] * u, mean[1] + std[1] * v])


def autocorrelation(x, max_lag):
    x = np.asarray(x, dtype=float)
    n = x.size
    xc = x - x.mean()
    f = np.fft.rfft(xc, 2 * n)
    acov = np.fft.irfft(f * np.conj(f), 2 * n)[: max_lag + 1]
    return acov / acov[0]
