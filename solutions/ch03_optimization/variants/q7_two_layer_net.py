# %% mistake: softmax without subtracting the row maximum (overflows for large scores)
import numpy as np


def two_layer_loss_grad(W1, b1, W2, b2, X, y, lam):
    X, y = np.asarray(X, dtype=float), np.asarray(y)
    n = X.shape[0]
    H = np.maximum(X @ W1 + b1, 0)
    S = H @ W2 + b2
    with np.errstate(over="ignore", invalid="ignore"):
        E = np.exp(S)
        P = E / E.sum(axis=1, keepdims=True)
    loss = -np.log(P[np.arange(n), y]).mean() + lam / 2 * (np.sum(W1**2) + np.sum(W2**2))
    dS = P.copy()
    dS[np.arange(n), y] -= 1
    dS = dS / n
    dZ = (dS @ W2.T) * (H > 0)
    return {"loss": float(loss), "dW1": X.T @ dZ + lam * W1, "db1": dZ.sum(axis=0),
            "dW2": H.T @ dS + lam * W2, "db2": dS.sum(axis=0)}


# %% mistake: forgets the ReLU derivative in the backward pass
import numpy as np


def two_layer_loss_grad(W1, b1, W2, b2, X, y, lam):
    X, y = np.asarray(X, dtype=float), np.asarray(y)
    n = X.shape[0]
    H = np.maximum(X @ W1 + b1, 0)
    S = H @ W2 + b2
    S = S - S.max(axis=1, keepdims=True)
    log_P = S - np.log(np.exp(S).sum(axis=1, keepdims=True))
    loss = -log_P[np.arange(n), y].mean() + lam / 2 * (np.sum(W1**2) + np.sum(W2**2))
    dS = np.exp(log_P)
    dS[np.arange(n), y] -= 1
    dS = dS / n
    dZ = dS @ W2.T
    return {"loss": float(loss), "dW1": X.T @ dZ + lam * W1, "db1": dZ.sum(axis=0),
            "dW2": H.T @ dS + lam * W2, "db2": dS.sum(axis=0)}


# %% mistake: weight-decay gradient 2 lam W (derivative of lam ||W||^2, not lam/2 ||W||^2)
import numpy as np


def two_layer_loss_grad(W1, b1, W2, b2, X, y, lam):
    X, y = np.asarray(X, dtype=float), np.asarray(y)
    n = X.shape[0]
    H = np.maximum(X @ W1 + b1, 0)
    S = H @ W2 + b2
    S = S - S.max(axis=1, keepdims=True)
    log_P = S - np.log(np.exp(S).sum(axis=1, keepdims=True))
    loss = -log_P[np.arange(n), y].mean() + lam / 2 * (np.sum(W1**2) + np.sum(W2**2))
    dS = np.exp(log_P)
    dS[np.arange(n), y] -= 1
    dS = dS / n
    dZ = (dS @ W2.T) * (H > 0)
    return {"loss": float(loss), "dW1": X.T @ dZ + 2 * lam * W1, "db1": dZ.sum(axis=0),
            "dW2": H.T @ dS + 2 * lam * W2, "db2": dS.sum(axis=0)}


# %% mistake: gradients of the summed loss (no 1/n), loss still averaged
import numpy as np


def two_layer_loss_grad(W1, b1, W2, b2, X, y, lam):
    X, y = np.asarray(X, dtype=float), np.asarray(y)
    n = X.shape[0]
    H = np.maximum(X @ W1 + b1, 0)
    S = H @ W2 + b2
    S = S - S.max(axis=1, keepdims=True)
    log_P = S - np.log(np.exp(S).sum(axis=1, keepdims=True))
    loss = -log_P[np.arange(n), y].mean() + lam / 2 * (np.sum(W1**2) + np.sum(W2**2))
    dS = np.exp(log_P)
    dS[np.arange(n), y] -= 1
    dZ = (dS @ W2.T) * (H > 0)
    return {"loss": float(loss), "dW1": X.T @ dZ + lam * W1, "db1": dZ.sum(axis=0),
            "dW2": H.T @ dS + lam * W2, "db2": dS.sum(axis=0)}


# %% mistake: training updates the weights but forgets the biases
import numpy as np


def train_two_layer(W1, b1, W2, b2, X, y, lam, lr, n_steps):
    W1, b1, W2, b2 = (np.asarray(p, dtype=float) for p in (W1, b1, W2, b2))
    losses = []
    for _ in range(n_steps):
        out = two_layer_loss_grad(W1, b1, W2, b2, X, y, lam)
        losses.append(out["loss"])
        W1, W2 = W1 - lr * out["dW1"], W2 - lr * out["dW2"]
    losses.append(two_layer_loss_grad(W1, b1, W2, b2, X, y, lam)["loss"])
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2, "losses": np.array(losses)}


# %% mistake: training updates the parameters in place (the caller's initial arrays change)
import numpy as np


def train_two_layer(W1, b1, W2, b2, X, y, lam, lr, n_steps):
    params = {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
    losses = []
    for _ in range(n_steps):
        out = two_layer_loss_grad(params["W1"], params["b1"], params["W2"], params["b2"], X, y, lam)
        losses.append(out["loss"])
        for k in params:
            params[k] -= lr * out["d" + k]
    losses.append(two_layer_loss_grad(params["W1"], params["b1"], params["W2"], params["b2"], X, y, lam)["loss"])
    return {**params, "losses": np.array(losses)}


# %% alternative: one-hot matrix and scipy.special.log_softmax; explicit per-parameter updates
import numpy as np


def two_layer_loss_grad(W1, b1, W2, b2, X, y, lam):
    from scipy.special import log_softmax

    X = np.asarray(X, dtype=float)
    n, K = X.shape[0], np.shape(W2)[1]
    Y = np.eye(K)[np.asarray(y)]
    Z = X @ W1 + b1
    H = np.where(Z > 0, Z, 0.0)
    log_P = log_softmax(H @ W2 + b2, axis=1)
    loss = -np.sum(Y * log_P) / n + 0.5 * lam * (np.vdot(W1, W1) + np.vdot(W2, W2))
    dS = (np.exp(log_P) - Y) / n
    dH = dS @ W2.T
    dZ = np.where(Z > 0, dH, 0.0)
    return {"loss": loss, "dW1": X.T @ dZ + lam * W1, "db1": np.ones(n) @ dZ,
            "dW2": H.T @ dS + lam * W2, "db2": np.ones(n) @ dS}


def train_two_layer(W1, b1, W2, b2, X, y, lam, lr, n_steps):
    W1, b1, W2, b2 = (np.array(p, dtype=float) for p in (W1, b1, W2, b2))
    losses = np.empty(n_steps + 1)
    for k in range(n_steps + 1):
        out = two_layer_loss_grad(W1, b1, W2, b2, X, y, lam)
        losses[k] = out["loss"]
        if k < n_steps:
            W1 = W1 - lr * out["dW1"]
            b1 = b1 - lr * out["db1"]
            W2 = W2 - lr * out["dW2"]
            b2 = b2 - lr * out["db2"]
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2, "losses": losses}


# %% alternative: float32 arithmetic
import numpy as np


def two_layer_loss_grad(W1, b1, W2, b2, X, y, lam):
    f32 = np.float32
    W1, b1, W2, b2, X = (np.asarray(a, dtype=f32) for a in (W1, b1, W2, b2, X))
    y = np.asarray(y)
    n = X.shape[0]
    lam = f32(lam)
    H = np.maximum(X @ W1 + b1, f32(0))
    S = H @ W2 + b2
    S = S - S.max(axis=1, keepdims=True)
    log_P = S - np.log(np.exp(S).sum(axis=1, keepdims=True))
    loss = -log_P[np.arange(n), y].mean() + lam / 2 * (np.sum(W1**2) + np.sum(W2**2))
    dS = np.exp(log_P)
    dS[np.arange(n), y] -= 1
    dS = dS / f32(n)
    dZ = (dS @ W2.T) * (H > 0)
    return {"loss": loss, "dW1": X.T @ dZ + lam * W1, "db1": dZ.sum(axis=0),
            "dW2": H.T @ dS + lam * W2, "db2": dS.sum(axis=0)}


def train_two_layer(W1, b1, W2, b2, X, y, lam, lr, n_steps):
    names = ("W1", "b1", "W2", "b2")
    params = [np.asarray(p, dtype=np.float32) for p in (W1, b1, W2, b2)]
    losses = []
    for _ in range(n_steps):
        out = two_layer_loss_grad(*params, X, y, lam)
        losses.append(out["loss"])
        params = [p - np.float32(lr) * out["d" + k] for p, k in zip(params, names)]
    losses.append(two_layer_loss_grad(*params, X, y, lam)["loss"])
    return {**dict(zip(names, params)), "losses": np.array(losses, dtype=np.float32)}
