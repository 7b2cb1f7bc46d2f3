# %% mistake: Computes softmax first and then -log of it, without subtracting the max: exp(1000) overflows to inf and the loss becomes nan.
import numpy as np


def cross_entropy(logits, labels):
    logits = np.asarray(logits, dtype=float)
    N = logits.shape[0]
    e = np.exp(logits)
    probs = e / e.sum(axis=1, keepdims=True)
    return float(-np.mean(np.log(probs[np.arange(N), labels])))


# %% mistake: Uses a stable softmax but then takes its log: a confident wrong prediction has probability exp(-1e4) = 0 and the loss is inf instead of 1e4.
import numpy as np


def cross_entropy(logits, labels):
    logits = np.asarray(logits, dtype=float)
    N = logits.shape[0]
    z = logits - logits.max(axis=1, keepdims=True)
    probs = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
    return float(-np.mean(np.log(probs[np.arange(N), labels])))


# %% mistake: Clips the softmax probabilities at 1e-12 before the log to avoid log(0): this silently caps every per-example loss at about 27.6.
import numpy as np


def cross_entropy(logits, labels):
    logits = np.asarray(logits, dtype=float)
    N = logits.shape[0]
    z = logits - logits.max(axis=1, keepdims=True)
    probs = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
    probs = np.clip(probs, 1e-12, 1.0)
    return float(-np.mean(np.log(probs[np.arange(N), labels])))


# %% mistake: Sums the per-example losses over the batch instead of averaging them; the loss is the MEAN over the N examples.
import numpy as np
from scipy.special import logsumexp


def cross_entropy(logits, labels):
    logits = np.asarray(logits, dtype=float)
    N = logits.shape[0]
    return float(np.sum(logsumexp(logits, axis=1) - logits[np.arange(N), labels]))


# %% mistake: Subtracts the row maximum inside the exponent but never adds it back, so every log-sum-exp is off by the row maximum.
import numpy as np


def cross_entropy(logits, labels):
    logits = np.asarray(logits, dtype=float)
    N = logits.shape[0]
    m = logits.max(axis=1, keepdims=True)
    lse = np.log(np.sum(np.exp(logits - m), axis=1))
    return float(np.mean(lse - logits[np.arange(N), labels]))


# %% mistake: Picks the label logits with logits[:, labels], which selects an N x N block (every row at every label) instead of one entry per row.
import numpy as np
from scipy.special import logsumexp


def cross_entropy(logits, labels):
    logits = np.asarray(logits, dtype=float)
    lse = logsumexp(logits, axis=1)
    return float(np.mean(lse - logits[:, labels]))


# %% mistake: Subtracts the single largest logit of the whole batch instead of each row's max: rows far below it underflow to exp(...) = 0 and log 0 = -inf.
import numpy as np


def cross_entropy(logits, labels):
    logits = np.asarray(logits, dtype=float)
    N = logits.shape[0]
    m = logits.max()
    lse = m + np.log(np.sum(np.exp(logits - m), axis=1))
    return float(np.mean(lse - logits[np.arange(N), labels]))


# %% mistake: Takes the row max without keepdims=True: the (N,) vector broadcasts along columns, subtracting the wrong maxima (silently wrong when N == C).
import numpy as np


def cross_entropy(logits, labels):
    logits = np.asarray(logits, dtype=float)
    N = logits.shape[0]
    m = logits.max(axis=1)
    lse = m + np.log(np.sum(np.exp(logits - m), axis=1))
    return float(np.mean(lse - logits[np.arange(N), labels]))


# %% mistake: Forgets to divide the gradient by N: the loss is a mean over the batch, so every row of its gradient carries a factor 1/N.
import numpy as np


def cross_entropy_grad(logits, labels):
    logits = np.asarray(logits, dtype=float)
    N = logits.shape[0]
    z = logits - logits.max(axis=1, keepdims=True)
    g = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
    g[np.arange(N), labels] -= 1.0
    return g


# %% mistake: Returns target minus prediction (one-hot - softmax): the sign is flipped, that is the direction of gradient DESCENT, not the gradient.
import numpy as np


def cross_entropy_grad(logits, labels):
    logits = np.asarray(logits, dtype=float)
    N = logits.shape[0]
    z = logits - logits.max(axis=1, keepdims=True)
    s = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
    onehot = np.zeros_like(s)
    onehot[np.arange(N), labels] = 1.0
    return (onehot - s) / N


# %% mistake: Computes the softmax without subtracting the row max: exp(1000) = inf and inf / inf = nan in the gradient.
import numpy as np


def cross_entropy_grad(logits, labels):
    logits = np.asarray(logits, dtype=float)
    N = logits.shape[0]
    e = np.exp(logits)
    g = e / e.sum(axis=1, keepdims=True)
    g[np.arange(N), labels] -= 1.0
    return g / N


# %% mistake: Subtracts 1 with g[:, labels] -= 1, which hits the label columns in EVERY row instead of only entry (i, y_i) of row i.
import numpy as np


def cross_entropy_grad(logits, labels):
    logits = np.asarray(logits, dtype=float)
    N = logits.shape[0]
    z = logits - logits.max(axis=1, keepdims=True)
    g = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
    g[:, labels] -= 1.0
    return g / N


# %% mistake: Shifts by the largest logit of the whole batch instead of each row's max: a row far below it gets exp(...) = 0 everywhere and 0/0 = nan.
import numpy as np


def cross_entropy_grad(logits, labels):
    logits = np.asarray(logits, dtype=float)
    N = logits.shape[0]
    e = np.exp(logits - logits.max())
    g = e / e.sum(axis=1, keepdims=True)
    g[np.arange(N), labels] -= 1.0
    return g / N


# %% mistake: Computes the softmax in place in the caller's logits array (logits -= max, exp, ...), so the logits passed in are overwritten.
import numpy as np


def cross_entropy_grad(logits, labels):
    N = logits.shape[0]
    g = logits
    g -= g.max(axis=1, keepdims=True)
    np.exp(g, out=g)
    g /= g.sum(axis=1, keepdims=True)
    g[np.arange(N), labels] -= 1.0
    g /= N
    return g


# %% mistake: Uses an elementwise sigmoid (binary classifier) instead of the softmax over the row: row probabilities do not sum to 1, nor gradient rows to 0.
import numpy as np
from scipy.special import expit


def cross_entropy_grad(logits, labels):
    logits = np.asarray(logits, dtype=float)
    N = logits.shape[0]
    g = expit(logits)
    g[np.arange(N), labels] -= 1.0
    return g / N
