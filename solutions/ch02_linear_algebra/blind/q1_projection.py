# %% mistake: divides a^T b by the norm |a| instead of the squared norm a^T a, so p scales with |a| and changes when a is replaced by 5a
import numpy as np


def project_onto_line(b, a):
    b = np.asarray(b, dtype=float)
    a = np.asarray(a, dtype=float)
    return (a @ b) / np.linalg.norm(a) * a


# %% mistake: swaps the roles of a and b and projects a onto the line through b, instead of b onto the line through a
import numpy as np


def project_onto_line(b, a):
    b = np.asarray(b, dtype=float)
    a = np.asarray(a, dtype=float)
    return (a @ b) / (b @ b) * b


# %% mistake: scales b instead of a by the coefficient a^T b / a^T a, so p is not on the line through a
import numpy as np


def project_onto_line(b, a):
    b = np.asarray(b, dtype=float)
    a = np.asarray(a, dtype=float)
    t = np.dot(a, b) / np.dot(a, a)
    return t * b


# %% mistake: returns the residual b - p (the component orthogonal to a) instead of the projection p itself
import numpy as np


def project_onto_line(b, a):
    b = np.asarray(b, dtype=float)
    a = np.asarray(a, dtype=float)
    p = (a @ b) / (a @ a) * a
    return b - p


# %% mistake: takes the absolute value of a^T b (the length of the shadow), which flips p to the wrong side when the angle between a and b is obtuse
import numpy as np


def project_onto_line(b, a):
    b = np.asarray(b, dtype=float)
    a = np.asarray(a, dtype=float)
    return abs(a @ b) / (a @ a) * a


# %% mistake: uses P = A A^T, the formula for orthonormal columns, on a general A whose columns are neither unit length nor orthogonal
import numpy as np


def projection_matrix(A):
    A = np.asarray(A, dtype=float)
    return A @ A.T


# %% mistake: normalises each column to unit length and uses Q Q^T, which is only a projector when the columns are also mutually orthogonal
import numpy as np


def projection_matrix(A):
    A = np.asarray(A, dtype=float)
    Q = A / np.linalg.norm(A, axis=0)
    return Q @ Q.T


# %% mistake: returns (A^T A)^{-1} A^T (the pseudo-inverse, shape (n, m)) and forgets the leading factor A, so it is not the (m, m) projector
import numpy as np


def projection_matrix(A):
    A = np.asarray(A, dtype=float)
    return np.linalg.solve(A.T @ A, A.T)


# %% mistake: returns I - A (A^T A)^{-1} A^T, the projector onto the orthogonal complement (residuals), instead of onto the column space
import numpy as np


def projection_matrix(A):
    A = np.asarray(A, dtype=float)
    m = A.shape[0]
    return np.eye(m) - A @ np.linalg.solve(A.T @ A, A.T)


# %% mistake: computes in float32 to save memory; forming A^T A squares the condition number, so P is badly off for nearly dependent columns
import numpy as np


def projection_matrix(A):
    A = np.asarray(A, dtype=np.float32)
    return A @ np.linalg.solve(A.T @ A, A.T)
