# %% mistake: multiplier sign convention flipped (KKT matrix with -A^T, i.e. Q x + c - A^T lam = 0)
import numpy as np


def eq_qp(Q, c, A, b):
    Q, A = np.asarray(Q, dtype=float), np.asarray(A, dtype=float)
    n, m = Q.shape[0], A.shape[0]
    K = np.block([[Q, -A.T], [A, np.zeros((m, m))]])
    sol = np.linalg.solve(K, np.concatenate([-np.asarray(c, dtype=float), np.asarray(b, dtype=float)]))
    return sol[:n], sol[n:]


# %% mistake: right-hand side (c, b) instead of (-c, b)
import numpy as np


def eq_qp(Q, c, A, b):
    Q, A = np.asarray(Q, dtype=float), np.asarray(A, dtype=float)
    n, m = Q.shape[0], A.shape[0]
    K = np.block([[Q, A.T], [A, np.zeros((m, m))]])
    sol = np.linalg.solve(K, np.concatenate([np.asarray(c, dtype=float), np.asarray(b, dtype=float)]))
    return sol[:n], sol[n:]


# %% mistake: unconstrained minimiser projected orthogonally onto {A x = b}
import numpy as np


def eq_qp(Q, c, A, b):
    Q, A, c, b = (np.asarray(v, dtype=float) for v in (Q, A, c, b))
    x0 = np.linalg.lstsq(Q, -c, rcond=None)[0]
    lam = np.linalg.solve(A @ A.T, A @ x0 - b)
    x = x0 - A.T @ lam
    return x, np.linalg.lstsq(A.T, -(Q @ x + c), rcond=None)[0]


# %% mistake: primal residual measured with |G x - h| (a satisfied constraint counts as violated)
import numpy as np


def kkt_residuals(Q, c, G, h, x, mu):
    Q, G, x, mu = (np.asarray(v, dtype=float) for v in (Q, G, x, mu))
    r = G @ x - h
    return {"stationarity": float(np.max(np.abs(Q @ x + c + G.T @ mu))),
            "primal": float(np.max(np.abs(r))),
            "dual": float(max(0.0, np.max(-mu))),
            "complementarity": float(np.max(np.abs(mu * r)))}


# %% mistake: complementarity without the absolute value
import numpy as np


def kkt_residuals(Q, c, G, h, x, mu):
    Q, G, x, mu = (np.asarray(v, dtype=float) for v in (Q, G, x, mu))
    r = G @ x - h
    return {"stationarity": float(np.max(np.abs(Q @ x + c + G.T @ mu))),
            "primal": float(max(0.0, np.max(r))),
            "dual": float(max(0.0, np.max(-mu))),
            "complementarity": float(np.max(mu * r))}


# %% mistake: stationarity Q x + c - G^T mu (Lagrangian sign for constraints written h - G x >= 0, mixed up)
import numpy as np


def kkt_residuals(Q, c, G, h, x, mu):
    Q, G, x, mu = (np.asarray(v, dtype=float) for v in (Q, G, x, mu))
    r = G @ x - h
    return {"stationarity": float(np.max(np.abs(Q @ x + c - G.T @ mu))),
            "primal": float(max(0.0, np.max(r))),
            "dual": float(max(0.0, np.max(-mu))),
            "complementarity": float(np.max(np.abs(mu * r)))}


# %% alternative: null-space method (particular solution + reduced Hessian), residuals with explicit loops
import numpy as np


def eq_qp(Q, c, A, b):
    from scipy.linalg import lstsq, null_space, solve

    Q, A, c, b = (np.asarray(v, dtype=float) for v in (Q, A, c, b))
    x_p = lstsq(A, b)[0]
    Z = null_space(A)
    x = x_p + Z @ solve(Z.T @ Q @ Z, -Z.T @ (Q @ x_p + c), assume_a="sym")
    lam = lstsq(A.T, -(Q @ x + c))[0]
    return x, lam


def kkt_residuals(Q, c, G, h, x, mu):
    stat = Q @ x + c + G.T @ mu
    out = {"stationarity": 0.0, "primal": 0.0, "dual": 0.0, "complementarity": 0.0}
    for j in range(len(stat)):
        out["stationarity"] = max(out["stationarity"], abs(float(stat[j])))
    for i in range(len(h)):
        slack = float(G[i] @ x - h[i])
        out["primal"] = max(out["primal"], slack)
        out["dual"] = max(out["dual"], -float(mu[i]))
        out["complementarity"] = max(out["complementarity"], abs(float(mu[i]) * slack))
    return out


# %% alternative: symmetric solver (scipy.linalg.solve, assume_a="sym") and torch residuals returned as a tuple
import numpy as np


def eq_qp(Q, c, A, b):
    from scipy.linalg import solve

    Q, A = np.asarray(Q, dtype=float), np.asarray(A, dtype=float)
    n, m = Q.shape[0], A.shape[0]
    K = np.zeros((n + m, n + m))
    K[:n, :n], K[:n, n:], K[n:, :n] = Q, A.T, A
    rhs = np.concatenate([-np.asarray(c, dtype=float), np.asarray(b, dtype=float)])
    sol = solve(K, rhs, assume_a="sym")
    return sol[:n], sol[n:]


def kkt_residuals(Q, c, G, h, x, mu):
    import torch

    Q, c, G, h, x, mu = (torch.as_tensor(np.asarray(v, dtype=float)) for v in (Q, c, G, h, x, mu))
    r = G @ x - h
    zero = torch.zeros(())
    return ((Q @ x + c + G.T @ mu).abs().max(), torch.maximum(zero, r.max()), torch.maximum(zero, (-mu).max()),
            (mu * r).abs().max())

# %% alternative: float32 residuals (the docstring accepts float32 for kkt_residuals)
import numpy as np


def kkt_residuals(Q, c, G, h, x, mu):
    f32 = np.float32
    Q, G, x, mu, c, h = (np.asarray(v, dtype=f32) for v in (Q, G, x, mu, c, h))
    r = G @ x - h
    return {"stationarity": float(np.max(np.abs(Q @ x + c + G.T @ mu))),
            "primal": float(max(f32(0), np.max(r))),
            "dual": float(max(f32(0), np.max(-mu))),
            "complementarity": float(np.max(np.abs(mu * r)))}
