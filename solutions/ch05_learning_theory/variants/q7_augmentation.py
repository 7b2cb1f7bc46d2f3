# %% mistake: ridge penalty sigma^2 instead of n sigma^2
import numpy as np


def ridge_equivalent(X, y, sigma):
    X = np.asarray(X, dtype=float)
    return np.linalg.solve(X.T @ X + sigma**2 * np.eye(X.shape[1]), X.T @ np.asarray(y, dtype=float))


# %% mistake: expected loss uses sigma instead of sigma^2
import numpy as np


def expected_noisy_loss(X, y, w, sigma):
    r = np.asarray(y) - np.asarray(X) @ np.asarray(w)
    return float(np.mean(r**2) + sigma * np.sum(np.asarray(w) ** 2))


# %% mistake: expected loss forgets the 1/n on the data term (sum instead of mean)
import numpy as np


def expected_noisy_loss(X, y, w, sigma):
    r = np.asarray(y) - np.asarray(X) @ np.asarray(w)
    return float(np.sum(r**2) + sigma**2 * np.sum(np.asarray(w) ** 2))


# %% mistake: averages the K separate least-squares solutions instead of stacking the copies
import numpy as np


def augmented_least_squares(X, y, noise):
    return np.mean([np.linalg.lstsq(X + Xi, y, rcond=None)[0] for Xi in np.asarray(noise)], axis=0)


# %% mistake: adds the noise to the targets instead of the inputs (uses the first feature's noise)
import numpy as np


def augmented_least_squares(X, y, noise):
    noise = np.asarray(noise)
    X_aug = np.tile(np.asarray(X, dtype=float), (noise.shape[0], 1))
    y_aug = (np.asarray(y)[None, :] + noise[:, :, 0]).ravel()
    return np.linalg.lstsq(X_aug, y_aug, rcond=None)[0]


# %% alternative: ridge as least squares on rows augmented with sqrt(n sigma^2) I; normal equations accumulated in a loop
import numpy as np


def ridge_equivalent(X, y, sigma):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    n, d = X.shape
    A = np.vstack([X, np.sqrt(n) * sigma * np.eye(d)])
    return np.linalg.lstsq(A, np.concatenate([y, np.zeros(d)]), rcond=None)[0]


def augmented_least_squares(X, y, noise):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    d = X.shape[1]
    AtA, Aty = np.zeros((d, d)), np.zeros(d)
    for Xi in np.asarray(noise, dtype=float):
        Xk = X + Xi
        AtA += Xk.T @ Xk
        Aty += Xk.T @ y
    return np.linalg.solve(AtA, Aty)


# %% alternative: torch float64, expected loss via the residual and the norm of w; SVD ridge
import numpy as np
import torch


def expected_noisy_loss(X, y, w, sigma):
    X, y, w = (torch.as_tensor(np.asarray(a, dtype=float)) for a in (X, y, w))
    return torch.mean((y - X @ w) ** 2) + sigma**2 * torch.linalg.vector_norm(w) ** 2


def ridge_equivalent(X, y, sigma):
    X, y = torch.as_tensor(np.asarray(X, dtype=float)), torch.as_tensor(np.asarray(y, dtype=float))
    U, s, Vh = torch.linalg.svd(X, full_matrices=False)
    return Vh.T @ (s / (s**2 + X.shape[0] * sigma**2) * (U.T @ y))


def augmented_least_squares(X, y, noise):
    X, y, noise = (torch.as_tensor(np.asarray(a, dtype=float)) for a in (X, y, noise))
    A = (X + noise).reshape(-1, X.shape[1])
    return torch.linalg.lstsq(A, y.repeat(noise.shape[0])[:, None], driver="gelsd").solution[:, 0]
