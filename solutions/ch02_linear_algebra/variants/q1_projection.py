# %% mistake: divides by the norm of a instead of its squared norm
import numpy as np


def project_onto_line(b, a):
    a = np.asarray(a, dtype=float)
    return (a @ b) / np.linalg.norm(a) * a


# %% mistake: projector A A^T (forgets the (A^T A)^{-1} that normalises the basis)
import numpy as np


def projection_matrix(A):
    A = np.asarray(A, dtype=float)
    return A @ A.T


# %% mistake: complete-mode QR, so Q Q^T is the identity
import numpy as np


def projection_matrix(A):
    Q, _ = np.linalg.qr(np.asarray(A, dtype=float), mode="complete")
    return Q @ Q.T


# %% mistake: returns the residual (projection onto the orthogonal complement)
import numpy as np


def project_onto_line(b, a):
    a = np.asarray(a, dtype=float)
    return b - (a @ b) / (a @ a) * a


def projection_matrix(A):
    A = np.asarray(A, dtype=float)
    return np.eye(len(A)) - A @ np.linalg.solve(A.T @ A, A.T)


# %% alternative: float32, orthonormal basis from the reduced QR (P = Q Q^T)
import numpy as np


def project_onto_line(b, a):
    a, b = np.asarray(a, dtype=np.float32), np.asarray(b, dtype=np.float32)
    u = a / np.linalg.norm(a)
    return (u @ b) * u


def projection_matrix(A):
    Q, _ = np.linalg.qr(np.asarray(A, dtype=np.float32))
    return Q @ Q.T


# %% alternative: SVD basis; the line projector as the rank-one matrix a a^T / a^T a
import numpy as np


def project_onto_line(b, a):
    a = np.asarray(a, dtype=float)
    return np.outer(a, a) @ np.asarray(b, dtype=float) / np.dot(a, a)


def projection_matrix(A):
    A = np.asarray(A, dtype=float)
    U = np.linalg.svd(A, full_matrices=False)[0]
    return U @ U.T


# %% alternative: torch, P = A pinv(A)
import numpy as np
import torch


def project_onto_line(b, a):
    a, b = torch.as_tensor(a, dtype=torch.float64), torch.as_tensor(b, dtype=torch.float64)
    return torch.dot(a, b) / torch.dot(a, a) * a


def projection_matrix(A):
    A = torch.as_tensor(A, dtype=torch.float64)
    return A @ torch.linalg.pinv(A)
