# %% mistake: vanilla dropout (no 1/(1-p) in training, multiply by 1-p at test time)
import numpy as np


def dropout_forward(x, p, u, train=True):
    x = np.asarray(x, dtype=float)
    if not train:
        return x * (1 - p), np.full(x.shape, 1 - p)
    mask = (np.asarray(u) >= p).astype(float)
    return x * mask, mask


# %% mistake: keeps an entry when u < p (keep probability p instead of 1 - p)
import numpy as np


def dropout_forward(x, p, u, train=True):
    x = np.asarray(x, dtype=float)
    if not train:
        return x, np.ones_like(x)
    mask = (np.asarray(u) < p) / (1 - p)
    return x * mask, mask


# %% mistake: scales kept entries by (1 - p) instead of 1 / (1 - p)
import numpy as np


def dropout_forward(x, p, u, train=True):
    x = np.asarray(x, dtype=float)
    if not train:
        return x, np.ones_like(x)
    mask = (np.asarray(u) >= p) * (1 - p)
    return x * mask, mask


# %% mistake: dropout still applied in evaluation mode
import numpy as np


def dropout_forward(x, p, u, train=True):
    x = np.asarray(x, dtype=float)
    mask = (np.asarray(u) >= p) / (1.0 - p)
    return x * mask, mask


# %% mistake: backward pass forgets the 1/(1-p) scaling (passes the gradient through the 0/1 pattern)
import numpy as np


def dropout_backward(dout, mask):
    return np.asarray(dout, dtype=float) * (np.asarray(mask) != 0)


# %% mistake: early stopping counts a tie as an improvement
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


# %% mistake: early stopping assumes the best epoch is always stop - patience
import numpy as np

_reference = early_stopping


def early_stopping(val_losses, patience, min_delta=0.0):
    _, stop = _reference(val_losses, patience, min_delta)
    return max(stop - patience, 0), stop


# %% mistake: early stopping waits one epoch too long (wait > patience)
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


# %% alternative: torch tensors for dropout; early stopping with a Keras-style wait counter
import numpy as np
import torch


def dropout_forward(x, p, u, train=True):
    x = torch.as_tensor(np.asarray(x, dtype=float))
    if not train:
        return x.clone(), torch.ones_like(x)
    mask = torch.where(torch.as_tensor(np.asarray(u)) >= p, 1.0 / (1.0 - p), 0.0).to(x.dtype)
    return x * mask, mask


def dropout_backward(dout, mask):
    return torch.as_tensor(np.asarray(dout, dtype=float)) * torch.as_tensor(np.asarray(mask, dtype=float))


def early_stopping(val_losses, patience, min_delta=0.0):
    best, best_epoch, wait = float("inf"), 0, 0
    for epoch, v in enumerate(np.asarray(val_losses, dtype=float)):
        if v < best - min_delta or epoch == 0:
            best, best_epoch, wait = v, epoch, 0
        else:
            wait += 1
            if wait >= patience:
                return best_epoch, epoch
    return best_epoch, len(val_losses) - 1


# %% alternative: float32 dropout with np.where; early stopping by jumping between improvements
import numpy as np


def dropout_forward(x, p, u, train=True):
    x = np.asarray(x, dtype=np.float32)
    if not train:
        return x, np.ones_like(x)
    mask = np.where(np.asarray(u) < p, np.float32(0), np.float32(1 / (1 - p)))
    return x * mask, mask


def dropout_backward(dout, mask):
    return np.asarray(dout, dtype=np.float32) * np.asarray(mask, dtype=np.float32)


def early_stopping(val_losses, patience, min_delta=0.0):
    v = np.asarray(val_losses, dtype=float)
    i = 0
    while True:
        later = np.flatnonzero(v[i + 1:i + 1 + patience] < v[i] - min_delta)
        if later.size == 0:
            return i, min(i + patience, len(v) - 1)
        i += 1 + int(later[0])
