# %% mistake: Counts an equal loss as an improvement (<= instead of <): on a plateau the best epoch keeps moving forward and patience never runs out
import numpy as np


def early_stopping(val_losses, patience, min_delta=0.0):
    v = np.asarray(val_losses, dtype=float)
    best, best_epoch = v[0], 0
    for t in range(1, len(v)):
        if v[t] <= best - min_delta:
            best, best_epoch = v[t], t
        elif t - best_epoch >= patience:
            return best_epoch, t
    return best_epoch, len(v) - 1


# %% mistake: Returns the epoch with the lowest loss as the best one, ignoring min_delta; an epoch that beats the best by less than min_delta is not an improvement
import numpy as np


def early_stopping(val_losses, patience, min_delta=0.0):
    v = np.asarray(val_losses, dtype=float)
    best, best_epoch = v[0], 0
    for t in range(1, len(v)):
        if v[t] < best - min_delta:
            best, best_epoch = v[t], t
        elif t - best_epoch >= patience:
            return int(np.argmin(v[:t + 1])), t
    return int(np.argmin(v)), len(v) - 1


# %% mistake: Off by one in the patience test (t - best_epoch > patience): training runs one epoch longer than patience allows
import numpy as np


def early_stopping(val_losses, patience, min_delta=0.0):
    v = np.asarray(val_losses, dtype=float)
    best, best_epoch = v[0], 0
    for t in range(1, len(v)):
        if v[t] < best - min_delta:
            best, best_epoch = v[t], t
        elif t - best_epoch > patience:
            return best_epoch, t
    return best_epoch, len(v) - 1


# %% mistake: Returns the stopping epoch as the best epoch (the weights you end with), not the best epoch whose weights should be restored
import numpy as np


def early_stopping(val_losses, patience, min_delta=0.0):
    v = np.asarray(val_losses, dtype=float)
    best, best_epoch = v[0], 0
    for t in range(1, len(v)):
        if v[t] < best - min_delta:
            best, best_epoch = v[t], t
        elif t - best_epoch >= patience:
            return t, t
    return len(v) - 1, len(v) - 1


# %% mistake: Looks at the whole curve: best = argmin of all losses, stop = min(best + patience, T - 1); a later minimum cannot be seen once patience ran out
import numpy as np


def early_stopping(val_losses, patience, min_delta=0.0):
    v = np.asarray(val_losses, dtype=float)
    best_epoch = int(np.argmin(v))
    stop_epoch = min(best_epoch + patience, len(v) - 1)
    return best_epoch, stop_epoch


# %% mistake: Never resets the count of epochs without improvement after a new best, so bad epochs accumulate across improvements and training stops too early
import numpy as np


def early_stopping(val_losses, patience, min_delta=0.0):
    v = np.asarray(val_losses, dtype=float)
    best, best_epoch, wait = v[0], 0, 0
    for t in range(1, len(v)):
        if v[t] < best - min_delta:
            best, best_epoch = v[t], t
        else:
            wait += 1
            if wait >= patience:
                return best_epoch, t
    return best_epoch, len(v) - 1


# %% mistake: When patience never runs out returns len(val_losses) as the stopping epoch; epochs are numbered 0..T-1, so the last one is T - 1
import numpy as np


def early_stopping(val_losses, patience, min_delta=0.0):
    v = np.asarray(val_losses, dtype=float)
    best, best_epoch = v[0], 0
    for t in range(1, len(v)):
        if v[t] < best - min_delta:
            best, best_epoch = v[t], t
        elif t - best_epoch >= patience:
            return best_epoch, t
    return best_epoch, len(v)


# %% mistake: Compares each loss with the PREVIOUS epoch instead of the best so far: any small rebound followed by a dip counts as a new best
import numpy as np


def early_stopping(val_losses, patience, min_delta=0.0):
    v = np.asarray(val_losses, dtype=float)
    best_epoch = 0
    for t in range(1, len(v)):
        if v[t] < v[t - 1] - min_delta:
            best_epoch = t
        elif t - best_epoch >= patience:
            return best_epoch, t
    return best_epoch, len(v) - 1


# %% mistake: Gets the sign of min_delta wrong (v[t] < best + min_delta): small increases then count as improvements instead of requiring a drop of min_delta
import numpy as np


def early_stopping(val_losses, patience, min_delta=0.0):
    v = np.asarray(val_losses, dtype=float)
    best, best_epoch = v[0], 0
    for t in range(1, len(v)):
        if v[t] < best + min_delta:
            best, best_epoch = v[t], t
        elif t - best_epoch >= patience:
            return best_epoch, t
    return best_epoch, len(v) - 1


# %% mistake: Lowers the reference loss on every new minimum even when it did not beat it by min_delta, so later epochs must beat a value that never counted
import numpy as np


def early_stopping(val_losses, patience, min_delta=0.0):
    v = np.asarray(val_losses, dtype=float)
    best, best_epoch = v[0], 0
    for t in range(1, len(v)):
        if v[t] < best - min_delta:
            best_epoch = t
        elif t - best_epoch >= patience:
            return best_epoch, t
        best = min(best, v[t])
    return best_epoch, len(v) - 1


# %% mistake: Swaps keep and drop: keeps the entries with u < p, so each unit survives with probability p instead of 1 - p
import numpy as np


def dropout_forward(x, p, u, train=True):
    x = np.asarray(x, dtype=float)
    u = np.asarray(u, dtype=float)
    if not train:
        mask = np.ones_like(x)
        return x.copy(), mask
    mask = (u < p).astype(float) / (1.0 - p)
    return x * mask, mask


# %% mistake: Forgets the inverted scaling 1/(1 - p) in training: the expected output becomes (1 - p) x, not x
import numpy as np


def dropout_forward(x, p, u, train=True):
    x = np.asarray(x, dtype=float)
    u = np.asarray(u, dtype=float)
    if not train:
        mask = np.ones_like(x)
        return x.copy(), mask
    mask = (u >= p).astype(float)
    return x * mask, mask


# %% mistake: Scales the kept entries by 1/p instead of 1/(1 - p); the two agree only at p = 0.5, so E[out] = x (1 - p)/p elsewhere
import numpy as np


def dropout_forward(x, p, u, train=True):
    x = np.asarray(x, dtype=float)
    u = np.asarray(u, dtype=float)
    if not train:
        mask = np.ones_like(x)
        return x.copy(), mask
    mask = (u >= p).astype(float) / p
    return x * mask, mask


# %% mistake: Drops an entry when u <= p: the rule is dropped iff u < p, so an entry with u exactly equal to p must be kept
import numpy as np


def dropout_forward(x, p, u, train=True):
    x = np.asarray(x, dtype=float)
    u = np.asarray(u, dtype=float)
    if not train:
        mask = np.ones_like(x)
        return x.copy(), mask
    mask = (u > p).astype(float) / (1.0 - p)
    return x * mask, mask


# %% mistake: Scales by (1 - p) at evaluation time (vanilla dropout) on top of the inverted scaling in training; inverted dropout is the identity in eval mode
import numpy as np


def dropout_forward(x, p, u, train=True):
    x = np.asarray(x, dtype=float)
    u = np.asarray(u, dtype=float)
    if not train:
        mask = np.full_like(x, 1.0 - p)
        return x * mask, mask
    mask = (u >= p).astype(float) / (1.0 - p)
    return x * mask, mask


# %% mistake: Returns the number 1.0 as the eval-mode mask instead of an array of ones of the shape of x
import numpy as np


def dropout_forward(x, p, u, train=True):
    x = np.asarray(x, dtype=float)
    u = np.asarray(u, dtype=float)
    if not train:
        mask = 1.0
        return x.copy(), mask
    mask = (u >= p).astype(float) / (1.0 - p)
    return x * mask, mask


# %% mistake: Ignores the train flag and drops units in evaluation mode too; at test time dropout must be the identity
import numpy as np


def dropout_forward(x, p, u, train=True):
    x = np.asarray(x, dtype=float)
    u = np.asarray(u, dtype=float)
    mask = (u >= p).astype(float) / (1.0 - p)
    return x * mask, mask


# %% mistake: Multiplies the input in place (x *= mask): the output is right but the caller's activations are overwritten
import numpy as np


def dropout_forward(x, p, u, train=True):
    x = np.asarray(x, dtype=float)
    u = np.asarray(u, dtype=float)
    if not train:
        mask = np.ones_like(x)
        return x.copy(), mask
    mask = (u >= p).astype(float) / (1.0 - p)
    x *= mask
    return x, mask


# %% mistake: Multiplies the kept entries by (1 - p) instead of dividing by it: the expectation becomes (1 - p)^2 x instead of x
import numpy as np


def dropout_forward(x, p, u, train=True):
    x = np.asarray(x, dtype=float)
    u = np.asarray(u, dtype=float)
    if not train:
        mask = np.ones_like(x)
        return x.copy(), mask
    mask = (u >= p).astype(float) * (1.0 - p)
    return x * mask, mask


# %% mistake: Divides the upstream gradient by the mask: out = x * mask, so d out / d x = mask multiplies; dividing gives inf or nan at the dropped units
import numpy as np


def dropout_backward(dout, mask):
    return np.asarray(dout, dtype=float) / np.asarray(mask, dtype=float)


# %% mistake: Re-binarizes the mask (mask > 0) in the backward pass, losing the 1/(1 - p) scale that the forward pass applied
import numpy as np


def dropout_backward(dout, mask):
    return np.asarray(dout, dtype=float) * (np.asarray(mask) > 0)


# %% mistake: Passes the gradient straight through (dropout has no parameters); the dropped units had no effect on the loss and must get 0
import numpy as np


def dropout_backward(dout, mask):
    return np.array(dout, dtype=float)


# %% mistake: Returns the mask and forgets to multiply by the upstream gradient (matches only when dL/dout is all ones)
import numpy as np


def dropout_backward(dout, mask):
    return np.array(mask, dtype=float)


# %% mistake: Multiplies the upstream gradient in place (dout *= mask): the caller's gradient array is overwritten
import numpy as np


def dropout_backward(dout, mask):
    dout *= mask
    return dout
