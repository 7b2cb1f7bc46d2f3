# %% mistake: appends a column of ones and penalises it with the weights, so the intercept is shrunk too and the fit changes when y is merely shifted
import numpy as np


def ridge_fit(X, y, lam):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    X1 = np.column_stack([X, np.ones(X.shape[0])])
    theta = np.linalg.solve(X1.T @ X1 + lam * np.eye(X1.shape[1]), X1.T @ y)
    return theta[:-1], float(theta[-1])


# %% mistake: solves (X^T X + lam I) w = X^T y on the raw data and only then sets b = ybar - xbar^T w; the weights must come from the centred data
import numpy as np


def ridge_fit(X, y, lam):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    w = np.linalg.solve(X.T @ X + lam * np.eye(X.shape[1]), X.T @ y)
    b = y.mean() - X.mean(axis=0) @ w
    return w, float(b)


# %% mistake: centres y but not X, so X^T X still contains the feature means and w is not the ridge solution of the centred problem
import numpy as np


def ridge_fit(X, y, lam):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    yc = y - y.mean()
    w = np.linalg.solve(X.T @ X + lam * np.eye(X.shape[1]), X.T @ yc)
    b = y.mean() - X.mean(axis=0) @ w
    return w, float(b)


# %% mistake: averages the loss over the n samples (X_c^T X_c / n + lam I), which silently multiplies the penalty by n compared with the stated objective
import numpy as np


def ridge_fit(X, y, lam):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n = X.shape[0]
    xbar, ybar = X.mean(axis=0), y.mean()
    Xc, yc = X - xbar, y - ybar
    w = np.linalg.solve(Xc.T @ Xc / n + lam * np.eye(X.shape[1]), Xc.T @ yc / n)
    return w, float(ybar - xbar @ w)


# %% mistake: differentiates lam ||w||^2 as 2 lam w but the squared error without its factor 2, ending with (X_c^T X_c + 2 lam I) w = X_c^T y_c
import numpy as np


def ridge_fit(X, y, lam):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    xbar, ybar = X.mean(axis=0), y.mean()
    Xc, yc = X - xbar, y - ybar
    w = np.linalg.solve(Xc.T @ Xc + 2.0 * lam * np.eye(X.shape[1]), Xc.T @ yc)
    return w, float(ybar - xbar @ w)


# %% mistake: sign error in the intercept, b = ybar + xbar^T w instead of ybar - xbar^T w
import numpy as np


def ridge_fit(X, y, lam):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    xbar, ybar = X.mean(axis=0), y.mean()
    Xc, yc = X - xbar, y - ybar
    w = np.linalg.solve(Xc.T @ Xc + lam * np.eye(X.shape[1]), Xc.T @ yc)
    return w, float(ybar + xbar @ w)


# %% mistake: standardises the features (divides by their std) before the fit and returns w in those standardised units, which is a different penalty and scale
import numpy as np


def ridge_fit(X, y, lam):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    xbar, sd, ybar = X.mean(axis=0), X.std(axis=0), y.mean()
    Z = (X - xbar) / sd
    w = np.linalg.solve(Z.T @ Z + lam * np.eye(X.shape[1]), Z.T @ (y - ybar))
    return w, float(ybar)


# %% mistake: centres with np.mean(X) (one number, the mean of all entries) instead of the per-feature column means, so features with different means stay uncentred
import numpy as np


def ridge_fit(X, y, lam):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    xbar, ybar = np.mean(X), np.mean(y)
    Xc, yc = X - xbar, y - ybar
    w = np.linalg.solve(Xc.T @ Xc + lam * np.eye(X.shape[1]), Xc.T @ yc)
    return w, float(ybar - xbar * np.sum(w))


# %% mistake: takes the intercept as the mean of y alone, forgetting the - xbar^T w term, which is only right when the features have mean zero
import numpy as np


def ridge_fit(X, y, lam):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    xbar, ybar = X.mean(axis=0), y.mean()
    Xc, yc = X - xbar, y - ybar
    w = np.linalg.solve(Xc.T @ Xc + lam * np.eye(X.shape[1]), Xc.T @ yc)
    return w, float(ybar)


# %% mistake: takes the SVD of the raw X instead of the centred X_c, so the path is ridge without an intercept and b = ybar - xbar^T w does not fix it
import numpy as np


def ridge_path(X, y, lams):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    lams = np.asarray(lams, dtype=float)
    xbar, ybar = X.mean(axis=0), y.mean()
    U, s, Vt = np.linalg.svd(X, full_matrices=False)
    uy = U.T @ (y - ybar)
    W = np.array([Vt.T @ (s / (s ** 2 + lam) * uy) for lam in lams])
    return W, ybar - W @ xbar


# %% mistake: uses the filter s / (s + lam) instead of s / (s^2 + lam), mixing up singular values and variances (eigenvalues of X_c^T X_c)
import numpy as np


def ridge_path(X, y, lams):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    lams = np.asarray(lams, dtype=float)
    xbar, ybar = X.mean(axis=0), y.mean()
    U, s, Vt = np.linalg.svd(X - xbar, full_matrices=False)
    uy = U.T @ (y - ybar)
    W = np.array([Vt.T @ (s / (s + lam) * uy) for lam in lams])
    return W, ybar - W @ xbar


# %% mistake: writes w as filter factor times the least-squares coefficient u^T y / s; a zero singular value (e.g. a constant feature) gives 0/0 = NaN
import numpy as np


def ridge_path(X, y, lams):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    lams = np.asarray(lams, dtype=float)
    xbar, ybar = X.mean(axis=0), y.mean()
    U, s, Vt = np.linalg.svd(X - xbar, full_matrices=False)
    coef = (U.T @ (y - ybar)) / s
    W = np.array([Vt.T @ (s ** 2 / (s ** 2 + lam) * coef) for lam in lams])
    return W, ybar - W @ xbar


# %% mistake: stacks the solutions as columns, returning W of shape (d, L) instead of one row per penalty (L, d)
import numpy as np


def ridge_path(X, y, lams):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    lams = np.asarray(lams, dtype=float)
    xbar, ybar = X.mean(axis=0), y.mean()
    U, s, Vt = np.linalg.svd(X - xbar, full_matrices=False)
    uy = U.T @ (y - ybar)
    W = np.column_stack([Vt.T @ (s / (s ** 2 + lam) * uy) for lam in lams])
    return W, ybar - xbar @ W


# %% mistake: returns b = ybar for every penalty, dropping the - xbar^T w(lam) correction, so the intercepts are wrong whenever the features are not centred
import numpy as np


def ridge_path(X, y, lams):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    lams = np.asarray(lams, dtype=float)
    xbar, ybar = X.mean(axis=0), y.mean()
    U, s, Vt = np.linalg.svd(X - xbar, full_matrices=False)
    uy = U.T @ (y - ybar)
    W = np.array([Vt.T @ (s / (s ** 2 + lam) * uy) for lam in lams])
    return W, np.full(len(lams), ybar)


# %% mistake: multiplies by Vt instead of V = Vt^T when mapping back to weights; the shapes match when d <= n, but the directions are wrong
import numpy as np


def ridge_path(X, y, lams):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    lams = np.asarray(lams, dtype=float)
    xbar, ybar = X.mean(axis=0), y.mean()
    U, s, Vt = np.linalg.svd(X - xbar, full_matrices=False)
    uy = U.T @ (y - ybar)
    W = np.array([Vt @ (s / (s ** 2 + lam) * uy) for lam in lams])
    return W, ybar - W @ xbar
