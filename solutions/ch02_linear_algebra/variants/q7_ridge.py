# %% mistake: penalises the intercept (a column of ones inside the ridge penalty)
import numpy as np


def ridge_fit(X, y, lam):
    X1 = np.column_stack([np.ones(len(X)), np.asarray(X, dtype=float)])
    theta = np.linalg.solve(X1.T @ X1 + lam * np.eye(X1.shape[1]), X1.T @ y)
    return theta[1:], theta[0]


# %% mistake: no intercept at all (no centring, b = 0)
import numpy as np


def ridge_fit(X, y, lam):
    X = np.asarray(X, dtype=float)
    return np.linalg.solve(X.T @ X + lam * np.eye(X.shape[1]), X.T @ y), 0.0


# %% mistake: centres correctly but returns b = mean(y) (forgets - xbar^T w)
import numpy as np


def ridge_fit(X, y, lam):
    X = np.asarray(X, dtype=float)
    Xc = X - X.mean(axis=0)
    w = np.linalg.solve(Xc.T @ Xc + lam * np.eye(X.shape[1]), Xc.T @ y)
    return w, np.mean(y)


# %% mistake: path uses the filter factors s^2 / (s^2 + lam) on U^T y without the 1 / s
import numpy as np


def ridge_path(X, y, lams):
    X = np.asarray(X, dtype=float)
    x_mean = X.mean(axis=0)
    U, s, Vt = np.linalg.svd(X - x_mean, full_matrices=False)
    W = (s**2 / (s**2 + np.asarray(lams)[:, None]) * (U.T @ y)) @ Vt
    return W, np.mean(y) - W @ x_mean


# %% mistake: penalty scaled by n (mean squared error convention) in the path
import numpy as np


def ridge_path(X, y, lams):
    X = np.asarray(X, dtype=float)
    x_mean = X.mean(axis=0)
    U, s, Vt = np.linalg.svd(X - x_mean, full_matrices=False)
    W = (s / (s**2 + len(X) * np.asarray(lams)[:, None]) * (U.T @ y)) @ Vt
    return W, np.mean(y) - W @ x_mean


# %% alternative: augmented least squares [X_c; sqrt(lam) I] w = [y_c; 0]; path as a loop of fits
import numpy as np


def ridge_fit(X, y, lam):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    Xc, yc = X - X.mean(axis=0), y - y.mean()
    d = X.shape[1]
    w = np.linalg.lstsq(np.vstack([Xc, np.sqrt(lam) * np.eye(d)]), np.concatenate([yc, np.zeros(d)]), rcond=None)[0]
    return w, y.mean() - X.mean(axis=0) @ w


def ridge_path(X, y, lams):
    fits = [ridge_fit(X, y, lam) for lam in lams]
    return np.array([w for w, _ in fits]), np.array([b for _, b in fits])


# %% alternative: dual (kernel) form w = X_c^T (X_c X_c^T + lam I)^{-1} y_c; path from eigh of X_c^T X_c
import numpy as np


def ridge_fit(X, y, lam):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    Xc, yc = X - X.mean(axis=0), y - y.mean()
    w = Xc.T @ np.linalg.solve(Xc @ Xc.T + lam * np.eye(len(X)), yc)
    return w, y.mean() - X.mean(axis=0) @ w


def ridge_path(X, y, lams):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    Xc = X - X.mean(axis=0)
    evals, V = np.linalg.eigh(Xc.T @ Xc)
    proj = V.T @ (Xc.T @ y)
    W = np.array([V @ (proj / (evals + lam)) for lam in lams])
    return W, y.mean() - W @ X.mean(axis=0)


# %% alternative: float32 ridge_fit, torch ridge_path
import numpy as np
import torch


def ridge_fit(X, y, lam):
    X, y = np.asarray(X, dtype=np.float32), np.asarray(y, dtype=np.float32)
    xm, ym = X.mean(axis=0), y.mean()
    Xc = X - xm
    w = np.linalg.solve(Xc.T @ Xc + np.float32(lam) * np.eye(X.shape[1], dtype=np.float32), Xc.T @ (y - ym))
    return w, ym - xm @ w


def ridge_path(X, y, lams):
    X, y = torch.as_tensor(X, dtype=torch.float64), torch.as_tensor(y, dtype=torch.float64)
    xm = X.mean(dim=0)
    U, s, Vh = torch.linalg.svd(X - xm, full_matrices=False)
    f = s / (s**2 + torch.as_tensor(lams, dtype=torch.float64)[:, None])
    W = (f * (U.T @ (y - y.mean()))) @ Vh
    return W, y.mean() - W @ xm
