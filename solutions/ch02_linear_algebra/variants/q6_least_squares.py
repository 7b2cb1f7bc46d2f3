# %% mistake: "QR" answer that actually solves the normal equations (loses cond^2 digits)
import numpy as np


def lstsq_qr(X, y):
    X = np.asarray(X, dtype=float)
    return np.linalg.solve(X.T @ X, X.T @ y)


# %% mistake: complete QR, so R is (n, d) and not square
import numpy as np
from scipy.linalg import solve_triangular


def lstsq_qr(X, y):
    Q, R = np.linalg.qr(np.asarray(X, dtype=float), mode="complete")
    return solve_triangular(R, Q.T @ y)


# %% mistake: solve_triangular told that R is lower triangular
import numpy as np
from scipy.linalg import solve_triangular


def lstsq_qr(X, y):
    Q, R = np.linalg.qr(np.asarray(X, dtype=float))
    return solve_triangular(R, Q.T @ y, lower=True)


# %% mistake: interpolates the first d points instead of fitting all n
import numpy as np


def lstsq_normal_equations(X, y):
    X = np.asarray(X, dtype=float)
    d = X.shape[1]
    return np.linalg.solve(X[:d], np.asarray(y, dtype=float)[:d])


# %% alternative: normal equations in float32 with an LU solve
import numpy as np


def lstsq_normal_equations(X, y):
    X, y = np.asarray(X, dtype=np.float32), np.asarray(y, dtype=np.float32)
    return np.linalg.solve(X.T @ X, X.T @ y)


# %% alternative: least squares through the SVD (w = V diag(1/s) U^T y)
import numpy as np


def lstsq_qr(X, y):
    U, s, Vt = np.linalg.svd(np.asarray(X, dtype=float), full_matrices=False)
    return Vt.T @ ((U.T @ y) / s)


# %% alternative: QR from Question 2 and a hand-written back substitution
import numpy as np


def lstsq_qr(X, y):
    Q, R = qr_decomposition(X)
    z = Q.T @ np.asarray(y, dtype=float)
    d = len(z)
    w = np.zeros(d)
    for i in range(d - 1, -1, -1):
        w[i] = (z[i] - R[i, i + 1:] @ w[i + 1:]) / R[i, i]
    return w
