# %% mistake: forgets to centre the data
import numpy as np


def pca_fit(X, k):
    X = np.asarray(X, dtype=float)
    _, s, Vt = np.linalg.svd(X, full_matrices=False)
    var = s**2 / (len(X) - 1)
    return {"mean": X.mean(axis=0), "components": Vt[:k], "explained_variance": var[:k],
            "explained_variance_ratio": var[:k] / var.sum()}


# %% mistake: explained-variance ratio normalised over the k kept components only
import numpy as np


def pca_fit(X, k):
    X = np.asarray(X, dtype=float)
    mean = X.mean(axis=0)
    _, s, Vt = np.linalg.svd(X - mean, full_matrices=False)
    var = s[:k] ** 2 / (len(X) - 1)
    return {"mean": mean, "components": Vt[:k], "explained_variance": var, "explained_variance_ratio": var / var.sum()}


# %% mistake: explained variance divides by n (maximum-likelihood) instead of n - 1
import numpy as np


def pca_fit(X, k):
    X = np.asarray(X, dtype=float)
    mean = X.mean(axis=0)
    _, s, Vt = np.linalg.svd(X - mean, full_matrices=False)
    var = s**2 / len(X)
    return {"mean": mean, "components": Vt[:k], "explained_variance": var[:k], "explained_variance_ratio": var[:k] / var.sum()}


# %% mistake: takes the columns of V^T as the components
import numpy as np


def pca_fit(X, k):
    X = np.asarray(X, dtype=float)
    mean = X.mean(axis=0)
    _, s, Vt = np.linalg.svd(X - mean, full_matrices=False)
    var = s**2 / (len(X) - 1)
    return {"mean": mean, "components": Vt.T[:k], "explained_variance": var[:k], "explained_variance_ratio": var[:k] / var.sum()}


# %% mistake: transform forgets to subtract the mean, reconstruct forgets to add it back
import numpy as np


def pca_transform(X, mean, components):
    return np.asarray(X, dtype=float) @ np.asarray(components, dtype=float).T


def pca_reconstruct(Z, mean, components):
    return np.asarray(Z, dtype=float) @ np.asarray(components, dtype=float)


# %% alternative: eigenvectors of the covariance matrix (numpy.linalg.eigh, re-sorted descending)
import numpy as np


def pca_fit(X, k):
    X = np.asarray(X, dtype=float)
    mean = X.mean(axis=0)
    Xc = X - mean
    evals, evecs = np.linalg.eigh(Xc.T @ Xc / (len(X) - 1))
    evals, evecs = evals[::-1], evecs[:, ::-1]
    evals = np.clip(evals, 0.0, None)
    return {"mean": mean, "components": evecs[:, :k].T, "explained_variance": evals[:k],
            "explained_variance_ratio": evals[:k] / evals.sum()}


# %% alternative: float32 SVD, scores and reconstruction in float32
import numpy as np


def pca_fit(X, k):
    X = np.asarray(X, dtype=np.float32)
    mean = X.mean(axis=0)
    _, s, Vt = np.linalg.svd(X - mean, full_matrices=False)
    var = s**2 / np.float32(len(X) - 1)
    return {"mean": mean, "components": Vt[:k], "explained_variance": var[:k], "explained_variance_ratio": var[:k] / var.sum()}


def pca_transform(X, mean, components):
    return (np.asarray(X, np.float32) - np.asarray(mean, np.float32)) @ np.asarray(components, np.float32).T


def pca_reconstruct(Z, mean, components):
    return np.asarray(Z, np.float32) @ np.asarray(components, np.float32) + np.asarray(mean, np.float32)


# %% alternative: torch, with the sign convention "largest entry of each component positive"
import numpy as np
import torch


def pca_fit(X, k):
    X = torch.as_tensor(X, dtype=torch.float64)
    mean = X.mean(dim=0)
    _, s, Vh = torch.linalg.svd(X - mean, full_matrices=False)
    Vh = Vh * torch.sign(Vh.gather(1, Vh.abs().argmax(dim=1, keepdim=True)))
    var = s**2 / (X.shape[0] - 1)
    return {"mean": mean, "components": Vh[:k], "explained_variance": var[:k], "explained_variance_ratio": var[:k] / var.sum()}


def pca_transform(X, mean, components):
    return (torch.as_tensor(X, dtype=torch.float64) - torch.as_tensor(mean)) @ torch.as_tensor(components).T


def pca_reconstruct(Z, mean, components):
    return torch.as_tensor(Z, dtype=torch.float64) @ torch.as_tensor(components) + torch.as_tensor(mean)
