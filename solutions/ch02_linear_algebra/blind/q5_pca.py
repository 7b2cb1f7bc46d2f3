# %% mistake: takes the SVD of X without subtracting the mean, so the first component points towards the mean instead of along the largest variance
import numpy as np


def pca_fit(X, k):
    X = np.asarray(X, dtype=float)
    n = X.shape[0]
    mean = X.mean(axis=0)
    U, s, Vt = np.linalg.svd(X, full_matrices=False)
    var = s ** 2 / (n - 1)
    return {"mean": mean, "components": Vt[:k], "explained_variance": var[:k],
            "explained_variance_ratio": var[:k] / var.sum()}


# %% mistake: divides the squared singular values by n instead of n - 1, which biases the explained variances low (not the sample covariance)
import numpy as np


def pca_fit(X, k):
    X = np.asarray(X, dtype=float)
    n = X.shape[0]
    mean = X.mean(axis=0)
    U, s, Vt = np.linalg.svd(X - mean, full_matrices=False)
    var = s ** 2 / n
    return {"mean": mean, "components": Vt[:k], "explained_variance": var[:k],
            "explained_variance_ratio": var[:k] / var.sum()}


# %% mistake: normalises the explained-variance ratio by the variance of the k kept components only, so the ratios always sum to 1
import numpy as np


def pca_fit(X, k):
    X = np.asarray(X, dtype=float)
    n = X.shape[0]
    mean = X.mean(axis=0)
    U, s, Vt = np.linalg.svd(X - mean, full_matrices=False)
    var = s[:k] ** 2 / (n - 1)
    return {"mean": mean, "components": Vt[:k], "explained_variance": var,
            "explained_variance_ratio": var / var.sum()}


# %% mistake: takes the components from the columns of Vt (rows of V) instead of its rows; the principal directions are the rows of Vt
import numpy as np


def pca_fit(X, k):
    X = np.asarray(X, dtype=float)
    n = X.shape[0]
    mean = X.mean(axis=0)
    U, s, Vt = np.linalg.svd(X - mean, full_matrices=False)
    var = s ** 2 / (n - 1)
    return {"mean": mean, "components": Vt.T[:k], "explained_variance": var[:k],
            "explained_variance_ratio": var[:k] / var.sum()}


# %% mistake: averages over the wrong axis (axis=1, one mean per sample), so each image is centred on its own average instead of the features on theirs
import numpy as np


def pca_fit(X, k):
    X = np.asarray(X, dtype=float)
    n = X.shape[0]
    mean = X.mean(axis=1, keepdims=True)
    U, s, Vt = np.linalg.svd(X - mean, full_matrices=False)
    var = s ** 2 / (n - 1)
    return {"mean": mean.ravel(), "components": Vt[:k], "explained_variance": var[:k],
            "explained_variance_ratio": var[:k] / var.sum()}


# %% mistake: calls np.cov(X) with its default rowvar=True, which treats the ROWS as variables and gives an (n, n) matrix instead of the (d, d) covariance
import numpy as np


def pca_fit(X, k):
    X = np.asarray(X, dtype=float)
    mean = X.mean(axis=0)
    C = np.cov(X)
    lam, V = np.linalg.eigh(C)
    order = np.argsort(lam)[::-1]
    lam, V = lam[order], V[:, order]
    return {"mean": mean, "components": V[:, :k].T, "explained_variance": lam[:k],
            "explained_variance_ratio": lam[:k] / lam.sum()}


# %% mistake: eigendecomposes the covariance with eigh but keeps its ascending order, so it returns the k directions of SMALLEST variance
import numpy as np


def pca_fit(X, k):
    X = np.asarray(X, dtype=float)
    mean = X.mean(axis=0)
    C = np.cov(X, rowvar=False)
    lam, V = np.linalg.eigh(C)
    return {"mean": mean, "components": V[:, :k].T, "explained_variance": lam[:k],
            "explained_variance_ratio": lam[:k] / lam.sum()}


# %% mistake: uses the singular values s_j instead of their squares, so the explained variances and ratios are not variances (wrong units and proportions)
import numpy as np


def pca_fit(X, k):
    X = np.asarray(X, dtype=float)
    n = X.shape[0]
    mean = X.mean(axis=0)
    U, s, Vt = np.linalg.svd(X - mean, full_matrices=False)
    var = s / (n - 1)
    return {"mean": mean, "components": Vt[:k], "explained_variance": var[:k],
            "explained_variance_ratio": var[:k] / var.sum()}


# %% mistake: centres the data in place (X -= mean), overwriting the caller's array, so X is no longer the data afterwards and a second fit finds mean 0
import numpy as np


def pca_fit(X, k):
    n = X.shape[0]
    mean = X.mean(axis=0)
    X -= mean
    U, s, Vt = np.linalg.svd(X, full_matrices=False)
    var = s ** 2 / (n - 1)
    return {"mean": mean, "components": Vt[:k], "explained_variance": var[:k],
            "explained_variance_ratio": var[:k] / var.sum()}


# %% mistake: takes the total variance from X.var(axis=0).sum(), which divides by n, while the component variances divide by n - 1; the ratios come out too big
import numpy as np


def pca_fit(X, k):
    X = np.asarray(X, dtype=float)
    n = X.shape[0]
    mean = X.mean(axis=0)
    U, s, Vt = np.linalg.svd(X - mean, full_matrices=False)
    var = s[:k] ** 2 / (n - 1)
    total = X.var(axis=0).sum()
    return {"mean": mean, "components": Vt[:k], "explained_variance": var,
            "explained_variance_ratio": var / total}


# %% mistake: projects X onto the components without subtracting the mean first, so every score is shifted by mean @ components^T
import numpy as np


def pca_transform(X, mean, components):
    return np.asarray(X, dtype=float) @ np.asarray(components, dtype=float).T


# %% mistake: multiplies by components instead of components^T; the shapes only fit when k = d, and then the scores are in the wrong coordinates
import numpy as np


def pca_transform(X, mean, components):
    return (np.asarray(X, dtype=float) - mean) @ np.asarray(components, dtype=float)


# %% mistake: forgets to add the mean back after mapping the scores to data space, so the reconstruction is of the centred data
import numpy as np


def pca_reconstruct(Z, mean, components):
    return np.asarray(Z, dtype=float) @ np.asarray(components, dtype=float)


# %% mistake: subtracts the mean again (copied from the transform) instead of adding it back, shifting every reconstruction by -2 * mean
import numpy as np


def pca_reconstruct(Z, mean, components):
    return np.asarray(Z, dtype=float) @ np.asarray(components, dtype=float) - mean


# %% mistake: maps the scores back with components^T instead of components; the shapes only fit when k = d, and then it rotates the wrong way
import numpy as np


def pca_reconstruct(Z, mean, components):
    return np.asarray(Z, dtype=float) @ np.asarray(components, dtype=float).T + mean
