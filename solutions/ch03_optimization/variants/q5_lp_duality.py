# %% mistake: dual constraint without the sign flip, (b, A^T, c)
import numpy as np


def lp_dual(c, A, b):
    return np.asarray(b, dtype=float), np.asarray(A, dtype=float).T, np.asarray(c, dtype=float)


# %% mistake: dual written as min -b^T y s.t. A^T y <= -c (signs of the objective and bound swapped)
import numpy as np


def lp_dual(c, A, b):
    return -np.asarray(b, dtype=float), np.asarray(A, dtype=float).T, -np.asarray(c, dtype=float)


# %% mistake: shadow prices from A^T y = -c over all constraints (inactive ones not set to zero)
import numpy as np


def dual_by_complementary_slackness(c, A, b, x, tol=1e-9):
    c, A, b, x = (np.asarray(v, dtype=float) for v in (c, A, b, x))
    positive = x > tol
    return np.linalg.lstsq(A[:, positive].T, -c[positive], rcond=None)[0]


# %% mistake: dual equations A^T y = c (sign of c)
import numpy as np


def dual_by_complementary_slackness(c, A, b, x, tol=1e-9):
    c, A, b, x = (np.asarray(v, dtype=float) for v in (c, A, b, x))
    active, positive = b - A @ x <= tol, x > tol
    y = np.zeros(b.size)
    y[active] = np.linalg.lstsq(A[active][:, positive].T, c[positive], rcond=None)[0]
    return y


# %% mistake: equations for every j, also where x_j = 0 (those dual constraints need not be tight)
import numpy as np


def dual_by_complementary_slackness(c, A, b, x, tol=1e-9):
    c, A, b, x = (np.asarray(v, dtype=float) for v in (c, A, b, x))
    active = b - A @ x <= tol
    y = np.zeros(b.size)
    y[active] = np.linalg.lstsq(A[active].T, -c, rcond=None)[0]
    return y


# %% alternative: explicit loops, pseudo-inverse, tuple from a list
import numpy as np


def lp_dual(c, A, b):
    A = np.asarray(A, dtype=float)
    A_dual = np.empty((A.shape[1], A.shape[0]))
    for i in range(A.shape[0]):
        for j in range(A.shape[1]):
            A_dual[j, i] = -A[i, j]
    return [list(b), A_dual, list(c)]


def dual_by_complementary_slackness(c, A, b, x, tol=1e-9):
    c, A, b, x = (np.asarray(v, dtype=float) for v in (c, A, b, x))
    act = [i for i in range(len(b)) if b[i] - A[i] @ x <= tol]
    pos = [j for j in range(len(x)) if x[j] > tol]
    M = np.array([[A[i, j] for i in act] for j in pos]).reshape(len(pos), len(act))
    y = np.zeros(len(b))
    y[act] = np.linalg.pinv(M) @ (-c[pos])
    return y


# %% alternative: torch least squares (gelsd driver, minimum-norm)
import numpy as np


def lp_dual(c, A, b):
    import torch

    return torch.as_tensor(b), -torch.as_tensor(A).T, torch.as_tensor(c)


def dual_by_complementary_slackness(c, A, b, x, tol=1e-9):
    import torch

    c, A, b, x = (torch.as_tensor(np.asarray(v, dtype=float)) for v in (c, A, b, x))
    active, positive = (b - A @ x) <= tol, x > tol
    y = torch.zeros_like(b)
    M = A[active][:, positive].T
    if M.numel():
        y[active] = torch.linalg.lstsq(M, -c[positive].unsqueeze(1), driver="gelsd").solution.squeeze(1)
    return y

# %% alternative: float32 dual data (the docstring accepts float32 for lp_dual)
import numpy as np


def lp_dual(c, A, b):
    return np.asarray(b, dtype=np.float32), -np.asarray(A, dtype=np.float32).T, np.asarray(c, dtype=np.float32)
