# %% mistake: classical Gram-Schmidt (projections computed from the original column)
import numpy as np


def qr_decomposition(A):
    A = np.asarray(A, dtype=float)
    m, n = A.shape
    Q, R = np.zeros((m, n)), np.zeros((n, n))
    for j in range(n):
        R[:j, j] = Q[:, :j].T @ A[:, j]
        v = A[:, j] - Q[:, :j] @ R[:j, j]
        R[j, j] = np.linalg.norm(v)
        Q[:, j] = v / R[j, j]
    return Q, R


# %% mistake: Householder vector v = x - |x| e1 (no sign choice: cancellation, 0/0 on triangular input)
import numpy as np


def qr_decomposition(A):
    R = np.array(A, dtype=float)
    m, n = R.shape
    Q = np.eye(m)
    for j in range(n):
        v = R[j:, j].copy()
        v[0] -= np.linalg.norm(v)
        v /= np.linalg.norm(v)
        R[j:, :] -= 2.0 * np.outer(v, v @ R[j:, :])
        Q[:, j:] -= 2.0 * np.outer(Q[:, j:] @ v, v)
    return Q[:, :n], np.triu(R[:n])


# %% mistake: returns the complete factors (Q of shape (m, m), R of shape (m, n))
import numpy as np


def qr_decomposition(A):
    R = np.array(A, dtype=float)
    m, n = R.shape
    Q = np.eye(m)
    for j in range(n):
        v = R[j:, j].copy()
        v[0] += np.copysign(np.linalg.norm(v), v[0])
        v /= np.linalg.norm(v)
        R[j:, :] -= 2.0 * np.outer(v, v @ R[j:, :])
        Q[:, j:] -= 2.0 * np.outer(Q[:, j:] @ v, v)
    return Q, np.triu(R)


# %% mistake: multiplies the reflectors in the wrong order (Q = H_{n-1} ... H_0, i.e. Q^T for square A)
import numpy as np


def qr_decomposition(A):
    R = np.array(A, dtype=float)
    m, n = R.shape
    Q = np.eye(m)
    for j in range(n):
        v = np.zeros(m)
        v[j:] = R[j:, j]
        v[j] += np.copysign(np.linalg.norm(v), v[j])
        v /= np.linalg.norm(v)
        H = np.eye(m) - 2.0 * np.outer(v, v)
        R = H @ R
        Q = H @ Q
    return Q[:, :n], np.triu(R[:n])


# %% alternative: modified Gram-Schmidt (orthogonality ~ eps * cond: less accurate, still enough)
import numpy as np


def qr_decomposition(A):
    Q = np.array(A, dtype=float)
    n = Q.shape[1]
    R = np.zeros((n, n))
    for j in range(n):
        R[j, j] = np.linalg.norm(Q[:, j])
        Q[:, j] /= R[j, j]
        R[j, j + 1:] = Q[:, j] @ Q[:, j + 1:]
        Q[:, j + 1:] -= np.outer(Q[:, j], R[j, j + 1:])
    return Q, R


# %% alternative: Givens rotations, one entry at a time (loops)
import numpy as np


def qr_decomposition(A):
    R = np.array(A, dtype=float)
    m, n = R.shape
    Q = np.eye(m)
    for j in range(n):
        for i in range(m - 1, j, -1):
            a, b = R[i - 1, j], R[i, j]
            r = np.hypot(a, b)
            if r == 0.0:
                continue
            c, s = a / r, b / r
            G = np.array([[c, s], [-s, c]])
            R[[i - 1, i], :] = G @ R[[i - 1, i], :]
            Q[:, [i - 1, i]] = Q[:, [i - 1, i]] @ G.T
    return Q[:, :n], np.triu(R[:n])


# %% alternative: Householder in float32
import numpy as np


def qr_decomposition(A):
    R = np.array(A, dtype=np.float32)
    m, n = R.shape
    Q = np.eye(m, dtype=np.float32)
    for j in range(n):
        v = R[j:, j].copy()
        v[0] += np.copysign(np.linalg.norm(v), v[0])
        v /= np.linalg.norm(v)
        R[j:, :] -= 2 * np.outer(v, v @ R[j:, :])
        Q[:, j:] -= 2 * np.outer(Q[:, j:] @ v, v)
    return Q[:, :n], np.triu(R[:n])
