# %% mistake: population covariance (divides by n instead of n - 1)
import numpy as np


def sample_covariance(X):
    Xc = X - X.mean(axis=0)
    return Xc.T @ Xc / len(X)


# %% mistake: forgets to centre the data
import numpy as np


def sample_covariance(X):
    X = np.asarray(X, dtype=float)
    return X.T @ X / (len(X) - 1)


# %% mistake: one-pass shortcut E[x x^T] - xbar xbar^T (catastrophic cancellation for a large mean)
import numpy as np


def sample_covariance(X):
    X = np.asarray(X, dtype=float)
    n = len(X)
    xbar = X.mean(axis=0)
    return (X.T @ X / n - np.outer(xbar, xbar)) * n / (n - 1)


# %% mistake: centres each sample (row) instead of each feature (column)
import numpy as np


def sample_covariance(X):
    X = np.asarray(X, dtype=float)
    Xc = X - X.mean(axis=1, keepdims=True)
    return Xc.T @ Xc / (len(X) - 1)


# %% mistake: correlation divides by the variances instead of the standard deviations
import numpy as np


def correlation_matrix(X):
    S = sample_covariance(X)
    return S / np.outer(np.diag(S), np.diag(S))


# %% mistake: correlation mixes the sample covariance with population standard deviations
import numpy as np


def correlation_matrix(X):
    std = np.asarray(X, dtype=float).std(axis=0)  # ddof=0, while sample_covariance divides by n - 1
    return sample_covariance(X) / np.outer(std, std)


# %% alternative: Welford's online algorithm (one stable pass, loop over samples)
# (No float32 variant: data of the form 1e8 + unit noise is not even representable in float32,
# whose spacing near 1e8 is 8, so the huge-offset hidden test is float64-only by nature.)
import numpy as np


def sample_covariance(X):
    X = np.asarray(X, dtype=float).reshape(len(X), -1)
    mean = np.zeros(X.shape[1])
    M2 = np.zeros((X.shape[1], X.shape[1]))
    for k, x in enumerate(X, start=1):
        delta = x - mean
        mean = mean + delta / k
        M2 = M2 + np.outer(delta, x - mean)
    M2 = (M2 + M2.T) / 2
    return M2 / (len(X) - 1)


def correlation_matrix(X):
    S = sample_covariance(X)
    d = np.sqrt(np.diag(S))
    return S / d[:, None] / d[None, :]


# %% alternative: torch.cov and torch.corrcoef (float64, variables as rows)
import numpy as np
import torch


def sample_covariance(X):
    t = torch.as_tensor(np.asarray(X, dtype=float).reshape(len(X), -1))
    return torch.cov(t.T).reshape(t.shape[1], t.shape[1])


def correlation_matrix(X):
    t = torch.as_tensor(np.asarray(X, dtype=float).reshape(len(X), -1))
    return torch.corrcoef(t.T).reshape(t.shape[1], t.shape[1])


# %% alternative: sum of outer products in a loop; correlation from standardised columns (z-scores)
import numpy as np


def sample_covariance(X):
    X = np.asarray(X, dtype=float).reshape(len(X), -1)
    xbar = X.sum(axis=0) / len(X)
    S = np.zeros((X.shape[1], X.shape[1]))
    for x in X:
        S += np.outer(x - xbar, x - xbar)
    return S / (len(X) - 1)


def correlation_matrix(X):
    X = np.asarray(X, dtype=float).reshape(len(X), -1)
    Z = (X - X.mean(axis=0)) / X.std(axis=0, ddof=1)
    return Z.T @ Z / (len(X) - 1)
