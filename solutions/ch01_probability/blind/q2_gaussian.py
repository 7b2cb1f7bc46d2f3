# %% mistake: computes the density itself and only then takes np.log, so a point far from the mean underflows to 0 and gives -inf
import numpy as np
from scipy.linalg import solve_triangular


def mvn_logpdf(X, mean, cov):
    X = np.asarray(X, dtype=float)
    d = X.shape[1]
    L = np.linalg.cholesky(cov)
    z = solve_triangular(L, (X - mean).T, lower=True)
    maha = np.sum(z**2, axis=0)
    det = np.prod(np.diag(L)) ** 2
    density = np.exp(-0.5 * maha) / np.sqrt((2 * np.pi) ** d * det)
    return np.log(density)


# %% mistake: takes log det Sigma as np.log(np.linalg.det(cov)), which underflows to log(0) = -inf for a large covariance with small eigenvalues
import numpy as np
from scipy.linalg import solve_triangular


def mvn_logpdf(X, mean, cov):
    X = np.asarray(X, dtype=float)
    d = X.shape[1]
    L = np.linalg.cholesky(cov)
    z = solve_triangular(L, (X - mean).T, lower=True)
    maha = np.sum(z**2, axis=0)
    logdet = np.log(np.linalg.det(cov))
    return -0.5 * (d * np.log(2 * np.pi) + logdet + maha)


# %% mistake: log det Sigma = sum log L_ii, forgetting the factor 2 (det Sigma is the product of the SQUARED diagonal of L)
import numpy as np
from scipy.linalg import solve_triangular


def mvn_logpdf(X, mean, cov):
    X = np.asarray(X, dtype=float)
    d = X.shape[1]
    L = np.linalg.cholesky(cov)
    z = solve_triangular(L, (X - mean).T, lower=True)
    maha = np.sum(z**2, axis=0)
    logdet = np.sum(np.log(np.diag(L)))
    return -0.5 * (d * np.log(2 * np.pi) + logdet + maha)


# %% mistake: solves L^T z = x - mu instead of L z = x - mu; ||z||^2 is then not the Mahalanobis distance unless Sigma is diagonal
import numpy as np
from scipy.linalg import solve_triangular


def mvn_logpdf(X, mean, cov):
    X = np.asarray(X, dtype=float)
    d = X.shape[1]
    L = np.linalg.cholesky(cov)
    z = solve_triangular(L.T, (X - mean).T, lower=False)
    maha = np.sum(z**2, axis=0)
    logdet = 2 * np.sum(np.log(np.diag(L)))
    return -0.5 * (d * np.log(2 * np.pi) + logdet + maha)


# %% mistake: adds log(2 pi) once instead of d times; right for d = 1 only
import numpy as np
from scipy.linalg import solve_triangular


def mvn_logpdf(X, mean, cov):
    X = np.asarray(X, dtype=float)
    L = np.linalg.cholesky(cov)
    z = solve_triangular(L, (X - mean).T, lower=True)
    maha = np.sum(z**2, axis=0)
    logdet = 2 * np.sum(np.log(np.diag(L)))
    return -0.5 * (np.log(2 * np.pi) + logdet + maha)


# %% mistake: forgets the 1/2 in front of the quadratic form (only the normalising constant gets halved)
import numpy as np
from scipy.linalg import solve_triangular


def mvn_logpdf(X, mean, cov):
    X = np.asarray(X, dtype=float)
    d = X.shape[1]
    L = np.linalg.cholesky(cov)
    z = solve_triangular(L, (X - mean).T, lower=True)
    maha = np.sum(z**2, axis=0)
    logdet = 2 * np.sum(np.log(np.diag(L)))
    return -0.5 * (d * np.log(2 * np.pi) + logdet) - maha


# %% mistake: uses the Mahalanobis distance ||z|| instead of its square ||z||^2 in the exponent
import numpy as np
from scipy.linalg import solve_triangular


def mvn_logpdf(X, mean, cov):
    X = np.asarray(X, dtype=float)
    d = X.shape[1]
    L = np.linalg.cholesky(cov)
    z = solve_triangular(L, (X - mean).T, lower=True)
    maha = np.linalg.norm(z, axis=0)
    logdet = 2 * np.sum(np.log(np.diag(L)))
    return -0.5 * (d * np.log(2 * np.pi) + logdet + maha)


# %% mistake: sums the squared whitened coordinates over the points axis instead of over the d dimensions
import numpy as np
from scipy.linalg import solve_triangular


def mvn_logpdf(X, mean, cov):
    X = np.asarray(X, dtype=float)
    d = X.shape[1]
    L = np.linalg.cholesky(cov)
    z = solve_triangular(L, (X - mean).T, lower=True)
    maha = np.sum(z**2, axis=1)
    logdet = 2 * np.sum(np.log(np.diag(L)))
    return -0.5 * (d * np.log(2 * np.pi) + logdet + maha)


# %% mistake: treats the covariance as diagonal (divides by its diagonal only), ignoring the correlations; right only for a diagonal Sigma
import numpy as np


def mvn_logpdf(X, mean, cov):
    X = np.asarray(X, dtype=float)
    d = X.shape[1]
    var = np.diag(cov)
    maha = np.sum((X - mean) ** 2 / var, axis=1)
    logdet = np.sum(np.log(var))
    return -0.5 * (d * np.log(2 * np.pi) + logdet + maha)


# %% mistake: takes log det from the diagonal of Sigma instead of the diagonal of its Cholesky factor; equal only when Sigma is diagonal
import numpy as np
from scipy.linalg import solve_triangular


def mvn_logpdf(X, mean, cov):
    X = np.asarray(X, dtype=float)
    d = X.shape[1]
    L = np.linalg.cholesky(cov)
    z = solve_triangular(L, (X - mean).T, lower=True)
    maha = np.sum(z**2, axis=0)
    logdet = np.sum(np.log(np.diag(cov)))
    return -0.5 * (d * np.log(2 * np.pi) + logdet + maha)


# %% mistake: casts to float32 to save memory, which loses the digits of an ill-conditioned covariance (cond ~1e8) and of x - mu when the mean is large
import numpy as np
from scipy.linalg import solve_triangular


def mvn_logpdf(X, mean, cov):
    X = np.asarray(X, dtype=np.float32)
    mean = np.asarray(mean, dtype=np.float32)
    cov = np.asarray(cov, dtype=np.float32)
    d = X.shape[1]
    L = np.linalg.cholesky(cov)
    z = solve_triangular(L, (X - mean).T, lower=True)
    maha = np.sum(z**2, axis=0)
    logdet = 2 * np.sum(np.log(np.diag(L)))
    return -0.5 * (d * np.log(2 * np.pi) + logdet + maha)


# %% mistake: keeps the summed axis (keepdims=True) and returns an (n, 1) column instead of a flat (n,) vector
import numpy as np
from scipy.linalg import solve_triangular


def mvn_logpdf(X, mean, cov):
    X = np.asarray(X, dtype=float)
    d = X.shape[1]
    L = np.linalg.cholesky(cov)
    z = solve_triangular(L, (X - mean).T, lower=True)
    maha = np.sum(z.T**2, axis=1, keepdims=True)
    logdet = 2 * np.sum(np.log(np.diag(L)))
    return -0.5 * (d * np.log(2 * np.pi) + logdet + maha)
