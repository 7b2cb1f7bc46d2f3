# %% mistake: uses floor division k // n, which returns 0 unless every observation is a one
import numpy as np


def bernoulli_mle(x):
    x = np.asarray(x)
    k = int(np.sum(x))
    n = len(x)
    return k // n


# %% mistake: divides the count of ones by n - 1 as for a sample variance; the MLE is the plain fraction k / n (and can exceed 1 this way)
import numpy as np


def bernoulli_mle(x):
    x = np.asarray(x, dtype=float)
    return float(np.sum(x) / (len(x) - 1))


# %% mistake: reads the number of ones with np.bincount(x)[1], which crashes when the data contain no ones at all
import numpy as np


def bernoulli_mle(x):
    x = np.asarray(x).astype(int)
    counts = np.bincount(x)
    return float(counts[1] / len(x))


# %% mistake: maximises the log-likelihood on a grid of 101 values of theta, so the answer is only accurate to about 0.01
import numpy as np


def bernoulli_mle(x):
    x = np.asarray(x, dtype=float)
    k, n = x.sum(), len(x)
    thetas = np.linspace(0.0, 1.0, 101)
    with np.errstate(divide="ignore", invalid="ignore"):
        ll = k * np.log(thetas) + (n - k) * np.log(1 - thetas)
    ll = np.nan_to_num(ll, nan=-np.inf)
    return float(thetas[np.argmax(ll)])


# %% mistake: returns the posterior MEAN (k + a) / (n + a + b) instead of the posterior mode, which is the MAP estimate
import numpy as np


def bernoulli_map(x, a, b):
    x = np.asarray(x, dtype=float)
    k, n = x.sum(), len(x)
    return float((k + a) / (n + a + b))


# %% mistake: subtracts 1 in the numerator but forgets the -2 in the denominator: (k + a - 1) / (n + a + b)
import numpy as np


def bernoulli_map(x, a, b):
    x = np.asarray(x, dtype=float)
    k, n = x.sum(), len(x)
    return float((k + a - 1) / (n + a + b))


# %% mistake: swaps the roles of a and b, treating b - 1 as the extra ones and a - 1 as the extra zeros
import numpy as np


def bernoulli_map(x, a, b):
    x = np.asarray(x, dtype=float)
    k, n = x.sum(), len(x)
    return float((k + b - 1) / (n + a + b - 2))


# %% mistake: recovers k as n times the sample mean, which is nan when there is no data (n = 0) although the prior mode is defined
import numpy as np


def bernoulli_map(x, a, b):
    x = np.asarray(x, dtype=float)
    n = len(x)
    k = n * np.mean(x)
    return float((k + a - 1) / (n + a + b - 2))


# %% mistake: averages the MLE and the prior mean with equal weight instead of adding pseudo-counts; the prior never gets swamped and Beta(1,1) is not flat
import numpy as np


def bernoulli_map(x, a, b):
    x = np.asarray(x, dtype=float)
    mle = x.mean()
    return float(0.5 * mle + 0.5 * a / (a + b))


# %% mistake: returns the posterior standard deviation tau_N instead of the variance tau_N^2
import numpy as np


def gaussian_mean_posterior(x, sigma2, mu0, tau2):
    x = np.asarray(x, dtype=float)
    n = len(x)
    prec = 1.0 / tau2 + n / sigma2
    var = 1.0 / prec
    mean = var * (mu0 / tau2 + x.sum() / sigma2)
    return float(mean), float(np.sqrt(var))


# %% mistake: forgets the factor n in the data precision (1/tau2 + 1/sigma2), as if only one observation had been made
import numpy as np


def gaussian_mean_posterior(x, sigma2, mu0, tau2):
    x = np.asarray(x, dtype=float)
    var = 1.0 / (1.0 / tau2 + 1.0 / sigma2)
    mean = var * (mu0 / tau2 + x.sum() / sigma2)
    return float(mean), float(var)


# %% mistake: uses the sample mean instead of the sum of the observations in the linear term of mu_N, so the data are under-weighted by n
import numpy as np


def gaussian_mean_posterior(x, sigma2, mu0, tau2):
    x = np.asarray(x, dtype=float)
    n = len(x)
    var = 1.0 / (1.0 / tau2 + n / sigma2)
    xbar = x.mean() if n > 0 else 0.0
    mean = var * (mu0 / tau2 + xbar / sigma2)
    return float(mean), float(var)


# %% mistake: uses the textbook xbar form with sigma2 / n, which divides by zero when n = 0, where the posterior must simply be the prior
import numpy as np


def gaussian_mean_posterior(x, sigma2, mu0, tau2):
    x = np.asarray(x, dtype=float)
    n = len(x)
    xbar = np.mean(x)
    s2n = sigma2 / n
    mean = (s2n * mu0 + tau2 * xbar) / (s2n + tau2)
    var = s2n * tau2 / (s2n + tau2)
    return float(mean), float(var)


# %% mistake: swaps the weights of the precision-weighted average, giving the prior mean the data's precision and the sample mean the prior's
import numpy as np


def gaussian_mean_posterior(x, sigma2, mu0, tau2):
    x = np.asarray(x, dtype=float)
    n = len(x)
    w_prior, w_data = 1.0 / tau2, n / sigma2
    var = 1.0 / (w_prior + w_data)
    xbar = x.mean() if n > 0 else mu0
    mean = (w_data * mu0 + w_prior * xbar) * var
    return float(mean), float(var)


# %% mistake: adds the prior VARIANCE to the data precision (tau2 + n / sigma2) instead of the prior precision 1 / tau2
import numpy as np


def gaussian_mean_posterior(x, sigma2, mu0, tau2):
    x = np.asarray(x, dtype=float)
    n = len(x)
    var = 1.0 / (tau2 + n / sigma2)
    mean = var * (mu0 / tau2 + x.sum() / sigma2)
    return float(mean), float(var)


# %% mistake: ignores the prior once there is data and returns the MLE (xbar, sigma2 / n); shrinkage towards mu0 is lost
import numpy as np


def gaussian_mean_posterior(x, sigma2, mu0, tau2):
    x = np.asarray(x, dtype=float)
    n = len(x)
    if n == 0:
        return float(mu0), float(tau2)
    return float(x.mean()), float(sigma2 / n)


# %% mistake: multiplies through by sigma2 * tau2 to avoid fractions; tau2 * sum(x) overflows for a nearly flat prior (huge tau2) and the mean becomes inf
import numpy as np


def gaussian_mean_posterior(x, sigma2, mu0, tau2):
    x = np.asarray(x, dtype=float)
    n = len(x)
    denom = sigma2 + n * tau2
    mean = (sigma2 * mu0 + tau2 * np.sum(x)) / denom
    var = sigma2 * tau2 / denom
    return float(mean), float(var)
