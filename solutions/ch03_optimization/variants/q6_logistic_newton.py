# %% mistake: loss computed as log(1 + exp(z)) (overflows to inf for large z)
import numpy as np


def logistic_loss_grad_hess(w, X, y):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    z = X @ np.asarray(w, dtype=float)
    p = 1 / (1 + np.exp(-z))
    with np.errstate(over="ignore"):
        loss = np.mean(np.log(1 + np.exp(z)) - y * z)
    return float(loss), X.T @ (p - y) / y.size, (X.T * (p * (1 - p))) @ X / y.size


# %% mistake: Hessian weights p instead of p (1 - p)
import numpy as np


def logistic_loss_grad_hess(w, X, y):
    from scipy.special import expit

    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    z = X @ np.asarray(w, dtype=float)
    p = expit(z)
    return float(np.mean(np.logaddexp(0, z) - y * z)), X.T @ (p - y) / y.size, (X.T * p) @ X / y.size


# %% mistake: gradient of the log-likelihood, X^T (y - p) / n, used in the Newton step (wrong sign)
import numpy as np


def logistic_loss_grad_hess(w, X, y):
    from scipy.special import expit

    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    z = X @ np.asarray(w, dtype=float)
    p = expit(z)
    return float(np.mean(np.logaddexp(0, z) - y * z)), X.T @ (y - p) / y.size, (X.T * (p * (1 - p))) @ X / y.size


# %% mistake: gradient summed (no 1/n) while the Hessian is averaged
import numpy as np


def logistic_loss_grad_hess(w, X, y):
    from scipy.special import expit

    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    z = X @ np.asarray(w, dtype=float)
    p = expit(z)
    return float(np.mean(np.logaddexp(0, z) - y * z)), X.T @ (p - y), (X.T * (p * (1 - p))) @ X / y.size


# %% mistake: Newton replaced by gradient descent with step 1
import numpy as np


def logistic_newton(X, y, n_iter=25):
    w = np.zeros(np.shape(X)[1])
    for _ in range(n_iter):
        _, grad, _ = logistic_loss_grad_hess(w, X, y)
        w = w - grad
    return w


# %% alternative: IRLS, each step a weighted least-squares fit of the working responses
import numpy as np


def logistic_loss_grad_hess(w, X, y):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    z = X @ np.asarray(w, dtype=float)
    p = np.where(z >= 0, 1 / (1 + np.exp(-np.abs(z))), np.exp(-np.abs(z)) / (1 + np.exp(-np.abs(z))))
    loss = np.mean(np.maximum(z, 0) + np.log1p(np.exp(-np.abs(z))) - y * z)
    S = np.diag(p * (1 - p))
    return float(loss), X.T @ (p - y) / len(y), X.T @ S @ X / len(y)


def logistic_newton(X, y, n_iter=25):
    from scipy.special import expit

    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    w = np.zeros(X.shape[1])
    for _ in range(n_iter):
        p = expit(X @ w)
        s = p * (1 - p)
        z_work = X @ w - (p - y) / s
        r = np.sqrt(s)
        w = np.linalg.lstsq(X * r[:, None], z_work * r, rcond=None)[0]
    return w


# %% alternative: float32 arithmetic
import numpy as np


def logistic_loss_grad_hess(w, X, y):
    from scipy.special import expit

    X, y = np.asarray(X, dtype=np.float32), np.asarray(y, dtype=np.float32)
    z = X @ np.asarray(w, dtype=np.float32)
    p = expit(z)
    n = np.float32(y.size)
    return (np.mean(np.logaddexp(np.float32(0), z) - y * z), X.T @ (p - y) / n, (X.T * (p * (1 - p))) @ X / n)


def logistic_newton(X, y, n_iter=25):
    w = np.zeros(np.shape(X)[1], dtype=np.float32)
    for _ in range(n_iter):
        _, grad, hess = logistic_loss_grad_hess(w, X, y)
        w = (w - np.linalg.solve(hess, grad)).astype(np.float32)
    return w
