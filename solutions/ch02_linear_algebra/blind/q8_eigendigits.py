# %% mistake: divides the tail sum by n - 1 (the explained-variance habit) instead of n; the error is a mean over the n images, not a sample variance
import numpy as np


def pca_reconstruction_errors(X, ks):
    X = np.asarray(X, dtype=float)
    n = X.shape[0]
    s = np.linalg.svd(X - X.mean(axis=0), compute_uv=False)
    return np.array([np.sum(s[k:] ** 2) / (n - 1) for k in ks])


# %% mistake: takes the singular values of X without subtracting the mean image, so err(0) is the mean squared norm of the images, not their spread about the mean
import numpy as np


def pca_reconstruction_errors(X, ks):
    X = np.asarray(X, dtype=float)
    n = X.shape[0]
    s = np.linalg.svd(X, compute_uv=False)
    return np.array([np.sum(s[k:] ** 2) / n for k in ks])


# %% mistake: sums the tail from s[k + 1] (reading 'j > k' one-based as a zero-based index), so the first discarded component is never counted
import numpy as np


def pca_reconstruction_errors(X, ks):
    X = np.asarray(X, dtype=float)
    n = X.shape[0]
    s = np.linalg.svd(X - X.mean(axis=0), compute_uv=False)
    return np.array([np.sum(s[k + 1:] ** 2) / n for k in ks])


# %% mistake: indexes a precomputed array of min(n, d) + 1 tail sums with k, which raises IndexError when n < d and k > n (k may go up to d)
import numpy as np


def pca_reconstruction_errors(X, ks):
    X = np.asarray(X, dtype=float)
    n = X.shape[0]
    s = np.linalg.svd(X - X.mean(axis=0), compute_uv=False)
    tails = np.append(np.cumsum((s ** 2)[::-1])[::-1], 0.0)
    return tails[np.asarray(ks, dtype=int)] / n


# %% mistake: divides by n * d (mean squared error per pixel) instead of n; the error asked for is summed over pixels and averaged over images
import numpy as np


def pca_reconstruction_errors(X, ks):
    X = np.asarray(X, dtype=float)
    n, d = X.shape
    s = np.linalg.svd(X - X.mean(axis=0), compute_uv=False)
    return np.array([np.sum(s[k:] ** 2) / (n * d) for k in ks])


# %% mistake: adds up the discarded singular values s_j instead of their squares s_j^2, which is not the squared reconstruction error
import numpy as np


def pca_reconstruction_errors(X, ks):
    X = np.asarray(X, dtype=float)
    n = X.shape[0]
    s = np.linalg.svd(X - X.mean(axis=0), compute_uv=False)
    return np.array([np.sum(s[k:]) / n for k in ks])


# %% mistake: reconstructs explicitly but compares X with the reconstruction of the CENTRED data, forgetting to add the mean image back
import numpy as np


def pca_reconstruction_errors(X, ks):
    X = np.asarray(X, dtype=float)
    n = X.shape[0]
    mean = X.mean(axis=0)
    U, s, Vt = np.linalg.svd(X - mean, full_matrices=False)
    errs = []
    for k in ks:
        X_hat = (X - mean) @ Vt[:k].T @ Vt[:k]
        errs.append(np.sum((X - X_hat) ** 2) / n)
    return np.array(errs)


# %% mistake: returns the Frobenius norm of the residual divided by n, i.e. without squaring it; the question asks for the mean SQUARED error
import numpy as np


def pca_reconstruction_errors(X, ks):
    X = np.asarray(X, dtype=float)
    n = X.shape[0]
    mean = X.mean(axis=0)
    U, s, Vt = np.linalg.svd(X - mean, full_matrices=False)
    errs = []
    for k in ks:
        X_hat = (X - mean) @ Vt[:k].T @ Vt[:k] + mean
        errs.append(np.linalg.norm(X - X_hat) / n)
    return np.array(errs)


# %% mistake: requires the cumulative ratio to be strictly greater than frac (scikit-learn's side='right'), so an exact tie at frac gives one component too many
import numpy as np


def n_components_for_variance(X, frac):
    X = np.asarray(X, dtype=float)
    s = np.linalg.svd(X - X.mean(axis=0), compute_uv=False)
    cum = np.cumsum(s ** 2) / np.sum(s ** 2)
    return int(np.searchsorted(cum, frac, side="right") + 1)


# %% mistake: returns the zero-based index of the first component reaching frac (argmax), one less than the number of components
import numpy as np


def n_components_for_variance(X, frac):
    X = np.asarray(X, dtype=float)
    s = np.linalg.svd(X - X.mean(axis=0), compute_uv=False)
    cum = np.cumsum(s ** 2) / np.sum(s ** 2)
    return int(np.argmax(cum >= frac))


# %% mistake: accumulates the singular values s_j instead of the variances s_j^2, which understates how much the top components explain
import numpy as np


def n_components_for_variance(X, frac):
    X = np.asarray(X, dtype=float)
    s = np.linalg.svd(X - X.mean(axis=0), compute_uv=False)
    cum = np.cumsum(s) / np.sum(s)
    return int(np.argmax(cum >= frac) + 1)


# %% mistake: forgets to centre X, so the first 'component' is the direction of the mean and soaks up a share of the variance that is not there
import numpy as np


def n_components_for_variance(X, frac):
    X = np.asarray(X, dtype=float)
    s = np.linalg.svd(X, compute_uv=False)
    cum = np.cumsum(s ** 2) / np.sum(s ** 2)
    return int(np.argmax(cum >= frac) + 1)


# %% mistake: accumulates the covariance eigenvalues in eigh's ascending order, counting from the SMALLEST variance, so far too many components are needed
import numpy as np


def n_components_for_variance(X, frac):
    X = np.asarray(X, dtype=float)
    lam = np.linalg.eigvalsh(np.cov(X, rowvar=False))
    cum = np.cumsum(lam) / np.sum(lam)
    return int(np.argmax(cum >= frac) + 1)


# %% mistake: divides the component variances s^2/(n - 1) by X.var(axis=0).sum(), which uses n; the ratios are inflated by n/(n - 1) and k can come out too small
import numpy as np


def n_components_for_variance(X, frac):
    X = np.asarray(X, dtype=float)
    n = X.shape[0]
    s = np.linalg.svd(X - X.mean(axis=0), compute_uv=False)
    cum = np.cumsum(s ** 2 / (n - 1)) / X.var(axis=0).sum()
    return int(np.argmax(cum >= frac) + 1)
