# %% mistake: discrete KL in bits (log2) instead of nats
import numpy as np


def kl_divergence(p, q):
    p, q = np.asarray(p, dtype=float), np.asarray(q, dtype=float)
    s = p > 0
    with np.errstate(divide="ignore"):
        return float(np.sum(p[s] * np.log2(p[s] / q[s])))


# %% mistake: no support handling (nan when p has zeros)
import numpy as np


def kl_divergence(p, q):
    p, q = np.asarray(p, dtype=float), np.asarray(q, dtype=float)
    return float(np.sum(p * np.log(p / q)))


# %% mistake: arguments reversed (computes KL(q || p))
import numpy as np


def kl_divergence(p, q):
    p, q = np.asarray(p, dtype=float), np.asarray(q, dtype=float)
    s = q > 0
    with np.errstate(divide="ignore"):
        return float(np.sum(q[s] * np.log(q[s] / p[s])))


# %% mistake: clips q at 1e-12 to avoid infinities (finite where KL is infinite)
import numpy as np


def kl_divergence(p, q):
    p, q = np.asarray(p, dtype=float), np.clip(np.asarray(q, dtype=float), 1e-12, None)
    s = p > 0
    return float(np.sum(p[s] * np.log(p[s] / q[s])))


# %% mistake: Gaussian KL with the roles of the two Gaussians swapped in the trace and quadratic form
import numpy as np


def kl_gaussians(mu0, cov0, mu1, cov1):
    mu0, mu1, cov0, cov1 = (np.asarray(a, dtype=float) for a in (mu0, mu1, cov0, cov1))
    diff = mu1 - mu0
    _, ld0 = np.linalg.slogdet(cov0)
    _, ld1 = np.linalg.slogdet(cov1)
    return 0.5 * (np.trace(np.linalg.solve(cov0, cov1)) + diff @ np.linalg.solve(cov0, diff) - len(mu0) + ld1 - ld0)


# %% mistake: Gaussian KL through np.linalg.det (underflows to 0 in high dimension)
import numpy as np


def kl_gaussians(mu0, cov0, mu1, cov1):
    mu0, mu1, cov0, cov1 = (np.asarray(a, dtype=float) for a in (mu0, mu1, cov0, cov1))
    inv1 = np.linalg.inv(cov1)
    diff = mu1 - mu0
    return 0.5 * (np.trace(inv1 @ cov0) + diff @ inv1 @ diff - len(mu0) + np.log(np.linalg.det(cov1) / np.linalg.det(cov0)))


# %% mistake: Gaussian KL forgets the - d
import numpy as np


def kl_gaussians(mu0, cov0, mu1, cov1):
    mu0, mu1, cov0, cov1 = (np.asarray(a, dtype=float) for a in (mu0, mu1, cov0, cov1))
    diff = mu1 - mu0
    _, ld0 = np.linalg.slogdet(cov0)
    _, ld1 = np.linalg.slogdet(cov1)
    return 0.5 * (np.trace(np.linalg.solve(cov1, cov0)) + diff @ np.linalg.solve(cov1, diff) + ld1 - ld0)


# %% alternative: scipy.special.rel_entr; Gaussian KL with solve and slogdet
import numpy as np
from scipy.special import rel_entr


def kl_divergence(p, q):
    return float(np.sum(rel_entr(np.asarray(p, dtype=float), np.asarray(q, dtype=float))))


def kl_gaussians(mu0, cov0, mu1, cov1):
    mu0, mu1, cov0, cov1 = (np.asarray(a, dtype=float) for a in (mu0, mu1, cov0, cov1))
    diff = mu1 - mu0
    _, ld0 = np.linalg.slogdet(cov0)
    _, ld1 = np.linalg.slogdet(cov1)
    return 0.5 * (np.trace(np.linalg.solve(cov1, cov0)) + diff @ np.linalg.solve(cov1, diff) - len(mu0) + ld1 - ld0)


# %% alternative: torch in float32 (Cholesky, triangular solves), returned as tensors
import numpy as np
import torch


def kl_divergence(p, q):
    p = torch.as_tensor(np.asarray(p), dtype=torch.float32)
    q = torch.as_tensor(np.asarray(q), dtype=torch.float32)
    terms = torch.where(p > 0, p * (torch.log(p) - torch.log(q)), torch.zeros_like(p))
    return terms.sum()


def kl_gaussians(mu0, cov0, mu1, cov1):
    f = lambda a: torch.as_tensor(np.asarray(a), dtype=torch.float32)
    mu0, mu1, cov0, cov1 = f(mu0), f(mu1), f(cov0), f(cov1)
    L0, L1 = torch.linalg.cholesky(cov0), torch.linalg.cholesky(cov1)
    M = torch.linalg.solve_triangular(L1, L0, upper=False)
    z = torch.linalg.solve_triangular(L1, (mu1 - mu0)[:, None], upper=False)
    log_det = 2 * (torch.log(torch.diagonal(L1)).sum() - torch.log(torch.diagonal(L0)).sum())
    return 0.5 * ((M**2).sum() + (z**2).sum() - mu0.numel() + log_det)


# %% alternative: loops for the discrete KL (math.inf by hand)
import math


def kl_divergence(p, q):
    total = 0.0
    for pi, qi in zip(list(map(float, p)), list(map(float, q))):
        if pi == 0:
            continue
        if qi == 0:
            return math.inf
        total += pi * math.log(pi / qi)
    return total
