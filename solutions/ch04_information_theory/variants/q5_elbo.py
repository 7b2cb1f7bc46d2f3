# %% mistake: reparameterises with the variance instead of the standard deviation (z = mu + exp(log_var) * eps)
import numpy as np


def elbo_estimate(x, mu, log_var, W, b, noise_var, eps):
    z = mu + np.exp(log_var) * eps
    resid = x - (z @ W.T + b)
    log_lik = -0.5 * ((resid**2).sum(axis=-1) / noise_var + x.shape[-1] * np.log(2 * np.pi * noise_var))
    return log_lik.mean(axis=0) - kl_to_standard_normal(mu, log_var)


# %% mistake: drops the Gaussian normalising constant of log p(x|z) (squared error only)
import numpy as np


def elbo_estimate(x, mu, log_var, W, b, noise_var, eps):
    z = mu + np.exp(0.5 * log_var) * eps
    resid = x - (z @ W.T + b)
    log_lik = -0.5 * (resid**2).sum(axis=-1) / noise_var
    return log_lik.mean(axis=0) - kl_to_standard_normal(mu, log_var)


# %% mistake: adds the KL term instead of subtracting it
import numpy as np


def elbo_estimate(x, mu, log_var, W, b, noise_var, eps):
    z = mu + np.exp(0.5 * log_var) * eps
    resid = x - (z @ W.T + b)
    log_lik = -0.5 * ((resid**2).sum(axis=-1) / noise_var + x.shape[-1] * np.log(2 * np.pi * noise_var))
    return log_lik.mean(axis=0) + kl_to_standard_normal(mu, log_var)


# %% mistake: KL without the constant -1 per latent dimension
import numpy as np


def kl_to_standard_normal(mu, log_var):
    return 0.5 * np.sum(np.exp(log_var) + mu**2 - log_var, axis=-1)


# %% mistake: KL reads log_var as the log of the standard deviation
import numpy as np


def kl_to_standard_normal(mu, log_var):
    return 0.5 * np.sum(np.exp(2 * log_var) + mu**2 - 1 - 2 * log_var, axis=-1)


# %% mistake: sums the Monte Carlo samples instead of averaging them
import numpy as np


def elbo_estimate(x, mu, log_var, W, b, noise_var, eps):
    z = mu + np.exp(0.5 * log_var) * eps
    resid = x - (z @ W.T + b)
    log_lik = -0.5 * ((resid**2).sum(axis=-1) / noise_var + x.shape[-1] * np.log(2 * np.pi * noise_var))
    return log_lik.sum(axis=0) - kl_to_standard_normal(mu, log_var)


# %% mistake: returns the batch average (one number) instead of one ELBO per data point
import numpy as np


def elbo_estimate(x, mu, log_var, W, b, noise_var, eps):
    z = mu + np.exp(0.5 * log_var) * eps
    resid = x - (z @ W.T + b)
    log_lik = -0.5 * ((resid**2).sum(axis=-1) / noise_var + x.shape[-1] * np.log(2 * np.pi * noise_var))
    return float(np.mean(log_lik.mean(axis=0) - kl_to_standard_normal(mu, log_var)))


# %% alternative: torch.distributions-free torch in float32 (tensors returned)
import numpy as np
import torch


def kl_to_standard_normal(mu, log_var):
    mu = torch.as_tensor(np.asarray(mu), dtype=torch.float32)
    log_var = torch.as_tensor(np.asarray(log_var), dtype=torch.float32)
    return 0.5 * (log_var.exp() + mu**2 - 1 - log_var).sum(dim=-1)


def elbo_estimate(x, mu, log_var, W, b, noise_var, eps):
    f = lambda a: torch.as_tensor(np.asarray(a), dtype=torch.float32)
    x, mu, log_var, W, b, eps = f(x), f(mu), f(log_var), f(W), f(b), f(eps)
    z = mu + torch.exp(0.5 * log_var) * eps
    mean = torch.einsum("snk,dk->snd", z, W) + b
    D = x.shape[-1]
    log_lik = -0.5 * (((x - mean) ** 2).sum(-1) / noise_var + D * np.log(2 * np.pi * noise_var))
    return log_lik.mean(0) - kl_to_standard_normal(mu, log_var)


# %% alternative: loops over samples and latent coordinates (vectorised over data points), per-coordinate log-density
import math

import numpy as np


def kl_to_standard_normal(mu, log_var):
    mu, log_var = np.asarray(mu, dtype=float), np.asarray(log_var, dtype=float)
    out = np.zeros(mu.shape[0])
    for j in range(mu.shape[1]):
        sigma = np.exp(0.5 * log_var[:, j])
        out += np.log(1.0 / sigma) + (sigma**2 + mu[:, j] ** 2) / 2 - 0.5
    return out


def elbo_estimate(x, mu, log_var, W, b, noise_var, eps):
    x, mu, log_var, W, b, eps = (np.asarray(a, dtype=float) for a in (x, mu, log_var, W, b, eps))
    S = eps.shape[0]
    sd = math.sqrt(noise_var)
    out = np.zeros(x.shape[0])
    for s in range(S):
        z = mu + np.exp(0.5 * log_var) * eps[s]
        for d in range(x.shape[1]):
            mean = z @ W[d] + b[d]
            out += (-math.log(sd * math.sqrt(2 * math.pi)) - (x[:, d] - mean) ** 2 / (2 * noise_var)) / S
    return out - kl_to_standard_normal(mu, log_var)
