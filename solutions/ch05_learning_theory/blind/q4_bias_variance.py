# %% mistake: Computes the variance over trials with 1/(T-1) (np.var ddof=1); the decomposition bias^2 + variance = mean (f - P)^2 is exact only with 1/T
import numpy as np


def bias_variance_mc(x_train, noise_train, x_test, noise_test, degree):
    x_train = np.asarray(x_train, dtype=float)
    noise_train = np.asarray(noise_train, dtype=float)
    x_test = np.asarray(x_test, dtype=float)
    noise_test = np.asarray(noise_test, dtype=float)
    T = x_train.shape[0]
    V_test = np.vander(x_test, degree + 1)
    P = np.empty((T, len(x_test)))
    for t in range(T):
        V = np.vander(x_train[t], degree + 1)
        y = np.sin(2 * np.pi * x_train[t]) + noise_train[t]
        c, *_ = np.linalg.lstsq(V, y, rcond=None)
        P[t] = V_test @ c
    f = np.sin(2 * np.pi * x_test)
    fbar = P.mean(axis=0)
    bias2 = float(np.mean((fbar - f) ** 2))
    variance = float(np.mean(P.var(axis=0, ddof=1)))
    error = float(np.mean((f + noise_test - P) ** 2))
    return {"predictions": P, "bias2": bias2, "variance": variance, "error": error}


# %% mistake: Builds np.vander(x, degree): N columns is a polynomial of degree N - 1, so this fits one degree too low (degree 0 fits nothing at all)
import numpy as np


def bias_variance_mc(x_train, noise_train, x_test, noise_test, degree):
    x_train = np.asarray(x_train, dtype=float)
    noise_train = np.asarray(noise_train, dtype=float)
    x_test = np.asarray(x_test, dtype=float)
    noise_test = np.asarray(noise_test, dtype=float)
    T = x_train.shape[0]
    V_test = np.vander(x_test, degree)
    P = np.empty((T, len(x_test)))
    for t in range(T):
        V = np.vander(x_train[t], degree)
        y = np.sin(2 * np.pi * x_train[t]) + noise_train[t]
        c, *_ = np.linalg.lstsq(V, y, rcond=None)
        P[t] = V_test @ c
    f = np.sin(2 * np.pi * x_test)
    fbar = P.mean(axis=0)
    bias2 = float(np.mean((fbar - f) ** 2))
    variance = float(np.mean((P - fbar) ** 2))
    error = float(np.mean((f + noise_test - P) ** 2))
    return {"predictions": P, "bias2": bias2, "variance": variance, "error": error}


# %% mistake: Solves the normal equations V^T V c = V^T y: they square the condition number of the Vandermonde matrix, and high-degree fits lose all their digits
import numpy as np


def bias_variance_mc(x_train, noise_train, x_test, noise_test, degree):
    x_train = np.asarray(x_train, dtype=float)
    noise_train = np.asarray(noise_train, dtype=float)
    x_test = np.asarray(x_test, dtype=float)
    noise_test = np.asarray(noise_test, dtype=float)
    T = x_train.shape[0]
    V_test = np.vander(x_test, degree + 1)
    P = np.empty((T, len(x_test)))
    for t in range(T):
        V = np.vander(x_train[t], degree + 1)
        y = np.sin(2 * np.pi * x_train[t]) + noise_train[t]
        c = np.linalg.solve(V.T @ V, V.T @ y)
        P[t] = V_test @ c
    f = np.sin(2 * np.pi * x_test)
    fbar = P.mean(axis=0)
    bias2 = float(np.mean((fbar - f) ** 2))
    variance = float(np.mean((P - fbar) ** 2))
    error = float(np.mean((f + noise_test - P) ** 2))
    return {"predictions": P, "bias2": bias2, "variance": variance, "error": error}


# %% mistake: Averages the bias over test points before squaring ((mean_j bias_j)^2); bias2 is the mean of the squared bias, and the two differ once m > 1
import numpy as np


def bias_variance_mc(x_train, noise_train, x_test, noise_test, degree):
    x_train = np.asarray(x_train, dtype=float)
    noise_train = np.asarray(noise_train, dtype=float)
    x_test = np.asarray(x_test, dtype=float)
    noise_test = np.asarray(noise_test, dtype=float)
    T = x_train.shape[0]
    V_test = np.vander(x_test, degree + 1)
    P = np.empty((T, len(x_test)))
    for t in range(T):
        V = np.vander(x_train[t], degree + 1)
        y = np.sin(2 * np.pi * x_train[t]) + noise_train[t]
        c, *_ = np.linalg.lstsq(V, y, rcond=None)
        P[t] = V_test @ c
    f = np.sin(2 * np.pi * x_test)
    fbar = P.mean(axis=0)
    bias2 = float(np.mean(fbar - f) ** 2)
    variance = float(np.mean((P - fbar) ** 2))
    error = float(np.mean((f + noise_test - P) ** 2))
    return {"predictions": P, "bias2": bias2, "variance": variance, "error": error}


# %% mistake: Leaves the test noise out of the error (compares the predictions with f instead of the noisy label f + noise_test), so sigma^2 is missing
import numpy as np


def bias_variance_mc(x_train, noise_train, x_test, noise_test, degree):
    x_train = np.asarray(x_train, dtype=float)
    noise_train = np.asarray(noise_train, dtype=float)
    x_test = np.asarray(x_test, dtype=float)
    noise_test = np.asarray(noise_test, dtype=float)
    T = x_train.shape[0]
    V_test = np.vander(x_test, degree + 1)
    P = np.empty((T, len(x_test)))
    for t in range(T):
        V = np.vander(x_train[t], degree + 1)
        y = np.sin(2 * np.pi * x_train[t]) + noise_train[t]
        c, *_ = np.linalg.lstsq(V, y, rcond=None)
        P[t] = V_test @ c
    f = np.sin(2 * np.pi * x_test)
    fbar = P.mean(axis=0)
    bias2 = float(np.mean((fbar - f) ** 2))
    variance = float(np.mean((P - fbar) ** 2))
    error = float(np.mean((f - P) ** 2))
    return {"predictions": P, "bias2": bias2, "variance": variance, "error": error}


# %% mistake: Adds the test noise to the prediction instead of to the label: (f - (P + noise))^2 flips the sign of the cross term and is not the test error
import numpy as np


def bias_variance_mc(x_train, noise_train, x_test, noise_test, degree):
    x_train = np.asarray(x_train, dtype=float)
    noise_train = np.asarray(noise_train, dtype=float)
    x_test = np.asarray(x_test, dtype=float)
    noise_test = np.asarray(noise_test, dtype=float)
    T = x_train.shape[0]
    V_test = np.vander(x_test, degree + 1)
    P = np.empty((T, len(x_test)))
    for t in range(T):
        V = np.vander(x_train[t], degree + 1)
        y = np.sin(2 * np.pi * x_train[t]) + noise_train[t]
        c, *_ = np.linalg.lstsq(V, y, rcond=None)
        P[t] = V_test @ c
    f = np.sin(2 * np.pi * x_test)
    fbar = P.mean(axis=0)
    bias2 = float(np.mean((fbar - f) ** 2))
    variance = float(np.mean((P - fbar) ** 2))
    error = float(np.mean((f - (P + noise_test)) ** 2))
    return {"predictions": P, "bias2": bias2, "variance": variance, "error": error}


# %% mistake: Averages the predictions over the test points (axis 1) instead of over the trials, so fbar is not E_D[f_D(x)] and bias/variance are mixed up
import numpy as np


def bias_variance_mc(x_train, noise_train, x_test, noise_test, degree):
    x_train = np.asarray(x_train, dtype=float)
    noise_train = np.asarray(noise_train, dtype=float)
    x_test = np.asarray(x_test, dtype=float)
    noise_test = np.asarray(noise_test, dtype=float)
    T = x_train.shape[0]
    V_test = np.vander(x_test, degree + 1)
    P = np.empty((T, len(x_test)))
    for t in range(T):
        V = np.vander(x_train[t], degree + 1)
        y = np.sin(2 * np.pi * x_train[t]) + noise_train[t]
        c, *_ = np.linalg.lstsq(V, y, rcond=None)
        P[t] = V_test @ c
    f = np.sin(2 * np.pi * x_test)
    fbar = P.mean(axis=1, keepdims=True)
    bias2 = float(np.mean((fbar - f) ** 2))
    variance = float(np.mean((P - fbar) ** 2))
    error = float(np.mean((f + noise_test - P) ** 2))
    return {"predictions": P, "bias2": bias2, "variance": variance, "error": error}


# %% mistake: Returns the predictions transposed, shape (m, T) with test points as rows; the docstring asks for P[t, j], shape (T, m)
import numpy as np


def bias_variance_mc(x_train, noise_train, x_test, noise_test, degree):
    x_train = np.asarray(x_train, dtype=float)
    noise_train = np.asarray(noise_train, dtype=float)
    x_test = np.asarray(x_test, dtype=float)
    noise_test = np.asarray(noise_test, dtype=float)
    T = x_train.shape[0]
    V_test = np.vander(x_test, degree + 1)
    P = np.empty((T, len(x_test)))
    for t in range(T):
        V = np.vander(x_train[t], degree + 1)
        y = np.sin(2 * np.pi * x_train[t]) + noise_train[t]
        c, *_ = np.linalg.lstsq(V, y, rcond=None)
        P[t] = V_test @ c
    f = np.sin(2 * np.pi * x_test)
    fbar = P.mean(axis=0)
    bias2 = float(np.mean((fbar - f) ** 2))
    variance = float(np.mean((P - fbar) ** 2))
    error = float(np.mean((f + noise_test - P) ** 2))
    return {"predictions": P.T, "bias2": bias2, "variance": variance, "error": error}


# %% mistake: Fits the noiseless targets sin(2 pi x) and forgets noise_train, so the variance only reflects the random inputs and is far too small
import numpy as np


def bias_variance_mc(x_train, noise_train, x_test, noise_test, degree):
    x_train = np.asarray(x_train, dtype=float)
    noise_train = np.asarray(noise_train, dtype=float)
    x_test = np.asarray(x_test, dtype=float)
    noise_test = np.asarray(noise_test, dtype=float)
    T = x_train.shape[0]
    V_test = np.vander(x_test, degree + 1)
    P = np.empty((T, len(x_test)))
    for t in range(T):
        V = np.vander(x_train[t], degree + 1)
        y = np.sin(2 * np.pi * x_train[t])
        c, *_ = np.linalg.lstsq(V, y, rcond=None)
        P[t] = V_test @ c
    f = np.sin(2 * np.pi * x_test)
    fbar = P.mean(axis=0)
    bias2 = float(np.mean((fbar - f) ** 2))
    variance = float(np.mean((P - fbar) ** 2))
    error = float(np.mean((f + noise_test - P) ** 2))
    return {"predictions": P, "bias2": bias2, "variance": variance, "error": error}


# %% mistake: Takes the variance across test points within each trial (P.var(axis=1)); the variance is over training sets at a fixed x, then averaged over x
import numpy as np


def bias_variance_mc(x_train, noise_train, x_test, noise_test, degree):
    x_train = np.asarray(x_train, dtype=float)
    noise_train = np.asarray(noise_train, dtype=float)
    x_test = np.asarray(x_test, dtype=float)
    noise_test = np.asarray(noise_test, dtype=float)
    T = x_train.shape[0]
    V_test = np.vander(x_test, degree + 1)
    P = np.empty((T, len(x_test)))
    for t in range(T):
        V = np.vander(x_train[t], degree + 1)
        y = np.sin(2 * np.pi * x_train[t]) + noise_train[t]
        c, *_ = np.linalg.lstsq(V, y, rcond=None)
        P[t] = V_test @ c
    f = np.sin(2 * np.pi * x_test)
    fbar = P.mean(axis=0)
    bias2 = float(np.mean((fbar - f) ** 2))
    variance = float(np.mean(P.var(axis=1)))
    error = float(np.mean((f + noise_test - P) ** 2))
    return {"predictions": P, "bias2": bias2, "variance": variance, "error": error}


# %% mistake: Fits in float32 (to save memory); with the badly conditioned Vandermonde matrix the high-degree predictions lose most of their digits
import numpy as np


def bias_variance_mc(x_train, noise_train, x_test, noise_test, degree):
    x_train = np.asarray(x_train, dtype=float)
    noise_train = np.asarray(noise_train, dtype=float)
    x_test = np.asarray(x_test, dtype=float)
    noise_test = np.asarray(noise_test, dtype=float)
    T = x_train.shape[0]
    V_test = np.vander(x_test, degree + 1)
    P = np.empty((T, len(x_test)))
    for t in range(T):
        V = np.vander(x_train[t], degree + 1)
        y = np.sin(2 * np.pi * x_train[t]) + noise_train[t]
        c, *_ = np.linalg.lstsq(V.astype(np.float32), y.astype(np.float32), rcond=None)
        P[t] = V_test.astype(np.float32) @ c
    f = np.sin(2 * np.pi * x_test)
    fbar = P.mean(axis=0)
    bias2 = float(np.mean((fbar - f) ** 2))
    variance = float(np.mean((P - fbar) ** 2))
    error = float(np.mean((f + noise_test - P) ** 2))
    return {"predictions": P, "bias2": bias2, "variance": variance, "error": error}
