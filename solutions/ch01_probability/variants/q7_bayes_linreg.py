# %% mistake: posterior mean without the noise precision (m_N = S_N Phi^T y)
import numpy as np


def blr_posterior(Phi, y, alpha, beta):
    S_N = np.linalg.inv(alpha * np.eye(Phi.shape[1]) + beta * Phi.T @ Phi)
    return S_N @ Phi.T @ y, S_N


# %% mistake: posterior precision alpha I + Phi^T Phi (beta missing on the data term)
import numpy as np


def blr_posterior(Phi, y, alpha, beta):
    S_N = np.linalg.inv(alpha * np.eye(Phi.shape[1]) + Phi.T @ Phi)
    return beta * S_N @ Phi.T @ y, S_N


# %% mistake: treats alpha as the prior variance (precision 1/alpha)
import numpy as np


def blr_posterior(Phi, y, alpha, beta):
    S_N = np.linalg.inv(np.eye(Phi.shape[1]) / alpha + beta * Phi.T @ Phi)
    return beta * S_N @ Phi.T @ y, S_N


# %% mistake: returns the posterior precision S_N^{-1} instead of the covariance
import numpy as np


def blr_posterior(Phi, y, alpha, beta):
    A = alpha * np.eye(Phi.shape[1]) + beta * Phi.T @ Phi
    return beta * np.linalg.solve(A, Phi.T @ y), A


# %% mistake: predictive variance without the noise term 1/beta
import numpy as np


def blr_predictive(Phi_star, m_N, S_N, beta):
    return Phi_star @ m_N, np.einsum("ij,jk,ik->i", Phi_star, S_N, Phi_star)


# %% mistake: predictive variance sums Phi_star S_N over features (forgets the second phi)
import numpy as np


def blr_predictive(Phi_star, m_N, S_N, beta):
    return Phi_star @ m_N, 1 / beta + np.sum(Phi_star @ S_N, axis=1)


# %% alternative: float32 arithmetic with explicit inverses
import numpy as np


def blr_posterior(Phi, y, alpha, beta):
    Phi, y = np.asarray(Phi, dtype=np.float32), np.asarray(y, dtype=np.float32)
    S_N = np.linalg.inv(np.float32(alpha) * np.eye(Phi.shape[1], dtype=np.float32) + np.float32(beta) * Phi.T @ Phi)
    return np.float32(beta) * S_N @ (Phi.T @ y), S_N


def blr_predictive(Phi_star, m_N, S_N, beta):
    Phi_star, m_N, S_N = (np.asarray(a, dtype=np.float32) for a in (Phi_star, m_N, S_N))
    return Phi_star @ m_N, np.float32(1 / beta) + np.sum((Phi_star @ S_N) * Phi_star, axis=1)


# %% alternative: QR of the stacked least-squares system [sqrt(beta) Phi; sqrt(alpha) I]
import numpy as np
from scipy.linalg import solve_triangular


def blr_posterior(Phi, y, alpha, beta):
    M = Phi.shape[1]
    A = np.vstack([np.sqrt(beta) * Phi, np.sqrt(alpha) * np.eye(M)])
    b = np.concatenate([np.sqrt(beta) * y, np.zeros(M)])
    Q, R = np.linalg.qr(A)  # A^T A = R^T R = alpha I + beta Phi^T Phi
    m_N = solve_triangular(R, Q.T @ b)
    R_inv = solve_triangular(R, np.eye(M))
    return m_N, R_inv @ R_inv.T


def blr_predictive(Phi_star, m_N, S_N, beta):
    # var_i = 1/beta + |L^T phi_i|^2 with S_N = L L^T
    L = np.linalg.cholesky(S_N)
    return Phi_star @ m_N, 1 / beta + np.sum((Phi_star @ L) ** 2, axis=1)


# %% alternative: dual (Woodbury) form with an n x n solve, and a loop for the predictive
import numpy as np


def blr_posterior(Phi, y, alpha, beta):
    n, M = Phi.shape
    G = np.linalg.solve(np.eye(n) / beta + Phi @ Phi.T / alpha, np.column_stack([y, Phi]))
    m_N = Phi.T @ G[:, 0] / alpha
    S_N = np.eye(M) / alpha - Phi.T @ G[:, 1:] / alpha**2
    return m_N, (S_N + S_N.T) / 2


def blr_predictive(Phi_star, m_N, S_N, beta):
    mean, var = [], []
    for phi in np.asarray(Phi_star, dtype=float):
        mean.append(phi @ m_N)
        var.append(1 / beta + phi @ S_N @ phi)
    return np.array(mean), np.array(var)


# %% alternative: torch (float64) with torch.linalg.inv
import numpy as np
import torch


def blr_posterior(Phi, y, alpha, beta):
    Phi, y = torch.as_tensor(np.asarray(Phi, dtype=float)), torch.as_tensor(np.asarray(y, dtype=float))
    S_N = torch.linalg.inv(alpha * torch.eye(Phi.shape[1], dtype=torch.float64) + beta * Phi.T @ Phi)
    S_N = (S_N + S_N.T) / 2
    return beta * S_N @ Phi.T @ y, S_N


def blr_predictive(Phi_star, m_N, S_N, beta):
    Phi_star, m_N, S_N = (torch.as_tensor(np.asarray(a, dtype=float)) for a in (Phi_star, m_N, S_N))
    return Phi_star @ m_N, 1 / beta + ((Phi_star @ S_N) * Phi_star).sum(dim=1)
