# %% mistake: dual constraint matrix A^T without the minus sign: the dual constraint is A^T y + c >= 0, i.e. (-A^T) y <= c, not A^T y <= c
import numpy as np


def lp_dual(c, A, b):
    return np.asarray(b, float), np.asarray(A, float).T, np.asarray(c, float)


# %% mistake: uses -A instead of -A^T (forgot the transpose): the dual has one variable per primal constraint, so its matrix is n x m
import numpy as np


def lp_dual(c, A, b):
    return np.asarray(b, float), -np.asarray(A, float), np.asarray(c, float)


# %% mistake: takes -b as the dual cost (copies the objective of max -b^T y): written as a minimisation in the primal's form, the dual minimises +b^T y
import numpy as np


def lp_dual(c, A, b):
    return -np.asarray(b, float), -np.asarray(A, float).T, np.asarray(c, float)


# %% mistake: swaps the roles of b and c in the dual (cost c, right-hand side b): in the dual the primal's b becomes the cost and c the right-hand side
import numpy as np


def lp_dual(c, A, b):
    return np.asarray(c, float), -np.asarray(A, float).T, np.asarray(b, float)


# %% mistake: solves (A^T y)_j = -c_j with every constraint, ignoring that inactive constraints must get y_i = 0 (complementary slackness)
import numpy as np


def dual_by_complementary_slackness(c, A, b, x, tol=1e-9):
    pos = x > tol
    y = np.linalg.lstsq(A.T[pos], -c[pos], rcond=None)[0]
    return y


# %% mistake: imposes (A^T y)_j = -c_j for every j, also where x_j = 0: the dual constraint is tight only where x_j > 0, elsewhere it may hold with slack
import numpy as np


def dual_by_complementary_slackness(c, A, b, x, tol=1e-9):
    y = np.zeros(A.shape[0])
    act = (b - A @ x) <= tol
    if act.any():
        y[act] = np.linalg.lstsq(A[act].T, -c, rcond=None)[0]
    return y


# %% mistake: solves (A^T y)_j = c_j (dropped the minus sign of c + A^T y = 0): the shadow prices come out negative
import numpy as np


def dual_by_complementary_slackness(c, A, b, x, tol=1e-9):
    y = np.zeros(A.shape[0])
    act = (b - A @ x) <= tol
    pos = x > tol
    if act.any() and pos.any():
        y[act] = np.linalg.lstsq(A[act][:, pos].T, c[pos], rcond=None)[0]
    return y


# %% mistake: exact tests (slack == 0, x_j > 0) instead of the tolerance: a solver's vertex carries round-off, so binding constraints are missed
import numpy as np


def dual_by_complementary_slackness(c, A, b, x, tol=1e-9):
    y = np.zeros(A.shape[0])
    act = (b - A @ x) == 0
    pos = x > 0
    if act.any() and pos.any():
        y[act] = np.linalg.lstsq(A[act][:, pos].T, -c[pos], rcond=None)[0]
    return y


# %% mistake: np.linalg.solve instead of least squares: at a degenerate vertex (more active constraints than positive x_j) the system is not square and it fails
import numpy as np


def dual_by_complementary_slackness(c, A, b, x, tol=1e-9):
    y = np.zeros(A.shape[0])
    act = (b - A @ x) <= tol
    pos = x > tol
    if act.any() and pos.any():
        y[act] = np.linalg.solve(A[act][:, pos].T, -c[pos])
    return y


# %% mistake: returns only the multipliers of the active constraints: y needs one entry per constraint (m of them), zero for the inactive ones
import numpy as np


def dual_by_complementary_slackness(c, A, b, x, tol=1e-9):
    act = (b - A @ x) <= tol
    pos = x > tol
    return np.linalg.lstsq(A[act][:, pos].T, -c[pos], rcond=None)[0]


# %% mistake: solves with the active rows of A untransposed, A_act y = -c: the equations (A^T y)_j = -c_j run over the columns j of A, so A^T is needed
import numpy as np


def dual_by_complementary_slackness(c, A, b, x, tol=1e-9):
    y = np.zeros(A.shape[0])
    act = (b - A @ x) <= tol
    pos = x > tol
    if act.any() and pos.any():
        y[act] = np.linalg.lstsq(A[act][:, pos], -c[pos], rcond=None)[0]
    return y
