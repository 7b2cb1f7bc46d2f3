# %% mistake: sums the kept variance instead of the discarded variance
import numpy as np


def pca_reconstruction_errors(X, ks):
    X = np.asarray(X, dtype=float)
    s = np.linalg.svd(X - X.mean(axis=0), compute_uv=False)
    return np.array([np.sum(s[:k] ** 2) for k in ks]) / len(X)


# %% mistake: divides by n - 1 (the variance convention) instead of n
import numpy as np


def pca_reconstruction_errors(X, ks):
    X = np.asarray(X, dtype=float)
    s = np.linalg.svd(X - X.mean(axis=0), compute_uv=False)
    return np.array([np.sum(s[k:] ** 2) for k in ks]) / (len(X) - 1)


# %% mistake: forgets to centre the data
import numpy as np


def pca_reconstruction_errors(X, ks):
    s = np.linalg.svd(np.asarray(X, dtype=float), compute_uv=False)
    return np.array([np.sum(s[k:] ** 2) for k in ks]) / len(X)


def n_components_for_variance(X, frac):
    s = np.linalg.svd(np.asarray(X, dtype=float), compute_uv=False)
    return int(np.searchsorted(np.cumsum(s**2) / np.sum(s**2), frac)) + 1


# %% mistake: returns the zero-based index instead of the number of components
import numpy as np


def n_components_for_variance(X, frac):
    X = np.asarray(X, dtype=float)
    s = np.linalg.svd(X - X.mean(axis=0), compute_uv=False)
    return int(np.searchsorted(np.cumsum(s**2) / np.sum(s**2), frac))


# %% mistake: cumulative fraction of singular values instead of squared singular values (variances)
import numpy as np


def n_components_for_variance(X, frac):
    X = np.asarray(X, dtype=float)
    s = np.linalg.svd(X - X.mean(axis=0), compute_uv=False)
    return int(np.searchsorted(np.cumsum(s) / np.sum(s), frac)) + 1


# %% alternative: explicit reconstruction with the Question 5 functions (loop over k); ratios from pca_fit
import numpy as np


def pca_reconstruction_errors(X, ks):
    X = np.asarray(X, dtype=float)
    full = pca_fit(X, min(X.shape))
    out = []
    for k in ks:
        comps = full["components"][:k]
        X_hat = pca_reconstruct(pca_transform(X, full["mean"], comps), full["mean"], comps)
        out.append(np.mean(np.sum((X - X_hat) ** 2, axis=1)))
    return np.array(out)


def n_components_for_variance(X, frac):
    ratio = pca_fit(X, min(np.shape(X)))["explained_variance_ratio"]
    k, total = 0, 0.0
    while total < frac:
        total += ratio[k]
        k += 1
    return k


# %% alternative: eigenvalues of the covariance matrix (numpy.linalg.eigvalsh)
import numpy as np


def pca_reconstruction_errors(X, ks):
    X = np.asarray(X, dtype=float)
    Xc = X - X.mean(axis=0)
    lam = np.clip(np.linalg.eigvalsh(Xc.T @ Xc), 0.0, None)[::-1]  # = s^2, descending, length d
    return np.array([lam[k:].sum() for k in ks]) / len(X)


def n_components_for_variance(X, frac):
    X = np.asarray(X, dtype=float)
    lam = np.linalg.eigvalsh(np.cov(X, rowvar=False))[::-1]
    return int(np.argmax(np.cumsum(lam) / lam.sum() >= frac)) + 1


# %% alternative: torch
import numpy as np
import torch


def pca_reconstruction_errors(X, ks):
    X = torch.as_tensor(X, dtype=torch.float64)
    s = torch.linalg.svdvals(X - X.mean(dim=0))
    return torch.stack([torch.sum(s[k:] ** 2) for k in ks]) / X.shape[0]


def n_components_for_variance(X, frac):
    X = torch.as_tensor(X, dtype=torch.float64)
    s2 = torch.linalg.svdvals(X - X.mean(dim=0)) ** 2
    return int((torch.cumsum(s2, 0) / s2.sum() < frac).sum()) + 1
