# %% mistake: np.vander(x, degree) fits a polynomial of degree p - 1
import numpy as np


def bias_variance_mc(x_train, noise_train, x_test, noise_test, degree):
    y = np.sin(2 * np.pi * x_train) + noise_train
    f = np.sin(2 * np.pi * x_test)
    P = np.array([np.vander(x_test, degree) @ np.linalg.lstsq(np.vander(xt, degree), yt, rcond=None)[0]
                  for xt, yt in zip(x_train, y)]) if degree > 0 else np.zeros((len(x_train), len(x_test)))
    fbar = P.mean(axis=0)
    return {"predictions": P, "bias2": float(np.mean((fbar - f) ** 2)), "variance": float(np.mean(P.var(axis=0))),
            "error": float(np.mean((f + noise_test - P) ** 2))}


# %% mistake: squares the average bias instead of averaging the squared bias
import numpy as np

_reference = bias_variance_mc


def bias_variance_mc(x_train, noise_train, x_test, noise_test, degree):
    out = dict(_reference(x_train, noise_train, x_test, noise_test, degree))
    fbar = out["predictions"].mean(axis=0)
    out["bias2"] = float(np.mean(fbar - np.sin(2 * np.pi * np.asarray(x_test))) ** 2)
    return out


# %% mistake: variance measured around the true function instead of the mean prediction
import numpy as np

_reference = bias_variance_mc


def bias_variance_mc(x_train, noise_train, x_test, noise_test, degree):
    out = dict(_reference(x_train, noise_train, x_test, noise_test, degree))
    out["variance"] = float(np.mean((out["predictions"] - np.sin(2 * np.pi * np.asarray(x_test))) ** 2))
    return out


# %% mistake: test error against the noiseless function (forgets the test noise)
import numpy as np

_reference = bias_variance_mc


def bias_variance_mc(x_train, noise_train, x_test, noise_test, degree):
    out = dict(_reference(x_train, noise_train, x_test, noise_test, degree))
    out["error"] = float(np.mean((np.sin(2 * np.pi * np.asarray(x_test)) - out["predictions"]) ** 2))
    return out


# %% mistake: normal equations (squares the condition number of the Vandermonde matrix)
import numpy as np


def bias_variance_mc(x_train, noise_train, x_test, noise_test, degree):
    y = np.sin(2 * np.pi * x_train) + noise_train
    f = np.sin(2 * np.pi * x_test)
    P = []
    for xt, yt in zip(x_train, y):
        V = np.vander(xt, degree + 1)
        P.append(np.vander(x_test, degree + 1) @ np.linalg.solve(V.T @ V, V.T @ yt))
    P = np.array(P)
    fbar = P.mean(axis=0)
    return {"predictions": P, "bias2": float(np.mean((fbar - f) ** 2)), "variance": float(np.mean(P.var(axis=0))),
            "error": float(np.mean((f + noise_test - P) ** 2))}


# %% mistake: unbiased variance over trials (divides by T - 1)
import numpy as np

_reference = bias_variance_mc


def bias_variance_mc(x_train, noise_train, x_test, noise_test, degree):
    out = dict(_reference(x_train, noise_train, x_test, noise_test, degree))
    out["variance"] = float(np.mean(out["predictions"].var(axis=0, ddof=1)))
    return out


# %% alternative: numpy.polynomial.Polynomial.fit (scaled domain), explicit loops over test points
import numpy as np
from numpy.polynomial import Polynomial


def bias_variance_mc(x_train, noise_train, x_test, noise_test, degree):
    T, m = len(x_train), len(x_test)
    f = np.sin(2 * np.pi * np.asarray(x_test))
    P = np.zeros((T, m))
    for t in range(T):
        poly = Polynomial.fit(x_train[t], np.sin(2 * np.pi * x_train[t]) + noise_train[t], degree)
        P[t] = poly(x_test)
    bias2 = variance = 0.0
    for j in range(m):
        fbar = P[:, j].mean()
        bias2 += (fbar - f[j]) ** 2 / m
        variance += ((P[:, j] - fbar) ** 2).mean() / m
    error = ((f + noise_test - P) ** 2).mean()
    return {"predictions": P, "bias2": bias2, "variance": variance, "error": error}


# %% alternative: torch, batched QR least squares in float64
import numpy as np
import torch


def bias_variance_mc(x_train, noise_train, x_test, noise_test, degree):
    xtr = torch.as_tensor(np.asarray(x_train), dtype=torch.float64)
    y = torch.sin(2 * torch.pi * xtr) + torch.as_tensor(np.asarray(noise_train), dtype=torch.float64)
    xte = torch.as_tensor(np.asarray(x_test), dtype=torch.float64)
    powers = torch.arange(degree + 1, dtype=torch.float64)
    V = xtr[..., None] ** powers  # (T, n, p + 1), increasing powers
    Q, R = torch.linalg.qr(V)
    coef = torch.linalg.solve_triangular(R, Q.transpose(1, 2) @ y[..., None], upper=True)[..., 0]
    P = coef @ (xte[:, None] ** powers).T  # (T, m)
    f = torch.sin(2 * torch.pi * xte)
    fbar = P.mean(dim=0)
    return {"predictions": P, "bias2": ((fbar - f) ** 2).mean(), "variance": P.var(dim=0, unbiased=False).mean(),
            "error": ((f + torch.as_tensor(np.asarray(noise_test)) - P) ** 2).mean()}
