# %% mistake: Uses the natural log whatever `base` is, so the default result is in nats instead of bits (off by a factor ln 2).
import numpy as np


def entropy(p, base=2.0):
    p = np.asarray(p, dtype=float).ravel()
    p = p[p > 0]
    return float(-np.sum(p * np.log(p)))


# %% mistake: Always uses log2 and ignores the `base` argument, so asking for nats (base=e) still returns bits.
import numpy as np


def entropy(p, base=2.0):
    p = np.asarray(p, dtype=float).ravel()
    p = p[p > 0]
    return float(-np.sum(p * np.log2(p)))


# %% mistake: Multiplies by ln(base) instead of dividing by it when converting from nats; log_b t = ln t / ln b.
import numpy as np


def entropy(p, base=2.0):
    p = np.asarray(p, dtype=float).ravel()
    p = p[p > 0]
    return float(-np.sum(p * np.log(p)) * np.log(base))


# %% mistake: Takes logs of zero probabilities: 0 * log(0) = 0 * (-inf) is nan in floating point, so any zero entry makes H nan instead of using 0 log 0 = 0.
import numpy as np


def entropy(p, base=2.0):
    p = np.asarray(p, dtype=float)
    return float(-np.sum(p * np.log(p)) / np.log(base))


# %% mistake: Adds a small epsilon inside the log to dodge log(0); with many small probabilities (a million categories) the bias adds up to a visible error.
import numpy as np


def entropy(p, base=2.0):
    p = np.asarray(p, dtype=float)
    return float(-np.sum(p * np.log(p + 1e-8)) / np.log(base))


# %% mistake: Sums p log p along axis 0 only, so a joint table gives one number per column instead of the entropy of the whole table.
import numpy as np


def entropy(p, base=2.0):
    p = np.asarray(p, dtype=float)
    terms = np.where(p > 0, p * np.log(np.where(p > 0, p, 1.0)), 0.0)
    return -np.sum(terms, axis=0) / np.log(base)


# %% mistake: Gets p(x) by summing over the wrong axis (columns instead of rows), which computes H(X | Y) instead of H(Y | X).
import numpy as np


def conditional_entropy(pxy, base=2.0):
    pxy = np.asarray(pxy, dtype=float)
    px = pxy.sum(axis=0)
    return entropy(pxy, base) - entropy(px, base)


# %% mistake: Averages the row entropies H(Y | X = x) with equal weights instead of weighting each row by how often it occurs, p(x).
import numpy as np


def conditional_entropy(pxy, base=2.0):
    pxy = np.asarray(pxy, dtype=float)
    px = pxy.sum(axis=1)
    rows = [entropy(pxy[i] / px[i], base) for i in range(pxy.shape[0]) if px[i] > 0]
    return float(np.mean(rows))


# %% mistake: Sums -p(y|x) log p(y|x) over all cells, forgetting to weight each row by p(x): adds up the row entropies instead of averaging them.
import numpy as np


def conditional_entropy(pxy, base=2.0):
    pxy = np.asarray(pxy, dtype=float)
    px = pxy.sum(axis=1, keepdims=True)
    with np.errstate(divide="ignore", invalid="ignore"):
        cond = pxy / px
    mask = cond > 0
    return float(-np.sum(cond[mask] * np.log(cond[mask])) / np.log(base))


# %% mistake: Takes the log of p(y|x) in every cell, so an empty cell gives 0 * log 0 = nan instead of contributing 0.
import numpy as np


def conditional_entropy(pxy, base=2.0):
    pxy = np.asarray(pxy, dtype=float)
    px = pxy.sum(axis=1, keepdims=True)
    return float(-np.sum(pxy * np.log(pxy / px)) / np.log(base))


# %% mistake: Uses the chain rule but calls entropy without passing `base` on, so the answer is always in bits even when nats are asked for.
import numpy as np


def conditional_entropy(pxy, base=2.0):
    pxy = np.asarray(pxy, dtype=float)
    return entropy(pxy) - entropy(pxy.sum(axis=1))


# %% mistake: Weights each row's entropy by p(x) but takes the entropy of the raw row p(x, .) without dividing by p(x), so rows are not conditional distributions.
import numpy as np


def conditional_entropy(pxy, base=2.0):
    pxy = np.asarray(pxy, dtype=float)
    px = pxy.sum(axis=1)
    total = 0.0
    for i in range(pxy.shape[0]):
        row = pxy[i]
        row = row[row > 0]
        total += px[i] * (-np.sum(row * np.log(row)) / np.log(base))
    return float(total)
