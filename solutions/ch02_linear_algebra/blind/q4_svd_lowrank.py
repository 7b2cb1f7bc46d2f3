# %% mistake: takes the first k COLUMNS of Vt as the right singular vectors; the right singular vectors are the rows of Vt (columns of V)
import numpy as np


def truncated_svd(A, k):
    U, s, Vt = np.linalg.svd(np.asarray(A, dtype=float), full_matrices=False)
    return U[:, :k], s[:k], Vt[:, :k].T


# %% mistake: singular values as square roots of the eigenvalues of A^T A; forming A^T A squares the condition number and loses every s_i below ~1e-8 s_1
import numpy as np


def truncated_svd(A, k):
    A = np.asarray(A, dtype=float)
    lam, V = np.linalg.eigh(A.T @ A)
    order = np.argsort(lam)[::-1]
    lam, V = lam[order], V[:, order]
    s = np.sqrt(np.clip(lam, 0.0, None))
    Vk, sk = V[:, :k], s[:k]
    Uk = A @ Vk / sk
    return Uk, sk, Vk.T


# %% mistake: truncates s and Vt but returns the whole U, so U_k has min(m, n) columns instead of k
import numpy as np


def truncated_svd(A, k):
    U, s, Vt = np.linalg.svd(np.asarray(A, dtype=float), full_matrices=False)
    return U, s[:k], Vt[:k, :]


# %% mistake: takes the LAST k singular triplets (s[-k:]), as if np.linalg.svd returned the singular values in ascending order like eigh
import numpy as np


def truncated_svd(A, k):
    U, s, Vt = np.linalg.svd(np.asarray(A, dtype=float), full_matrices=False)
    r = len(s)
    return U[:, r - k:], s[r - k:], Vt[r - k:, :]


# %% mistake: builds A_k as a Python sum of k outer products, which for k = 0 is the integer 0, not an (m, n) zero matrix
import numpy as np


def best_rank_k(A, k):
    U, s, Vt = np.linalg.svd(np.asarray(A, dtype=float), full_matrices=False)
    return sum(s[i] * np.outer(U[:, i], Vt[i, :]) for i in range(k))


# %% mistake: forgets the singular values and returns U_k V_k^T, which has rank k but not the scale of A (every kept s_i is replaced by 1)
import numpy as np


def best_rank_k(A, k):
    U, s, Vt = np.linalg.svd(np.asarray(A, dtype=float), full_matrices=False)
    return U[:, :k] @ Vt[:k, :]


# %% mistake: keeps k + 1 terms (reads 'sigma_{k+1}' in the error formula as the last singular value kept), so A_k has rank k + 1
import numpy as np


def best_rank_k(A, k):
    U, s, Vt = np.linalg.svd(np.asarray(A, dtype=float), full_matrices=False)
    return (U[:, :k + 1] * s[:k + 1]) @ Vt[:k + 1, :]


# %% mistake: multiplies by V_k^T built from the columns of Vt (Vt[:, :k].T) instead of its first k rows
import numpy as np


def best_rank_k(A, k):
    A = np.asarray(A, dtype=float)
    U, s, Vt = np.linalg.svd(A, full_matrices=False)
    Vk = Vt[:, :k]
    return (U[:, :k] * s[:k]) @ Vk.T


# %% mistake: reads sigma_{k+1} as s[k + 1] in Python, one index too far (it is s[k] with zero-based indexing)
import numpy as np


def rank_k_errors(s, k):
    s = np.asarray(s, dtype=float)
    spectral = s[k + 1] if k + 1 < len(s) else 0.0
    frobenius = np.sqrt(np.sum(s[k + 1:] ** 2))
    return float(spectral), float(frobenius)


# %% mistake: returns the SQUARED Frobenius error sum_{i>k} s_i^2, forgetting the square root
import numpy as np


def rank_k_errors(s, k):
    s = np.asarray(s, dtype=float)
    spectral = s[k] if k < len(s) else 0.0
    frobenius = np.sum(s[k:] ** 2)
    return float(spectral), float(frobenius)


# %% mistake: adds up the discarded singular values (sum of s_i) instead of taking the root of the sum of their squares
import numpy as np


def rank_k_errors(s, k):
    s = np.asarray(s, dtype=float)
    spectral = s[k] if k < len(s) else 0.0
    frobenius = np.sum(s[k:])
    return float(spectral), float(frobenius)


# %% mistake: clamps the index to the last singular value, so for k >= len(s) the spectral error is s_min instead of 0 (nothing is discarded)
import numpy as np


def rank_k_errors(s, k):
    s = np.asarray(s, dtype=float)
    spectral = s[min(k, len(s) - 1)]
    frobenius = np.sqrt(np.sum(s[k:] ** 2))
    return float(spectral), float(frobenius)


# %% mistake: takes the spectral error as the largest discarded singular value via s[k:].max(), which raises on an empty slice when k >= len(s)
import numpy as np


def rank_k_errors(s, k):
    s = np.asarray(s, dtype=float)
    tail = s[k:]
    return float(tail.max()), float(np.sqrt(np.sum(tail ** 2)))
