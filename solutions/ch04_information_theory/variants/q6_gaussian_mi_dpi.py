# %% mistake: Gaussian MI through np.linalg.det (underflows in high dimension)
import numpy as np


def gaussian_mi(cov, dx):
    cov = np.asarray(cov, dtype=float)
    return float(0.5 * np.log(np.linalg.det(cov[:dx, :dx]) * np.linalg.det(cov[dx:, dx:]) / np.linalg.det(cov)))


# %% mistake: Gaussian MI without the factor 1/2 (log det instead of log det^{1/2})
import numpy as np


def gaussian_mi(cov, dx):
    cov = np.asarray(cov, dtype=float)
    ld = lambda S: np.linalg.slogdet(S)[1]
    return float(ld(cov[:dx, :dx]) + ld(cov[dx:, dx:]) - ld(cov))


# %% mistake: chain noise accumulates without the gain (noise_i = noise_{i-1} + n_i)
import numpy as np


def markov_chain_mi(var_x, gains, noise_vars):
    signal, noise, out = var_x, 0.0, []
    for g, n in zip(gains, noise_vars):
        signal, noise = g**2 * signal, noise + n
        out.append(0.5 * np.log1p(signal / noise))
    return np.array(out)


# %% mistake: np.log(1 + snr) (rounds tiny information to exactly 0 in long chains)
import numpy as np


def markov_chain_mi(var_x, gains, noise_vars):
    signal, noise, out = var_x, 0.0, []
    for g, n in zip(gains, noise_vars):
        signal, noise = g**2 * signal, g**2 * noise + n
        out.append(0.5 * np.log(1 + signal / noise))
    return np.array(out)


# %% mistake: information of each link alone, I(X_{i-1}; X_i), instead of I(X_0; X_i)
import numpy as np


def markov_chain_mi(var_x, gains, noise_vars):
    var, out = var_x, []
    for g, n in zip(gains, noise_vars):
        out.append(0.5 * np.log1p(g**2 * var / n))
        var = g**2 * var + n
    return np.array(out)


# %% alternative: canonical correlations for the Gaussian MI; chain from covariances with log1p(-rho^2)
import numpy as np
from scipy.linalg import cholesky, solve_triangular


def gaussian_mi(cov, dx):
    cov = np.asarray(cov, dtype=float)
    Lx = cholesky(cov[:dx, :dx], lower=True)
    Ly = cholesky(cov[dx:, dx:], lower=True)
    whitened = solve_triangular(Ly, solve_triangular(Lx, cov[:dx, dx:], lower=True).T, lower=True)
    rho = np.linalg.svd(whitened, compute_uv=False)
    return float(-0.5 * np.sum(np.log1p(-rho**2)))


def markov_chain_mi(var_x, gains, noise_vars):
    var, cov0, out = float(var_x), float(var_x), []
    for g, n in zip(np.asarray(gains, dtype=float), np.asarray(noise_vars, dtype=float)):
        cov0, var = g * cov0, g**2 * var + n  # Cov(X_0, X_i), Var(X_i)
        out.append(-0.5 * np.log1p(-(cov0**2) / (var_x * var)))
    return np.array(out)


# %% alternative: torch float32, vectorised chain with cumulative products
import numpy as np
import torch


def gaussian_mi(cov, dx):
    cov = torch.as_tensor(np.asarray(cov), dtype=torch.float32)
    ld = lambda S: 2 * torch.log(torch.diagonal(torch.linalg.cholesky(S))).sum()
    return 0.5 * (ld(cov[:dx, :dx]) + ld(cov[dx:, dx:]) - ld(cov))


def markov_chain_mi(var_x, gains, noise_vars):
    g2 = np.asarray(gains, dtype=float) ** 2
    n = np.asarray(noise_vars, dtype=float)
    signal = var_x * np.cumprod(g2)
    noise = np.zeros_like(n)
    acc = 0.0
    for i in range(len(n)):
        acc = g2[i] * acc + n[i]
        noise[i] = acc
    return 0.5 * np.log1p(signal / noise)
