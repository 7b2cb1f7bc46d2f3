# %% mistake: classical Gram–Schmidt (r_ij from the original column a_j); on ill-conditioned columns the computed Q is far from orthogonal
import numpy as np


def qr_decomposition(A):
    A = np.asarray(A, dtype=float)
    m, n = A.shape
    Q = np.zeros((m, n))
    R = np.zeros((n, n))
    for j in range(n):
        v = A[:, j].copy()
        for i in range(j):
            R[i, j] = Q[:, i] @ A[:, j]
            v = v - R[i, j] * Q[:, i]
        R[j, j] = np.linalg.norm(v)
        Q[:, j] = v / R[j, j]
    return Q, R


# %% mistake: reflects x onto +|x| e1 with v = x - |x| e1; this cancels and is the zero vector when x already points along e1 (e.g. A = I), giving NaN
import numpy as np


def qr_decomposition(A):
    A = np.asarray(A, dtype=float)
    m, n = A.shape
    R = A.copy()
    Q = np.eye(m)
    for j in range(n):
        x = R[j:, j]
        v = x.copy()
        v[0] -= np.linalg.norm(x)
        v = v / np.linalg.norm(v)
        R[j:, :] -= 2.0 * np.outer(v, v @ R[j:, :])
        Q[:, j:] -= 2.0 * np.outer(Q[:, j:] @ v, v)
    return Q[:, :n], np.triu(R[:n, :])


# %% mistake: uses np.sign(x1), which is 0 when x1 = 0, so v = x and the reflection maps x to -x instead of zeroing the entries below the diagonal
import numpy as np


def qr_decomposition(A):
    A = np.asarray(A, dtype=float)
    m, n = A.shape
    R = A.copy()
    Q = np.eye(m)
    for j in range(n):
        x = R[j:, j]
        v = x.copy()
        v[0] += np.sign(x[0]) * np.linalg.norm(x)
        v = v / np.linalg.norm(v)
        R[j:, :] -= 2.0 * np.outer(v, v @ R[j:, :])
        Q[:, j:] -= 2.0 * np.outer(Q[:, j:] @ v, v)
    return Q[:, :n], R[:n, :]


# %% mistake: returns the full factors (Q of shape (m, m), R of shape (m, n)) instead of the reduced ones the docstring asks for
import numpy as np


def qr_decomposition(A):
    A = np.asarray(A, dtype=float)
    m, n = A.shape
    R = A.copy()
    Q = np.eye(m)
    for j in range(n):
        x = R[j:, j]
        v = x.copy()
        v[0] += np.copysign(np.linalg.norm(x), x[0])
        v = v / np.linalg.norm(v)
        R[j:, :] -= 2.0 * np.outer(v, v @ R[j:, :])
        Q[:, j:] -= 2.0 * np.outer(Q[:, j:] @ v, v)
    return Q, np.triu(R)


# %% mistake: accumulates the reflections on the rows of Q (builds H_{n-1}...H_0 = Q^T) and returns its first columns, i.e. a transposed Q
import numpy as np


def qr_decomposition(A):
    A = np.asarray(A, dtype=float)
    m, n = A.shape
    R = A.copy()
    Q = np.eye(m)
    for j in range(n):
        x = R[j:, j]
        v = x.copy()
        v[0] += np.copysign(np.linalg.norm(x), x[0])
        v = v / np.linalg.norm(v)
        R[j:, :] -= 2.0 * np.outer(v, v @ R[j:, :])
        Q[j:, :] -= 2.0 * np.outer(v, v @ Q[j:, :])
    return Q[:, :n], np.triu(R[:n, :])


# %% mistake: works on A itself (R = A, no copy), so the caller's matrix is overwritten with R and anything that reuses A afterwards (even a second call) is wrong
import numpy as np


def qr_decomposition(A):
    R = A
    m, n = R.shape
    Q = np.eye(m)
    for j in range(n):
        x = R[j:, j]
        v = x.copy()
        v[0] += np.copysign(np.linalg.norm(x), x[0])
        v = v / np.linalg.norm(v)
        R[j:, :] -= 2.0 * np.outer(v, v @ R[j:, :])
        Q[:, j:] -= 2.0 * np.outer(Q[:, j:] @ v, v)
    return Q[:, :n], np.triu(R[:n, :])


# %% mistake: uses H = I - v v^T without the factor 2, which is a projection, not a reflection: it is not orthogonal and does not zero the column
import numpy as np


def qr_decomposition(A):
    A = np.asarray(A, dtype=float)
    m, n = A.shape
    R = A.copy()
    Q = np.eye(m)
    for j in range(n):
        x = R[j:, j]
        v = x.copy()
        v[0] += np.copysign(np.linalg.norm(x), x[0])
        v = v / np.linalg.norm(v)
        R[j:, :] -= np.outer(v, v @ R[j:, :])
        Q[:, j:] -= np.outer(Q[:, j:] @ v, v)
    return Q[:, :n], R[:n, :]


# %% mistake: loops over range(n - 1), as if the last column never needed a reflection; that holds for square A but leaves entries below R[n-1, n-1] when m > n
import numpy as np


def qr_decomposition(A):
    A = np.asarray(A, dtype=float)
    m, n = A.shape
    R = A.copy()
    Q = np.eye(m)
    for j in range(n - 1):
        x = R[j:, j]
        v = x.copy()
        v[0] += np.copysign(np.linalg.norm(x), x[0])
        v = v / np.linalg.norm(v)
        R[j:, :] -= 2.0 * np.outer(v, v @ R[j:, :])
        Q[:, j:] -= 2.0 * np.outer(Q[:, j:] @ v, v)
    return Q[:, :n], np.triu(R[:n, :])


# %% mistake: applies each reflection only to column j of R, not to the later columns, so R no longer satisfies A = Q R
import numpy as np


def qr_decomposition(A):
    A = np.asarray(A, dtype=float)
    m, n = A.shape
    R = A.copy()
    Q = np.eye(m)
    for j in range(n):
        x = R[j:, j]
        v = x.copy()
        v[0] += np.copysign(np.linalg.norm(x), x[0])
        v = v / np.linalg.norm(v)
        R[j:, j] -= 2.0 * v * (v @ R[j:, j])
        Q[:, j:] -= 2.0 * np.outer(Q[:, j:] @ v, v)
    return Q[:, :n], np.triu(R[:n, :])


# %% mistake: normal-equations shortcut: R from the Cholesky factor of A^T A and Q = A R^{-1}; this squares the condition number and Q loses orthogonality
import numpy as np


def qr_decomposition(A):
    A = np.asarray(A, dtype=float)
    L = np.linalg.cholesky(A.T @ A)
    R = L.T
    Q = np.linalg.solve(R.T, A.T).T
    return Q, R
