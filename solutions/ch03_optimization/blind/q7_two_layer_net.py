# %% mistake: leaves the weight-decay term out of the gradients although the loss includes lam/2 (||W1||^2 + ||W2||^2): dW1 and dW2 miss lam W1, lam W2
import numpy as np


def two_layer_loss_grad(W1, b1, W2, b2, X, y, lam):
    n = X.shape[0]
    Z = X @ W1 + b1
    H = np.maximum(Z, 0)
    S = H @ W2 + b2
    S = S - S.max(axis=1, keepdims=True)
    logP = S - np.log(np.exp(S).sum(axis=1, keepdims=True))
    P = np.exp(logP)
    loss = -logP[np.arange(n), y].mean() + lam / 2 * (np.sum(W1**2) + np.sum(W2**2))
    Y = np.zeros_like(P)
    Y[np.arange(n), y] = 1
    dS = (P - Y) / n
    dW2 = H.T @ dS
    db2 = dS.sum(axis=0)
    dZ = (dS @ W2.T) * (Z > 0)
    dW1 = X.T @ dZ
    db1 = dZ.sum(axis=0)
    return {"loss": float(loss), "dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}


# %% mistake: penalty lam (||W1||^2 + ||W2||^2) without the 1/2: the loss is lam/2 times the squared norms (whose gradient is lam W), so the loss is off
import numpy as np


def two_layer_loss_grad(W1, b1, W2, b2, X, y, lam):
    n = X.shape[0]
    Z = X @ W1 + b1
    H = np.maximum(Z, 0)
    S = H @ W2 + b2
    S = S - S.max(axis=1, keepdims=True)
    logP = S - np.log(np.exp(S).sum(axis=1, keepdims=True))
    P = np.exp(logP)
    loss = -logP[np.arange(n), y].mean() + lam * (np.sum(W1**2) + np.sum(W2**2))
    Y = np.zeros_like(P)
    Y[np.arange(n), y] = 1
    dS = (P - Y) / n
    dW2 = H.T @ dS + lam * W2
    db2 = dS.sum(axis=0)
    dZ = (dS @ W2.T) * (Z > 0)
    dW1 = X.T @ dZ + lam * W1
    db1 = dZ.sum(axis=0)
    return {"loss": float(loss), "dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}


# %% mistake: applies weight decay to the biases too (db += lam b): the penalty is on the weights W1, W2 only, not on b1, b2
import numpy as np


def two_layer_loss_grad(W1, b1, W2, b2, X, y, lam):
    n = X.shape[0]
    Z = X @ W1 + b1
    H = np.maximum(Z, 0)
    S = H @ W2 + b2
    S = S - S.max(axis=1, keepdims=True)
    logP = S - np.log(np.exp(S).sum(axis=1, keepdims=True))
    P = np.exp(logP)
    loss = -logP[np.arange(n), y].mean() + lam / 2 * (np.sum(W1**2) + np.sum(W2**2) + np.sum(b1**2) + np.sum(b2**2))
    Y = np.zeros_like(P)
    Y[np.arange(n), y] = 1
    dS = (P - Y) / n
    dW2 = H.T @ dS + lam * W2
    db2 = dS.sum(axis=0) + lam * b2
    dZ = (dS @ W2.T) * (Z > 0)
    dW1 = X.T @ dZ + lam * W1
    db1 = dZ.sum(axis=0) + lam * b1
    return {"loss": float(loss), "dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}


# %% mistake: ReLU derivative taken as 1 at Z = 0 (mask Z >= 0): the convention here, as in PyTorch, is 0 at exactly 0, which happens e.g. for zero inputs and biases
import numpy as np


def two_layer_loss_grad(W1, b1, W2, b2, X, y, lam):
    n = X.shape[0]
    Z = X @ W1 + b1
    H = np.maximum(Z, 0)
    S = H @ W2 + b2
    S = S - S.max(axis=1, keepdims=True)
    logP = S - np.log(np.exp(S).sum(axis=1, keepdims=True))
    P = np.exp(logP)
    loss = -logP[np.arange(n), y].mean() + lam / 2 * (np.sum(W1**2) + np.sum(W2**2))
    Y = np.zeros_like(P)
    Y[np.arange(n), y] = 1
    dS = (P - Y) / n
    dW2 = H.T @ dS + lam * W2
    db2 = dS.sum(axis=0)
    dZ = (dS @ W2.T) * (Z >= 0)
    dW1 = X.T @ dZ + lam * W1
    db1 = dZ.sum(axis=0)
    return {"loss": float(loss), "dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}


# %% mistake: backpropagates P - Y without the 1/n of the mean: the loss averages over the n examples, so the data part of every gradient is n times too large
import numpy as np


def two_layer_loss_grad(W1, b1, W2, b2, X, y, lam):
    n = X.shape[0]
    Z = X @ W1 + b1
    H = np.maximum(Z, 0)
    S = H @ W2 + b2
    S = S - S.max(axis=1, keepdims=True)
    logP = S - np.log(np.exp(S).sum(axis=1, keepdims=True))
    P = np.exp(logP)
    loss = -logP[np.arange(n), y].mean() + lam / 2 * (np.sum(W1**2) + np.sum(W2**2))
    Y = np.zeros_like(P)
    Y[np.arange(n), y] = 1
    dS = P - Y
    dW2 = H.T @ dS + lam * W2
    db2 = dS.sum(axis=0)
    dZ = (dS @ W2.T) * (Z > 0)
    dW1 = X.T @ dZ + lam * W1
    db1 = dZ.sum(axis=0)
    return {"loss": float(loss), "dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}


# %% mistake: softmax without subtracting the row maximum: exp(S) overflows once a score exceeds ~709 and the loss and gradients become NaN
import numpy as np


def two_layer_loss_grad(W1, b1, W2, b2, X, y, lam):
    n = X.shape[0]
    Z = X @ W1 + b1
    H = np.maximum(Z, 0)
    S = H @ W2 + b2
    E = np.exp(S)
    P = E / E.sum(axis=1, keepdims=True)
    loss = -np.log(P[np.arange(n), y]).mean() + lam / 2 * (np.sum(W1**2) + np.sum(W2**2))
    Y = np.zeros_like(P)
    Y[np.arange(n), y] = 1
    dS = (P - Y) / n
    dW2 = H.T @ dS + lam * W2
    db2 = dS.sum(axis=0)
    dZ = (dS @ W2.T) * (Z > 0)
    dW1 = X.T @ dZ + lam * W1
    db1 = dZ.sum(axis=0)
    return {"loss": float(loss), "dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}


# %% mistake: loss from log(P + 1e-12) instead of log-sum-exp: when a true class has probability below 1e-12 the loss is capped near 27.6 and is wrong
import numpy as np


def two_layer_loss_grad(W1, b1, W2, b2, X, y, lam):
    n = X.shape[0]
    Z = X @ W1 + b1
    H = np.maximum(Z, 0)
    S = H @ W2 + b2
    E = np.exp(S - S.max(axis=1, keepdims=True))
    P = E / E.sum(axis=1, keepdims=True)
    loss = -np.log(P[np.arange(n), y] + 1e-12).mean() + lam / 2 * (np.sum(W1**2) + np.sum(W2**2))
    Y = np.zeros_like(P)
    Y[np.arange(n), y] = 1
    dS = (P - Y) / n
    dW2 = H.T @ dS + lam * W2
    db2 = dS.sum(axis=0)
    dZ = (dS @ W2.T) * (Z > 0)
    dW1 = X.T @ dZ + lam * W1
    db1 = dZ.sum(axis=0)
    return {"loss": float(loss), "dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}


# %% mistake: ReLU backward multiplies by the activation H instead of the 0/1 indicator 1[Z > 0]: the derivative of max(z, 0) is 1 for z > 0, not z
import numpy as np


def two_layer_loss_grad(W1, b1, W2, b2, X, y, lam):
    n = X.shape[0]
    Z = X @ W1 + b1
    H = np.maximum(Z, 0)
    S = H @ W2 + b2
    S = S - S.max(axis=1, keepdims=True)
    logP = S - np.log(np.exp(S).sum(axis=1, keepdims=True))
    P = np.exp(logP)
    loss = -logP[np.arange(n), y].mean() + lam / 2 * (np.sum(W1**2) + np.sum(W2**2))
    Y = np.zeros_like(P)
    Y[np.arange(n), y] = 1
    dS = (P - Y) / n
    dW2 = H.T @ dS + lam * W2
    db2 = dS.sum(axis=0)
    dZ = (dS @ W2.T) * H
    dW1 = X.T @ dZ + lam * W1
    db1 = dZ.sum(axis=0)
    return {"loss": float(loss), "dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}


# %% mistake: bias gradients as means over the examples (dS.mean(axis=0)): dS already carries the 1/n, so averaging again divides by n twice
import numpy as np


def two_layer_loss_grad(W1, b1, W2, b2, X, y, lam):
    n = X.shape[0]
    Z = X @ W1 + b1
    H = np.maximum(Z, 0)
    S = H @ W2 + b2
    S = S - S.max(axis=1, keepdims=True)
    logP = S - np.log(np.exp(S).sum(axis=1, keepdims=True))
    P = np.exp(logP)
    loss = -logP[np.arange(n), y].mean() + lam / 2 * (np.sum(W1**2) + np.sum(W2**2))
    Y = np.zeros_like(P)
    Y[np.arange(n), y] = 1
    dS = (P - Y) / n
    dW2 = H.T @ dS + lam * W2
    db2 = dS.mean(axis=0)
    dZ = (dS @ W2.T) * (Z > 0)
    dW1 = X.T @ dZ + lam * W1
    db1 = dZ.mean(axis=0)
    return {"loss": float(loss), "dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}


# %% mistake: forgets the ReLU in the backward pass (dZ = dH): gradients flow through units that were switched off (Z < 0), so dW1 and db1 are wrong
import numpy as np


def two_layer_loss_grad(W1, b1, W2, b2, X, y, lam):
    n = X.shape[0]
    Z = X @ W1 + b1
    H = np.maximum(Z, 0)
    S = H @ W2 + b2
    S = S - S.max(axis=1, keepdims=True)
    logP = S - np.log(np.exp(S).sum(axis=1, keepdims=True))
    P = np.exp(logP)
    loss = -logP[np.arange(n), y].mean() + lam / 2 * (np.sum(W1**2) + np.sum(W2**2))
    Y = np.zeros_like(P)
    Y[np.arange(n), y] = 1
    dS = (P - Y) / n
    dW2 = H.T @ dS + lam * W2
    db2 = dS.sum(axis=0)
    dZ = dS @ W2.T
    dW1 = X.T @ dZ + lam * W1
    db1 = dZ.sum(axis=0)
    return {"loss": float(loss), "dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}


# %% mistake: updates the parameters in place (W -= lr dW) on the caller's arrays: the initial parameters must not be modified, and a second run starts from trained weights
import numpy as np


def train_two_layer(W1, b1, W2, b2, X, y, lam, lr, n_steps):
    params = [W1, b1, W2, b2]
    losses = []
    for _ in range(n_steps):
        out = two_layer_loss_grad(*params, X, y, lam)
        losses.append(out["loss"])
        for p, key in zip(params, ["dW1", "db1", "dW2", "db2"]):
            p -= lr * out[key]
    losses.append(two_layer_loss_grad(*params, X, y, lam)["loss"])
    return {"W1": params[0], "b1": params[1], "W2": params[2], "b2": params[3], "losses": np.array(losses)}


# %% mistake: records the loss only before each step and not after the last one: "losses" must have n_steps + 1 entries
import numpy as np


def train_two_layer(W1, b1, W2, b2, X, y, lam, lr, n_steps):
    W1, b1, W2, b2 = (np.array(a, dtype=float) for a in (W1, b1, W2, b2))
    losses = []
    for _ in range(n_steps):
        out = two_layer_loss_grad(W1, b1, W2, b2, X, y, lam)
        losses.append(out["loss"])
        W1 = W1 - lr * out["dW1"]
        b1 = b1 - lr * out["db1"]
        W2 = W2 - lr * out["dW2"]
        b2 = b2 - lr * out["db2"]
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2, "losses": np.array(losses)}


# %% mistake: applies weight decay a second time in the update (W -= lr (dW + lam W)): dW already contains lam W, so the weights shrink twice as fast
import numpy as np


def train_two_layer(W1, b1, W2, b2, X, y, lam, lr, n_steps):
    W1, b1, W2, b2 = (np.array(a, dtype=float) for a in (W1, b1, W2, b2))
    losses = []
    for _ in range(n_steps):
        out = two_layer_loss_grad(W1, b1, W2, b2, X, y, lam)
        losses.append(out["loss"])
        W1 = W1 - lr * (out["dW1"] + lam * W1)
        b1 = b1 - lr * out["db1"]
        W2 = W2 - lr * (out["dW2"] + lam * W2)
        b2 = b2 - lr * out["db2"]
    losses.append(two_layer_loss_grad(W1, b1, W2, b2, X, y, lam)["loss"])
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2, "losses": np.array(losses)}


# %% mistake: updates only the weights W1, W2 and never the biases: gradient descent moves all four parameters at once
import numpy as np


def train_two_layer(W1, b1, W2, b2, X, y, lam, lr, n_steps):
    W1, W2 = np.array(W1, dtype=float), np.array(W2, dtype=float)
    losses = []
    for _ in range(n_steps):
        out = two_layer_loss_grad(W1, b1, W2, b2, X, y, lam)
        losses.append(out["loss"])
        W1 = W1 - lr * out["dW1"]
        W2 = W2 - lr * out["dW2"]
    losses.append(two_layer_loss_grad(W1, b1, W2, b2, X, y, lam)["loss"])
    return {"W1": W1, "b1": np.array(b1, dtype=float), "W2": W2, "b2": np.array(b2, dtype=float), "losses": np.array(losses)}


# %% mistake: updates the parameters one after another, recomputing the gradient after each (W2 first): all four must move with the gradients at the same point
import numpy as np


def train_two_layer(W1, b1, W2, b2, X, y, lam, lr, n_steps):
    P = {"W1": np.array(W1, float), "b1": np.array(b1, float), "W2": np.array(W2, float), "b2": np.array(b2, float)}
    losses = []
    for _ in range(n_steps):
        losses.append(two_layer_loss_grad(P["W1"], P["b1"], P["W2"], P["b2"], X, y, lam)["loss"])
        for key in ["W2", "b2", "W1", "b1"]:
            out = two_layer_loss_grad(P["W1"], P["b1"], P["W2"], P["b2"], X, y, lam)
            P[key] = P[key] - lr * out["d" + key]
    losses.append(two_layer_loss_grad(P["W1"], P["b1"], P["W2"], P["b2"], X, y, lam)["loss"])
    return {**P, "losses": np.array(losses)}
