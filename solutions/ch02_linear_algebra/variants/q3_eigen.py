# %% mistake: unshifted QR iteration, even with a generous cap (never converges for eigenvalues +-lambda)
import numpy as np


def symmetric_eig(S, tol=1e-12, max_iter=10_000):
    A = np.array(S, dtype=float)
    V = np.eye(len(A))
    for _ in range(max_iter):
        if np.abs(np.tril(A, -1)).max(initial=0.0) <= tol * np.linalg.norm(A):
            break
        Q, R = np.linalg.qr(A)
        A = R @ Q
        V = V @ Q
    order = np.argsort(np.diag(A))[::-1]
    return np.diag(A)[order], V[:, order]


# %% mistake: eigenvalues in ascending order (numpy.linalg.eigh's convention)
import numpy as np


def symmetric_eig(S, tol=1e-12, max_iter=1000):
    A = np.array(S, dtype=float)
    n = A.shape[0]
    V = np.eye(n)
    m = n
    for _ in range(max_iter):
        while m > 1 and np.linalg.norm(A[m - 1, :m - 1]) <= tol * np.linalg.norm(S):
            m -= 1
        if m == 1:
            break
        a, b, c = A[m - 2, m - 2], A[m - 1, m - 2], A[m - 1, m - 1]
        mu = (a + c) / 2 - np.copysign(np.hypot((a - c) / 2, b), a - c)
        Q, R = np.linalg.qr(A[:m, :m] - mu * np.eye(m))
        A[:m, :m] = R @ Q + mu * np.eye(m)
        V[:, :m] = V[:, :m] @ Q
    order = np.argsort(np.diag(A))
    return np.diag(A)[order], V[:, order]


# %% mistake: eigenvectors returned as rows
import numpy as np

_reference_symmetric_eig = symmetric_eig


def symmetric_eig(S, tol=1e-12, max_iter=1000):
    w, V = _reference_symmetric_eig(S, tol, max_iter)
    return w, V.T


# %% mistake: absolute stopping tolerance (a matrix of size 1e-12 looks diagonal at once)
import numpy as np


def symmetric_eig(S, tol=1e-12, max_iter=1000):
    A = np.array(S, dtype=float)
    n = A.shape[0]
    V = np.eye(n)
    m = n
    for _ in range(max_iter):
        while m > 1 and np.linalg.norm(A[m - 1, :m - 1]) <= 1e-10:
            m -= 1
        if m == 1:
            break
        a, b, c = A[m - 2, m - 2], A[m - 1, m - 2], A[m - 1, m - 1]
        mu = (a + c) / 2 - np.copysign(np.hypot((a - c) / 2, b), a - c)
        Q, R = np.linalg.qr(A[:m, :m] - mu * np.eye(m))
        A[:m, :m] = R @ Q + mu * np.eye(m)
        V[:, :m] = V[:, :m] @ Q
    order = np.argsort(np.diag(A))[::-1]
    return np.diag(A)[order], V[:, order]


# %% mistake: accumulates the eigenvectors as V <- Q V instead of V <- V Q
import numpy as np


def symmetric_eig(S, tol=1e-12, max_iter=1000):
    A = np.array(S, dtype=float)
    n = A.shape[0]
    V = np.eye(n)
    m = n
    for _ in range(max_iter):
        while m > 1 and np.linalg.norm(A[m - 1, :m - 1]) <= tol * np.linalg.norm(S):
            m -= 1
        if m == 1:
            break
        a, b, c = A[m - 2, m - 2], A[m - 1, m - 2], A[m - 1, m - 1]
        mu = (a + c) / 2 - np.copysign(np.hypot((a - c) / 2, b), a - c)
        Q, R = np.linalg.qr(A[:m, :m] - mu * np.eye(m))
        A[:m, :m] = R @ Q + mu * np.eye(m)
        V[:m, :] = Q @ V[:m, :]
    order = np.argsort(np.diag(A))[::-1]
    return np.diag(A)[order], V[:, order]


# %% alternative: power iteration with deflation on S + cI (less accurate: stops at residual 3e-11 ||S||)
import numpy as np


def symmetric_eig(S, tol=3e-11, max_iter=200_000):
    S = np.array(S, dtype=float)
    n = len(S)
    c = np.abs(S).sum(axis=1).max()  # Gershgorin: S + cI is positive semi-definite
    B = S + c * np.eye(n)
    scale = np.linalg.norm(S)
    rng = np.random.default_rng(0)
    w, V = np.zeros(n), np.zeros((n, n))
    for i in range(n):
        v = rng.normal(size=n)
        v -= V[:, :i] @ (V[:, :i].T @ v)
        v /= np.linalg.norm(v)
        for _ in range(max_iter):
            u = B @ v
            u -= V[:, :i] @ (V[:, :i].T @ u)  # stay orthogonal to the vectors already found
            lam = v @ u
            if np.linalg.norm(u - lam * v) <= tol * scale:
                break
            v = u / np.linalg.norm(u)
        V[:, i] = v
        w[i] = v @ S @ v
    order = np.argsort(w)[::-1]
    return w[order], V[:, order]


# %% alternative: cyclic Jacobi rotations
import numpy as np


def symmetric_eig(S, tol=1e-14, max_iter=60):
    A = np.array(S, dtype=float)
    n = len(A)
    V = np.eye(n)
    for _ in range(max_iter):
        if np.sqrt(np.sum(np.tril(A, -1) ** 2)) <= tol * np.linalg.norm(S):
            break
        for p in range(n - 1):
            for q in range(p + 1, n):
                if A[p, q] == 0.0:
                    continue
                theta = (A[q, q] - A[p, p]) / (2 * A[p, q])
                t = np.copysign(1.0, theta) / (abs(theta) + np.hypot(theta, 1.0))
                c = 1 / np.sqrt(t * t + 1)
                s = t * c
                J = np.eye(n)
                J[p, p] = J[q, q] = c
                J[p, q], J[q, p] = s, -s
                A = J.T @ A @ J
                V = V @ J
    w = np.diag(A)
    order = np.argsort(w)[::-1]
    return w[order], V[:, order]


# %% alternative: unshifted QR iteration on the positive semi-definite S + cI (slow but correct)
import numpy as np


def symmetric_eig(S, tol=1e-12, max_iter=20_000):
    A = np.array(S, dtype=float)
    n = len(A)
    c = np.abs(A).sum(axis=1).max()
    A = A + c * np.eye(n)
    V = np.eye(n)
    for _ in range(max_iter):
        if np.abs(np.tril(A, -1)).max(initial=0.0) <= tol * np.linalg.norm(A):
            break
        Q, R = np.linalg.qr(A)
        A, V = R @ Q, V @ Q
    w = np.diag(A) - c
    order = np.argsort(w)[::-1]
    return w[order], V[:, order]
