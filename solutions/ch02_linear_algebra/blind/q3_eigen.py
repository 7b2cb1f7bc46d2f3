# %% mistake: plain QR iteration without a shift; it never converges when two eigenvalues have equal magnitude and opposite signs, e.g. [[0, 1], [1, 0]]
import numpy as np


def symmetric_eig(S, tol=1e-12, max_iter=1000):
    S = np.asarray(S, dtype=float)
    n = S.shape[0]
    A = S.copy()
    V = np.eye(n)
    normS = np.linalg.norm(S)
    m = n
    it = 0
    while m > 1 and it < max_iter:
        if np.linalg.norm(A[m - 1, :m - 1]) <= tol * normS:
            m -= 1
            continue
        mu = 0.0
        Q, R = np.linalg.qr(A[:m, :m] - mu * np.eye(m))
        A[:m, :m] = R @ Q + mu * np.eye(m)
        V[:, :m] = V[:, :m] @ Q
        it += 1
    w = np.diag(A).copy()
    order = np.argsort(w)[::-1]
    return w[order], V[:, order]


# %% mistake: deflates when the last row is below the absolute tol, not tol * ||S||_F; a matrix of scale 1e-13 is taken as already diagonal
import numpy as np


def symmetric_eig(S, tol=1e-12, max_iter=1000):
    S = np.asarray(S, dtype=float)
    n = S.shape[0]
    A = S.copy()
    V = np.eye(n)
    normS = np.linalg.norm(S)
    m = n
    it = 0
    while m > 1 and it < max_iter:
        if np.linalg.norm(A[m - 1, :m - 1]) <= tol:
            m -= 1
            continue
        a, b, c = A[m - 2, m - 2], A[m - 1, m - 2], A[m - 1, m - 1]
        d = (a - c) / 2.0
        sgn = 1.0 if d >= 0 else -1.0
        mu = (a + c) / 2.0 - sgn * np.hypot(d, b)
        Q, R = np.linalg.qr(A[:m, :m] - mu * np.eye(m))
        A[:m, :m] = R @ Q + mu * np.eye(m)
        V[:, :m] = V[:, :m] @ Q
        it += 1
    w = np.diag(A).copy()
    order = np.argsort(w)[::-1]
    return w[order], V[:, order]


# %% mistake: sorts the eigenvalues into descending order but leaves the columns of V in the old order, so V[:, i] no longer belongs to w[i]
import numpy as np


def symmetric_eig(S, tol=1e-12, max_iter=1000):
    S = np.asarray(S, dtype=float)
    n = S.shape[0]
    A = S.copy()
    V = np.eye(n)
    normS = np.linalg.norm(S)
    m = n
    it = 0
    while m > 1 and it < max_iter:
        if np.linalg.norm(A[m - 1, :m - 1]) <= tol * normS:
            m -= 1
            continue
        a, b, c = A[m - 2, m - 2], A[m - 1, m - 2], A[m - 1, m - 1]
        d = (a - c) / 2.0
        sgn = 1.0 if d >= 0 else -1.0
        mu = (a + c) / 2.0 - sgn * np.hypot(d, b)
        Q, R = np.linalg.qr(A[:m, :m] - mu * np.eye(m))
        A[:m, :m] = R @ Q + mu * np.eye(m)
        V[:, :m] = V[:, :m] @ Q
        it += 1
    w = np.diag(A).copy()
    return np.sort(w)[::-1], V


# %% mistake: orders the eigenvalues by absolute value (largest magnitude first, as in power iteration) instead of descending value; wrong with negative eigenvalues
import numpy as np


def symmetric_eig(S, tol=1e-12, max_iter=1000):
    S = np.asarray(S, dtype=float)
    n = S.shape[0]
    A = S.copy()
    V = np.eye(n)
    normS = np.linalg.norm(S)
    m = n
    it = 0
    while m > 1 and it < max_iter:
        if np.linalg.norm(A[m - 1, :m - 1]) <= tol * normS:
            m -= 1
            continue
        a, b, c = A[m - 2, m - 2], A[m - 1, m - 2], A[m - 1, m - 1]
        d = (a - c) / 2.0
        sgn = 1.0 if d >= 0 else -1.0
        mu = (a + c) / 2.0 - sgn * np.hypot(d, b)
        Q, R = np.linalg.qr(A[:m, :m] - mu * np.eye(m))
        A[:m, :m] = R @ Q + mu * np.eye(m)
        V[:, :m] = V[:, :m] @ Q
        it += 1
    w = np.diag(A).copy()
    order = np.argsort(np.abs(w))[::-1]
    return w[order], V[:, order]


# %% mistake: returns the eigenvectors as the rows of V (V transposed) instead of its columns
import numpy as np


def symmetric_eig(S, tol=1e-12, max_iter=1000):
    S = np.asarray(S, dtype=float)
    n = S.shape[0]
    A = S.copy()
    V = np.eye(n)
    normS = np.linalg.norm(S)
    m = n
    it = 0
    while m > 1 and it < max_iter:
        if np.linalg.norm(A[m - 1, :m - 1]) <= tol * normS:
            m -= 1
            continue
        a, b, c = A[m - 2, m - 2], A[m - 1, m - 2], A[m - 1, m - 1]
        d = (a - c) / 2.0
        sgn = 1.0 if d >= 0 else -1.0
        mu = (a + c) / 2.0 - sgn * np.hypot(d, b)
        Q, R = np.linalg.qr(A[:m, :m] - mu * np.eye(m))
        A[:m, :m] = R @ Q + mu * np.eye(m)
        V[:, :m] = V[:, :m] @ Q
        it += 1
    w = np.diag(A).copy()
    order = np.argsort(w)[::-1]
    return w[order], V[:, order].T


# %% mistake: uses np.sign(d) in the Wilkinson shift; np.sign(0) = 0, so for a = c (e.g. [[0, 1], [1, 0]]) the shift is the mean and the iteration stalls
import numpy as np


def symmetric_eig(S, tol=1e-12, max_iter=1000):
    S = np.asarray(S, dtype=float)
    n = S.shape[0]
    A = S.copy()
    V = np.eye(n)
    normS = np.linalg.norm(S)
    m = n
    it = 0
    while m > 1 and it < max_iter:
        if np.linalg.norm(A[m - 1, :m - 1]) <= tol * normS:
            m -= 1
            continue
        a, b, c = A[m - 2, m - 2], A[m - 1, m - 2], A[m - 1, m - 1]
        d = (a - c) / 2.0
        sgn = np.sign(d)
        mu = (a + c) / 2.0 - sgn * np.hypot(d, b)
        Q, R = np.linalg.qr(A[:m, :m] - mu * np.eye(m))
        A[:m, :m] = R @ Q + mu * np.eye(m)
        V[:, :m] = V[:, :m] @ Q
        it += 1
    w = np.diag(A).copy()
    order = np.argsort(w)[::-1]
    return w[order], V[:, order]


# %% mistake: uses the Rayleigh-quotient shift mu = A[m-1, m-1] instead of the Wilkinson shift; it stalls on blocks like [[0, 1], [1, 0]] where that entry is 0
import numpy as np


def symmetric_eig(S, tol=1e-12, max_iter=1000):
    S = np.asarray(S, dtype=float)
    n = S.shape[0]
    A = S.copy()
    V = np.eye(n)
    normS = np.linalg.norm(S)
    m = n
    it = 0
    while m > 1 and it < max_iter:
        if np.linalg.norm(A[m - 1, :m - 1]) <= tol * normS:
            m -= 1
            continue
        mu = A[m - 1, m - 1]
        Q, R = np.linalg.qr(A[:m, :m] - mu * np.eye(m))
        A[:m, :m] = R @ Q + mu * np.eye(m)
        V[:, :m] = V[:, :m] @ Q
        it += 1
    w = np.diag(A).copy()
    order = np.argsort(w)[::-1]
    return w[order], V[:, order]


# %% mistake: forgets to add the shift back (A <- R Q instead of R Q + mu I), so each step subtracts mu from every eigenvalue
import numpy as np


def symmetric_eig(S, tol=1e-12, max_iter=1000):
    S = np.asarray(S, dtype=float)
    n = S.shape[0]
    A = S.copy()
    V = np.eye(n)
    normS = np.linalg.norm(S)
    m = n
    it = 0
    while m > 1 and it < max_iter:
        if np.linalg.norm(A[m - 1, :m - 1]) <= tol * normS:
            m -= 1
            continue
        a, b, c = A[m - 2, m - 2], A[m - 1, m - 2], A[m - 1, m - 1]
        d = (a - c) / 2.0
        sgn = 1.0 if d >= 0 else -1.0
        mu = (a + c) / 2.0 - sgn * np.hypot(d, b)
        Q, R = np.linalg.qr(A[:m, :m] - mu * np.eye(m))
        A[:m, :m] = R @ Q
        V[:, :m] = V[:, :m] @ Q
        it += 1
    w = np.diag(A).copy()
    order = np.argsort(w)[::-1]
    return w[order], V[:, order]


# %% mistake: accumulates the eigenvectors with Q^T (V <- V Q^T) instead of V <- V Q, confusing the similarity A <- Q^T A Q with the change of basis
import numpy as np


def symmetric_eig(S, tol=1e-12, max_iter=1000):
    S = np.asarray(S, dtype=float)
    n = S.shape[0]
    A = S.copy()
    V = np.eye(n)
    normS = np.linalg.norm(S)
    m = n
    it = 0
    while m > 1 and it < max_iter:
        if np.linalg.norm(A[m - 1, :m - 1]) <= tol * normS:
            m -= 1
            continue
        a, b, c = A[m - 2, m - 2], A[m - 1, m - 2], A[m - 1, m - 1]
        d = (a - c) / 2.0
        sgn = 1.0 if d >= 0 else -1.0
        mu = (a + c) / 2.0 - sgn * np.hypot(d, b)
        Q, R = np.linalg.qr(A[:m, :m] - mu * np.eye(m))
        A[:m, :m] = R @ Q + mu * np.eye(m)
        V[:, :m] = V[:, :m] @ Q.T
        it += 1
    w = np.diag(A).copy()
    order = np.argsort(w)[::-1]
    return w[order], V[:, order]


# %% mistake: no deflation: keeps taking the Wilkinson shift from the trailing 2x2 block of the whole matrix, so once the last eigenvalue has converged the rest crawl
import numpy as np


def symmetric_eig(S, tol=1e-12, max_iter=1000):
    S = np.asarray(S, dtype=float)
    n = S.shape[0]
    A = S.copy()
    V = np.eye(n)
    normS = np.linalg.norm(S)
    for it in range(max_iter):
        off = A - np.diag(np.diag(A))
        if np.linalg.norm(off) <= tol * normS or n == 1:
            break
        a, b, c = A[n - 2, n - 2], A[n - 1, n - 2], A[n - 1, n - 1]
        d = (a - c) / 2.0
        sgn = 1.0 if d >= 0 else -1.0
        mu = (a + c) / 2.0 - sgn * np.hypot(d, b)
        Q, R = np.linalg.qr(A - mu * np.eye(n))
        A = R @ Q + mu * np.eye(n)
        V = V @ Q
    w = np.diag(A).copy()
    order = np.argsort(w)[::-1]
    return w[order], V[:, order]


# %% mistake: returns the eigenpairs in ascending order of eigenvalue (the order a plain sort gives), while the docstring asks for descending order
import numpy as np


def symmetric_eig(S, tol=1e-12, max_iter=1000):
    S = np.asarray(S, dtype=float)
    n = S.shape[0]
    A = S.copy()
    V = np.eye(n)
    normS = np.linalg.norm(S)
    m = n
    it = 0
    while m > 1 and it < max_iter:
        if np.linalg.norm(A[m - 1, :m - 1]) <= tol * normS:
            m -= 1
            continue
        a, b, c = A[m - 2, m - 2], A[m - 1, m - 2], A[m - 1, m - 1]
        d = (a - c) / 2.0
        sgn = 1.0 if d >= 0 else -1.0
        mu = (a + c) / 2.0 - sgn * np.hypot(d, b)
        Q, R = np.linalg.qr(A[:m, :m] - mu * np.eye(m))
        A[:m, :m] = R @ Q + mu * np.eye(m)
        V[:, :m] = V[:, :m] @ Q
        it += 1
    w = np.diag(A).copy()
    order = np.argsort(w)
    return w[order], V[:, order]


# %% mistake: gets the eigenvalues by QR iteration, then each eigenvector by inverse iteration from the same start vector; a repeated eigenvalue gets the same vector twice
import numpy as np


def symmetric_eig(S, tol=1e-12, max_iter=1000):
    S = np.asarray(S, dtype=float)
    n = S.shape[0]
    A = S.copy()
    normS = np.linalg.norm(S)
    m = n
    it = 0
    while m > 1 and it < max_iter:
        if np.linalg.norm(A[m - 1, :m - 1]) <= tol * normS:
            m -= 1
            continue
        a, b, c = A[m - 2, m - 2], A[m - 1, m - 2], A[m - 1, m - 1]
        d = (a - c) / 2.0
        mu = (a + c) / 2.0 - (1.0 if d >= 0 else -1.0) * np.hypot(d, b)
        Q, R = np.linalg.qr(A[:m, :m] - mu * np.eye(m))
        A[:m, :m] = R @ Q + mu * np.eye(m)
        it += 1
    w = np.sort(np.diag(A))[::-1]
    V = np.zeros((n, n))
    for i, lam in enumerate(w):
        x = np.ones(n) / np.sqrt(n)
        shift = lam + 1e-10 * (normS if normS > 0 else 1.0)
        for _ in range(5):
            x = np.linalg.solve(S - shift * np.eye(n), x)
            x = x / np.linalg.norm(x)
        V[:, i] = x
    return w, V


# %% mistake: power iteration plus deflation S <- S - lam v v^T; it cannot separate eigenvalues of equal magnitude and opposite sign (lam and -lam), so it never converges
import numpy as np


def symmetric_eig(S, tol=1e-12, max_iter=1000):
    S = np.asarray(S, dtype=float)
    n = S.shape[0]
    B = S.copy()
    w = np.zeros(n)
    V = np.zeros((n, n))
    rng = np.random.default_rng(0)
    for i in range(n):
        x = rng.normal(size=n)
        x = x / np.linalg.norm(x)
        for _ in range(max_iter):
            y = B @ x
            ny = np.linalg.norm(y)
            if ny == 0:
                break
            x_new = y / ny
            if np.linalg.norm(x_new - x) < tol:
                x = x_new
                break
            x = x_new
        lam = x @ B @ x
        w[i] = lam
        V[:, i] = x
        B = B - lam * np.outer(x, x)
    order = np.argsort(w)[::-1]
    return w[order], V[:, order]
