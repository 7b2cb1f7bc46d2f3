# %% mistake: returns the posterior precision alpha I + beta Phi^T Phi as S_N instead of its inverse, the covariance
import numpy as np


def blr_posterior(Phi, y, alpha, beta):
    Phi = np.asarray(Phi, dtype=float)
    y = np.asarray(y, dtype=float)
    M = Phi.shape[1]
    A = alpha * np.eye(M) + beta * Phi.T @ Phi
    m_N = beta * np.linalg.solve(A, Phi.T @ y)
    return m_N, A


# %% mistake: forgets the factor beta in the posterior mean (m_N = S_N Phi^T y), which is only right when beta = 1
import numpy as np
from scipy.linalg import solve_triangular


def blr_posterior(Phi, y, alpha, beta):
    Phi = np.asarray(Phi, dtype=float)
    y = np.asarray(y, dtype=float)
    M = Phi.shape[1]
    L = np.linalg.cholesky(alpha * np.eye(M) + beta * Phi.T @ Phi)
    Linv = solve_triangular(L, np.eye(M), lower=True)
    S_N = Linv.T @ Linv
    return S_N @ Phi.T @ y, S_N


# %% mistake: adds alpha to every entry of Phi^T Phi (alpha + ...) instead of alpha times the identity; right only for a single feature
import numpy as np
from scipy.linalg import solve_triangular


def blr_posterior(Phi, y, alpha, beta):
    Phi = np.asarray(Phi, dtype=float)
    y = np.asarray(y, dtype=float)
    M = Phi.shape[1]
    L = np.linalg.cholesky(alpha + beta * Phi.T @ Phi)
    Linv = solve_triangular(L, np.eye(M), lower=True)
    S_N = Linv.T @ Linv
    return beta * S_N @ Phi.T @ y, S_N


# %% mistake: swaps the roles of alpha and beta (beta I + alpha Phi^T Phi), confusing the prior precision with the noise precision
import numpy as np
from scipy.linalg import solve_triangular


def blr_posterior(Phi, y, alpha, beta):
    Phi = np.asarray(Phi, dtype=float)
    y = np.asarray(y, dtype=float)
    M = Phi.shape[1]
    L = np.linalg.cholesky(beta * np.eye(M) + alpha * Phi.T @ Phi)
    Linv = solve_triangular(L, np.eye(M), lower=True)
    S_N = Linv.T @ Linv
    return alpha * S_N @ Phi.T @ y, S_N


# %% mistake: treats alpha as the prior variance rather than the prior precision, adding (1/alpha) I to beta Phi^T Phi
import numpy as np
from scipy.linalg import solve_triangular


def blr_posterior(Phi, y, alpha, beta):
    Phi = np.asarray(Phi, dtype=float)
    y = np.asarray(y, dtype=float)
    M = Phi.shape[1]
    L = np.linalg.cholesky(np.eye(M) / alpha + beta * Phi.T @ Phi)
    Linv = solve_triangular(L, np.eye(M), lower=True)
    S_N = Linv.T @ Linv
    return beta * S_N @ Phi.T @ y, S_N


# %% mistake: uses the ridge matrix inverse (Phi^T Phi + (alpha/beta) I)^-1 as the covariance; the mean is right but S_N misses the factor 1/beta
import numpy as np


def blr_posterior(Phi, y, alpha, beta):
    Phi = np.asarray(Phi, dtype=float)
    y = np.asarray(y, dtype=float)
    M = Phi.shape[1]
    R = Phi.T @ Phi + (alpha / beta) * np.eye(M)
    S_N = np.linalg.inv(R)
    S_N = 0.5 * (S_N + S_N.T)
    return S_N @ Phi.T @ y, S_N


# %% mistake: composes the triangular inverse in the wrong order, L^-1 L^-T instead of L^-T L^-1, which is not the inverse of L L^T
import numpy as np
from scipy.linalg import solve_triangular


def blr_posterior(Phi, y, alpha, beta):
    Phi = np.asarray(Phi, dtype=float)
    y = np.asarray(y, dtype=float)
    M = Phi.shape[1]
    L = np.linalg.cholesky(alpha * np.eye(M) + beta * Phi.T @ Phi)
    Linv = solve_triangular(L, np.eye(M), lower=True)
    S_N = Linv @ Linv.T
    return beta * S_N @ Phi.T @ y, S_N


# %% mistake: forms Phi Phi^T (n x n) instead of Phi^T Phi (M x M), so S_N has the wrong size and entries (the mean happens to survive)
import numpy as np


def blr_posterior(Phi, y, alpha, beta):
    Phi = np.asarray(Phi, dtype=float)
    y = np.asarray(y, dtype=float)
    n = Phi.shape[0]
    S_N = np.linalg.inv(alpha * np.eye(n) + beta * Phi @ Phi.T)
    S_N = 0.5 * (S_N + S_N.T)
    return beta * Phi.T @ S_N @ y, S_N


# %% mistake: takes the least-squares fit (pseudo-inverse) as the posterior mean, ignoring the prior; wrong unless alpha -> 0 with plenty of data
import numpy as np
from scipy.linalg import solve_triangular


def blr_posterior(Phi, y, alpha, beta):
    Phi = np.asarray(Phi, dtype=float)
    y = np.asarray(y, dtype=float)
    M = Phi.shape[1]
    L = np.linalg.cholesky(alpha * np.eye(M) + beta * Phi.T @ Phi)
    Linv = solve_triangular(L, np.eye(M), lower=True)
    S_N = Linv.T @ Linv
    return np.linalg.pinv(Phi) @ y, S_N


# %% mistake: forgets the noise variance 1/beta in the predictive variance, returning only the uncertainty about the weights
import numpy as np


def blr_predictive(Phi_star, m_N, S_N, beta):
    Phi_star = np.asarray(Phi_star, dtype=float)
    mean = Phi_star @ m_N
    var = np.einsum("ij,jk,ik->i", Phi_star, S_N, Phi_star)
    return mean, var


# %% mistake: adds the noise precision beta instead of the noise variance 1/beta to the predictive variance
import numpy as np


def blr_predictive(Phi_star, m_N, S_N, beta):
    Phi_star = np.asarray(Phi_star, dtype=float)
    mean = Phi_star @ m_N
    var = beta + np.einsum("ij,jk,ik->i", Phi_star, S_N, Phi_star)
    return mean, var


# %% mistake: sums each row of Phi* S_N Phi*^T instead of taking its diagonal, mixing in the covariances between different test points
import numpy as np


def blr_predictive(Phi_star, m_N, S_N, beta):
    Phi_star = np.asarray(Phi_star, dtype=float)
    mean = Phi_star @ m_N
    var = 1.0 / beta + (Phi_star @ S_N @ Phi_star.T).sum(axis=1)
    return mean, var


# %% mistake: uses only the diagonal of S_N (sum_j phi_j^2 S_jj), ignoring the posterior correlations between the weights
import numpy as np


def blr_predictive(Phi_star, m_N, S_N, beta):
    Phi_star = np.asarray(Phi_star, dtype=float)
    mean = Phi_star @ m_N
    var = 1.0 / beta + (Phi_star**2) @ np.diag(S_N)
    return mean, var


# %% mistake: returns the predictive standard deviation instead of the variance
import numpy as np


def blr_predictive(Phi_star, m_N, S_N, beta):
    Phi_star = np.asarray(Phi_star, dtype=float)
    mean = Phi_star @ m_N
    var = 1.0 / beta + np.einsum("ij,jk,ik->i", Phi_star, S_N, Phi_star)
    return mean, np.sqrt(var)


# %% mistake: uses the precision (the inverse of S_N) in the quadratic form instead of the covariance S_N itself
import numpy as np


def blr_predictive(Phi_star, m_N, S_N, beta):
    Phi_star = np.asarray(Phi_star, dtype=float)
    mean = Phi_star @ m_N
    P = np.linalg.inv(S_N)
    var = 1.0 / beta + np.einsum("ij,jk,ik->i", Phi_star, P, Phi_star)
    return mean, var
