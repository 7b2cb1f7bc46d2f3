# %% mistake: objective without the 1/n (threshold alpha on x_j^T r, i.e. 1/2 ||y - Xw||^2 + alpha ||w||_1)
import numpy as np


def elastic_net(X, y, alpha, l1_ratio=1.0, tol=1e-10, max_iter=10_000):
    X, y = np.asarray(X, float), np.asarray(y, float)
    xm, ym = X.mean(axis=0), y.mean()
    Xc, r = X - xm, y - ym
    sq = (Xc**2).sum(axis=0)
    w = np.zeros(X.shape[1])
    for _ in range(max_iter):
        big = 0.0
        for j in range(len(w)):
            if sq[j] == 0:
                continue
            z = Xc[:, j] @ r + sq[j] * w[j]
            new = np.sign(z) * max(abs(z) - alpha * l1_ratio, 0.0) / (sq[j] + alpha * (1 - l1_ratio))
            r -= (new - w[j]) * Xc[:, j]
            big, w[j] = max(big, abs(new - w[j])), new
        if big < tol:
            break
    return w, float(ym - xm @ w)


# %% mistake: no intercept (X and y not centered; b = 0)
import numpy as np


def elastic_net(X, y, alpha, l1_ratio=1.0, tol=1e-10, max_iter=10_000):
    X, y = np.asarray(X, float), np.asarray(y, float)
    n = len(y)
    sq = (X**2).sum(axis=0) / n
    w, r = np.zeros(X.shape[1]), y.copy()
    for _ in range(max_iter):
        big = 0.0
        for j in range(len(w)):
            z = X[:, j] @ r / n + sq[j] * w[j]
            new = float(soft_threshold(z, alpha * l1_ratio)) / (sq[j] + alpha * (1 - l1_ratio))
            r -= (new - w[j]) * X[:, j]
            big, w[j] = max(big, abs(new - w[j])), new
        if big < tol:
            break
    return w, 0.0


# %% mistake: soft threshold loses the sign
import numpy as np


def soft_threshold(z, gamma):
    return np.maximum(np.abs(np.asarray(z, dtype=float)) - gamma, 0.0)


# %% mistake: l1 and l2 weights swapped (alpha (1 - rho) on |w|, alpha rho on w^2)
import numpy as np

_reference = elastic_net


def elastic_net(X, y, alpha, l1_ratio=1.0, tol=1e-10, max_iter=10_000):
    return _reference(X, y, alpha, 1.0 - l1_ratio, tol, max_iter)


# %% mistake: alpha_max on raw data (X^T y without centering X and y)
import numpy as np


def lasso_alpha_max(X, y, l1_ratio=1.0):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    return float(np.abs(X.T @ y).max() / (len(y) * l1_ratio))


# %% mistake: elastic-net ridge term without its 1/2 (denominator a_j + 2 alpha (1 - rho))
import numpy as np


def elastic_net(X, y, alpha, l1_ratio=1.0, tol=1e-10, max_iter=10_000):
    X, y = np.asarray(X, float), np.asarray(y, float)
    n = len(y)
    xm, ym = X.mean(axis=0), y.mean()
    Xc, r = X - xm, y - ym
    sq = (Xc**2).sum(axis=0) / n
    w = np.zeros(X.shape[1])
    for _ in range(max_iter):
        big = 0.0
        for j in range(len(w)):
            if sq[j] == 0:
                continue
            z = Xc[:, j] @ r / n + sq[j] * w[j]
            new = float(soft_threshold(z, alpha * l1_ratio)) / (sq[j] + 2 * alpha * (1 - l1_ratio))
            r -= (new - w[j]) * Xc[:, j]
            big, w[j] = max(big, abs(new - w[j])), new
        if big < tol:
            break
    return w, float(ym - xm @ w)


# %% alternative: FISTA (accelerated proximal gradient) with restarts, on centered data
import numpy as np


def elastic_net(X, y, alpha, l1_ratio=1.0, tol=1e-10, max_iter=200_000):
    X, y = np.asarray(X, float), np.asarray(y, float)
    n, d = X.shape
    xm, ym = X.mean(axis=0), y.mean()
    Xc, yc = X - xm, y - ym
    l1, l2 = alpha * l1_ratio, alpha * (1 - l1_ratio)
    L = np.linalg.norm(Xc, 2) ** 2 / n + l2
    if L == 0:
        return np.zeros(d), float(ym)
    G, b = Xc.T @ Xc / n, Xc.T @ yc / n
    w = v = np.zeros(d)
    t = 1.0
    for _ in range(max_iter):
        grad = G @ v - b + l2 * v
        z = v - grad / L
        w_new = np.sign(z) * np.maximum(np.abs(z) - l1 / L, 0.0)
        t_new = (1 + np.sqrt(1 + 4 * t * t)) / 2
        if (w_new - w) @ (v - w_new) > 0:  # objective went up: restart the momentum
            t_new, v = 1.0, w_new
        else:
            v = w_new + (t - 1) / t_new * (w_new - w)
        if np.abs(w_new - w).max() < tol * 1e-2:
            w = w_new
            break
        w, t = w_new, t_new
    return w, float(ym - xm @ w)


# %% alternative: covariance (Gram-matrix) coordinate descent with a branch-based soft threshold
import numpy as np


def soft_threshold(z, gamma):
    z = np.asarray(z, dtype=float)
    return np.where(z > gamma, z - gamma, np.where(z < -gamma, z + gamma, 0.0))


def elastic_net(X, y, alpha, l1_ratio=1.0, tol=1e-10, max_iter=100_000):
    X, y = np.asarray(X, float), np.asarray(y, float)
    n, d = X.shape
    xm, ym = X.mean(axis=0), y.mean()
    Xc, yc = X - xm, y - ym
    G, c = Xc.T @ Xc / n, Xc.T @ yc / n
    l1, l2 = alpha * l1_ratio, alpha * (1 - l1_ratio)
    w, Gw = np.zeros(d), np.zeros(d)
    for sweep in range(max_iter):
        biggest = 0.0
        for j in range(d):
            if G[j, j] <= 0:
                continue
            new = float(soft_threshold(c[j] - Gw[j] + G[j, j] * w[j], l1)) / (G[j, j] + l2)
            if new != w[j]:
                Gw += G[:, j] * (new - w[j])
                biggest = max(biggest, abs(new - w[j]))
                w[j] = new
        if biggest < tol:
            break
    return w, float(ym - xm @ w)
