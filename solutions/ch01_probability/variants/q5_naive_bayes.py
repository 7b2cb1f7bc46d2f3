# %% mistake: unbiased per-class variance (ddof=1) instead of the maximum-likelihood variance
import numpy as np


def gaussian_nb_fit(X, y, var_smoothing=1e-9):
    classes = np.unique(y)
    eps = var_smoothing * np.var(X, axis=0).max()
    return {
        "classes": classes,
        "log_prior": np.log([np.mean(y == c) for c in classes]),
        "means": np.array([X[y == c].mean(axis=0) for c in classes]),
        "variances": np.array([X[y == c].var(axis=0, ddof=1) for c in classes]) + eps,
    }


# %% mistake: normalises in probability space (exp, divide, log): 0/0 far from every class
import numpy as np


def gaussian_nb_log_proba(X, log_prior, means, variances):
    diff = X[:, None, :] - means[None]
    jll = log_prior - 0.5 * np.sum(np.log(2 * np.pi * variances), axis=1) - 0.5 * np.sum(diff**2 / variances, axis=2)
    p = np.exp(jll)
    return np.log(p / p.sum(axis=1, keepdims=True))


# %% mistake: forgets the class prior in the posterior
import numpy as np
from scipy.special import logsumexp


def gaussian_nb_log_proba(X, log_prior, means, variances):
    diff = X[:, None, :] - means[None]
    jll = -0.5 * np.sum(np.log(2 * np.pi * variances), axis=1) - 0.5 * np.sum(diff**2 / variances, axis=2)
    return jll - logsumexp(jll, axis=1, keepdims=True)


# %% mistake: forgets the -1/2 log(2 pi sigma2) normalisation of each Gaussian
import numpy as np
from scipy.special import logsumexp


def gaussian_nb_log_proba(X, log_prior, means, variances):
    diff = X[:, None, :] - means[None]
    jll = log_prior - 0.5 * np.sum(diff**2 / variances, axis=2)
    return jll - logsumexp(jll, axis=1, keepdims=True)


# %% mistake: returns the joint log-likelihood without normalising over the classes
import numpy as np


def gaussian_nb_log_proba(X, log_prior, means, variances):
    diff = X[:, None, :] - means[None]
    return log_prior - 0.5 * np.sum(np.log(2 * np.pi * variances), axis=1) - 0.5 * np.sum(diff**2 / variances, axis=2)


# %% mistake: adds var_smoothing itself instead of var_smoothing * max feature variance
import numpy as np


def gaussian_nb_fit(X, y, var_smoothing=1e-9):
    classes = np.unique(y)
    return {
        "classes": classes,
        "log_prior": np.log([np.mean(y == c) for c in classes]),
        "means": np.array([X[y == c].mean(axis=0) for c in classes]),
        "variances": np.array([X[y == c].var(axis=0) for c in classes]) + var_smoothing,
    }


# %% mistake: uniform prior 1/K instead of the class frequencies
import numpy as np


def gaussian_nb_fit(X, y, var_smoothing=1e-9):
    classes = np.unique(y)
    eps = var_smoothing * np.var(X, axis=0).max()
    return {
        "classes": classes,
        "log_prior": np.full(len(classes), -np.log(len(classes))),
        "means": np.array([X[y == c].mean(axis=0) for c in classes]),
        "variances": np.array([X[y == c].var(axis=0) for c in classes]) + eps,
    }


# %% alternative: float32 arithmetic throughout
import numpy as np


def gaussian_nb_fit(X, y, var_smoothing=1e-9):
    X = np.asarray(X, dtype=np.float32)
    classes = np.unique(y)
    eps = np.float32(var_smoothing) * X.var(axis=0).max()
    counts = np.array([np.sum(y == c) for c in classes], dtype=np.float32)
    return {
        "classes": classes,
        "log_prior": np.log(counts / counts.sum()),
        "means": np.stack([X[y == c].mean(axis=0) for c in classes]),
        "variances": np.stack([X[y == c].var(axis=0) for c in classes]) + eps,
    }


def gaussian_nb_log_proba(X, log_prior, means, variances):
    X, log_prior, means, variances = (np.asarray(a, dtype=np.float32) for a in (X, log_prior, means, variances))
    diff = X[:, None, :] - means[None]
    jll = log_prior - np.float32(0.5) * np.sum(np.log(np.float32(2 * np.pi) * variances), axis=1) \
        - np.float32(0.5) * np.sum(diff**2 / variances, axis=2)
    m = jll.max(axis=1, keepdims=True)
    return jll - m - np.log(np.exp(jll - m).sum(axis=1, keepdims=True))


# %% alternative: loops over classes, expanded quadratic, scipy.special.logsumexp
import numpy as np
from scipy.special import logsumexp


def gaussian_nb_fit(X, y, var_smoothing=1e-9):
    X, y = np.asarray(X, dtype=float), np.asarray(y)
    classes = sorted(set(y.tolist()))
    eps = var_smoothing * max(np.var(X[:, j]) for j in range(X.shape[1]))
    means, variances, log_prior = [], [], []
    for c in classes:
        Xc = X[y == c]
        mu = Xc.sum(axis=0) / len(Xc)
        means.append(mu)
        variances.append(((Xc - mu) ** 2).sum(axis=0) / len(Xc) + eps)
        log_prior.append(np.log(len(Xc)) - np.log(len(X)))
    return {"classes": np.array(classes), "log_prior": np.array(log_prior),
            "means": np.array(means), "variances": np.array(variances)}


def gaussian_nb_log_proba(X, log_prior, means, variances):
    X = np.asarray(X, dtype=float)
    cols = []
    for k in range(len(log_prior)):
        prec = 1.0 / variances[k]
        quad = (X**2) @ prec - 2 * X @ (means[k] * prec) + np.sum(means[k] ** 2 * prec)
        cols.append(log_prior[k] - 0.5 * np.sum(np.log(2 * np.pi * variances[k])) - 0.5 * quad)
    jll = np.column_stack(cols)
    return jll - logsumexp(jll, axis=1, keepdims=True)


# %% alternative: torch (float64) with torch.log_softmax
import numpy as np
import torch


def gaussian_nb_log_proba(X, log_prior, means, variances):
    X, log_prior, means, variances = (torch.as_tensor(np.asarray(a, dtype=float)) for a in (X, log_prior, means, variances))
    diff = X[:, None, :] - means[None]
    jll = log_prior - 0.5 * torch.log(2 * torch.pi * variances).sum(dim=1) - 0.5 * (diff**2 / variances).sum(dim=2)
    return torch.log_softmax(jll, dim=1)
