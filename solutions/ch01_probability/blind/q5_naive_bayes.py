# %% mistake: uses the unbiased per-class variance (ddof=1, dividing by n_k - 1) instead of the maximum-likelihood variance (dividing by n_k)
import numpy as np


def gaussian_nb_fit(X, y, var_smoothing=1e-9):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    classes = np.unique(y)
    eps = var_smoothing * np.max(np.var(X, axis=0))
    log_prior, means, variances = [], [], []
    for c in classes:
        Xc = X[y == c]
        log_prior.append(np.log(len(Xc) / len(X)))
        means.append(Xc.mean(axis=0))
        variances.append(Xc.var(axis=0, ddof=1) + eps)
    return {"classes": classes, "log_prior": np.array(log_prior),
            "means": np.array(means), "variances": np.array(variances)}


# %% mistake: forgets the smoothing epsilon, so a feature that is constant within a class gets variance exactly 0
import numpy as np


def gaussian_nb_fit(X, y, var_smoothing=1e-9):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    classes = np.unique(y)
    log_prior, means, variances = [], [], []
    for c in classes:
        Xc = X[y == c]
        log_prior.append(np.log(len(Xc) / len(X)))
        means.append(Xc.mean(axis=0))
        variances.append(Xc.var(axis=0))
    return {"classes": classes, "log_prior": np.array(log_prior),
            "means": np.array(means), "variances": np.array(variances)}


# %% mistake: adds var_smoothing itself to the variances instead of var_smoothing times the largest feature variance, so the smoothing has the wrong units
import numpy as np


def gaussian_nb_fit(X, y, var_smoothing=1e-9):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    classes = np.unique(y)
    log_prior, means, variances = [], [], []
    for c in classes:
        Xc = X[y == c]
        log_prior.append(np.log(len(Xc) / len(X)))
        means.append(Xc.mean(axis=0))
        variances.append(Xc.var(axis=0) + var_smoothing)
    return {"classes": classes, "log_prior": np.array(log_prior),
            "means": np.array(means), "variances": np.array(variances)}


# %% mistake: scales the smoothing by the largest variance within each class instead of the largest feature variance of the whole training set
import numpy as np


def gaussian_nb_fit(X, y, var_smoothing=1e-9):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    classes = np.unique(y)
    log_prior, means, variances = [], [], []
    for c in classes:
        Xc = X[y == c]
        v = Xc.var(axis=0)
        log_prior.append(np.log(len(Xc) / len(X)))
        means.append(Xc.mean(axis=0))
        variances.append(v + var_smoothing * v.max())
    return {"classes": classes, "log_prior": np.array(log_prior),
            "means": np.array(means), "variances": np.array(variances)}


# %% mistake: keeps the classes in order of first appearance in y instead of sorted order, so every per-class array is permuted
import numpy as np


def gaussian_nb_fit(X, y, var_smoothing=1e-9):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    classes = []
    for label in y:
        if label not in classes:
            classes.append(label)
    classes = np.array(classes)
    eps = var_smoothing * np.max(np.var(X, axis=0))
    log_prior, means, variances = [], [], []
    for c in classes:
        Xc = X[y == c]
        log_prior.append(np.log(len(Xc) / len(X)))
        means.append(Xc.mean(axis=0))
        variances.append(Xc.var(axis=0) + eps)
    return {"classes": classes, "log_prior": np.array(log_prior),
            "means": np.array(means), "variances": np.array(variances)}


# %% mistake: uses a uniform prior log(1/K) instead of the class frequencies n_k / n; only right for balanced classes like the worked example
import numpy as np


def gaussian_nb_fit(X, y, var_smoothing=1e-9):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    classes = np.unique(y)
    K = len(classes)
    eps = var_smoothing * np.max(np.var(X, axis=0))
    means = np.array([X[y == c].mean(axis=0) for c in classes])
    variances = np.array([X[y == c].var(axis=0) + eps for c in classes])
    return {"classes": classes, "log_prior": np.full(K, -np.log(K)), "means": means, "variances": variances}


# %% mistake: returns the class frequencies themselves under "log_prior", forgetting to take their log
import numpy as np


def gaussian_nb_fit(X, y, var_smoothing=1e-9):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    classes, counts = np.unique(y, return_counts=True)
    eps = var_smoothing * np.max(np.var(X, axis=0))
    means = np.array([X[y == c].mean(axis=0) for c in classes])
    variances = np.array([X[y == c].var(axis=0) + eps for c in classes])
    return {"classes": classes, "log_prior": counts / len(y), "means": means, "variances": variances}


# %% mistake: measures each class's variance around the overall mean of X instead of around that class's own mean
import numpy as np


def gaussian_nb_fit(X, y, var_smoothing=1e-9):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    classes, counts = np.unique(y, return_counts=True)
    eps = var_smoothing * np.max(np.var(X, axis=0))
    overall = X.mean(axis=0)
    means = np.array([X[y == c].mean(axis=0) for c in classes])
    variances = np.array([((X[y == c] - overall) ** 2).mean(axis=0) + eps for c in classes])
    return {"classes": classes, "log_prior": np.log(counts / len(y)), "means": means, "variances": variances}


# %% mistake: normalises in probability space (exp, then divide by the row sum), so far from every class all exp(l_k) underflow and the result is nan
import numpy as np


def gaussian_nb_log_proba(X, log_prior, means, variances):
    X = np.asarray(X, dtype=float)
    diff = X[:, None, :] - means[None, :, :]
    jll = log_prior + np.sum(-0.5 * np.log(2 * np.pi * variances) - diff**2 / (2 * variances), axis=2)
    p = np.exp(jll)
    return np.log(p / p.sum(axis=1, keepdims=True))


# %% mistake: forgets the log prior, so the classes are weighted as if they were equally frequent
import numpy as np
from scipy.special import logsumexp


def gaussian_nb_log_proba(X, log_prior, means, variances):
    X = np.asarray(X, dtype=float)
    diff = X[:, None, :] - means[None, :, :]
    jll = np.sum(-0.5 * np.log(2 * np.pi * variances) - diff**2 / (2 * variances), axis=2)
    return jll - logsumexp(jll, axis=1, keepdims=True)


# %% mistake: drops the -1/2 log(2 pi sigma2) term as a 'constant'; it differs between classes whenever their variances differ
import numpy as np
from scipy.special import logsumexp


def gaussian_nb_log_proba(X, log_prior, means, variances):
    X = np.asarray(X, dtype=float)
    diff = X[:, None, :] - means[None, :, :]
    jll = log_prior + np.sum(-diff**2 / (2 * variances), axis=2)
    return jll - logsumexp(jll, axis=1, keepdims=True)


# %% mistake: forgets the 1/2 in front of log(2 pi sigma2), over-penalising the classes with large variances
import numpy as np
from scipy.special import logsumexp


def gaussian_nb_log_proba(X, log_prior, means, variances):
    X = np.asarray(X, dtype=float)
    diff = X[:, None, :] - means[None, :, :]
    jll = log_prior + np.sum(-np.log(2 * np.pi * variances) - diff**2 / (2 * variances), axis=2)
    return jll - logsumexp(jll, axis=1, keepdims=True)


# %% mistake: forgets the 2 in the denominator of the quadratic term, (x - mu)^2 / sigma2 instead of (x - mu)^2 / (2 sigma2)
import numpy as np
from scipy.special import logsumexp


def gaussian_nb_log_proba(X, log_prior, means, variances):
    X = np.asarray(X, dtype=float)
    diff = X[:, None, :] - means[None, :, :]
    jll = log_prior + np.sum(-0.5 * np.log(2 * np.pi * variances) - diff**2 / variances, axis=2)
    return jll - logsumexp(jll, axis=1, keepdims=True)


# %% mistake: treats the variances array as standard deviations and squares it, so every class's spread is wrong
import numpy as np
from scipy.special import logsumexp


def gaussian_nb_log_proba(X, log_prior, means, variances):
    X = np.asarray(X, dtype=float)
    var = variances**2
    diff = X[:, None, :] - means[None, :, :]
    jll = log_prior + np.sum(-0.5 * np.log(2 * np.pi * var) - diff**2 / (2 * var), axis=2)
    return jll - logsumexp(jll, axis=1, keepdims=True)


# %% mistake: normalises with the log-sum-exp over the samples (axis 0) instead of over the classes, so rows do not sum to 1
import numpy as np
from scipy.special import logsumexp


def gaussian_nb_log_proba(X, log_prior, means, variances):
    X = np.asarray(X, dtype=float)
    diff = X[:, None, :] - means[None, :, :]
    jll = log_prior + np.sum(-0.5 * np.log(2 * np.pi * variances) - diff**2 / (2 * variances), axis=2)
    return jll - logsumexp(jll, axis=0, keepdims=True)


# %% mistake: returns the joint log-likelihood l_k(x) without subtracting the log-sum-exp, so it is not a normalised log posterior
import numpy as np


def gaussian_nb_log_proba(X, log_prior, means, variances):
    X = np.asarray(X, dtype=float)
    diff = X[:, None, :] - means[None, :, :]
    return log_prior + np.sum(-0.5 * np.log(2 * np.pi * variances) - diff**2 / (2 * variances), axis=2)


# %% mistake: sums the (n, K, d) array over the class axis instead of the feature axis, adding up the wrong terms
import numpy as np
from scipy.special import logsumexp


def gaussian_nb_log_proba(X, log_prior, means, variances):
    X = np.asarray(X, dtype=float)
    diff = X[:, None, :] - means[None, :, :]
    terms = -0.5 * np.log(2 * np.pi * variances) - diff**2 / (2 * variances)
    jll = log_prior + np.sum(terms, axis=1)
    return jll - logsumexp(jll, axis=1, keepdims=True)
