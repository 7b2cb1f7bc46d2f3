# %% mistake: returns the multipliers with the opposite sign (treats lambda as a positive "price"): the convention here is Q x + c + A^T lambda = 0
import numpy as np


def eq_qp(Q, c, A, b):
    n, m = Q.shape[0], A.shape[0]
    K = np.block([[Q, A.T], [A, np.zeros((m, m))]])
    sol = np.linalg.solve(K, np.concatenate([-c, b]))
    return sol[:n], -sol[n:]


# %% mistake: right-hand side [c; b] instead of [-c; b]: stationarity Q x + c + A^T lambda = 0 moves c to the other side with a minus sign
import numpy as np


def eq_qp(Q, c, A, b):
    n, m = Q.shape[0], A.shape[0]
    K = np.block([[Q, A.T], [A, np.zeros((m, m))]])
    sol = np.linalg.solve(K, np.concatenate([c, b]))
    return sol[:n], sol[n:]


# %% mistake: minimises without the constraint, then projects onto A x = b: that is the constrained optimum only when Q is a multiple of the identity
import numpy as np


def eq_qp(Q, c, A, b):
    x_free = np.linalg.solve(Q, -c)
    AAt = A @ A.T
    x = x_free - A.T @ np.linalg.solve(AAt, A @ x_free - b)
    lam = -np.linalg.solve(AAt, A @ (Q @ x + c))
    return x, lam


# %% mistake: eliminates x through Q^{-1} (Schur complement): Q need only be positive definite on the null space of A, and a singular Q breaks the inverse
import numpy as np


def eq_qp(Q, c, A, b):
    Qinv = np.linalg.inv(Q)
    S = A @ Qinv @ A.T
    lam = np.linalg.solve(S, -b - A @ Qinv @ c)
    x = -Qinv @ (c + A.T @ lam)
    return x, lam


# %% mistake: returns the minimum-norm feasible point (least squares on A x = b) and ignores Q and c: feasible, but optimal only when Q = I and c = 0
import numpy as np


def eq_qp(Q, c, A, b):
    x = np.linalg.lstsq(A, b, rcond=None)[0]
    lam = np.linalg.lstsq(A.T, -(Q @ x + c), rcond=None)[0]
    return x, lam


# %% mistake: primal residual max_i (G x - h)_i without clipping at 0: a strictly feasible point (G x < h) gets a negative "violation" instead of 0
import numpy as np


def kkt_residuals(Q, c, G, h, x, mu):
    r = G @ x - h
    return {
        "stationarity": float(np.max(np.abs(Q @ x + c + G.T @ mu))),
        "primal": float(np.max(r)),
        "dual": float(max(0.0, np.max(-mu))),
        "complementarity": float(np.max(np.abs(mu * r))),
    }


# %% mistake: primal residual max_i |G x - h|_i: slack is not a violation, a point with G x < h is feasible and its primal residual is 0
import numpy as np


def kkt_residuals(Q, c, G, h, x, mu):
    r = G @ x - h
    return {
        "stationarity": float(np.max(np.abs(Q @ x + c + G.T @ mu))),
        "primal": float(np.max(np.abs(r))),
        "dual": float(max(0.0, np.max(-mu))),
        "complementarity": float(np.max(np.abs(mu * r))),
    }


# %% mistake: stationarity with a minus sign, Q x + c - G^T mu: the Lagrangian adds mu^T (G x - h), so its gradient is Q x + c + G^T mu
import numpy as np


def kkt_residuals(Q, c, G, h, x, mu):
    r = G @ x - h
    return {
        "stationarity": float(np.max(np.abs(Q @ x + c - G.T @ mu))),
        "primal": float(max(0.0, np.max(r))),
        "dual": float(max(0.0, np.max(-mu))),
        "complementarity": float(np.max(np.abs(mu * r))),
    }


# %% mistake: complementarity as |mu^T (G x - h)| (a sum): with several constraints, products of opposite signs cancel; each product must vanish on its own
import numpy as np


def kkt_residuals(Q, c, G, h, x, mu):
    r = G @ x - h
    return {
        "stationarity": float(np.max(np.abs(Q @ x + c + G.T @ mu))),
        "primal": float(max(0.0, np.max(r))),
        "dual": float(max(0.0, np.max(-mu))),
        "complementarity": float(abs(mu @ r)),
    }


# %% mistake: dual residual -min(mu) without clipping at 0: when every multiplier is positive the residual comes out negative instead of 0
import numpy as np


def kkt_residuals(Q, c, G, h, x, mu):
    r = G @ x - h
    return {
        "stationarity": float(np.max(np.abs(Q @ x + c + G.T @ mu))),
        "primal": float(max(0.0, np.max(r))),
        "dual": float(-np.min(mu)),
        "complementarity": float(np.max(np.abs(mu * r))),
    }


# %% mistake: stationarity measured with the Euclidean norm instead of the largest absolute entry (infinity norm): larger whenever several entries are nonzero
import numpy as np


def kkt_residuals(Q, c, G, h, x, mu):
    r = G @ x - h
    return {
        "stationarity": float(np.linalg.norm(Q @ x + c + G.T @ mu)),
        "primal": float(max(0.0, np.max(r))),
        "dual": float(max(0.0, np.max(-mu))),
        "complementarity": float(np.max(np.abs(mu * r))),
    }


# %% mistake: complementarity as max_i mu_i (G x - h)_i without the absolute value: for feasible x and mu >= 0 the products are <= 0, so the max hides them
import numpy as np


def kkt_residuals(Q, c, G, h, x, mu):
    r = G @ x - h
    return {
        "stationarity": float(np.max(np.abs(Q @ x + c + G.T @ mu))),
        "primal": float(max(0.0, np.max(r))),
        "dual": float(max(0.0, np.max(-mu))),
        "complementarity": float(max(0.0, np.max(mu * r))),
    }


# %% mistake: primal residual from h - G x (inequality read the wrong way round): it reports the slack of feasible points and misses real violations G x > h
import numpy as np


def kkt_residuals(Q, c, G, h, x, mu):
    r = G @ x - h
    return {
        "stationarity": float(np.max(np.abs(Q @ x + c + G.T @ mu))),
        "primal": float(max(0.0, np.max(h - G @ x))),
        "dual": float(max(0.0, np.max(-mu))),
        "complementarity": float(np.max(np.abs(mu * r))),
    }
