# %% mistake: loss as log(1 + exp(z)) computed literally: exp overflows to inf once z exceeds ~709, so the loss is inf where the true value is finite
import numpy as np
from scipy.special import expit


def logistic_loss_grad_hess(w, X, y):
    n = X.shape[0]
    z = X @ w
    p = expit(z)
    loss = np.mean(np.log(1 + np.exp(z)) - y * z)
    grad = X.T @ (p - y) / n
    hess = (X.T * (p * (1 - p))) @ X / n
    return float(loss), grad, hess


# %% mistake: loss as -mean(y log p + (1 - y) log(1 - p)) with p = sigmoid(z): p rounds to exactly 0 or 1 for large |z|, and log(0) makes the loss inf or NaN
import numpy as np
from scipy.special import expit


def logistic_loss_grad_hess(w, X, y):
    n = X.shape[0]
    z = X @ w
    p = expit(z)
    loss = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
    grad = X.T @ (p - y) / n
    hess = (X.T * (p * (1 - p))) @ X / n
    return float(loss), grad, hess


# %% mistake: sums over the examples instead of averaging (no 1/n): the loss is the MEAN negative log-likelihood, so loss, gradient and Hessian are n times too big
import numpy as np
from scipy.special import expit


def logistic_loss_grad_hess(w, X, y):
    z = X @ w
    p = expit(z)
    loss = np.sum(np.logaddexp(0, z) - y * z)
    grad = X.T @ (p - y)
    hess = (X.T * (p * (1 - p))) @ X
    return float(loss), grad, hess


# %% mistake: gradient X^T (y - p) / n, the gradient of the log-likelihood: the loss is the NEGATIVE log-likelihood, whose gradient is X^T (p - y) / n
import numpy as np
from scipy.special import expit


def logistic_loss_grad_hess(w, X, y):
    n = X.shape[0]
    z = X @ w
    p = expit(z)
    loss = np.mean(np.logaddexp(0, z) - y * z)
    grad = X.T @ (y - p) / n
    hess = (X.T * (p * (1 - p))) @ X / n
    return float(loss), grad, hess


# %% mistake: Hessian X^T X / (4n), the value at w = 0 (p = 1/2) used everywhere: the weights p_i (1 - p_i) change with w
import numpy as np
from scipy.special import expit


def logistic_loss_grad_hess(w, X, y):
    n = X.shape[0]
    z = X @ w
    p = expit(z)
    loss = np.mean(np.logaddexp(0, z) - y * z)
    grad = X.T @ (p - y) / n
    hess = X.T @ X / (4 * n)
    return float(loss), grad, hess


# %% mistake: Hessian with weights (p_i - y_i)^2 (outer products of per-example gradients) instead of p_i (1 - p_i): equal at w = 0 only, wrong elsewhere
import numpy as np
from scipy.special import expit


def logistic_loss_grad_hess(w, X, y):
    n = X.shape[0]
    z = X @ w
    p = expit(z)
    loss = np.mean(np.logaddexp(0, z) - y * z)
    r = p - y
    grad = X.T @ r / n
    hess = (X.T * r**2) @ X / n
    return float(loss), grad, hess


# %% mistake: loss log(1 + exp(-y z)), the formula for labels in {-1, +1}, applied to y in {0, 1}: every y = 0 contributes log 2 whatever z is
import numpy as np
from scipy.special import expit


def logistic_loss_grad_hess(w, X, y):
    n = X.shape[0]
    z = X @ w
    p = expit(z)
    loss = np.mean(np.logaddexp(0, -y * z))
    grad = X.T @ (p - y) / n
    hess = (X.T * (p * (1 - p))) @ X / n
    return float(loss), grad, hess


# %% mistake: adds the Newton step instead of subtracting it (w + H^{-1} g): it moves uphill, away from the minimiser
import numpy as np
from scipy.special import expit


def logistic_newton(X, y, n_iter=25):
    n, d = X.shape
    w = np.zeros(d)
    for _ in range(n_iter):
        p = expit(X @ w)
        g = X.T @ (p - y) / n
        H = (X.T * (p * (1 - p))) @ X / n
        w = w + np.linalg.solve(H, g)
    return w


# %% mistake: loop range(1, n_iter) takes only n_iter - 1 Newton steps: with n_iter = 1 it returns w = 0 instead of the first Newton iterate
import numpy as np
from scipy.special import expit


def logistic_newton(X, y, n_iter=25):
    n, d = X.shape
    w = np.zeros(d)
    for _ in range(1, n_iter):
        p = expit(X @ w)
        g = X.T @ (p - y) / n
        H = (X.T * (p * (1 - p))) @ X / n
        w = w - np.linalg.solve(H, g)
    return w


# %% mistake: prepends a column of ones for an intercept: the prompt says no intercept is added for you, so w must have d entries, not d + 1
import numpy as np
from scipy.special import expit


def logistic_newton(X, y, n_iter=25):
    Xb = np.column_stack([np.ones(X.shape[0]), X])
    n, d = Xb.shape
    w = np.zeros(d)
    for _ in range(n_iter):
        p = expit(Xb @ w)
        g = Xb.T @ (p - y) / n
        H = (Xb.T * (p * (1 - p))) @ Xb / n
        w = w - np.linalg.solve(H, g)
    return w


# %% mistake: computes the Hessian once at w = 0 and reuses it (a "chord" method): only linearly convergent, so after a few steps w is not the Newton iterate
import numpy as np
from scipy.special import expit


def logistic_newton(X, y, n_iter=25):
    n, d = X.shape
    w = np.zeros(d)
    H = X.T @ X / (4 * n)
    for _ in range(n_iter):
        p = expit(X @ w)
        g = X.T @ (p - y) / n
        w = w - np.linalg.solve(H, g)
    return w


# %% mistake: uses the gradient as the step (w -= grad, Hessian left out): that is gradient descent with step 1, not Newton's method, and converges far slower
import numpy as np
from scipy.special import expit


def logistic_newton(X, y, n_iter=25):
    n, d = X.shape
    w = np.zeros(d)
    for _ in range(n_iter):
        p = expit(X @ w)
        g = X.T @ (p - y) / n
        w = w - g
    return w
