# %% mistake: Swaps the arguments and computes KL(q || p); KL is not symmetric, the first argument is the one you average over.
import numpy as np


def kl_divergence(p, q):
    p = np.asarray(p, dtype=float)
    q = np.asarray(q, dtype=float)
    mask = q > 0
    with np.errstate(divide="ignore"):
        return float(np.sum(q[mask] * np.log(q[mask] / p[mask])))


# %% mistake: Uses log2, so the divergence comes out in bits; this function must return nats (natural log).
import numpy as np


def kl_divergence(p, q):
    p = np.asarray(p, dtype=float)
    q = np.asarray(q, dtype=float)
    mask = p > 0
    with np.errstate(divide="ignore"):
        return float(np.sum(p[mask] * np.log2(p[mask] / q[mask])))


# %% mistake: Sums p log(p/q) over every entry: where p = 0 this is 0 * log 0 (or 0/0) = nan instead of the convention 0 log(0/q) = 0.
import numpy as np


def kl_divergence(p, q):
    p = np.asarray(p, dtype=float)
    q = np.asarray(q, dtype=float)
    return float(np.sum(p * np.log(p / q)))


# %% mistake: Masks out every entry where p = 0 OR q = 0, so a q that rules out an outcome p allows gives a finite KL instead of +inf.
import numpy as np


def kl_divergence(p, q):
    p = np.asarray(p, dtype=float)
    q = np.asarray(q, dtype=float)
    mask = (p > 0) & (q > 0)
    return float(np.sum(p[mask] * np.log(p[mask] / q[mask])))


# %% mistake: Adds a small epsilon to p and q to avoid dividing by zero: KL should be +inf when q(x) = 0 < p(x), and it returns a finite number.
import numpy as np


def kl_divergence(p, q):
    eps = 1e-10
    p = np.asarray(p, dtype=float)
    q = np.asarray(q, dtype=float)
    return float(np.sum(p * np.log((p + eps) / (q + eps))))


# %% mistake: Returns inf as soon as q has a zero, even where p is zero too; terms with p(x) = 0 contribute 0 whatever q(x) is.
import numpy as np


def kl_divergence(p, q):
    p = np.asarray(p, dtype=float)
    q = np.asarray(q, dtype=float)
    if np.any(q == 0):
        return np.inf
    mask = p > 0
    return float(np.sum(p[mask] * np.log(p[mask] / q[mask])))


# %% mistake: Averages the terms p log(p/q) over the K outcomes instead of summing them; the expectation under p is already in the weights p(x).
import numpy as np


def kl_divergence(p, q):
    p = np.asarray(p, dtype=float)
    q = np.asarray(q, dtype=float)
    terms = np.zeros_like(p)
    mask = p > 0
    with np.errstate(divide="ignore"):
        terms[mask] = p[mask] * np.log(p[mask] / q[mask])
    return float(np.mean(terms))


# %% mistake: Forgets the -d term: tr(cov1^-1 cov0) is d when the covariances are equal, so KL of a Gaussian with itself comes out d/2 instead of 0.
import numpy as np
from scipy.linalg import cholesky, solve_triangular


def kl_gaussians(mu0, cov0, mu1, cov1):
    L0 = cholesky(cov0, lower=True)
    L1 = cholesky(cov1, lower=True)
    M = solve_triangular(L1, L0, lower=True)
    v = solve_triangular(L1, mu1 - mu0, lower=True)
    logdet0 = 2 * np.sum(np.log(np.diag(L0)))
    logdet1 = 2 * np.sum(np.log(np.diag(L1)))
    return float(0.5 * (np.sum(M ** 2) + v @ v + logdet1 - logdet0))


# %% mistake: Swaps the log-determinants (log det cov0 - log det cov1): the log-det term has the opposite sign, so KL can even go negative.
import numpy as np
from scipy.linalg import cholesky, solve_triangular


def kl_gaussians(mu0, cov0, mu1, cov1):
    d = len(mu0)
    L0 = cholesky(cov0, lower=True)
    L1 = cholesky(cov1, lower=True)
    M = solve_triangular(L1, L0, lower=True)
    v = solve_triangular(L1, mu1 - mu0, lower=True)
    logdet0 = 2 * np.sum(np.log(np.diag(L0)))
    logdet1 = 2 * np.sum(np.log(np.diag(L1)))
    return float(0.5 * (np.sum(M ** 2) + v @ v - d + logdet0 - logdet1))


# %% mistake: Forms the determinants with np.linalg.det: in d = 100 with variances ~1e-4 both underflow to 0 and log(0/0) is nan.
import numpy as np


def kl_gaussians(mu0, cov0, mu1, cov1):
    d = len(mu0)
    cov1_inv = np.linalg.inv(cov1)
    diff = mu1 - mu0
    return float(0.5 * (np.trace(cov1_inv @ cov0) + diff @ cov1_inv @ diff - d
                        + np.log(np.linalg.det(cov1) / np.linalg.det(cov0))))


# %% mistake: Takes log det as sum(log diag L) without the factor 2: det(cov) = det(L)^2, so the log-determinant term is halved.
import numpy as np


def kl_gaussians(mu0, cov0, mu1, cov1):
    d = len(mu0)
    L0 = np.linalg.cholesky(cov0)
    L1 = np.linalg.cholesky(cov1)
    M = np.linalg.solve(L1, L0)
    v = np.linalg.solve(L1, mu1 - mu0)
    return float(0.5 * (np.sum(M ** 2) + v @ v - d + np.sum(np.log(np.diag(L1))) - np.sum(np.log(np.diag(L0)))))


# %% mistake: Uses the Frobenius norm of L1^-1 L0 without squaring it; the trace tr(cov1^-1 cov0) is the SQUARED norm.
import numpy as np
from scipy.linalg import cholesky, solve_triangular


def kl_gaussians(mu0, cov0, mu1, cov1):
    d = len(mu0)
    L0 = cholesky(cov0, lower=True)
    L1 = cholesky(cov1, lower=True)
    tr = np.linalg.norm(solve_triangular(L1, L0, lower=True))
    v = solve_triangular(L1, mu1 - mu0, lower=True)
    return float(0.5 * (tr + v @ v - d + 2 * np.sum(np.log(np.diag(L1))) - 2 * np.sum(np.log(np.diag(L0)))))


# %% mistake: Passes a lower Cholesky factor to scipy's solve_triangular, which assumes an UPPER triangle by default and so only reads the diagonal of L.
import numpy as np
from scipy.linalg import solve_triangular


def kl_gaussians(mu0, cov0, mu1, cov1):
    d = len(mu0)
    L0 = np.linalg.cholesky(cov0)
    L1 = np.linalg.cholesky(cov1)
    M = solve_triangular(L1, L0)
    v = solve_triangular(L1, mu1 - mu0)
    logdet0 = 2 * np.sum(np.log(np.diag(L0)))
    logdet1 = 2 * np.sum(np.log(np.diag(L1)))
    return float(0.5 * (np.sum(M ** 2) + v @ v - d + logdet1 - logdet0))


# %% mistake: Uses scipy.linalg.cholesky, which returns the UPPER factor U (cov = U^T U), in formulas written for the lower factor L (cov = L L^T).
import numpy as np
from scipy.linalg import cholesky, solve_triangular


def kl_gaussians(mu0, cov0, mu1, cov1):
    d = len(mu0)
    L0 = cholesky(cov0)
    L1 = cholesky(cov1)
    M = solve_triangular(L1, L0, lower=False)
    v = solve_triangular(L1, mu1 - mu0, lower=False)
    logdet0 = 2 * np.sum(np.log(np.diag(L0)))
    logdet1 = 2 * np.sum(np.log(np.diag(L1)))
    return float(0.5 * (np.sum(M ** 2) + v @ v - d + logdet1 - logdet0))


# %% mistake: Weights the mean difference with cov0^-1 instead of cov1^-1: in KL(p || q) the quadratic form uses the covariance of q.
import numpy as np
from scipy.linalg import cholesky, solve_triangular


def kl_gaussians(mu0, cov0, mu1, cov1):
    d = len(mu0)
    L0 = cholesky(cov0, lower=True)
    L1 = cholesky(cov1, lower=True)
    M = solve_triangular(L1, L0, lower=True)
    v = solve_triangular(L0, mu1 - mu0, lower=True)
    logdet0 = 2 * np.sum(np.log(np.diag(L0)))
    logdet1 = 2 * np.sum(np.log(np.diag(L1)))
    return float(0.5 * (np.sum(M ** 2) + v @ v - d + logdet1 - logdet0))


# %% mistake: Computes the trace term as tr(cov0^-1 cov1) (inverse of the wrong covariance), mixing KL(p || q) with KL(q || p).
import numpy as np
from scipy.linalg import cholesky, solve_triangular


def kl_gaussians(mu0, cov0, mu1, cov1):
    d = len(mu0)
    L0 = cholesky(cov0, lower=True)
    L1 = cholesky(cov1, lower=True)
    M = solve_triangular(L0, L1, lower=True)
    v = solve_triangular(L1, mu1 - mu0, lower=True)
    logdet0 = 2 * np.sum(np.log(np.diag(L0)))
    logdet1 = 2 * np.sum(np.log(np.diag(L1)))
    return float(0.5 * (np.sum(M ** 2) + v @ v - d + logdet1 - logdet0))


# %% mistake: Leaves out the overall factor 1/2 of the Gaussian KL formula, doubling the divergence.
import numpy as np
from scipy.linalg import cho_factor, cho_solve


def kl_gaussians(mu0, cov0, mu1, cov1):
    d = len(mu0)
    c1 = cho_factor(cov1, lower=True)
    c0 = cho_factor(cov0, lower=True)
    diff = mu1 - mu0
    tr = np.trace(cho_solve(c1, cov0))
    quad = diff @ cho_solve(c1, diff)
    logdet1 = 2 * np.sum(np.log(np.diag(c1[0])))
    logdet0 = 2 * np.sum(np.log(np.diag(c0[0])))
    return float(tr + quad - d + logdet1 - logdet0)
