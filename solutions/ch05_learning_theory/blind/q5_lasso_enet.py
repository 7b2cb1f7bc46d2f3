# %% mistake: Soft thresholding written as max(z - gamma, 0): that only shrinks positive z and sends every negative z to 0 instead of z + gamma
import numpy as np


def soft_threshold(z, gamma):
    return np.maximum(np.asarray(z, dtype=float) - gamma, 0.0)


# %% mistake: Shrinks by gamma without clipping at 0: sign(z)(|z| - gamma) flips the sign of small |z| < gamma instead of setting them to exactly 0
import numpy as np


def soft_threshold(z, gamma):
    z = np.asarray(z, dtype=float)
    return np.sign(z) * (np.abs(z) - gamma)


# %% mistake: Hard thresholding: keeps z unchanged when |z| > gamma instead of shrinking it towards 0 by gamma
import numpy as np


def soft_threshold(z, gamma):
    z = np.asarray(z, dtype=float)
    return z * (np.abs(z) > gamma)


# %% mistake: Shrinks by gamma/2 (mixing the 1/2 of the squared loss into the threshold); S(z, gamma) moves z towards 0 by the full gamma
import numpy as np


def soft_threshold(z, gamma):
    z = np.asarray(z, dtype=float)
    return np.sign(z) * np.maximum(np.abs(z) - gamma / 2, 0.0)


# %% mistake: Uses Python's max(abs(z) - gamma, 0), which works for one number but raises on an array (truth value of an array is ambiguous)
import numpy as np


def soft_threshold(z, gamma):
    return np.sign(z) * max(abs(z) - gamma, 0.0)


# %% mistake: Shrinks the input array in place (z -= ..., z[...] = 0): the caller's array is overwritten, which corrupts data reused elsewhere
import numpy as np


def soft_threshold(z, gamma):
    if np.ndim(z) == 0:
        return float(np.sign(z) * max(abs(z) - gamma, 0.0))
    small = np.abs(z) <= gamma
    z -= gamma * np.sign(z)
    z[small] = 0.0
    return z


# %% mistake: Writes soft thresholding as z * max(1 - gamma/|z|, 0): at an exact zero with gamma = 0 this is 0/0 = nan instead of 0
import numpy as np


def soft_threshold(z, gamma):
    z = np.asarray(z, dtype=float)
    return z * np.maximum(1.0 - gamma / np.abs(z), 0.0)


# %% mistake: Forgets to center: max |x_j^T y| / (n rho) on raw data ignores the unpenalized intercept, which absorbs the means of X and y
import numpy as np


def lasso_alpha_max(X, y, l1_ratio=1.0):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n = X.shape[0]
    Xc = X
    yc = y
    return float(np.max(np.abs(Xc.T @ yc)) / (n * l1_ratio))


# %% mistake: Drops the 1/n: the data term is 1/(2n)||.||^2, so the gradient at w = 0 is x_j^T y_c / n; without it alpha_max comes out n times too large
import numpy as np


def lasso_alpha_max(X, y, l1_ratio=1.0):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n = X.shape[0]
    Xc = X - X.mean(axis=0)
    yc = y - y.mean()
    return float(np.max(np.abs(Xc.T @ yc)) / l1_ratio)


# %% mistake: Multiplies by l1_ratio instead of dividing: only alpha * l1_ratio reaches the L1 threshold, so a smaller l1_ratio needs a LARGER alpha
import numpy as np


def lasso_alpha_max(X, y, l1_ratio=1.0):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n = X.shape[0]
    Xc = X - X.mean(axis=0)
    yc = y - y.mean()
    return float(np.max(np.abs(Xc.T @ yc)) / n * l1_ratio)


# %% mistake: Takes max_j x_j^T y_c without the absolute value: a feature strongly NEGATIVELY correlated with y is ignored
import numpy as np


def lasso_alpha_max(X, y, l1_ratio=1.0):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n = X.shape[0]
    Xc = X - X.mean(axis=0)
    yc = y - y.mean()
    return float(np.max(Xc.T @ yc) / (n * l1_ratio))


# %% mistake: Divides by n - 1 (sample-covariance habit); the objective's 1/(2n) gives the KKT condition |x_j^T y_c| / n <= alpha rho
import numpy as np


def lasso_alpha_max(X, y, l1_ratio=1.0):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n = X.shape[0]
    Xc = X - X.mean(axis=0)
    yc = y - y.mean()
    return float(np.max(np.abs(Xc.T @ yc)) / ((n - 1) * l1_ratio))


# %% mistake: Uses 2/n (the gradient of (1/n)||r||^2); with scikit-learn's 1/(2n) data term the gradient at w = 0 is x_j^T y_c / n
import numpy as np


def lasso_alpha_max(X, y, l1_ratio=1.0):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n = X.shape[0]
    Xc = X - X.mean(axis=0)
    yc = y - y.mean()
    return float(2 * np.max(np.abs(Xc.T @ yc)) / (n * l1_ratio))


# %% mistake: Penalizes the intercept: adds a column of ones to X and shrinks its coefficient like the others; the intercept must be free (b = ybar - xbar^T w)
import numpy as np


def elastic_net(X, y, alpha, l1_ratio=1.0, tol=1e-10, max_iter=10_000):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    Xc = np.column_stack([X, np.ones(n)])
    yc = y
    d = d + 1
    a = (Xc ** 2).sum(axis=0) / n
    w = np.zeros(d)
    r = yc.copy()
    l1, l2 = alpha * l1_ratio, alpha * (1.0 - l1_ratio)
    for _ in range(max_iter):
        max_change = 0.0
        for j in range(d):
            if a[j] == 0.0:
                continue
            old = w[j]
            z = Xc[:, j] @ r / n + a[j] * old
            new = np.sign(z) * max(abs(z) - l1, 0.0) / (a[j] + l2)
            if new != old:
                r -= Xc[:, j] * (new - old)
                w[j] = new
            max_change = max(max_change, abs(new - old))
        if max_change < tol:
            break
    return w[:-1], float(w[-1])


# %% mistake: Drops the 1/n in z_j and a_j (uses x_j^T r and ||x_j||^2): that solves the problem with penalty alpha/n, not scikit-learn's 1/(2n) scaling
import numpy as np


def elastic_net(X, y, alpha, l1_ratio=1.0, tol=1e-10, max_iter=10_000):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    xbar, ybar = X.mean(axis=0), y.mean()
    Xc, yc = X - xbar, y - ybar
    a = (Xc ** 2).sum(axis=0)
    w = np.zeros(d)
    r = yc.copy()
    l1, l2 = alpha * l1_ratio, alpha * (1.0 - l1_ratio)
    for _ in range(max_iter):
        max_change = 0.0
        for j in range(d):
            if a[j] == 0.0:
                continue
            old = w[j]
            z = Xc[:, j] @ r + a[j] * old
            new = np.sign(z) * max(abs(z) - l1, 0.0) / (a[j] + l2)
            if new != old:
                r -= Xc[:, j] * (new - old)
                w[j] = new
            max_change = max(max_change, abs(new - old))
        if max_change < tol:
            break
    return w, float(ybar - xbar @ w)


# %% mistake: Forgets the ridge part in the denominator (divides by a_j only); the alpha (1 - l1_ratio)/2 ||w||^2 term adds alpha (1 - l1_ratio) to it
import numpy as np


def elastic_net(X, y, alpha, l1_ratio=1.0, tol=1e-10, max_iter=10_000):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    xbar, ybar = X.mean(axis=0), y.mean()
    Xc, yc = X - xbar, y - ybar
    a = (Xc ** 2).sum(axis=0) / n
    w = np.zeros(d)
    r = yc.copy()
    l1, l2 = alpha * l1_ratio, alpha * (1.0 - l1_ratio)
    for _ in range(max_iter):
        max_change = 0.0
        for j in range(d):
            if a[j] == 0.0:
                continue
            old = w[j]
            z = Xc[:, j] @ r / n + a[j] * old
            new = np.sign(z) * max(abs(z) - l1, 0.0) / a[j]
            if new != old:
                r -= Xc[:, j] * (new - old)
                w[j] = new
            max_change = max(max_change, abs(new - old))
        if max_change < tol:
            break
    return w, float(ybar - xbar @ w)


# %% mistake: Swaps the elastic-net mixing: thresholds at alpha (1 - l1_ratio) and adds alpha l1_ratio to the denominator (invisible at l1_ratio = 0.5)
import numpy as np


def elastic_net(X, y, alpha, l1_ratio=1.0, tol=1e-10, max_iter=10_000):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    xbar, ybar = X.mean(axis=0), y.mean()
    Xc, yc = X - xbar, y - ybar
    a = (Xc ** 2).sum(axis=0) / n
    w = np.zeros(d)
    r = yc.copy()
    l1, l2 = alpha * (1.0 - l1_ratio), alpha * l1_ratio
    for _ in range(max_iter):
        max_change = 0.0
        for j in range(d):
            if a[j] == 0.0:
                continue
            old = w[j]
            z = Xc[:, j] @ r / n + a[j] * old
            new = np.sign(z) * max(abs(z) - l1, 0.0) / (a[j] + l2)
            if new != old:
                r -= Xc[:, j] * (new - old)
                w[j] = new
            max_change = max(max_change, abs(new - old))
        if max_change < tol:
            break
    return w, float(ybar - xbar @ w)


# %% mistake: Adds alpha (1 - l1_ratio)/2 to the denominator: the derivative of (alpha (1 - rho)/2) w^2 is alpha (1 - rho) w, the 1/2 cancels
import numpy as np


def elastic_net(X, y, alpha, l1_ratio=1.0, tol=1e-10, max_iter=10_000):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    xbar, ybar = X.mean(axis=0), y.mean()
    Xc, yc = X - xbar, y - ybar
    a = (Xc ** 2).sum(axis=0) / n
    w = np.zeros(d)
    r = yc.copy()
    l1, l2 = alpha * l1_ratio, alpha * (1.0 - l1_ratio)
    for _ in range(max_iter):
        max_change = 0.0
        for j in range(d):
            if a[j] == 0.0:
                continue
            old = w[j]
            z = Xc[:, j] @ r / n + a[j] * old
            new = np.sign(z) * max(abs(z) - l1, 0.0) / (a[j] + l2 / 2)
            if new != old:
                r -= Xc[:, j] * (new - old)
                w[j] = new
            max_change = max(max_change, abs(new - old))
        if max_change < tol:
            break
    return w, float(ybar - xbar @ w)


# %% mistake: Updates all coordinates at once from the residual at the start of the sweep (Jacobi, not cyclic); with correlated features this overshoots and never settles
import numpy as np


def elastic_net(X, y, alpha, l1_ratio=1.0, tol=1e-10, max_iter=10_000):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    xbar, ybar = X.mean(axis=0), y.mean()
    Xc, yc = X - xbar, y - ybar
    a = (Xc ** 2).sum(axis=0) / n
    w = np.zeros(d)
    l1, l2 = alpha * l1_ratio, alpha * (1.0 - l1_ratio)
    safe = np.where(a > 0, a, 1.0)
    for _ in range(max_iter):
        r = yc - Xc @ w
        z = Xc.T @ r / n + a * w
        new = np.where(a > 0, np.sign(z) * np.maximum(np.abs(z) - l1, 0.0) / (safe + l2), 0.0)
        change = np.max(np.abs(new - w))
        w = new
        if change < tol:
            break
    return w, float(ybar - xbar @ w)


# %% mistake: Uses z_j = x_j^T r / n with the FULL residual and forgets + a_j w_j; the one-coordinate problem needs the partial residual without feature j
import numpy as np


def elastic_net(X, y, alpha, l1_ratio=1.0, tol=1e-10, max_iter=10_000):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    xbar, ybar = X.mean(axis=0), y.mean()
    Xc, yc = X - xbar, y - ybar
    a = (Xc ** 2).sum(axis=0) / n
    w = np.zeros(d)
    r = yc.copy()
    l1, l2 = alpha * l1_ratio, alpha * (1.0 - l1_ratio)
    for _ in range(max_iter):
        max_change = 0.0
        for j in range(d):
            if a[j] == 0.0:
                continue
            old = w[j]
            z = Xc[:, j] @ r / n
            new = np.sign(z) * max(abs(z) - l1, 0.0) / (a[j] + l2)
            if new != old:
                r -= Xc[:, j] * (new - old)
                w[j] = new
            max_change = max(max_change, abs(new - old))
        if max_change < tol:
            break
    return w, float(ybar - xbar @ w)


# %% mistake: Divides by a_j + alpha (1 - l1_ratio) even for a constant column: for the lasso that is 0/0 = nan instead of coefficient 0
import numpy as np


def elastic_net(X, y, alpha, l1_ratio=1.0, tol=1e-10, max_iter=10_000):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    xbar, ybar = X.mean(axis=0), y.mean()
    Xc, yc = X - xbar, y - ybar
    a = (Xc ** 2).sum(axis=0) / n
    w = np.zeros(d)
    r = yc.copy()
    l1, l2 = alpha * l1_ratio, alpha * (1.0 - l1_ratio)
    for _ in range(max_iter):
        max_change = 0.0
        for j in range(d):
            old = w[j]
            z = Xc[:, j] @ r / n + a[j] * old
            new = np.sign(z) * max(abs(z) - l1, 0.0) / (a[j] + l2)
            if new != old:
                r -= Xc[:, j] * (new - old)
                w[j] = new
            max_change = max(max_change, abs(new - old))
        if max_change < tol:
            break
    return w, float(ybar - xbar @ w)


# %% mistake: Stops when the change of the LAST coordinate in a sweep is below tol, not the largest change; an inactive last feature stops it after one sweep
import numpy as np


def elastic_net(X, y, alpha, l1_ratio=1.0, tol=1e-10, max_iter=10_000):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    xbar, ybar = X.mean(axis=0), y.mean()
    Xc, yc = X - xbar, y - ybar
    a = (Xc ** 2).sum(axis=0) / n
    w = np.zeros(d)
    r = yc.copy()
    l1, l2 = alpha * l1_ratio, alpha * (1.0 - l1_ratio)
    for _ in range(max_iter):
        max_change = 0.0
        for j in range(d):
            if a[j] == 0.0:
                continue
            old = w[j]
            z = Xc[:, j] @ r / n + a[j] * old
            new = np.sign(z) * max(abs(z) - l1, 0.0) / (a[j] + l2)
            if new != old:
                r -= Xc[:, j] * (new - old)
                w[j] = new
            max_change = abs(new - old)
        if max_change < tol:
            break
    return w, float(ybar - xbar @ w)


# %% mistake: Sets the intercept to mean(y), forgetting the - xbar^T w part; that is only right when the columns of X have mean zero
import numpy as np


def elastic_net(X, y, alpha, l1_ratio=1.0, tol=1e-10, max_iter=10_000):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    xbar, ybar = X.mean(axis=0), y.mean()
    Xc, yc = X - xbar, y - ybar
    a = (Xc ** 2).sum(axis=0) / n
    w = np.zeros(d)
    r = yc.copy()
    l1, l2 = alpha * l1_ratio, alpha * (1.0 - l1_ratio)
    for _ in range(max_iter):
        max_change = 0.0
        for j in range(d):
            if a[j] == 0.0:
                continue
            old = w[j]
            z = Xc[:, j] @ r / n + a[j] * old
            new = np.sign(z) * max(abs(z) - l1, 0.0) / (a[j] + l2)
            if new != old:
                r -= Xc[:, j] * (new - old)
                w[j] = new
            max_change = max(max_change, abs(new - old))
        if max_change < tol:
            break
    return w, float(ybar)


# %% mistake: Centers y but not X and runs coordinate descent on raw X; the intercept only drops out of the problem when X is centered too
import numpy as np


def elastic_net(X, y, alpha, l1_ratio=1.0, tol=1e-10, max_iter=10_000):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    xbar, ybar = X.mean(axis=0), y.mean()
    Xc, yc = X, y - ybar
    a = (Xc ** 2).sum(axis=0) / n
    w = np.zeros(d)
    r = yc.copy()
    l1, l2 = alpha * l1_ratio, alpha * (1.0 - l1_ratio)
    for _ in range(max_iter):
        max_change = 0.0
        for j in range(d):
            if a[j] == 0.0:
                continue
            old = w[j]
            z = Xc[:, j] @ r / n + a[j] * old
            new = np.sign(z) * max(abs(z) - l1, 0.0) / (a[j] + l2)
            if new != old:
                r -= Xc[:, j] * (new - old)
                w[j] = new
            max_change = max(max_change, abs(new - old))
        if max_change < tol:
            break
    return w, float(ybar - xbar @ w)


# %% mistake: Updates the residual with the wrong sign (r += x_j (w_new - w_old)); r = y_c - X_c w must drop when w_j grows along x_j
import numpy as np


def elastic_net(X, y, alpha, l1_ratio=1.0, tol=1e-10, max_iter=10_000):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    xbar, ybar = X.mean(axis=0), y.mean()
    Xc, yc = X - xbar, y - ybar
    a = (Xc ** 2).sum(axis=0) / n
    w = np.zeros(d)
    r = yc.copy()
    l1, l2 = alpha * l1_ratio, alpha * (1.0 - l1_ratio)
    for _ in range(max_iter):
        max_change = 0.0
        for j in range(d):
            if a[j] == 0.0:
                continue
            old = w[j]
            z = Xc[:, j] @ r / n + a[j] * old
            new = np.sign(z) * max(abs(z) - l1, 0.0) / (a[j] + l2)
            if new != old:
                r += Xc[:, j] * (new - old)
                w[j] = new
            max_change = max(max_change, abs(new - old))
        if max_change < tol:
            break
    return w, float(ybar - xbar @ w)


# %% mistake: Centers X in place (X -= X.mean(axis=0)): returns the right fit but silently overwrites the caller's data matrix
import numpy as np


def elastic_net(X, y, alpha, l1_ratio=1.0, tol=1e-10, max_iter=10_000):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    xbar, ybar = X.mean(axis=0), y.mean()
    X -= xbar
    Xc, yc = X, y - ybar
    a = (Xc ** 2).sum(axis=0) / n
    w = np.zeros(d)
    r = yc.copy()
    l1, l2 = alpha * l1_ratio, alpha * (1.0 - l1_ratio)
    for _ in range(max_iter):
        max_change = 0.0
        for j in range(d):
            if a[j] == 0.0:
                continue
            old = w[j]
            z = Xc[:, j] @ r / n + a[j] * old
            new = np.sign(z) * max(abs(z) - l1, 0.0) / (a[j] + l2)
            if new != old:
                r -= Xc[:, j] * (new - old)
                w[j] = new
            max_change = max(max_change, abs(new - old))
        if max_change < tol:
            break
    return w, float(ybar - xbar @ w)
