# %% mistake: scipy.linalg.cholesky returns the UPPER factor by default, but it is used as the lower factor L in the two triangular solves
import numpy as np
from scipy.linalg import cholesky, solve_triangular


def lstsq_normal_equations(X, y):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    L = cholesky(X.T @ X)
    z = solve_triangular(L, X.T @ y, lower=True)
    return solve_triangular(L.T, z, lower=False)


# %% mistake: passes the LOWER factor from np.linalg.cholesky to scipy's cho_solve with lower=False, so cho_solve reads the wrong triangle
import numpy as np
from scipy.linalg import cho_solve


def lstsq_normal_equations(X, y):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    L = np.linalg.cholesky(X.T @ X)
    return cho_solve((L, False), X.T @ y)


# %% mistake: with X^T X = L L^T, solves L z = X^T y and then L w = z again, forgetting that the second solve is with the transpose L^T
import numpy as np
from scipy.linalg import solve_triangular


def lstsq_normal_equations(X, y):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    L = np.linalg.cholesky(X.T @ X)
    z = solve_triangular(L, X.T @ y, lower=True)
    return solve_triangular(L, z, lower=True)


# %% mistake: adds a fixed jitter 1e-8 * I to X^T X 'for stability'; that is ridge, not least squares, and it dominates when X has small entries
import numpy as np
from scipy.linalg import cho_factor, cho_solve


def lstsq_normal_equations(X, y):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    G = X.T @ X + 1e-8 * np.eye(X.shape[1])
    return cho_solve(cho_factor(G), X.T @ y)


# %% mistake: appends a column of ones for an intercept the question does not ask for, so w has d + 1 entries and the other weights change
import numpy as np
from scipy.linalg import cho_factor, cho_solve


def lstsq_normal_equations(X, y):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    X1 = np.column_stack([np.ones(X.shape[0]), X])
    return cho_solve(cho_factor(X1.T @ X1), X1.T @ y)


# %% mistake: divides X^T X by n (mean-squared loss) but not X^T y, so the solution comes out n times too large
import numpy as np
from scipy.linalg import cho_factor, cho_solve


def lstsq_normal_equations(X, y):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n = X.shape[0]
    return cho_solve(cho_factor(X.T @ X / n), X.T @ y)


# %% mistake: calls solve_triangular(R, Q^T y, lower=True), which reads R as lower triangular (only its diagonal survives) instead of back substitution
import numpy as np
from scipy.linalg import solve_triangular


def lstsq_qr(X, y):
    Q, R = np.linalg.qr(np.asarray(X, dtype=float))
    return solve_triangular(R, Q.T @ np.asarray(y, dtype=float), lower=True)


# %% mistake: uses R^T R = X^T X and solves (R^T R) w = X^T y; that is the normal equations again and squares the condition number on ill-conditioned X
import numpy as np


def lstsq_qr(X, y):
    X = np.asarray(X, dtype=float)
    Q, R = np.linalg.qr(X)
    return np.linalg.solve(R.T @ R, X.T @ np.asarray(y, dtype=float))


# %% mistake: works in float32; with cond(X) of 1e4 or more the relative error ~ cond(X) * 6e-8 is far above what float64 QR achieves
import numpy as np
from scipy.linalg import solve_triangular


def lstsq_qr(X, y):
    X = np.asarray(X, dtype=np.float32)
    y = np.asarray(y, dtype=np.float32)
    Q, R = np.linalg.qr(X)
    return solve_triangular(R, Q.T @ y)


# %% mistake: builds Q and R with classical Gram–Schmidt instead of np.linalg.qr; Q loses orthogonality like eps * cond^2, so w is wrong when X is ill-conditioned
import numpy as np
from scipy.linalg import solve_triangular


def lstsq_qr(X, y):
    X = np.asarray(X, dtype=float)
    n, d = X.shape
    Q = np.zeros((n, d))
    R = np.zeros((d, d))
    for j in range(d):
        v = X[:, j].copy()
        for i in range(j):
            R[i, j] = Q[:, i] @ X[:, j]
            v -= R[i, j] * Q[:, i]
        R[j, j] = np.linalg.norm(v)
        Q[:, j] = v / R[j, j]
    return solve_triangular(R, Q.T @ np.asarray(y, dtype=float))


# %% mistake: scales every column of X to unit norm to improve conditioning but forgets to undo the scaling, returning the weights of the scaled columns
import numpy as np
from scipy.linalg import solve_triangular


def lstsq_qr(X, y):
    X = np.asarray(X, dtype=float)
    norms = np.linalg.norm(X, axis=0)
    Q, R = np.linalg.qr(X / norms)
    return solve_triangular(R, Q.T @ np.asarray(y, dtype=float))
