# %% mistake: MAP returns the posterior mean (k + a) / (n + a + b) instead of the mode
import numpy as np


def bernoulli_map(x, a, b):
    return (np.sum(x) + a) / (len(x) + a + b)


# %% mistake: MAP pairs a with the zeros and b with the ones
import numpy as np


def bernoulli_map(x, a, b):
    return (np.sum(x) + b - 1) / (len(x) + a + b - 2)


# %% mistake: "MLE" with add-one smoothing to avoid estimates of exactly 0 or 1
import numpy as np


def bernoulli_mle(x):
    return (np.sum(x) + 1) / (len(x) + 2)


# %% mistake: Gaussian posterior treats the data as a single observation (forgets n)
import numpy as np


def gaussian_mean_posterior(x, sigma2, mu0, tau2):
    var = 1 / (1 / tau2 + 1 / sigma2)
    return var * (mu0 / tau2 + np.mean(x) / sigma2), var


# %% mistake: Gaussian posterior mean with the weights swapped (prior weighted by the data's variance)
import numpy as np


def gaussian_mean_posterior(x, sigma2, mu0, tau2):
    n = len(x)
    s2n = sigma2 / n if n else np.inf
    mean = (s2n * np.mean(x) + tau2 * mu0) / (s2n + tau2) if n else mu0
    return mean, 1 / (1 / tau2 + n / sigma2)


# %% mistake: Gaussian posterior drops the prior (returns the likelihood N(xbar, sigma2 / n))
import numpy as np


def gaussian_mean_posterior(x, sigma2, mu0, tau2):
    return np.mean(x), sigma2 / len(x)


# %% mistake: returns the posterior standard deviation instead of the variance
import numpy as np


def gaussian_mean_posterior(x, sigma2, mu0, tau2):
    var = 1 / (1 / tau2 + len(x) / sigma2)
    return var * (mu0 / tau2 + np.sum(x) / sigma2), np.sqrt(var)


# %% alternative: float32 arithmetic
import numpy as np


def bernoulli_mle(x):
    return np.mean(np.asarray(x, dtype=np.float32))


def bernoulli_map(x, a, b):
    x = np.asarray(x, dtype=np.float32)
    return (x.sum() + np.float32(a) - 1) / (np.float32(x.size) + np.float32(a) + np.float32(b) - 2)


def gaussian_mean_posterior(x, sigma2, mu0, tau2):
    x = np.asarray(x, dtype=np.float32)
    s2, m0, t2 = np.float32(sigma2), np.float32(mu0), np.float32(tau2)
    var = np.float32(1) / (np.float32(1) / t2 + np.float32(x.size) / s2)
    return var * (m0 / t2 + x.sum() / s2), var


# %% alternative: sequential updating, one observation at a time (loop)
import numpy as np


def bernoulli_map(x, a, b):
    # update the Beta posterior one coin flip at a time, then take its mode
    for xi in x:
        a, b = (a + 1, b) if xi else (a, b + 1)
    return (a - 1) / (a + b - 2)


def gaussian_mean_posterior(x, sigma2, mu0, tau2):
    mean, var = mu0, tau2
    for xi in x:
        new_var = 1 / (1 / var + 1 / sigma2)
        mean, var = new_var * (mean / var + xi / sigma2), new_var
    return mean, var


# %% alternative: shrinkage form mu_N = w xbar + (1 - w) mu0, computed with torch
import torch


def bernoulli_mle(x):
    return torch.as_tensor(x, dtype=torch.float64).mean()


def gaussian_mean_posterior(x, sigma2, mu0, tau2):
    x = torch.as_tensor(x, dtype=torch.float64)
    n = x.numel()
    if n == 0:
        return torch.tensor(mu0, dtype=torch.float64), torch.tensor(tau2, dtype=torch.float64)
    w = tau2 / (tau2 + sigma2 / n)
    return w * x.mean() + (1 - w) * mu0, torch.tensor(tau2 * sigma2 / (n * tau2 + sigma2))
