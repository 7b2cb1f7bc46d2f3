# %% mistake: Updates x2 from the OLD x1 (both coordinates from the previous sweep, Jacobi style): Gibbs draws x2 given the NEW x1
import numpy as np


def gibbs_bivariate_normal(mean, std, rho, x0, n_iter, rng):
    m1, m2 = float(mean[0]), float(mean[1])
    s1, s2 = float(std[0]), float(std[1])
    z = rng.standard_normal(size=(n_iter, 2))
    c = np.sqrt(1 - rho**2)
    x1, x2 = float(x0[0]), float(x0[1])
    out = np.zeros((n_iter, 2))
    for t in range(n_iter):
        x1_new = m1 + rho * s1 / s2 * (x2 - m2) + s1 * c * z[t, 0]
        x2 = m2 + rho * s2 / s1 * (x1 - m1) + s2 * c * z[t, 1]
        x1 = x1_new
        out[t] = x1, x2
    return out


# %% mistake: Conditional standard deviation sigma*sqrt(1 - rho) instead of sigma*sqrt(1 - rho^2): knowing the other coordinate removes rho^2 of the variance
import numpy as np


def gibbs_bivariate_normal(mean, std, rho, x0, n_iter, rng):
    m1, m2 = float(mean[0]), float(mean[1])
    s1, s2 = float(std[0]), float(std[1])
    z = rng.standard_normal(size=(n_iter, 2))
    c = np.sqrt(1 - rho)
    x2 = float(x0[1])
    out = np.zeros((n_iter, 2))
    for t in range(n_iter):
        x1 = m1 + rho * s1 / s2 * (x2 - m2) + s1 * c * z[t, 0]
        x2 = m2 + rho * s2 / s1 * (x1 - m1) + s2 * c * z[t, 1]
        out[t] = x1, x2
    return out


# %% mistake: Scales the noise by sigma*(1 - rho^2), forgetting the square root: the conditional standard deviation is sigma*sqrt(1 - rho^2)
import numpy as np


def gibbs_bivariate_normal(mean, std, rho, x0, n_iter, rng):
    m1, m2 = float(mean[0]), float(mean[1])
    s1, s2 = float(std[0]), float(std[1])
    z = rng.standard_normal(size=(n_iter, 2))
    x2 = float(x0[1])
    out = np.zeros((n_iter, 2))
    for t in range(n_iter):
        x1 = m1 + rho * s1 / s2 * (x2 - m2) + s1 * (1 - rho**2) * z[t, 0]
        x2 = m2 + rho * s2 / s1 * (x1 - m1) + s2 * (1 - rho**2) * z[t, 1]
        out[t] = x1, x2
    return out


# %% mistake: Regression slope rho*sigma2/sigma1 in the x1 update (ratio upside down): E[X1 | x2] = mu1 + rho*sigma1/sigma2*(x2 - mu2)
import numpy as np


def gibbs_bivariate_normal(mean, std, rho, x0, n_iter, rng):
    m1, m2 = float(mean[0]), float(mean[1])
    s1, s2 = float(std[0]), float(std[1])
    z = rng.standard_normal(size=(n_iter, 2))
    c = np.sqrt(1 - rho**2)
    x2 = float(x0[1])
    out = np.zeros((n_iter, 2))
    for t in range(n_iter):
        x1 = m1 + rho * s2 / s1 * (x2 - m2) + s1 * c * z[t, 0]
        x2 = m2 + rho * s1 / s2 * (x1 - m1) + s2 * c * z[t, 1]
        out[t] = x1, x2
    return out


# %% mistake: Updates x2 first (from x0[0]) and then x1: the sampler starts by drawing x1 given x2 = x0[1], and x0[0] is not used
import numpy as np


def gibbs_bivariate_normal(mean, std, rho, x0, n_iter, rng):
    m1, m2 = float(mean[0]), float(mean[1])
    s1, s2 = float(std[0]), float(std[1])
    z = rng.standard_normal(size=(n_iter, 2))
    c = np.sqrt(1 - rho**2)
    x1 = float(x0[0])
    out = np.zeros((n_iter, 2))
    for t in range(n_iter):
        x2 = m2 + rho * s2 / s1 * (x1 - m1) + s2 * c * z[t, 1]
        x1 = m1 + rho * s1 / s2 * (x2 - m2) + s1 * c * z[t, 0]
        out[t] = x1, x2
    return out


# %% mistake: Stores the starting point as the first row and runs only n_iter - 1 sweeps: row t must be the state AFTER sweep t, starting at t = 0
import numpy as np


def gibbs_bivariate_normal(mean, std, rho, x0, n_iter, rng):
    m1, m2 = float(mean[0]), float(mean[1])
    s1, s2 = float(std[0]), float(std[1])
    z = rng.standard_normal(size=(n_iter, 2))
    c = np.sqrt(1 - rho**2)
    out = np.zeros((n_iter, 2))
    out[0] = x0
    x2 = float(x0[1])
    for t in range(1, n_iter):
        x1 = m1 + rho * s1 / s2 * (x2 - m2) + s1 * c * z[t, 0]
        x2 = m2 + rho * s2 / s1 * (x1 - m1) + s2 * c * z[t, 1]
        out[t] = x1, x2
    return out


# %% mistake: Draws z with shape (2, n_iter) and uses z[0, t], z[1, t]: the prescribed draw is (n_iter, 2), row t = (noise for x1, noise for x2)
import numpy as np


def gibbs_bivariate_normal(mean, std, rho, x0, n_iter, rng):
    m1, m2 = float(mean[0]), float(mean[1])
    s1, s2 = float(std[0]), float(std[1])
    z = rng.standard_normal(size=(2, n_iter))
    c = np.sqrt(1 - rho**2)
    x2 = float(x0[1])
    out = np.zeros((n_iter, 2))
    for t in range(n_iter):
        x1 = m1 + rho * s1 / s2 * (x2 - m2) + s1 * c * z[0, t]
        x2 = m2 + rho * s2 / s1 * (x1 - m1) + s2 * c * z[1, t]
        out[t] = x1, x2
    return out


# %% mistake: Conditional mean mu1 + rho*sigma1/sigma2*x2 without subtracting mu2 (and likewise for x2): the regression is on the deviation x2 - mu2
import numpy as np


def gibbs_bivariate_normal(mean, std, rho, x0, n_iter, rng):
    m1, m2 = float(mean[0]), float(mean[1])
    s1, s2 = float(std[0]), float(std[1])
    z = rng.standard_normal(size=(n_iter, 2))
    c = np.sqrt(1 - rho**2)
    x2 = float(x0[1])
    out = np.zeros((n_iter, 2))
    for t in range(n_iter):
        x1 = m1 + rho * s1 / s2 * x2 + s1 * c * z[t, 0]
        x2 = m2 + rho * s2 / s1 * x1 + s2 * c * z[t, 1]
        out[t] = x1, x2
    return out


# %% mistake: Noise of x1 scaled by the OTHER coordinate's sigma (sigma2*sqrt(1 - rho^2)) and vice versa: each conditional keeps its own sigma
import numpy as np


def gibbs_bivariate_normal(mean, std, rho, x0, n_iter, rng):
    m1, m2 = float(mean[0]), float(mean[1])
    s1, s2 = float(std[0]), float(std[1])
    z = rng.standard_normal(size=(n_iter, 2))
    c = np.sqrt(1 - rho**2)
    x2 = float(x0[1])
    out = np.zeros((n_iter, 2))
    for t in range(n_iter):
        x1 = m1 + rho * s1 / s2 * (x2 - m2) + s2 * c * z[t, 0]
        x2 = m2 + rho * s2 / s1 * (x1 - m1) + s1 * c * z[t, 1]
        out[t] = x1, x2
    return out


# %% mistake: Keeps the state in x = x0 and writes x[0], x[1] in the loop: x is the caller's x0, which gets overwritten
import numpy as np


def gibbs_bivariate_normal(mean, std, rho, x0, n_iter, rng):
    z = rng.standard_normal(size=(n_iter, 2))
    c = np.sqrt(1 - rho**2)
    x = x0
    out = np.zeros((n_iter, 2))
    for t in range(n_iter):
        x[0] = mean[0] + rho * std[0] / std[1] * (x[1] - mean[1]) + std[0] * c * z[t, 0]
        x[1] = mean[1] + rho * std[1] / std[0] * (x[0] - mean[0]) + std[1] * c * z[t, 1]
        out[t] = x
    return out


# %% mistake: Divides the lag-h sum by n - h (and lag 0 by n): the sample autocorrelation divides every lag by the same n, which cancels
import numpy as np


def autocorrelation(x, max_lag):
    x = np.asarray(x, dtype=np.float64)
    n = len(x)
    xc = x - x.mean()
    c0 = np.sum(xc**2) / n
    return np.array([np.sum(xc[: n - h] * xc[h:]) / (n - h) / c0 for h in range(max_lag + 1)])


# %% mistake: Pearson correlation of the pairs (x_t, x_{t+h}) (np.corrcoef, each part with its own mean and spread) instead of the common-mean formula
import numpy as np


def autocorrelation(x, max_lag):
    x = np.asarray(x, dtype=np.float64)
    n = len(x)
    r = [1.0]
    for h in range(1, max_lag + 1):
        r.append(np.corrcoef(x[: n - h], x[h:])[0, 1] if n - h >= 2 else 0.0)
    return np.array(r)


# %% mistake: Forgets to subtract the mean: for a chain far from zero (e.g. 1e6 + noise) every "autocorrelation" is about 1
import numpy as np


def autocorrelation(x, max_lag):
    x = np.asarray(x, dtype=np.float64)
    n = len(x)
    c0 = np.sum(x * x)
    return np.array([np.sum(x[: n - h] * x[h:]) / c0 for h in range(max_lag + 1)])


# %% mistake: Takes the first max_lag + 1 entries of np.correlate(..., "full"): those are the lags -(n-1), -(n-2), ..., not 0, 1, ..., max_lag
import numpy as np


def autocorrelation(x, max_lag):
    x = np.asarray(x, dtype=np.float64)
    xc = x - x.mean()
    full = np.correlate(xc, xc, mode="full")
    return full[: max_lag + 1] / np.sum(xc**2)


# %% mistake: Works in float32: centring 1e6 + noise in float32 loses the noise, and long sums of products pile up round-off
import numpy as np


def autocorrelation(x, max_lag):
    x = np.asarray(x, dtype=np.float32)
    n = len(x)
    xc = x - x.mean()
    c0 = np.sum(xc * xc)
    return np.array([np.sum(xc[: n - h] * xc[h:]) / c0 for h in range(max_lag + 1)], dtype=np.float32)


# %% mistake: Loops over range(max_lag) and stops one lag short: the result must hold lags 0, 1, ..., max_lag (max_lag + 1 values)
import numpy as np


def autocorrelation(x, max_lag):
    x = np.asarray(x, dtype=np.float64)
    n = len(x)
    xc = x - x.mean()
    c0 = np.sum(xc**2)
    return np.array([np.sum(xc[: n - h] * xc[h:]) / c0 for h in range(max_lag)])


# %% mistake: Normalises lag h by the sum of squares of the overlapping part only (t < n - h): every lag is divided by the same full sum of squares
import numpy as np


def autocorrelation(x, max_lag):
    x = np.asarray(x, dtype=np.float64)
    n = len(x)
    xc = x - x.mean()
    return np.array([np.sum(xc[: n - h] * xc[h:]) / np.sum(xc[: n - h] ** 2) for h in range(max_lag + 1)])


# %% mistake: Slices x[:-h] for the lagged product: for h = 0 that slice is EMPTY (x[:-0] is x[:0]), so lag 0 breaks
import numpy as np


def autocorrelation(x, max_lag):
    x = np.asarray(x, dtype=np.float64)
    xc = x - x.mean()
    c0 = np.sum(xc**2)
    return np.array([np.sum(xc[:-h] * xc[h:]) / c0 for h in range(max_lag + 1)])


# %% mistake: ESS = n / (1 + sum r(h)) without the factor 2: the autocorrelation time counts each lag on both sides, 1 + 2 sum r(h)
import numpy as np


def effective_sample_size(x, max_lag):
    r = autocorrelation(x, max_lag)
    return float(len(x) / (1 + np.sum(r[1:])))


# %% mistake: Sums the autocorrelations from lag 0 (r(0) = 1 included): then max_lag = 0 gives n/3 instead of n
import numpy as np


def effective_sample_size(x, max_lag):
    r = autocorrelation(x, max_lag)
    return float(len(x) / (1 + 2 * np.sum(r)))


# %% mistake: Returns the autocorrelation time tau = 1 + 2 sum r(h) instead of the effective sample size n / tau
import numpy as np


def effective_sample_size(x, max_lag):
    r = autocorrelation(x, max_lag)
    return float(1 + 2 * np.sum(r[1:]))


# %% mistake: Sums r(1) .. r(max_lag - 1) (r[1:max_lag]): the truncated sum runs up to and including lag max_lag
import numpy as np


def effective_sample_size(x, max_lag):
    r = autocorrelation(x, max_lag)
    return float(len(x) / (1 + 2 * np.sum(r[1:max_lag])))


# %% mistake: Stops the sum at the first negative autocorrelation (a Geyer-style rule): the estimator asked for sums every lag up to max_lag
import numpy as np


def effective_sample_size(x, max_lag):
    r = autocorrelation(x, max_lag)
    s = 0.0
    for h in range(1, max_lag + 1):
        if r[h] < 0:
            break
        s += r[h]
    return float(len(x) / (1 + 2 * s))


# %% mistake: Sums the absolute values |r(h)|: negative autocorrelations must lower tau (raise the ESS), not count as positive
import numpy as np


def effective_sample_size(x, max_lag):
    r = autocorrelation(x, max_lag)
    return float(len(x) / (1 + 2 * np.sum(np.abs(r[1:]))))


# %% mistake: Draws the samples i.i.d. with rng.multivariate_normal (forbidden): that is not a Gibbs chain and not the prescribed standard-normal draw
import numpy as np


def gibbs_bivariate_normal(mean, std, rho, x0, n_iter, rng):
    cov = np.array([[std[0] ** 2, rho * std[0] * std[1]], [rho * std[0] * std[1], std[1] ** 2]])
    return rng.multivariate_normal(mean, cov, size=n_iter)
