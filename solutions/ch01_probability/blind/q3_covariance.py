# %% mistake: divides by n instead of n - 1 (the maximum-likelihood covariance), which biases the covariance low, badly so for small n
import numpy as np


def sample_covariance(X):
    X = np.asarray(X, dtype=float)
    n = X.shape[0]
    Xc = X - X.mean(axis=0)
    return Xc.T @ Xc / n


# %% mistake: uses the one-pass shortcut (sum of x x^T minus n xbar xbar^T), which cancels catastrophically when the mean is huge compared with the spread
import numpy as np


def sample_covariance(X):
    X = np.asarray(X, dtype=float)
    n = X.shape[0]
    xbar = X.mean(axis=0)
    return (X.T @ X - n * np.outer(xbar, xbar)) / (n - 1)


# %% mistake: forgets to centre the data, so it returns the raw second moment X^T X / (n - 1) instead of the covariance
import numpy as np


def sample_covariance(X):
    X = np.asarray(X, dtype=float)
    n = X.shape[0]
    return X.T @ X / (n - 1)


# %% mistake: centres each row (axis=1) instead of each column, i.e. subtracts the mean over features instead of over samples
import numpy as np


def sample_covariance(X):
    X = np.asarray(X, dtype=float)
    n = X.shape[0]
    Xc = X - X.mean(axis=1, keepdims=True)
    return Xc.T @ Xc / (n - 1)


# %% mistake: centres with the single overall mean of all entries instead of each column's own mean
import numpy as np


def sample_covariance(X):
    X = np.asarray(X, dtype=float)
    n = X.shape[0]
    Xc = X - np.mean(X)
    return Xc.T @ Xc / (n - 1)


# %% mistake: multiplies Xc Xc^T instead of Xc^T Xc, giving an (n, n) matrix of sample similarities instead of the (d, d) covariance
import numpy as np


def sample_covariance(X):
    X = np.asarray(X, dtype=float)
    n = X.shape[0]
    Xc = X - X.mean(axis=0)
    return Xc @ Xc.T / (n - 1)


# %% mistake: takes n from X.shape[1] (the number of features) instead of X.shape[0], so the divisor is d - 1
import numpy as np


def sample_covariance(X):
    X = np.asarray(X, dtype=float)
    n = X.shape[1]
    Xc = X - X.mean(axis=0)
    return Xc.T @ Xc / (n - 1)


# %% mistake: special-cases a single feature with np.var and returns a bare number instead of a (1, 1) matrix
import numpy as np


def sample_covariance(X):
    X = np.asarray(X, dtype=float)
    n, d = X.shape
    if d == 1:
        return np.var(X[:, 0], ddof=1)
    Xc = X - X.mean(axis=0)
    return Xc.T @ Xc / (n - 1)


# %% mistake: converts the data to float32, which cannot resolve a spread of ~1 around a mean of ~1e8 (float32 spacing there is 8)
import numpy as np


def sample_covariance(X):
    X = np.asarray(X, dtype=np.float32)
    n = X.shape[0]
    Xc = X - X.mean(axis=0)
    return (Xc.T @ Xc / (n - 1)).astype(np.float64)


# %% mistake: centres the caller's array in place (X -= mean), silently overwriting the data passed in
import numpy as np


def sample_covariance(X):
    n = X.shape[0]
    X -= X.mean(axis=0)
    return X.T @ X / (n - 1)


# %% mistake: divides the covariance by the product of the variances instead of the standard deviations, so the diagonal is 1/S_jj, not 1
import numpy as np


def correlation_matrix(X):
    S = sample_covariance(X)
    v = np.diag(S)
    return S / np.outer(v, v)


# %% mistake: divides by the standard deviations along one axis only (broadcasting over columns), so the rows are never rescaled
import numpy as np


def correlation_matrix(X):
    S = sample_covariance(X)
    return S / np.sqrt(np.diag(S))


# %% mistake: mixes ddof: the covariance divides by n - 1 but np.std uses n, so the diagonal is n/(n-1) instead of 1
import numpy as np


def correlation_matrix(X):
    X = np.asarray(X, dtype=float)
    S = sample_covariance(X)
    sd = X.std(axis=0)
    return S / np.outer(sd, sd)


# %% mistake: uses the one-pass formula E[xy] - E[x]E[y] for the covariances, which is noise when the means are huge compared with the spread
import numpy as np


def correlation_matrix(X):
    X = np.asarray(X, dtype=float)
    n = X.shape[0]
    m = X.mean(axis=0)
    C = X.T @ X / n - np.outer(m, m)
    sd = np.sqrt(np.diag(C))
    return C / np.outer(sd, sd)


# %% mistake: standardises along the wrong axis (each sample/row instead of each feature/column) before taking Z^T Z
import numpy as np


def correlation_matrix(X):
    X = np.asarray(X, dtype=float)
    n = X.shape[0]
    Z = (X - X.mean(axis=1, keepdims=True)) / X.std(axis=1, ddof=1, keepdims=True)
    return Z.T @ Z / (n - 1)


# %% mistake: calls np.corrcoef (which the prompt forbids) with its default rowvar=True, so it correlates the samples, not the features
import numpy as np


def correlation_matrix(X):
    return np.corrcoef(X)
