# %% mistake: softmax first, then log (exp overflows for logits of size 1e4)
import numpy as np


def cross_entropy(logits, labels):
    logits, labels = np.asarray(logits, dtype=float), np.asarray(labels)
    with np.errstate(all="ignore"):
        probs = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
        return float(-np.mean(np.log(probs[np.arange(len(labels)), labels])))


def cross_entropy_grad(logits, labels):
    logits, labels = np.asarray(logits, dtype=float), np.asarray(labels)
    with np.errstate(all="ignore"):
        probs = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    probs[np.arange(len(labels)), labels] -= 1
    return probs / len(labels)


# %% mistake: stable softmax but log of probabilities clipped at 1e-12 (caps each loss at 27.6)
import numpy as np


def cross_entropy(logits, labels):
    logits, labels = np.asarray(logits, dtype=float), np.asarray(labels)
    e = np.exp(logits - logits.max(axis=1, keepdims=True))
    probs = e / e.sum(axis=1, keepdims=True)
    return float(-np.mean(np.log(np.clip(probs[np.arange(len(labels)), labels], 1e-12, 1.0))))


# %% mistake: sums the losses over the batch instead of averaging (loss and gradient)
import numpy as np
from scipy.special import logsumexp, softmax


def cross_entropy(logits, labels):
    logits, labels = np.asarray(logits, dtype=float), np.asarray(labels)
    return float(np.sum(logsumexp(logits, axis=1) - logits[np.arange(len(labels)), labels]))


def cross_entropy_grad(logits, labels):
    g = softmax(np.asarray(logits, dtype=float), axis=1)
    g[np.arange(len(labels)), labels] -= 1
    return g


# %% mistake: logits[:, labels] picks an N x N block instead of one logit per row
import numpy as np
from scipy.special import logsumexp


def cross_entropy(logits, labels):
    logits, labels = np.asarray(logits, dtype=float), np.asarray(labels)
    return float(np.mean(logsumexp(logits, axis=1)[:, None] - logits[:, labels]))


# %% mistake: gradient with the wrong sign (one-hot minus softmax)
import numpy as np
from scipy.special import softmax


def cross_entropy_grad(logits, labels):
    g = -softmax(np.asarray(logits, dtype=float), axis=1)
    g[np.arange(len(labels)), labels] += 1
    return g / len(labels)


# %% alternative: scipy.special.logsumexp / log_softmax with take_along_axis
import numpy as np
from scipy.special import log_softmax, logsumexp


def cross_entropy(logits, labels):
    logits = np.asarray(logits, dtype=float)
    picked = np.take_along_axis(logits, np.asarray(labels)[:, None], axis=1)[:, 0]
    return float(np.mean(logsumexp(logits, axis=1) - picked))


def cross_entropy_grad(logits, labels):
    logits = np.asarray(logits, dtype=float)
    onehot = np.eye(logits.shape[1])[np.asarray(labels)]
    return (np.exp(log_softmax(logits, axis=1)) - onehot) / logits.shape[0]


# %% alternative: torch float32, log_softmax for the loss and autograd for the gradient
import numpy as np
import torch


def cross_entropy(logits, labels):
    z = torch.as_tensor(np.asarray(logits), dtype=torch.float32)
    y = torch.as_tensor(np.asarray(labels), dtype=torch.long)
    return -torch.log_softmax(z, dim=1)[torch.arange(len(y)), y].mean()


def cross_entropy_grad(logits, labels):
    z = torch.as_tensor(np.asarray(logits), dtype=torch.float32).requires_grad_(True)
    y = torch.as_tensor(np.asarray(labels), dtype=torch.long)
    loss = -torch.log_softmax(z, dim=1)[torch.arange(len(y)), y].mean()
    (grad,) = torch.autograd.grad(loss, z)
    return grad


# %% alternative: a loop over rows with math
import math

import numpy as np


def cross_entropy(logits, labels):
    total = 0.0
    for row, y in zip(np.asarray(logits, dtype=float).tolist(), np.asarray(labels).tolist()):
        m = max(row)
        total += m + math.log(sum(math.exp(v - m) for v in row)) - row[y]
    return total / len(labels)


def cross_entropy_grad(logits, labels):
    out = []
    for row, y in zip(np.asarray(logits, dtype=float).tolist(), np.asarray(labels).tolist()):
        m = max(row)
        e = [math.exp(v - m) for v in row]
        s = sum(e)
        out.append([(v / s - (j == y)) / len(labels) for j, v in enumerate(e)])
    return np.array(out)
