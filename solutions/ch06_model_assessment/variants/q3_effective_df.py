# %% mistake: uses the singular values instead of their squares, so df mixes units of X with units of lambda
import numpy as np


def ridge_df(X, lam):
    d = np.linalg.svd(np.asarray(X, dtype=float), compute_uv=False)
    d = d[d > max(np.shape(X)) * np.finfo(float).eps * d[0]] if d.size and d[0] > 0 else d[:0]
    lam = np.asarray(lam, dtype=float)
    df = (d / (d + lam[..., None])).sum(axis=-1)
    return float(df) if lam.ndim == 0 else df


# %% mistake: sums lambda / (d^2 + lambda), the part of each direction that ridge removes rather than keeps
import numpy as np


def ridge_df(X, lam):
    d = np.linalg.svd(np.asarray(X, dtype=float), compute_uv=False)
    d = d[d > max(np.shape(X)) * np.finfo(float).eps * d[0]] if d.size and d[0] > 0 else d[:0]
    lam = np.asarray(lam, dtype=float)
    df = (lam[..., None] / (d**2 + lam[..., None])).sum(axis=-1)
    return float(df) if lam.ndim == 0 else df


# %% mistake: keeps every singular value, so round-off singular values of a rank-deficient X count as whole degrees of freedom at lambda = 0
import numpy as np


def ridge_df(X, lam):
    d = np.linalg.svd(np.asarray(X, dtype=float), compute_uv=False)
    d = d[d > 0]
    lam = np.asarray(lam, dtype=float)
    df = (d**2 / (d**2 + lam[..., None])).sum(axis=-1)
    return float(df) if lam.ndim == 0 else df


# %% mistake: builds the hat matrix from the right singular vectors V (p x p), which live in coefficient space, not observation space
import numpy as np


def ridge_hat_matrix(X, lam):
    _, d, Vt = np.linalg.svd(np.asarray(X, dtype=float), full_matrices=False)
    return (Vt.T * (d**2 / (d**2 + lam))) @ Vt


# %% mistake: inverts X^T X + lambda I, which squares the condition number and breaks at lambda = 0 when X is rank deficient
import numpy as np


def ridge_hat_matrix(X, lam):
    X = np.asarray(X, dtype=float)
    return X @ np.linalg.inv(X.T @ X + lam * np.eye(X.shape[1])) @ X.T


# %% mistake: leaves the Cp penalty on the scale of RSS while the training error is divided by n, so the penalty is n times too heavy
import numpy as np

_reference_ic = information_criteria


def information_criteria(rss, df, n, sigma2):
    out = dict(_reference_ic(rss, df, n, sigma2))
    out["cp"] = np.asarray(rss, dtype=float) / n + 2 * np.asarray(df, dtype=float) * sigma2
    return out


# %% mistake: AIC and BIC without the n log(2 pi sigma^2) term, which is not the -2 log-likelihood scale the docstring fixes
import numpy as np


def information_criteria(rss, df, n, sigma2):
    rss, df = np.asarray(rss, dtype=float), np.asarray(df, dtype=float)
    return {"cp": rss / n + 2 * df * sigma2 / n, "aic": rss / sigma2 + 2 * df, "bic": rss / sigma2 + np.log(n) * df}


# %% mistake: penalises each degree of freedom by 2 log n, twice BIC's penalty, so BIC favours too simple a model
import numpy as np

_reference_ic = information_criteria


def information_criteria(rss, df, n, sigma2):
    out = dict(_reference_ic(rss, df, n, sigma2))
    out["bic"] = out["bic"] + np.log(n) * np.asarray(df, dtype=float)
    return out


# %% mistake: sorts the grid of penalties first, so the returned values and indices refer to the sorted grid, not to lambdas
import numpy as np

_reference_select = ridge_select


def ridge_select(X, y, lambdas, sigma2):
    return _reference_select(X, y, np.sort(np.asarray(lambdas, dtype=float)), sigma2)


# %% mistake: adds the penalty lambda ||beta||^2 to the residual sum of squares, which is the ridge objective, not the RSS
import numpy as np


def ridge_select(X, y, lambdas, sigma2):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    lambdas = np.asarray(lambdas, dtype=float)
    U, d, Vt = np.linalg.svd(X, full_matrices=False)
    rss, df = [], []
    for lam in lambdas:
        beta = Vt.T @ (d / (d**2 + lam) * (U.T @ y))
        rss.append(np.sum((y - X @ beta) ** 2) + lam * beta @ beta)
        df.append(np.sum(d**2 / (d**2 + lam)))
    rss, df = np.array(rss), np.array(df)
    out = {"df": df, "rss": rss, **information_criteria(rss, df, len(y), sigma2)}
    for k in ("cp", "aic", "bic"):
        out["best_" + k] = int(np.argmin(out[k]))
    return out


# %% mistake: returns the last of several equally good entries of a repeated lambda instead of the first
import numpy as np

_reference_select = ridge_select


def ridge_select(X, y, lambdas, sigma2):
    out = dict(_reference_select(X, y, lambdas, sigma2))
    lam = np.asarray(lambdas, dtype=float)
    for k in ("best_cp", "best_aic", "best_bic"):
        out[k] = int(np.flatnonzero(lam == lam[out[k]])[-1])
    return out


# %% alternative: float32 SVD for the degrees of freedom, with float32's own rank tolerance
import numpy as np


def ridge_df(X, lam):
    X32 = np.asarray(X, dtype=np.float32)
    d = np.linalg.svd(X32, compute_uv=False)
    if d.size and d[0] > 0:
        d = d[d > max(X32.shape) * np.finfo(np.float32).eps * d[0]]
    else:
        d = d[:0]
    lam32 = np.asarray(lam, dtype=np.float32)
    df = (d**2 / (d**2 + lam32[..., None])).sum(axis=-1)
    return float(df) if lam32.ndim == 0 else df


def information_criteria(rss, df, n, sigma2):
    rss, df = np.asarray(rss, dtype=np.float32), np.asarray(df, dtype=np.float32)
    s2 = np.float32(sigma2)
    base = np.float32(n) * np.log(np.float32(2 * np.pi) * s2) + rss / s2
    return {"cp": rss / np.float32(n) + 2 * df * s2 / np.float32(n), "aic": base + 2 * df, "bic": base + np.log(np.float32(n)) * df}


# %% alternative: loops: df term by term, hat matrices by augmented least squares (lambda > 0) or the pseudo-inverse (lambda = 0)
import numpy as np


def ridge_hat_matrix(X, lam):  # ridge = least squares on the augmented rows [X; sqrt(lam) I], fitted to each e_i
    X = np.asarray(X, dtype=float)
    n, p = X.shape
    if lam == 0:
        return X @ np.linalg.pinv(X)
    A = np.vstack([X, np.sqrt(lam) * np.eye(p)])
    return X @ np.linalg.lstsq(A, np.vstack([np.eye(n), np.zeros((p, n))]), rcond=None)[0]


def ridge_df(X, lam):
    X = np.asarray(X, dtype=float)
    sv = np.linalg.svd(X, compute_uv=False)
    tol = max(X.shape) * np.finfo(float).eps * (sv[0] if sv.size else 0.0)
    lam_arr = np.asarray(lam, dtype=float)
    flat = []
    for v in lam_arr.ravel():
        total = 0.0
        for d in sv:
            if d > tol:
                total += d * d / (d * d + v)
        flat.append(total)
    return flat[0] if lam_arr.ndim == 0 else np.array(flat).reshape(lam_arr.shape)


def ridge_select(X, y, lambdas, sigma2):
    y = np.asarray(y, dtype=float)
    lambdas = [float(v) for v in np.asarray(lambdas).ravel()]
    rss, df = [], []
    for lam in lambdas:
        S = ridge_hat_matrix(X, lam)
        rss.append(float(np.sum((y - S @ y) ** 2)))
        df.append(float(np.trace(S)))
    out = {"df": np.array(df), "rss": np.array(rss), **information_criteria(np.array(rss), np.array(df), len(y), sigma2)}
    for k in ("cp", "aic", "bic"):
        vals = list(out[k])
        best = vals.index(min(vals))
        out["best_" + k] = lambdas.index(lambdas[best])
    return out
