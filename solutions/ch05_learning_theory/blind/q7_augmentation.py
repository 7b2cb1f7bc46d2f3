# %% mistake: Adds sigma ||w||^2 instead of sigma^2 ||w||^2: each (Xi w)_i has variance sigma^2 ||w||^2 because sigma is a standard deviation
import numpy as np


def expected_noisy_loss(X, y, w, sigma):
    X, y, w = np.asarray(X, dtype=float), np.asarray(y, dtype=float), np.asarray(w, dtype=float)
    r = y - X @ w
    return float(r @ r / len(y) + sigma * (w @ w))


# %% mistake: Puts the ridge constant n sigma^2 into the averaged loss; after the 1/n average each row adds only sigma^2 ||w||^2 (n sigma^2 belongs to the normal equations)
import numpy as np


def expected_noisy_loss(X, y, w, sigma):
    X, y, w = np.asarray(X, dtype=float), np.asarray(y, dtype=float), np.asarray(w, dtype=float)
    n = len(y)
    r = y - X @ w
    return float(r @ r / n + n * sigma ** 2 * (w @ w))


# %% mistake: Sums the squared residuals instead of averaging them (drops the 1/n); at a perfect fit (r = 0) the two agree, elsewhere not
import numpy as np


def expected_noisy_loss(X, y, w, sigma):
    X, y, w = np.asarray(X, dtype=float), np.asarray(y, dtype=float), np.asarray(w, dtype=float)
    r = y - X @ w
    return float(r @ r + sigma ** 2 * (w @ w))


# %% mistake: Uses sigma^2 ||w|| (the norm, not its square); the variance of xi^T w is sigma^2 ||w||^2
import numpy as np


def expected_noisy_loss(X, y, w, sigma):
    X, y, w = np.asarray(X, dtype=float), np.asarray(y, dtype=float), np.asarray(w, dtype=float)
    r = y - X @ w
    return float(r @ r / len(y) + sigma ** 2 * np.linalg.norm(w))


# %% mistake: Divides the penalty by n as well, (||r||^2 + sigma^2 ||w||^2)/n; each of the n rows contributes sigma^2 ||w||^2, so the mean keeps it whole
import numpy as np


def expected_noisy_loss(X, y, w, sigma):
    X, y, w = np.asarray(X, dtype=float), np.asarray(y, dtype=float), np.asarray(w, dtype=float)
    r = y - X @ w
    return float((r @ r + sigma ** 2 * (w @ w)) / len(y))


# %% mistake: Adds the noise energy d sigma^2 (E||xi||^2) instead of sigma^2 ||w||^2: the noise enters through xi^T w, so it is weighted by w
import numpy as np


def expected_noisy_loss(X, y, w, sigma):
    X, y, w = np.asarray(X, dtype=float), np.asarray(y, dtype=float), np.asarray(w, dtype=float)
    r = y - X @ w
    return float(r @ r / len(y) + X.shape[1] * sigma ** 2)


# %% mistake: Estimates the expectation by simulating a few hundred noise draws; the function must return the exact expectation, not a random estimate
import numpy as np


def expected_noisy_loss(X, y, w, sigma):
    X, y, w = np.asarray(X, dtype=float), np.asarray(y, dtype=float), np.asarray(w, dtype=float)
    losses = []
    for _ in range(300):
        Xi = sigma * np.random.randn(*X.shape)
        r = y - (X + Xi) @ w
        losses.append(r @ r / len(y))
    return float(np.mean(losses))


# %% mistake: Uses sigma^2 as the ridge constant; the expected loss is an average over n rows, so the normal equations read X^T X + n sigma^2 I
import numpy as np


def ridge_equivalent(X, y, sigma):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    d = X.shape[1]
    return np.linalg.solve(X.T @ X + sigma ** 2 * np.eye(d), X.T @ y)


# %% mistake: Uses n sigma instead of n sigma^2 (standard deviation where the variance belongs) as the ridge constant
import numpy as np


def ridge_equivalent(X, y, sigma):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    n, d = X.shape
    return np.linalg.solve(X.T @ X + n * sigma * np.eye(d), X.T @ y)


# %% mistake: Adds n sigma^2 to EVERY entry of X^T X (a scalar broadcast) instead of only to the diagonal (times the identity); same thing only when d = 1
import numpy as np


def ridge_equivalent(X, y, sigma):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    n = X.shape[0]
    return np.linalg.solve(X.T @ X + n * sigma ** 2, X.T @ y)


# %% mistake: Stacks n sigma^2 I under X to do ridge by least squares; the stacked rows enter squared, so this penalizes with (n sigma^2)^2 instead of n sigma^2
import numpy as np


def ridge_equivalent(X, y, sigma):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    n, d = X.shape
    A = np.vstack([X, n * sigma ** 2 * np.eye(d)])
    b = np.concatenate([y, np.zeros(d)])
    return np.linalg.lstsq(A, b, rcond=None)[0]


# %% mistake: Divides X^T X by n and adds sigma^2 I but leaves X^T y undivided: only one side of the normal equations is rescaled, so w is about n times too large
import numpy as np


def ridge_equivalent(X, y, sigma):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    n, d = X.shape
    return np.linalg.solve(X.T @ X / n + sigma ** 2 * np.eye(d), X.T @ y)


# %% mistake: Averages the K separate least-squares solutions; the augmented fit solves ONE least-squares problem on all K n stacked rows, which is not the same
import numpy as np


def augmented_least_squares(X, y, noise):
    X, y, noise = np.asarray(X, dtype=float), np.asarray(y, dtype=float), np.asarray(noise, dtype=float)
    ws = [np.linalg.lstsq(X + noise[k], y, rcond=None)[0] for k in range(noise.shape[0])]
    return np.mean(ws, axis=0)


# %% mistake: Averages the noisy inputs over the K copies first and fits once; the noise then cancels and the ridge effect (from the squared noise) is lost
import numpy as np


def augmented_least_squares(X, y, noise):
    X, y, noise = np.asarray(X, dtype=float), np.asarray(y, dtype=float), np.asarray(noise, dtype=float)
    return np.linalg.lstsq(X + noise.mean(axis=0), y, rcond=None)[0]


# %% mistake: Stacks the copies with reshape(-1, d) but repeats y with np.repeat (1,1,2,2,...) instead of tiling it, so rows and targets are misaligned
import numpy as np


def augmented_least_squares(X, y, noise):
    X, y, noise = np.asarray(X, dtype=float), np.asarray(y, dtype=float), np.asarray(noise, dtype=float)
    K, n, d = noise.shape
    A = (X[None, :, :] + noise).reshape(-1, d)
    b = np.repeat(y, K)
    return np.linalg.lstsq(A, b, rcond=None)[0]


# %% mistake: Only uses the first noisy copy noise[0] and ignores the other K - 1; the augmented fit averages the loss over all K copies
import numpy as np


def augmented_least_squares(X, y, noise):
    X, y, noise = np.asarray(X, dtype=float), np.asarray(y, dtype=float), np.asarray(noise, dtype=float)
    return np.linalg.lstsq(X + noise[0], y, rcond=None)[0]


# %% mistake: Estimates sigma from the noise and returns the ridge solution; that is the K -> infinity limit, not the least-squares fit on these K copies
import numpy as np


def augmented_least_squares(X, y, noise):
    X, y, noise = np.asarray(X, dtype=float), np.asarray(y, dtype=float), np.asarray(noise, dtype=float)
    n, d = X.shape
    s2 = noise.var()
    return np.linalg.solve(X.T @ X + n * s2 * np.eye(d), X.T @ y)


# %% mistake: Fits the stacked noise alone (forgets to add X to each copy), so the inputs are pure noise and the weights are meaningless
import numpy as np


def augmented_least_squares(X, y, noise):
    X, y, noise = np.asarray(X, dtype=float), np.asarray(y, dtype=float), np.asarray(noise, dtype=float)
    K, n, d = noise.shape
    return np.linalg.lstsq(noise.reshape(-1, d), np.tile(y, K), rcond=None)[0]
