# %% mistake: Shrinkage factors d/(d + lambda) with the singular values unsquared: ridge shrinks direction j by d_j^2/(d_j^2 + lambda)
import numpy as np


def ridge_df(X, lam):
    X = np.asarray(X, dtype=np.float64)
    d = np.linalg.svd(X, compute_uv=False)
    d = d[d > max(X.shape) * np.finfo(np.float64).eps * d[0]] if d.size and d[0] > 0 else d[:0]
    lam_arr = np.asarray(lam, dtype=np.float64)
    df = (d / (d + lam_arr[..., None])).sum(axis=-1)
    return float(df) if lam_arr.ndim == 0 else df


# %% mistake: Keeps every singular value, even round-off ones (~1e-16 d_1): at lambda = 0 each counts as 1, so df(0) is min(n, p) instead of rank X
import numpy as np


def ridge_df(X, lam):
    X = np.asarray(X, dtype=np.float64)
    d = np.linalg.svd(X, compute_uv=False)
    lam_arr = np.asarray(lam, dtype=np.float64)
    with np.errstate(invalid="ignore"):
        df = (d**2 / (d**2 + lam_arr[..., None])).sum(axis=-1)
    return float(df) if lam_arr.ndim == 0 else df


# %% mistake: Counts a singular value as zero when it is below an absolute 1e-10: a matrix with tiny entries (e.g. 1e-12 X) loses its whole rank
import numpy as np


def ridge_df(X, lam):
    X = np.asarray(X, dtype=np.float64)
    d = np.linalg.svd(X, compute_uv=False)
    d = d[d > 1e-10]
    lam_arr = np.asarray(lam, dtype=np.float64)
    df = (d**2 / (d**2 + lam_arr[..., None])).sum(axis=-1)
    return float(df) if lam_arr.ndim == 0 else df


# %% mistake: Computes tr(X (X^T X + lambda I)^{-1} X^T) with an inverse: singular at lambda = 0 when X is rank deficient or n < p
import numpy as np


def ridge_df(X, lam):
    X = np.asarray(X, dtype=np.float64)
    p = X.shape[1]
    lam_arr = np.asarray(lam, dtype=np.float64)
    out = np.array([np.trace(X @ np.linalg.inv(X.T @ X + l * np.eye(p)) @ X.T) for l in lam_arr.ravel()])
    return float(out[0]) if lam_arr.ndim == 0 else out.reshape(lam_arr.shape)


# %% mistake: Returns the rank of X whatever lambda is: df(lambda) must shrink from rank X towards 0 as the penalty grows
import numpy as np


def ridge_df(X, lam):
    X = np.asarray(X, dtype=np.float64)
    r = float(np.linalg.matrix_rank(X)) if X.size else 0.0
    lam_arr = np.asarray(lam, dtype=np.float64)
    return r if lam_arr.ndim == 0 else np.full(lam_arr.shape, r)


# %% mistake: df = p - sum_j lambda/(d_j^2 + lambda): uses the number of columns p where the rank of X belongs, wrong when X is rank deficient or n < p
import numpy as np


def ridge_df(X, lam):
    X = np.asarray(X, dtype=np.float64)
    d = np.linalg.svd(X, compute_uv=False)
    d = d[d > max(X.shape) * np.finfo(np.float64).eps * d[0]] if d.size and d[0] > 0 else d[:0]
    lam_arr = np.asarray(lam, dtype=np.float64)
    df = X.shape[1] - (lam_arr[..., None] / (d**2 + lam_arr[..., None])).sum(axis=-1)
    return float(df) if lam_arr.ndim == 0 else df


# %% mistake: Computes df on np.unique(lam): the result comes back sorted and without repeats, not in the order and shape of lam
import numpy as np


def ridge_df(X, lam):
    X = np.asarray(X, dtype=np.float64)
    d = np.linalg.svd(X, compute_uv=False)
    d = d[d > max(X.shape) * np.finfo(np.float64).eps * d[0]] if d.size and d[0] > 0 else d[:0]
    if np.ndim(lam) == 0:
        return float(np.sum(d**2 / (d**2 + lam)))
    lam_u = np.unique(lam)
    return (d**2 / (d**2 + lam_u[:, None])).sum(axis=1)


# %% mistake: S built from the right singular vectors (V diag V^T, p x p) instead of the left ones U (n x n): wrong matrix and wrong shape
import numpy as np


def ridge_hat_matrix(X, lam):
    X = np.asarray(X, dtype=np.float64)
    U, d, Vt = np.linalg.svd(X, full_matrices=False)
    keep = d > max(X.shape) * np.finfo(np.float64).eps * d[0]
    Vt, d = Vt[keep], d[keep]
    return (Vt.T * (d**2 / (d**2 + lam))) @ Vt


# %% mistake: Keeps round-off singular values: at lambda = 0 a rank-deficient X then gives more than the projection onto its column space
import numpy as np


def ridge_hat_matrix(X, lam):
    X = np.asarray(X, dtype=np.float64)
    U, d, Vt = np.linalg.svd(X, full_matrices=False)
    with np.errstate(invalid="ignore"):
        f = d**2 / (d**2 + lam)
    return (U * f) @ U.T


# %% mistake: Forms X (X^T X + lambda I)^{-1} X^T: squaring the condition number ruins nearly collinear X, and lambda = 0 with rank-deficient X is singular
import numpy as np


def ridge_hat_matrix(X, lam):
    X = np.asarray(X, dtype=np.float64)
    return X @ np.linalg.solve(X.T @ X + lam * np.eye(X.shape[1]), X.T)


# %% mistake: Factors d/(d + lambda) in the smoother (singular values not squared): S is no longer X (X^T X + lambda I)^{-1} X^T
import numpy as np


def ridge_hat_matrix(X, lam):
    X = np.asarray(X, dtype=np.float64)
    U, d, Vt = np.linalg.svd(X, full_matrices=False)
    keep = d > max(X.shape) * np.finfo(np.float64).eps * d[0]
    U, d = U[:, keep], d[keep]
    return (U * (d / (d + lam))) @ U.T


# %% mistake: Writes U diag(f) U (no transpose on the second U): for n = rank the shapes fit but the matrix is not symmetric and not the smoother
import numpy as np


def ridge_hat_matrix(X, lam):
    X = np.asarray(X, dtype=np.float64)
    U, d, Vt = np.linalg.svd(X, full_matrices=False)
    keep = d > max(X.shape) * np.finfo(np.float64).eps * d[0]
    U, d = U[:, keep], d[keep]
    return U @ np.diag(d**2 / (d**2 + lam)) @ U


# %% mistake: Computes the smoother in float32: for nearly collinear X (condition ~1e6) the entries are off far beyond 1e-6
import numpy as np


def ridge_hat_matrix(X, lam):
    X = np.asarray(X, dtype=np.float32)
    U, d, Vt = np.linalg.svd(X, full_matrices=False)
    keep = d > max(X.shape) * np.finfo(np.float32).eps * d[0]
    U, d = U[:, keep], d[keep]
    return (U * (d**2 / (d**2 + np.float32(lam)))) @ U.T


# %% mistake: log(n) and 2 swapped between AIC and BIC: AIC charges 2 per degree of freedom, BIC log n
import numpy as np


def information_criteria(rss, df, n, sigma2):
    rss = np.asarray(rss, dtype=np.float64)
    df = np.asarray(df, dtype=np.float64)
    base = n * np.log(2 * np.pi * sigma2) + rss / sigma2
    return {"cp": rss / n + 2 * df * sigma2 / n, "aic": base + np.log(n) * df, "bic": base + 2 * df}


# %% mistake: BIC penalty uses log10(n) instead of the natural logarithm: the criterion must use ln n per degree of freedom
import numpy as np


def information_criteria(rss, df, n, sigma2):
    rss = np.asarray(rss, dtype=np.float64)
    df = np.asarray(df, dtype=np.float64)
    base = n * np.log(2 * np.pi * sigma2) + rss / sigma2
    return {"cp": rss / n + 2 * df * sigma2 / n, "aic": base + 2 * df, "bic": base + np.log10(n) * df}


# %% mistake: Treats sigma2 as the noise standard deviation and squares it again: every sigma2 in the formulas is already the variance
import numpy as np


def information_criteria(rss, df, n, sigma2):
    rss = np.asarray(rss, dtype=np.float64)
    df = np.asarray(df, dtype=np.float64)
    var = sigma2**2
    base = n * np.log(2 * np.pi * var) + rss / var
    return {"cp": rss / n + 2 * df * var / n, "aic": base + 2 * df, "bic": base + np.log(n) * df}


# %% mistake: Cp as RSS + 2 df sigma2 (ESL's unnormalised form) instead of RSS/n + 2 df sigma2/n: n times too large
import numpy as np


def information_criteria(rss, df, n, sigma2):
    rss = np.asarray(rss, dtype=np.float64)
    df = np.asarray(df, dtype=np.float64)
    base = n * np.log(2 * np.pi * sigma2) + rss / sigma2
    return {"cp": rss + 2 * df * sigma2, "aic": base + 2 * df, "bic": base + np.log(n) * df}


# %% mistake: Drops the constant n log(2 pi sigma2) from AIC and BIC: it does not change the choice, but the values asked for are -2 log L + penalty
import numpy as np


def information_criteria(rss, df, n, sigma2):
    rss = np.asarray(rss, dtype=np.float64)
    df = np.asarray(df, dtype=np.float64)
    return {"cp": rss / n + 2 * df * sigma2 / n, "aic": rss / sigma2 + 2 * df, "bic": rss / sigma2 + np.log(n) * df}


# %% mistake: Uses the log-likelihood scale (n/2 log(2 pi sigma2) + RSS/(2 sigma2)) with the -2 log L penalties: the likelihood part is half what it should be
import numpy as np


def information_criteria(rss, df, n, sigma2):
    rss = np.asarray(rss, dtype=np.float64)
    df = np.asarray(df, dtype=np.float64)
    base = n / 2 * np.log(2 * np.pi * sigma2) + rss / (2 * sigma2)
    return {"cp": rss / n + 2 * df * sigma2 / n, "aic": base + 2 * df, "bic": base + np.log(n) * df}


# %% mistake: Estimates sigma2 from each model's own residuals, RSS/(n - df), ignoring the known sigma2: Cp/AIC/BIC need one fixed noise variance
import numpy as np


def ridge_select(X, y, lambdas, sigma2):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    lambdas = np.asarray(lambdas, dtype=np.float64)
    n = len(y)
    df = np.asarray(ridge_df(X, lambdas), dtype=np.float64)
    rss = np.array([np.sum((y - ridge_hat_matrix(X, l) @ y) ** 2) for l in lambdas])
    s2 = rss / (n - df)
    crit = information_criteria(rss, df, n, s2)
    out = {"df": df, "rss": rss, **{k: np.asarray(v, dtype=np.float64) for k, v in crit.items()}}
    for k in ("cp", "aic", "bic"):
        out["best_" + k] = int(np.argmin(out[k]))
    return out


# %% mistake: Centres X and y before fitting (adds an intercept): X is to be used as given, with no intercept, so RSS and df change
import numpy as np


def ridge_select(X, y, lambdas, sigma2):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    lambdas = np.asarray(lambdas, dtype=np.float64)
    n = len(y)
    Xc, yc = X - X.mean(axis=0), y - y.mean()
    df = np.asarray(ridge_df(Xc, lambdas), dtype=np.float64)
    rss = np.array([np.sum((yc - ridge_hat_matrix(Xc, l) @ yc) ** 2) for l in lambdas])
    crit = information_criteria(rss, df, n, sigma2)
    out = {"df": df, "rss": rss, **{k: np.asarray(v, dtype=np.float64) for k, v in crit.items()}}
    for k in ("cp", "aic", "bic"):
        out["best_" + k] = int(np.argmin(out[k]))
    return out


# %% mistake: Sorts the lambdas first and reports arrays and best indices on the sorted grid: they must follow the order of the lambdas given
import numpy as np


def ridge_select(X, y, lambdas, sigma2):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    lambdas = np.sort(np.asarray(lambdas, dtype=np.float64))
    n = len(y)
    df = np.asarray(ridge_df(X, lambdas), dtype=np.float64)
    rss = np.array([np.sum((y - ridge_hat_matrix(X, l) @ y) ** 2) for l in lambdas])
    crit = information_criteria(rss, df, n, sigma2)
    out = {"df": df, "rss": rss, **{k: np.asarray(v, dtype=np.float64) for k, v in crit.items()}}
    for k in ("cp", "aic", "bic"):
        out["best_" + k] = int(np.argmin(out[k]))
    return out


# %% mistake: Maps the best lambda back to an index with a dict {lambda: i}: with repeated lambdas the dict keeps the LAST index, not the first occurrence
import numpy as np


def ridge_select(X, y, lambdas, sigma2):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    lambdas = np.asarray(lambdas, dtype=np.float64)
    n = len(y)
    grid = np.unique(lambdas)
    pos = {float(l): i for i, l in enumerate(lambdas)}
    df_g = np.asarray(ridge_df(X, grid), dtype=np.float64)
    rss_g = np.array([np.sum((y - ridge_hat_matrix(X, l) @ y) ** 2) for l in grid])
    crit_g = information_criteria(rss_g, df_g, n, sigma2)
    back = np.searchsorted(grid, lambdas)
    out = {"df": df_g[back], "rss": rss_g[back], **{k: np.asarray(v, dtype=np.float64)[back] for k, v in crit_g.items()}}
    for k in ("cp", "aic", "bic"):
        out["best_" + k] = pos[float(grid[int(np.argmin(crit_g[k]))])]
    return out


# %% mistake: RSS as the norm ||y - S y|| instead of its square: the criteria need the residual SUM OF SQUARES
import numpy as np


def ridge_select(X, y, lambdas, sigma2):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    lambdas = np.asarray(lambdas, dtype=np.float64)
    n = len(y)
    df = np.asarray(ridge_df(X, lambdas), dtype=np.float64)
    rss = np.array([np.linalg.norm(y - ridge_hat_matrix(X, l) @ y) for l in lambdas])
    crit = information_criteria(rss, df, n, sigma2)
    out = {"df": df, "rss": rss, **{k: np.asarray(v, dtype=np.float64) for k, v in crit.items()}}
    for k in ("cp", "aic", "bic"):
        out["best_" + k] = int(np.argmin(out[k]))
    return out


# %% mistake: Uses the number of columns p as the degrees of freedom of every ridge fit: df(lambda) = tr S_lambda shrinks with lambda
import numpy as np


def ridge_select(X, y, lambdas, sigma2):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    lambdas = np.asarray(lambdas, dtype=np.float64)
    n, p = X.shape
    df = np.full(len(lambdas), float(p))
    rss = np.array([np.sum((y - ridge_hat_matrix(X, l) @ y) ** 2) for l in lambdas])
    crit = information_criteria(rss, df, n, sigma2)
    out = {"df": df, "rss": rss, **{k: np.asarray(v, dtype=np.float64) for k, v in crit.items()}}
    for k in ("cp", "aic", "bic"):
        out["best_" + k] = int(np.argmin(out[k]))
    return out


# %% mistake: best_bic copied from the AIC line (argmin of aic): BIC's heavier log n penalty must pick its own, usually simpler, model
import numpy as np


def ridge_select(X, y, lambdas, sigma2):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    lambdas = np.asarray(lambdas, dtype=np.float64)
    n = len(y)
    df = np.asarray(ridge_df(X, lambdas), dtype=np.float64)
    rss = np.array([np.sum((y - ridge_hat_matrix(X, l) @ y) ** 2) for l in lambdas])
    crit = information_criteria(rss, df, n, sigma2)
    out = {"df": df, "rss": rss, **{k: np.asarray(v, dtype=np.float64) for k, v in crit.items()}}
    out["best_cp"] = int(np.argmin(out["cp"]))
    out["best_aic"] = int(np.argmin(out["aic"]))
    out["best_bic"] = int(np.argmin(out["aic"]))
    return out


# %% mistake: Gets S from sklearn's Ridge fitted to the identity (forbidden): its solvers drop singular values below an absolute 1e-15, so a tiny X gives S = 0
import numpy as np
from sklearn.linear_model import Ridge


def ridge_hat_matrix(X, lam):
    X = np.asarray(X, dtype=np.float64)
    n = X.shape[0]
    return Ridge(alpha=lam, fit_intercept=False, solver="svd").fit(X, np.eye(n)).predict(X)
