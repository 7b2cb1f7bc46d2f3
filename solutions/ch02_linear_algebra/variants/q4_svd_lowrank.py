# %% mistake: spectral error off by one (s[k+1], mixing one-based and zero-based indexing)
import numpy as np


def rank_k_errors(s, k):
    s = np.asarray(s, dtype=float)
    return (s[k + 1] if k + 1 < len(s) else 0.0), np.sqrt(np.sum(s[k:] ** 2))


# %% mistake: Frobenius error without the square root (returns the squared error)
import numpy as np


def rank_k_errors(s, k):
    tail = np.asarray(s, dtype=float)[k:]
    return tail.max(initial=0.0), np.sum(tail**2)


# %% mistake: slices V^T by columns (Vt[:, :k]) instead of rows
import numpy as np


def truncated_svd(A, k):
    U, s, Vt = np.linalg.svd(np.asarray(A, dtype=float), full_matrices=False)
    return U[:, :k], s[:k], Vt[:, :k].T


# %% mistake: singular values as square roots of the eigenvalues of A^T A (squares the condition number)
import numpy as np


def truncated_svd(A, k):
    A = np.asarray(A, dtype=float)
    evals, V = np.linalg.eigh(A.T @ A)
    evals, V = evals[::-1], V[:, ::-1]
    s = np.sqrt(np.clip(evals, 0.0, None))[:k]
    U = A @ V[:, :k] / s
    return U, s, V[:, :k].T


# %% mistake: keeps the k smallest singular triplets
import numpy as np


def truncated_svd(A, k):
    U, s, Vt = np.linalg.svd(np.asarray(A, dtype=float), full_matrices=False)
    r = len(s)
    return U[:, r - k:], s[r - k:], Vt[r - k:]


# %% alternative: scipy.linalg.svd (gesvd) and a loop of rank-one terms; errors with an explicit loop
import numpy as np
from scipy.linalg import svd


def truncated_svd(A, k):
    U, s, Vt = svd(np.asarray(A, dtype=float), full_matrices=False, lapack_driver="gesvd")
    return U[:, :k], s[:k], Vt[:k, :]


def best_rank_k(A, k):
    U, s, Vt = truncated_svd(A, k)
    out = np.zeros(np.shape(A))
    for i in range(k):
        out += s[i] * np.outer(U[:, i], Vt[i])
    return out


def rank_k_errors(s, k):
    spectral, sq = 0.0, 0.0
    for i, value in enumerate(s):
        if i >= k:
            spectral = max(spectral, float(value))
            sq += float(value) ** 2
    return spectral, sq**0.5


# %% alternative: torch.linalg.svd; A_k as the projection U_k U_k^T A
import numpy as np
import torch


def truncated_svd(A, k):
    U, s, Vh = torch.linalg.svd(torch.as_tensor(A, dtype=torch.float64), full_matrices=False)
    return U[:, :k], s[:k], Vh[:k]


def best_rank_k(A, k):
    U = torch.as_tensor(truncated_svd(A, k)[0])
    return U @ (U.T @ torch.as_tensor(A, dtype=torch.float64))


def rank_k_errors(s, k):
    t = torch.as_tensor(s, dtype=torch.float64)[k:]
    return (t.max() if len(t) else torch.tensor(0.0)), torch.linalg.norm(t)
