# %% [markdown]
# # Chapter 2 — Linear algebra for machine learning
#
# A data set is a matrix, a linear model is a matrix–vector product, and most of what we do with data
# — fitting, compressing, denoising, visualising — is a factorisation of a matrix. In this problem set
# you implement the factorisations behind those tasks yourself: orthogonal projection, the QR
# decomposition, the symmetric eigendecomposition, the singular value decomposition, and what machine
# learning builds on them — PCA, least squares, ridge regression and "eigendigits".
#
# Two ideas run through the whole chapter. **Geometry**: least squares *is* an orthogonal projection,
# PCA *is* a best low-rank approximation, ridge *is* a filter on singular values. **Conditioning**: the
# condition number $\kappa(A) = \sigma_{\max}/\sigma_{\min}$ tells you how many digits a computation can
# lose, and the good algorithms (Householder QR, SVD) lose about $\log_{10}\kappa$ digits while the
# textbook shortcuts (classical Gram–Schmidt, the normal equations, eigenvalues of $A^\top A$) lose
# twice as many.
#
# **How to work.** Each question explains why it matters, derives the math, then asks you to fill in a
# function whose docstring states the exact inputs and outputs. Replace the
# `raise NotImplementedError(...)` line with your code, run the cell, then run the `grader.check`
# cell below it. Public checks test properties and one worked example; the autograder runs more
# (hidden) tests on random and numerically hard inputs (ill-conditioned matrices, repeated
# eigenvalues, tiny and huge scales), so make your code correct in general, not just on the example.
#
# Use `numpy` (and `scipy.linalg` where a question says so). Each question says which library
# routines are off limits — the ones your answers are graded against.

# %%
import numpy as np
import matplotlib.pyplot as plt

# %% [raw]
# # BEGIN QUESTION
# name: q1_projection

# %% [markdown]
# ## Question 1 — Inner products, norms and orthogonal projection
#
# **Why it matters.** The prediction of a linear regression is the orthogonal projection of the target
# vector onto the space spanned by the features; its residual is what is left, orthogonal to every
# feature. PCA projects data onto a subspace, attention scores and cosine similarities are inner
# products, and Gram–Schmidt (Question 2) is nothing but repeated projection. Getting the projection
# formula right — and knowing the properties that every projector must have — is the first step.
#
# **Inner product and norm.** For $u, v\in\mathbb R^m$, $\langle u, v\rangle = u^\top v = \sum_i u_i v_i$ and
# $\lVert u\rVert = \sqrt{u^\top u}$. Cauchy–Schwarz, $|u^\top v|\le\lVert u\rVert\,\lVert v\rVert$, lets us define the
# angle by $\cos\theta = u^\top v / (\lVert u\rVert\lVert v\rVert)$; $u\perp v$ means $u^\top v = 0$.
#
# **Projection onto a line.** The point of the line $\{t a : t\in\mathbb R\}$ closest to $b$ minimises
# $f(t) = \lVert b - t a\rVert^2 = b^\top b - 2t\,a^\top b + t^2 a^\top a$. Setting $f'(t) = -2a^\top b + 2t\,a^\top a = 0$,
#
# $$p = \hat t\, a = \frac{a^\top b}{a^\top a}\, a, \qquad a^\top (b - p) = a^\top b - \frac{a^\top b}{a^\top a}a^\top a = 0 .$$
#
# The residual $b - p$ is orthogonal to $a$, so Pythagoras holds: $\lVert b\rVert^2 = \lVert p\rVert^2 + \lVert b - p\rVert^2$.
# Note the **squared** norm in the denominator: $p$ must not change when $a$ is replaced by $5a$.
#
# **Projection onto a column space.** Let $A\in\mathbb R^{m\times n}$ have linearly independent columns. The
# closest point to $b$ in $\operatorname{col}(A) = \{Ax\}$ is $p = A\hat x$ where the residual is orthogonal
# to *every* column: $A^\top(b - A\hat x) = 0$, i.e. the **normal equations** $A^\top A\,\hat x = A^\top b$. Since
# $A^\top A$ is invertible (its null space is that of $A$),
#
# $$p = A (A^\top A)^{-1} A^\top b = P b,\qquad P = A (A^\top A)^{-1} A^\top \in \mathbb R^{m\times m}.$$
#
# Every orthogonal projector has these properties, which make excellent tests:
#
# * $P^\top = P$ (symmetric) and $P^2 = P$ (idempotent: projecting twice changes nothing);
# * $PA = A$ (vectors already in the subspace stay put) and $A^\top(I - P) = 0$ (residuals are orthogonal);
# * its eigenvalues are $0$ and $1$, so $\operatorname{trace} P = \operatorname{rank} A = n$;
# * it depends only on the subspace: $A$ and $AM$ ($M$ invertible) give the same $P$;
# * with orthonormal columns, $A = Q$ and $Q^\top Q = I$, the formula collapses to $P = QQ^\top$.
#
# **Your task.** Implement `project_onto_line` and `projection_matrix` with `numpy`. Do not form an
# explicit inverse: `np.linalg.solve(M, B)` computes $M^{-1}B$ for a matrix right-hand side $B$.
#
# *Hints.* Check your matrix on a single column $a$: it must equal $aa^\top/(a^\top a)$. On a square invertible
# $A$ the column space is everything, so $P = I$.

# %% [raw]
# # BEGIN SOLUTION

# %%
def project_onto_line(b, a):
    """Orthogonal projection of b onto the line spanned by a.

    p = (a^T b / a^T a) a, so that a^T (b - p) = 0.

    Parameters
    ----------
    b : array of shape (m,), float
    a : array of shape (m,), float, not the zero vector; a and b may have any scale from 1e-15 to 1e15
        (p must not change when a is replaced by c a for any c != 0, negative included)

    Returns
    -------
    p : array of shape (m,), float

    float32 inputs and arithmetic are accepted: p is compared at 1e-5 * max|b|. The inputs are not modified.
    """
    # BEGIN SOLUTION
    a = np.asarray(a, dtype=float)
    return (a @ b) / (a @ a) * a
    # END SOLUTION


def projection_matrix(A):
    """Matrix of the orthogonal projection onto the column space of A.

    P = A (A^T A)^{-1} A^T; P is symmetric, idempotent (P P = P) and P A = A.

    Parameters
    ----------
    A : array of shape (m, n), float, linearly independent columns (n <= m; n = m gives P = I). The columns
        may be nearly dependent (condition number of A up to 1e3) and A may have any scale (1e-12 to 1e12).

    Returns
    -------
    P : array of shape (m, m), float

    Entries of P lie in [-1, 1] and are compared at atol 1e-4. float32 arithmetic is accepted if it keeps
    that accuracy at condition number 1e3: through an orthonormal basis of the columns (QR, SVD) it does,
    through A^T A (condition number squared: 1e6) it does not. The input is not modified.
    """
    # BEGIN SOLUTION
    A = np.asarray(A, dtype=float)
    return A @ np.linalg.solve(A.T @ A, A.T)
    # END SOLUTION

# %% [raw]
# # END SOLUTION

# %% [raw]
# # BEGIN TESTS

# %%
def test_worked_example(project_onto_line, projection_matrix):
    # b = (1, 2, 3) onto a = (1, 1, 0): a.b = 3, a.a = 2, so p = (3/2) a = (1.5, 1.5, 0).
    # A has orthogonal columns (1, 1, 0) and (0, 0, 2): P = (1,1,0)(1,1,0)^T / 2 + e3 e3^T.
    import numpy as np
    from mlmathkit_checks import close

    close(project_onto_line(np.array([1.0, 2.0, 3.0]), np.array([1.0, 1.0, 0.0])), [1.5, 1.5, 0.0],
          name="projection of (1, 2, 3) onto the line through (1, 1, 0)",
          hint="p = (a.b / a.a) a: divide by the SQUARED norm of a")
    A = np.array([[1.0, 0.0], [1.0, 0.0], [0.0, 2.0]])
    close(projection_matrix(A), [[0.5, 0.5, 0.0], [0.5, 0.5, 0.0], [0.0, 0.0, 1.0]],
          name="projector onto the columns of [[1, 0], [1, 0], [0, 2]]",
          hint="P = A (A^T A)^{-1} A^T, an (m, m) matrix")

# %%
def test_properties(project_onto_line, projection_matrix):
    import numpy as np
    from mlmathkit_checks import as_array, close, symmetric

    rng = np.random.default_rng(1)
    a, b = rng.normal(size=5), rng.normal(size=5)
    p = as_array(project_onto_line(b, a), "p", shape=(5,))
    close(a @ (b - p), 0.0, atol=1e-6, name="a . (b - p)", hint="the residual must be orthogonal to a")
    close(p @ p + (b - p) @ (b - p), b @ b, name="|p|^2 + |b - p|^2", hint="Pythagoras: |b|^2 = |p|^2 + |b - p|^2")
    close(project_onto_line(b, -3.0 * a), p, name="projection onto the line through -3a",
          hint="the line through -3a is the line through a: the projection must not change")
    A = rng.normal(size=(7, 3))
    P = symmetric(as_array(projection_matrix(A), "P", shape=(7, 7)), atol=1e-6, name="P")
    # entries of a projector lie in [-1, 1]: atol 1e-5 is ~100x float32 round-off
    close(P @ P, P, atol=1e-5, name="P @ P", hint="a projector is idempotent: projecting twice changes nothing")
    close(P @ A, A, atol=1e-5, name="P @ A", hint="the columns of A are already in the subspace")
    close(np.trace(P), 3.0, name="trace of P", hint="the trace of a projector is the dimension of the subspace (here 3)")

# %%
# HIDDEN
def test_random_against_orthonormal_basis(project_onto_line, projection_matrix):
    """Random tall and square matrices and random lines, with entries of different sizes."""
    # Oracle: an orthonormal basis U of col(A) from the SVD (scipy.linalg.orth), P = U U^T; for a line,
    # the least-squares coefficient from numpy.linalg.lstsq. Random Gaussian A (cond < 30):
    # float32 errs by ~1e-6 on projector entries, which lie in [-1, 1]; atol 1e-4.
    import numpy as np
    from scipy.linalg import orth
    from mlmathkit_checks import close

    rng = np.random.default_rng(1001)
    for m, n in [(2, 1), (5, 1), (6, 2), (10, 4), (30, 7), (12, 11)]:
        A = rng.normal(size=(m, n)) * rng.uniform(0.1, 10.0)
        U = orth(A)
        close(projection_matrix(A), U @ U.T, rtol=0, atol=1e-4, name=f"P for A of shape ({m}, {n})",
              hint="P = A (A^T A)^{-1} A^T")
        a, b = A[:, 0], rng.normal(size=m) * 3.0
        t = np.linalg.lstsq(a[:, None], b, rcond=None)[0][0]
        close(project_onto_line(b, a), t * a, atol=1e-5 * np.abs(b).max(), name=f"projection onto a line in R^{m}",
              hint="minimise |b - t a|^2 over t")

# %%
# HIDDEN
def test_subspace_not_basis(projection_matrix):
    """Another basis of the same column space, a square invertible matrix, and a single column."""
    # P depends only on the subspace: A and A M (M invertible) give the same projector. A square
    # invertible A spans everything (P = I); a single column gives a a^T / a^T a.
    import numpy as np
    from mlmathkit_checks import close

    rng = np.random.default_rng(1002)
    A = rng.normal(size=(9, 3))
    M = rng.normal(size=(3, 3)) + 3 * np.eye(3)
    close(projection_matrix(A @ M), projection_matrix(A), rtol=0, atol=1e-4, name="P(A M) compared with P(A)",
          hint="the projector depends only on the column space, not on the basis")
    close(projection_matrix(rng.normal(size=(4, 4)) + 4 * np.eye(4)), np.eye(4), rtol=0, atol=1e-4,
          name="P for a square invertible A", hint="the column space of an invertible matrix is all of R^m")
    a = np.array([3.0, 0.0, -4.0, 0.0])
    close(projection_matrix(a[:, None]), np.outer(a, a) / 25.0, rtol=0, atol=1e-6, name="P for one column a",
          hint="for a line, P = a a^T / (a^T a)")

# %%
# HIDDEN
def test_residual_and_complement(project_onto_line, projection_matrix):
    """Vectors orthogonal to the subspace or inside it, and b orthogonal to a or a negative multiple of a."""
    # Vectors in the subspace are fixed, vectors orthogonal to it are sent to 0 (unit vectors: atol 1e-4 for float32).
    import numpy as np
    from mlmathkit_checks import close

    rng = np.random.default_rng(1003)
    Q = np.linalg.qr(rng.normal(size=(8, 8)))[0]
    A = Q[:, :3] @ rng.normal(size=(3, 3))  # col(A) = span of the first 3 columns of Q
    P = projection_matrix(A)
    close(np.asarray(P, dtype=float) @ Q[:, 3:], np.zeros((8, 5)), atol=1e-4, name="P applied to the orthogonal complement",
          hint="vectors orthogonal to every column of A must be sent to 0")
    b = Q[:, :3] @ rng.normal(size=3)
    close(np.asarray(P, dtype=float) @ b, b, atol=1e-4, name="P b for b in the column space")
    a = Q[:, 0] * 2.5
    close(project_onto_line(Q[:, 1] * 7.0, a), np.zeros(8), atol=1e-6, name="projection of a vector orthogonal to a")
    close(project_onto_line(-4.0 * a, a), -4.0 * a, name="projection of a multiple of a", hint="p = b when b is on the line")

# %%
# HIDDEN
def test_nearly_dependent_columns(projection_matrix):
    """Tall matrices whose columns are nearly linearly dependent (condition number a thousand)."""
    # Oracle: scipy.linalg.orth (SVD basis), P = U U^T. cond(A) = 1e3: float64 through A^T A errs by
    # ~eps cond^2 ~ 1e-11; float32 through an orthonormal basis (QR) by ~eps32 cond ~ 2e-6; float32 through
    # A^T A by ~eps32 cond^2 ~ 3e-3. atol 1e-4 sits between (margins ~40x and ~30x).
    import numpy as np
    from scipy.linalg import orth
    from mlmathkit_checks import close

    rng = np.random.default_rng(1004)
    for m, n in [(30, 4), (12, 6), (8, 2)]:
        U = np.linalg.qr(rng.normal(size=(m, n)))[0]
        V = np.linalg.qr(rng.normal(size=(n, n)))[0]
        A = (U * np.logspace(0, -3, n)) @ V.T
        O = orth(A)
        close(projection_matrix(A), O @ O.T, rtol=0, atol=1e-4, name=f"P for nearly dependent columns, A of shape ({m}, {n})",
              hint="A^T A squares the condition number: in float32 that loses every digit here; use float64 or an orthonormal basis")

# %%
# HIDDEN
def test_tiny_and_huge_scales(project_onto_line, projection_matrix):
    """Vectors and matrices whose entries are tiny (about 1e-15) or huge (about 1e15)."""
    # Scaling by a power of two is exact, so the expected projections are those of the unscaled inputs
    # (scaled with b), from numpy.linalg.lstsq and scipy.linalg.orth. Tolerances as in the random test.
    import numpy as np
    from scipy.linalg import orth
    from mlmathkit_checks import close

    rng = np.random.default_rng(1005)
    a0, b0 = rng.normal(size=6), rng.normal(size=6)
    t = np.linalg.lstsq(a0[:, None], b0, rcond=None)[0][0]
    for ea, eb in [(-50, 0), (50, 0), (-50, -50), (50, 50), (0, 50), (0, -50), (-50, 50)]:
        a, b = np.ldexp(a0, ea), np.ldexp(b0, eb)
        p = np.ldexp(t * a0, eb)
        close(project_onto_line(b, a), p, atol=1e-5 * np.abs(b).max(),
              name=f"projection with |a| ~ 2^{ea} and |b| ~ 2^{eb}",
              hint="p = (a.b / a.a) a is unchanged when a is scaled; avoid absolute thresholds and additive epsilons")
    A0 = rng.normal(size=(9, 3))
    O = orth(A0)
    for e in (-40, 40):
        close(projection_matrix(np.ldexp(A0, e)), O @ O.T, rtol=0, atol=1e-4, name=f"P for A with entries ~ 2^{e}",
              hint="the projector depends only on the column space, not on the scale of A")

# %%
# HIDDEN
def test_inputs_unchanged(project_onto_line, projection_matrix):
    """The caller's vectors and matrix are left unchanged by the call."""
    import numpy as np
    from mlmathkit_checks import close

    rng = np.random.default_rng(1006)
    a, b, A = rng.normal(size=5), rng.normal(size=5), rng.normal(size=(7, 3))
    a0, b0, A0 = a.copy(), b.copy(), A.copy()
    project_onto_line(b, a)
    close(a, a0, rtol=0, atol=0, name="a after project_onto_line(b, a)", hint="do not modify the input arrays")
    close(b, b0, rtol=0, atol=0, name="b after project_onto_line(b, a)", hint="do not modify the input arrays")
    projection_matrix(A)
    close(A, A0, rtol=0, atol=0, name="A after projection_matrix(A)", hint="do not modify the input array (work on a copy)")

# %% [raw]
# # END TESTS

# %% [raw]
# # END QUESTION

# %% [raw]
# # BEGIN QUESTION
# name: q2_qr

# %% [markdown]
# ## Question 2 — The QR decomposition by Householder reflections
#
# **Why it matters.** An orthonormal basis makes every projection trivial ($P = QQ^\top$), and the QR
# decomposition $A = QR$ is how one is computed in practice: it is the stable way to solve least
# squares (Question 6), the engine of the eigenvalue algorithm of Question 3, and the way
# `torch.nn.init.orthogonal_` builds orthogonal weight matrices. The catch is that the obvious
# algorithm, Gram–Schmidt, quietly stops producing orthogonal vectors when the columns of $A$ are
# nearly dependent — which is exactly what polynomial or highly correlated features look like.
#
# **The factorisation.** Every $A\in\mathbb R^{m\times n}$ with $m\ge n$ and independent columns can be written
# $A = QR$ with $Q\in\mathbb R^{m\times n}$ having orthonormal columns ($Q^\top Q = I_n$) and $R\in\mathbb R^{n\times n}$
# upper triangular. Column $j$ reads $a_j = \sum_{i\le j} r_{ij} q_i$: the first $j$ columns of $Q$ span the
# first $j$ columns of $A$. It is unique up to signs: $A = (QD)(DR)$ for any $D = \operatorname{diag}(\pm1)$, so
# the tests accept any choice of signs.
#
# **Gram–Schmidt, and why it fails.** *Classical* Gram–Schmidt subtracts from $a_j$ its projections
# $r_{ij} = q_i^\top a_j$ onto the earlier $q_i$ and normalises what is left. In floating point the
# computed $q$'s lose orthogonality roughly like $\varepsilon\,\kappa(A)^2$ ($\varepsilon\approx 2.2\times10^{-16}$):
# for polynomial features of degree 11, $\kappa\approx10^8$ and $Q^\top Q$ is not even close to $I$.
# *Modified* Gram–Schmidt computes $r_{ij} = q_i^\top v$ from the *partially orthogonalised* vector $v$
# instead, and loses orthogonality only like $\varepsilon\,\kappa(A)$.
#
# **Householder reflections** do better: their $Q$ is orthogonal to working precision whatever $\kappa(A)$.
# For a unit vector $v$, the reflection $H = I - 2vv^\top$ across the hyperplane $v^\perp$ is symmetric and
# orthogonal ($H^2 = I$). Given a vector $x$, choose
#
# $$v \propto x + \operatorname{sign}(x_1)\lVert x\rVert e_1 \quad\Longrightarrow\quad Hx = -\operatorname{sign}(x_1)\lVert x\rVert\, e_1 ,$$
#
# i.e. $H$ zeroes every entry of $x$ below the first. (Check: $H$ maps $x$ to a vector of the same length
# along $e_1$ exactly when $v$ is parallel to $x - Hx$.) The sign is chosen so that $x_1$ and
# $\operatorname{sign}(x_1)\lVert x\rVert$ *add*: with the other sign, $x - \lVert x\rVert e_1$ cancels catastrophically
# when $x$ already points along $e_1$ — and is the zero vector, which cannot be normalised, when it
# points exactly along $e_1$. Take $\operatorname{sign}(0) = +1$.
#
# Apply this to column $j = 0, 1, \dots, n-1$ of the partially reduced matrix, using only rows $j$ and
# below: $x = R_{j:,\,j}$, then $R_{j:,\,:} \leftarrow R_{j:,\,:} - 2v\,(v^\top R_{j:,\,:})$ — never form the
# $m\times m$ matrix $H$. After $n$ steps $R$ is upper triangular and $H_{n-1}\cdots H_1H_0A = R$, so
# $A = (H_0H_1\cdots H_{n-1})R$: accumulate $Q$ by starting from $I_m$ and updating
# $Q_{:,\,j:}\leftarrow Q_{:,\,j:} - 2(Q_{:,\,j:}v)v^\top$. Return the reduced factors: the first $n$ columns of $Q$ and
# the first $n$ rows of $R$.
#
# **Your task.** Implement `qr_decomposition` with Householder reflections (modified Gram–Schmidt is
# accepted too; classical Gram–Schmidt is not accurate enough). Do not call `np.linalg.qr` or
# `scipy.linalg.qr` — they are what you are graded against.
#
# *Hints.* `np.copysign(r, x0)` gives $r$ with the sign of $x_0$. `np.outer(u, w)` is $uw^\top$. Test your
# function on the identity matrix and on an upper-triangular matrix, and check $\max|Q^\top Q - I|$ on
# `np.vander(np.linspace(0, 1, 40), 12)`.

# %% [raw]
# # BEGIN SOLUTION

# %%
def qr_decomposition(A):
    """Reduced QR decomposition A = Q R by Householder reflections.

    Q has orthonormal columns, R is upper triangular; signs are free (A = (Q D)(D R) for any
    D = diag(+-1)). Q must stay orthonormal on ill-conditioned A: |Q^T Q - I| <= 1e-3 for condition
    numbers up to 1e10 (Householder reaches ~1e-15 whatever the conditioning; modified Gram-Schmidt,
    ~1e-16 * cond(A), is accepted too; classical Gram-Schmidt, ~1e-16 * cond(A)^2, is not).

    Parameters
    ----------
    A : array of shape (m, n), float, m >= n (tall or square), linearly independent columns (possibly
        ill-conditioned, condition number up to 1e10); A = I and already upper-triangular A are allowed

    Returns
    -------
    (Q, R) : tuple
        Q : array of shape (m, n), float, orthonormal columns (the REDUCED factor)
        R : array of shape (n, n), float, upper triangular: the entries below the diagonal must be zero
            (exact zeros, or round-off below 1e-4 * max|A|)

    Q, Q R and R are compared at atol 1e-4 (relative to max|A| for R and Q R), so float32 arithmetic is
    accepted. The input A is not modified.
    """
    # BEGIN SOLUTION
    R = np.array(A, dtype=float)
    m, n = R.shape
    Q = np.eye(m)
    for j in range(n):
        v = R[j:, j].copy()
        v[0] += np.copysign(np.linalg.norm(v), v[0])
        v /= np.linalg.norm(v)
        R[j:, :] -= 2.0 * np.outer(v, v @ R[j:, :])
        Q[:, j:] -= 2.0 * np.outer(Q[:, j:] @ v, v)
    return Q[:, :n], np.triu(R[:n])
    # END SOLUTION

# %% [raw]
# # END SOLUTION

# %% [raw]
# # BEGIN TESTS

# %%
def test_worked_example(qr_decomposition):
    # Gram-Schmidt by hand on a1 = (3, 4, 0), a2 = (1, 2, 0): r11 = |a1| = 5, q1 = (0.6, 0.8, 0);
    # r12 = q1.a2 = 2.2; a2 - 2.2 q1 = (-0.32, 0.24, 0), r22 = 0.4, q2 = (-0.8, 0.6, 0).
    # Any signs are accepted: each column of Q is compared up to sign, and so is each row of R.
    import numpy as np
    from mlmathkit_checks import close, close_up_to_sign, fields

    A = np.array([[3.0, 1.0], [4.0, 2.0], [0.0, 0.0]])
    Q, R = fields(qr_decomposition(A), ["Q", "R"], "QR result")
    close_up_to_sign(Q, [[0.6, -0.8], [0.8, 0.6], [0.0, 0.0]], atol=1e-6, name="Q (reduced: shape (m, n) = (3, 2))")
    close_up_to_sign(R, [[5.0, 2.2], [0.0, 0.4]], axis=1, atol=1e-6, name="R (rows)")
    close(np.asarray(Q, dtype=float) @ np.asarray(R, dtype=float), A, atol=1e-6, name="Q @ R",
          hint="a column of Q and the matching row of R must flip sign together")

# %%
def test_properties(qr_decomposition):
    import numpy as np
    from mlmathkit_checks import as_array, close, fields

    rng = np.random.default_rng(2)
    A = rng.normal(size=(6, 4))
    Q, R = fields(qr_decomposition(A), ["Q", "R"], "QR result")
    Q, R = as_array(Q, "Q", shape=(6, 4)), as_array(R, "R", shape=(4, 4))
    close(Q.T @ Q, np.eye(4), atol=1e-5, name="Q^T Q", hint="the columns of Q must be orthonormal")
    close(np.tril(R, -1), np.zeros((4, 4)), atol=1e-5, name="entries of R below the diagonal",
          hint="R must be upper triangular")
    close(Q @ R, A, atol=1e-5, name="Q @ R", hint="the factors must multiply back to A")

# %%
def test_special_matrices(qr_decomposition):
    # The identity and an upper-triangular matrix are already R (Q = I, up to signs). For [[0, 1], [1, 1]]
    # the first pivot is 0 (take sign(0) = +1): Gram-Schmidt by hand gives q1 = (0, 1), r11 = 1, r12 = 1,
    # q2 = (1, 0), r22 = 1. On polynomial features (cond ~1e8) Q must still be orthonormal (to 1e-3).
    import numpy as np
    from mlmathkit_checks import as_array, close, close_up_to_sign, fields

    T = np.array([[2.0, 1.0], [0.0, 3.0]])
    for label, A, Qe, Re in [("the identity", np.eye(3), np.eye(3), np.eye(3)), ("[[2, 1], [0, 3]]", T, np.eye(2), T),
                             ("[[0, 1], [1, 1]]", np.array([[0.0, 1.0], [1.0, 1.0]]), np.array([[0.0, 1.0], [1.0, 0.0]]),
                              np.array([[1.0, 1.0], [0.0, 1.0]]))]:
        Q, R = fields(qr_decomposition(A), ["Q", "R"], "QR result")
        close_up_to_sign(Q, Qe, atol=1e-6, name=f"Q for {label} (choose the Householder sign that adds, with sign(0) = +1)")
        close_up_to_sign(R, Re, axis=1, atol=1e-6, name=f"R for {label} (rows; zeros below the diagonal)")
    A = np.vander(np.linspace(0.0, 1.0, 40), 12)
    Q, R = fields(qr_decomposition(A), ["Q", "R"], "QR result")
    Q = as_array(Q, "Q", shape=(40, 12))
    close(Q.T @ Q, np.eye(12), rtol=0, atol=1e-3, name="Q^T Q for np.vander(np.linspace(0, 1, 40), 12)",
          hint="classical Gram-Schmidt (and A^T A) lose orthogonality on ill-conditioned columns: use Householder reflections")

# %%
# HIDDEN
def test_random_against_numpy(qr_decomposition):
    """Random tall and square matrices of several sizes and scales, including a single column."""
    # Oracle: numpy.linalg.qr (LAPACK Householder), compared up to the sign of each column of Q and the
    # matching row of R. Random Gaussian matrices, cond < 50: float32 errs by ~1e-6 (entries of Q lie in
    # [-1, 1]; R is compared relative to its largest entry), so atol 1e-4.
    import numpy as np
    from mlmathkit_checks import as_array, close, close_up_to_sign, fields

    rng = np.random.default_rng(2001)
    for m, n in [(1, 1), (3, 1), (4, 4), (5, 2), (10, 3), (25, 10), (60, 20)]:
        A = rng.normal(size=(m, n)) * rng.uniform(0.1, 10.0)
        Qo, Ro = np.linalg.qr(A)
        Q, R = fields(qr_decomposition(A), ["Q", "R"], "QR result")
        close_up_to_sign(Q, Qo, rtol=0, atol=1e-4, name=f"Q for A of shape ({m}, {n})")
        close_up_to_sign(R, Ro, axis=1, rtol=0, atol=1e-4 * np.abs(Ro).max(), name=f"R for A of shape ({m}, {n})")
        close(as_array(Q, "Q") @ as_array(R, "R"), A, rtol=0, atol=1e-4 * np.abs(A).max(), name=f"Q @ R ({m}, {n})",
              hint="is Q the product H_0 H_1 ... H_{n-1} (in this order)?")

# %%
# HIDDEN
def test_orthogonality_ill_conditioned(qr_decomposition):
    """Ill-conditioned tall matrices: polynomial features and singular values spread over ten orders of magnitude."""
    # Polynomial features of degree 11 on 40 points (cond ~1e8) and a matrix with singular values
    # 1 ... 1e-10. Closed-form oracle: Q^T Q = I. Householder keeps |Q^T Q - I| ~ 1e-15 (float32: ~1e-5),
    # modified Gram-Schmidt ~ eps cond ~ 1e-7 here, classical Gram-Schmidt ~ eps cond^2 = O(1): atol 1e-3
    # sits between. Q R = A holds for all of them (backward stability): atol 1e-4 max|A| (float32: ~1e-6).
    import numpy as np
    from mlmathkit_checks import as_array, close, fields

    rng = np.random.default_rng(2002)
    U = np.linalg.qr(rng.normal(size=(40, 12)))[0]
    V = np.linalg.qr(rng.normal(size=(12, 12)))[0]
    cases = {"polynomial features (cond ~1e8)": np.vander(np.linspace(0.0, 1.0, 40), 12, increasing=True),
             "singular values 1 ... 1e-10": (U * np.logspace(0, -10, 12)) @ V.T}
    for label, A in cases.items():
        Q, R = fields(qr_decomposition(A), ["Q", "R"], "QR result")
        Q, R = as_array(Q, "Q", shape=(40, 12)), as_array(R, "R", shape=(12, 12))
        close(Q.T @ Q, np.eye(12), rtol=0, atol=1e-3, name=f"Q^T Q for {label}",
              hint="classical Gram-Schmidt loses orthogonality on ill-conditioned input: use Householder reflections")
        close(Q @ R, A, rtol=0, atol=1e-4 * np.abs(A).max(), name=f"Q @ R for {label}")
        close(np.tril(R, -1), np.zeros((12, 12)), rtol=0, atol=1e-4 * np.abs(A).max(), name=f"lower triangle of R for {label}")

# %%
# HIDDEN
def test_already_triangular(qr_decomposition):
    """Matrices whose columns already point along the axes: the identity, upper-triangular matrices, [I; 0], a permutation."""
    # Columns that already point along e_1 (identity, upper-triangular, [I; 0], a permutation): with
    # v = x - |x| e_1 the Householder vector is 0 and normalising it gives 0/0. The exact QR of an upper
    # triangular A is Q = I (up to signs), R = A.
    import numpy as np
    from mlmathkit_checks import as_array, close, close_up_to_sign, fields

    rng = np.random.default_rng(2003)
    T = np.triu(rng.normal(size=(5, 5))) + np.diag(rng.uniform(1.0, 2.0, size=5))
    for label, A, Qe, Re in [("the identity", np.eye(4), np.eye(4), np.eye(4)),
                             ("an upper-triangular matrix", T, np.eye(5), T),
                             ("[I; 0]", np.eye(6, 3), np.eye(6, 3), np.eye(3)),
                             ("a permutation", np.array([[0.0, 1.0], [1.0, 0.0]]), np.array([[0.0, 1.0], [1.0, 0.0]]), np.eye(2))]:
        Q, R = fields(qr_decomposition(A), ["Q", "R"], "QR result")
        close_up_to_sign(Q, Qe, rtol=0, atol=1e-5, name=f"Q for {label}")
        close_up_to_sign(R, Re, axis=1, rtol=0, atol=1e-5, name=f"R for {label}")
        close(as_array(Q, "Q") @ as_array(R, "R"), A, rtol=0, atol=1e-5, name=f"Q @ R for {label}")

# %%
# HIDDEN
def test_tall_factors_and_unchanged_input(qr_decomposition):
    """Tall matrices (more rows than columns): reduced shapes, exact structure, and the caller's matrix left unchanged."""
    # Oracle: numpy.linalg.qr (reduced) up to signs; the structure of R (zeros below the diagonal) and
    # Q^T Q = I are closed forms. A column with a zero first entry below the diagonal exercises sign(0).
    import numpy as np
    from mlmathkit_checks import as_array, close, close_up_to_sign, fields

    rng = np.random.default_rng(2004)
    A = rng.normal(size=(9, 4)) * 3.0
    B = rng.normal(size=(7, 3))
    B[0, 0] = 0.0  # the first pivot x_1 is exactly 0: sign(0) must count as +1
    for label, M in [("a 9 x 4 matrix", A), ("a 7 x 3 matrix with a zero first entry", B)]:
        M0 = M.copy()
        Qo, Ro = np.linalg.qr(M0)
        m, n = M0.shape
        Q, R = fields(qr_decomposition(M), ["Q", "R"], "QR result")
        close(M, M0, rtol=0, atol=0, name=f"A after qr_decomposition(A) ({label})", hint="work on a copy: do not modify the input")
        Q, R = as_array(Q, "Q", shape=(m, n)), as_array(R, "R", shape=(n, n))
        close(np.tril(R, -1), np.zeros((n, n)), rtol=0, atol=1e-4 * np.abs(M0).max(), name=f"entries of R below the diagonal ({label})",
              hint="every column of the reduced matrix needs its reflection, also the last one when m > n")
        close(Q.T @ Q, np.eye(n), rtol=0, atol=1e-4, name=f"Q^T Q ({label})")
        close_up_to_sign(Q, Qo, rtol=0, atol=1e-4, name=f"Q ({label})")
        close_up_to_sign(R, Ro, axis=1, rtol=0, atol=1e-4 * np.abs(Ro).max(), name=f"R ({label})")
        close(Q @ R, M0, rtol=0, atol=1e-4 * np.abs(M0).max(), name=f"Q @ R ({label})")

# %% [raw]
# # END TESTS

# %% [raw]
# # END QUESTION

# %% [raw]
# # BEGIN QUESTION
# name: q3_eigen

# %% [markdown]
# ## Question 3 — Eigendecomposition of a symmetric matrix by the QR algorithm
#
# **Why it matters.** Symmetric matrices are everywhere in machine learning: covariance matrices (PCA),
# kernel (Gram) matrices, Hessians (curvature, Newton's method, the "sharpness" of a minimum) and graph
# Laplacians (spectral clustering, graph neural networks). Their eigenvectors are the natural axes of
# the problem, their eigenvalues its scales. Power iteration — the algorithm behind PageRank — finds
# the top one; the QR algorithm, which you build here, finds all of them and is what LAPACK runs inside
# `np.linalg.eigh`.
#
# **Spectral theorem.** A real symmetric $S\in\mathbb R^{n\times n}$ has real eigenvalues
# $\lambda_1\ge\dots\ge\lambda_n$ and an orthonormal basis of eigenvectors: $S = V\Lambda V^\top$, $V^\top V = I$. An
# eigenvector is only defined up to sign, and for a repeated eigenvalue only its *eigenspace* is
# defined — any orthonormal basis of it is correct. The tests check exactly that.
#
# **From power iteration to QR iteration.** Power iteration $x \leftarrow Sx/\lVert Sx\rVert$ multiplies the
# component along $v_i$ by $\lambda_i$ at each step, so it converges to the eigenvector of largest $|\lambda|$,
# with error shrinking like $|\lambda_2/\lambda_1|^k$. Iterating a whole orthonormal basis at once and
# re-orthonormalising with QR at every step (*simultaneous iteration*) finds all eigenvectors. Written in
# the rotated coordinates $A_k = V_k^\top S V_k$ this becomes the **QR iteration**
#
# $$A_k = Q_kR_k,\qquad A_{k+1} = R_kQ_k = Q_k^\top A_k Q_k,\qquad V_{k+1} = V_kQ_k .$$
#
# Each step is an orthogonal similarity, so $A_k$ keeps the eigenvalues of $S$ and stays symmetric, and
# $S = V_kA_kV_k^\top$ at every step. The off-diagonal entry $(i, j)$ decays like $|\lambda_i/\lambda_j|^k$, so $A_k$
# tends to a diagonal matrix: its diagonal holds the eigenvalues, the columns of $V_k$ the eigenvectors.
#
# **Shifts.** Plain QR iteration has two problems: it is slow when two eigenvalues have nearly the same
# magnitude, and it *never* converges when they have exactly the same magnitude and opposite signs
# (try `[[0, 1], [1, 0]]`: $Q = A$, $R = I$, and $A_{k+1} = A_k$ forever). The cure is a *shift* $\mu$:
#
# $$A_k - \mu I = Q_kR_k,\qquad A_{k+1} = R_kQ_k + \mu I = Q_k^\top A_k Q_k .$$
#
# It is still an orthogonal similarity, but now the last row converges at the rate
# $|\lambda_n-\mu|/|\lambda_{n-1}-\mu|$, which is tiny when $\mu$ is close to an eigenvalue. The **Wilkinson shift**
# is the eigenvalue of the trailing $2\times2$ block $\begin{pmatrix} a & b\\ b & c\end{pmatrix}$ closer to $c$:
#
# $$\mu = \frac{a+c}{2} - \operatorname{sign}(d)\sqrt{d^2+b^2},\qquad d = \frac{a-c}{2}\quad(\operatorname{sign}(0) = +1),$$
#
# and with it the QR iteration converges for every symmetric matrix, usually in 2–3 steps per eigenvalue.
#
# **Deflation.** Work on the leading $m\times m$ block (start with $m = n$). Once the off-diagonal part of
# its last row is negligible, $\lVert A_{m-1,\,:m-1}\rVert\le \text{tol}\cdot\lVert S\rVert_F$, the entry $A_{m-1,m-1}$ is
# an eigenvalue: shrink the block to $m-1$ and continue until $m = 1$. The QR step then only touches
# $A_{:m,:m}$, and the eigenvectors are updated by $V_{:,:m}\leftarrow V_{:,:m}Q$. The tolerance must be *relative*
# to $\lVert S\rVert$: a matrix of size $10^{-12}$ is not already diagonal.
#
# **Accuracy.** Eigenvalues of a symmetric matrix are perfectly conditioned (a perturbation $E$ moves
# them by at most $\lVert E\rVert_2$), so they should come out accurate to about $\text{tol}\cdot\lVert S\rVert$. An
# eigenvector is harder: its error is about (error in $S$)$/$(gap to the nearest other eigenvalue), the
# Davis–Kahan bound. The tests allow eigenvalue errors of $10^{-8}\lVert S\rVert$, eigenvector errors of
# $2\times10^{-9}\lVert S\rVert/\text{gap}$ (an iteration converged to a residual $\lVert Sv-\lambda v\rVert\approx10^{-9}\lVert S\rVert$), and compare the eigenspace of a (nearly) repeated eigenvalue as a whole.
#
# **Your task.** Implement `symmetric_eig`. You may use `np.linalg.qr` (or your `qr_decomposition`); do not
# call `np.linalg.eig`, `np.linalg.eigh`, `np.linalg.svd` or their scipy versions.
#
# *Hints.* Return the eigenvalues in **descending** order with the eigenvectors as **columns** in the same
# order (`np.argsort` then reverse). Always cap the number of iterations. Test on `[[0, 1], [1, 0]]`, on a
# diagonal matrix, and on your matrix times `1e-12`.

# %% [raw]
# # BEGIN SOLUTION

# %%
def symmetric_eig(S, tol=1e-12, max_iter=1000):
    """Eigenvalues and eigenvectors of a symmetric matrix by the shifted QR algorithm.

    S = V diag(w) V^T with V orthogonal and w sorted in descending order. Iterate
    A - mu I = Q R, A <- R Q + mu I, V <- V Q (Wilkinson shift mu, deflation when the last row of the
    active block is below tol * ||S||_F).

    Parameters
    ----------
    S : array of shape (n, n), float, symmetric (n >= 1); eigenvalues may be negative, repeated (e.g. S = I),
        nearly equal, or of equal magnitude and opposite sign (lambda and -lambda, e.g. [[0, 1], [1, 0]]);
        the scale of S may be anything (1e-20 to 1e20). S = 0 gives w = 0 and any orthogonal V.
    tol : float, relative deflation tolerance: deflate when ||A[m-1, :m-1]|| <= tol * ||S||_F
    max_iter : int, cap on the number of QR steps. With the Wilkinson shift every symmetric S converges
        far within the default cap; what is returned if the cap is reached is not tested.

    Returns
    -------
    (w, V) : tuple
        w : array of shape (n,), float, eigenvalues in descending order (error <= 1e-8 ||S||)
        V : array of shape (n, n), float, orthonormal columns, S V[:, i] = w[i] V[:, i]
            (error <= 2e-9 ||S|| / gap_i up to sign; any orthonormal basis of a repeated eigenvalue's eigenspace)
        Here ||S|| is the spectral norm max |w|.

    Compute in float64: float32 arithmetic cannot reach these accuracies. S is not modified.
    """
    # BEGIN SOLUTION
    A = np.array(S, dtype=float)
    n = A.shape[0]
    V = np.eye(n)
    m = n
    for _ in range(max_iter):
        while m > 1 and np.linalg.norm(A[m - 1, :m - 1]) <= tol * np.linalg.norm(S):
            m -= 1
        if m == 1:
            break
        a, b, c = A[m - 2, m - 2], A[m - 1, m - 2], A[m - 1, m - 1]
        mu = (a + c) / 2 - np.copysign(np.hypot((a - c) / 2, b), a - c)
        Q, R = np.linalg.qr(A[:m, :m] - mu * np.eye(m))
        A[:m, :m] = R @ Q + mu * np.eye(m)
        V[:, :m] = V[:, :m] @ Q
    order = np.argsort(np.diag(A))[::-1]
    return np.diag(A)[order], V[:, order]
    # END SOLUTION

# %% [raw]
# # END SOLUTION

# %% [raw]
# # BEGIN TESTS

# %%
def test_worked_example(symmetric_eig):
    # [[2, 1], [1, 2]] (1, 1) = 3 (1, 1) and [[2, 1], [1, 2]] (1, -1) = 1 (1, -1).
    import numpy as np
    from mlmathkit_checks import close, close_up_to_sign, fields

    w, V = fields(symmetric_eig(np.array([[2.0, 1.0], [1.0, 2.0]])), ["w", "V"], "eigendecomposition")
    close(w, [3.0, 1.0], name="eigenvalues of [[2, 1], [1, 2]]", hint="eigenvalues in DESCENDING order")
    r = 1 / np.sqrt(2)
    close_up_to_sign(V, [[r, r], [r, -r]], atol=1e-6, name="eigenvectors of [[2, 1], [1, 2]] (unit COLUMNS of V, same order as the eigenvalues)")
    # [[0, 2], [2, 0]] (1, 1) = 2 (1, 1) and [[0, 2], [2, 0]] (1, -1) = -2 (1, -1): equal magnitudes, opposite signs.
    w, V = fields(symmetric_eig(np.array([[0.0, 2.0], [2.0, 0.0]])), ["w", "V"], "eigendecomposition")
    close(w, [2.0, -2.0], name="eigenvalues of [[0, 2], [2, 0]]",
          hint="plain QR iteration never converges for lambda and -lambda: use the Wilkinson shift with sign(0) = +1")
    close_up_to_sign(V, [[r, r], [r, -r]], atol=1e-6, name="eigenvectors of [[0, 2], [2, 0]]")
    # The same matrix [[2, 1], [1, 2]] scaled by 1e-13: eigenvalues 3e-13 and 1e-13.
    w, V = fields(symmetric_eig(1e-13 * np.array([[2.0, 1.0], [1.0, 2.0]])), ["w", "V"], "eigendecomposition")
    close(w, [3e-13, 1e-13], rtol=1e-6, atol=0, name="eigenvalues of 1e-13 * [[2, 1], [1, 2]]",
          hint="the stopping rule must be relative to ||S||: a tiny matrix is not already diagonal")

# %%
def test_properties(symmetric_eig):
    import numpy as np
    from mlmathkit_checks import as_array, close, fields, require

    rng = np.random.default_rng(3)
    B = rng.normal(size=(6, 6))
    S = (B + B.T) / 2
    w, V = fields(symmetric_eig(S), ["w", "V"], "eigendecomposition")
    w, V = as_array(w, "w", shape=(6,)), as_array(V, "V", shape=(6, 6))
    require(bool(np.all(np.diff(w) <= 0)), f"eigenvalues must be sorted in descending order, got {np.round(w, 4)}")
    close(V.T @ V, np.eye(6), atol=1e-6, name="V^T V", hint="the eigenvectors must be orthonormal columns")
    scale = np.linalg.norm(S)  # Frobenius norm
    close(S @ V, V * w, rtol=0, atol=1e-7 * scale, name="S V - V diag(w)",
          hint="column i of V must satisfy S v_i = w_i v_i")
    close(w.sum(), np.trace(S), atol=1e-7 * scale, name="sum of the eigenvalues", hint="it equals the trace of S")

# %%
# HIDDEN
def test_random_spectra_against_eigh(symmetric_eig):
    """Random symmetric matrices of sizes 1 to 20 with well-separated eigenvalues of both signs."""
    # Oracle: numpy.linalg.eigh. S = Q diag(lam) Q^T with random Q and random eigenvalues (gaps >= ~0.05 of
    # the spread, some negative). Eigenvalues: atol 1e-8 ||S|| (a converged iteration gives ~1e-14; power
    # iteration stopped at residual 1e-10 ||S|| gives ~1e-11). Eigenvectors, up to sign: Davis-Kahan,
    # error <= residual / gap: atol 2e-9 ||S|| / gap, i.e. an iteration converged to a residual of ~1e-9 ||S||
    # (QR with tol 1e-12: ~1e-15; power iteration stopped at residual 1e-10 ||S||: ~1e-10; deflating as soon as
    # off-diagonal entries are ~1e-6 ||S|| errs by 1e-8 ... 1e-6).
    import numpy as np
    from mlmathkit_checks import as_array, close, close_up_to_sign, fields

    rng = np.random.default_rng(3001)
    for n in (1, 2, 3, 5, 8, 12, 20):
        lam = np.linspace(-1.0, 1.0, n) + rng.uniform(-0.2, 0.2, size=n) / max(n, 2)
        lam = lam * rng.uniform(0.5, 20.0) + rng.normal()
        Q = np.linalg.qr(rng.normal(size=(n, n)))[0]
        S = (Q * lam) @ Q.T
        S = (S + S.T) / 2
        wo, Vo = np.linalg.eigh(S)
        wo, Vo = wo[::-1], Vo[:, ::-1]
        norm = np.abs(wo).max()
        w, V = fields(symmetric_eig(S), ["w", "V"], "eigendecomposition")
        close(w, wo, rtol=0, atol=1e-8 * norm, name=f"eigenvalues (n={n})",
              hint="descending order; is your stopping rule relative to the size of S?")
        V = as_array(V, "V", shape=(n, n))
        for j in range(n):
            gap = np.abs(np.delete(wo, j) - wo[j]).min() if n > 1 else norm
            close_up_to_sign(V[:, [j]], Vo[:, [j]], rtol=0, atol=2e-9 * norm / gap, name=f"eigenvector {j} (n={n}; the COLUMNS of V, in the order of the eigenvalues)")

# %%
# HIDDEN
def test_hard_spectra(symmetric_eig):
    """Opposite eigenvalues of equal magnitude, repeated, nearly equal and zero eigenvalues, a diagonal matrix, tiny and huge scales."""
    # Opposite eigenvalues of equal magnitude (plain QR iteration never converges), repeated eigenvalues
    # (only the eigenspace is defined: compared through its projector), nearly equal eigenvalues, zero
    # eigenvalues, a diagonal matrix, and scales 1e-12 and 1e12 (tolerances must be relative to ||S||).
    # Oracle: numpy.linalg.eigh; tolerances as in the random test, gap measured between clusters.
    import numpy as np
    from mlmathkit_checks import as_array, close, close_up_to_sign, fields, same_subspace

    rng = np.random.default_rng(3002)
    spectra = {"+-2 and +-1": [2.0, -2.0, 1.0, -1.0, 0.5], "repeated 3, 3, -2, -2": [3.0, 3.0, 1.0, -2.0, -2.0],
               "nearly equal 1, 1 + 1e-10": [1.0, 1.0 + 1e-10, 0.5, -0.25], "zeros (rank 2)": [4.0, 0.0, 0.0, 1.5, 0.0],
               "scale 1e-12": list(1e-12 * np.array([3.0, -1.0, 2.0, 0.5])), "scale 1e12": list(1e12 * np.array([3.0, -1.0, 2.0, 0.5])),
               "distinct diagonal": "diag"}
    for label, lam in spectra.items():
        if lam == "diag":
            S = np.diag([0.3, -2.0, 5.0, 1.0])
        else:
            Q = np.linalg.qr(rng.normal(size=(len(lam), len(lam))))[0]
            S = (Q * np.array(lam)) @ Q.T
            S = (S + S.T) / 2
        wo, Vo = np.linalg.eigh(S)
        wo, Vo = wo[::-1], Vo[:, ::-1]
        norm = np.abs(wo).max()
        n = len(wo)
        w, V = fields(symmetric_eig(S), ["w", "V"], "eigendecomposition")
        close(w, wo, rtol=0, atol=1e-8 * norm, name=f"eigenvalues ({label})",
              hint="shift the QR iteration (Wilkinson shift) and stop relative to ||S||")
        V = as_array(V, "V", shape=(n, n))
        close(V.T @ V, np.eye(n), rtol=0, atol=1e-6, name=f"V^T V ({label})")
        clusters, start = [], 0
        for j in range(1, n + 1):
            if j == n or wo[j - 1] - wo[j] > 1e-6 * norm:
                clusters.append(list(range(start, j)))
                start = j
        for idx in clusters:
            gap = min((abs(wo[i] - wo[j]) for i in idx for j in range(n) if j not in idx), default=norm)
            if len(idx) == 1:
                close_up_to_sign(V[:, idx], Vo[:, idx], rtol=0, atol=2e-9 * norm / gap, name=f"eigenvector {idx[0]} ({label})")
            else:
                same_subspace(V[:, idx], Vo[:, idx], atol=2e-9 * norm / gap, name=f"eigenvectors {idx} ({label})")

# %%
# HIDDEN
def test_graph_laplacian(symmetric_eig):
    """Graph Laplacians: a path (tridiagonal, mostly exact zeros) and two disconnected cliques (repeated eigenvalues)."""
    # Spectral clustering: the Laplacian L = D - W of a graph with c connected components has eigenvalue 0
    # with multiplicity c, and its null space is spanned by the components' indicator vectors (closed form).
    # Two disjoint cliques (sizes 3 and 4) joined to nothing: eigenvalues 4, 4, 4, 3, 3, 0, 0 exactly.
    # A path of n nodes (tridiagonal, mostly exact zeros): eigenvalues 2 - 2 cos(pi k / n), eigenvectors
    # cos(pi k (j + 1/2) / n), k = 0..n-1 (closed form); tolerances as in the random test.
    import numpy as np
    from mlmathkit_checks import as_array, close, close_up_to_sign, fields, same_subspace

    n = 6
    P = 2 * np.eye(n) - np.eye(n, k=1) - np.eye(n, k=-1)
    P[0, 0] = P[-1, -1] = 1.0
    k = np.arange(n)[::-1]
    lam = 2 - 2 * np.cos(np.pi * k / n)
    vecs = np.cos(np.pi * np.outer(np.arange(n) + 0.5, k) / n)
    w, V = fields(symmetric_eig(P), ["w", "V"], "eigendecomposition")
    close(w, lam, rtol=0, atol=1e-8 * 4, name="eigenvalues of the Laplacian of a path of 6 nodes",
          hint="a tridiagonal matrix has exact zeros in its last row: deflate on the whole off-diagonal row")
    close_up_to_sign(V, vecs / np.linalg.norm(vecs, axis=0), rtol=0, atol=2e-9 * 4 / (2 - 2 * np.cos(np.pi / n)),
                     name="eigenvectors of the Laplacian of a path (columns of V)")

    W = np.zeros((7, 7))
    W[:3, :3] = 1.0
    W[3:, 3:] = 1.0
    np.fill_diagonal(W, 0.0)
    L = np.diag(W.sum(axis=1)) - W
    w, V = fields(symmetric_eig(L), ["w", "V"], "eigendecomposition")
    close(w, [4.0, 4.0, 4.0, 3.0, 3.0, 0.0, 0.0], rtol=0, atol=1e-7, name="eigenvalues of the Laplacian of two cliques")
    V = as_array(V, "V", shape=(7, 7))
    indicators = np.stack([np.r_[np.ones(3), np.zeros(4)], np.r_[np.zeros(3), np.ones(4)]], axis=1)
    same_subspace(V[:, 5:], indicators, atol=1e-6, name="eigenvectors of the eigenvalue 0 (should span the indicators of the connected components)")
    on_clique = np.zeros((7, 4))
    on_clique[3:] = np.eye(4) - 0.25  # vectors on the 4-clique orthogonal to its indicator (rank 3)
    same_subspace(V[:, :3], on_clique, atol=1e-6, name="eigenvectors of the eigenvalue 4")

# %%
# HIDDEN
def test_exact_symmetric_blocks(symmetric_eig):
    """Matrices whose trailing 2 x 2 block has equal diagonal entries, with eigenvalues lambda and -lambda."""
    # Closed forms: [[c, b], [b, c]] has eigenvalues c + b, c - b with eigenvectors (1, 1)/sqrt2, (1, -1)/sqrt2.
    # With a = c the Wilkinson shift needs sign(0) = +1 (np.sign(0) = 0 gives the mean, and the iteration
    # never moves); plain or Rayleigh-quotient shifts and power iteration stall on lambda, -lambda too.
    import numpy as np
    from mlmathkit_checks import as_array, close, close_up_to_sign, fields

    r = 1 / np.sqrt(2)
    cases = {"[[0, 1], [1, 0]]": (np.array([[0.0, 1.0], [1.0, 0.0]]), [1.0, -1.0], [[r, r], [r, -r]]),
             "[[0, -3], [-3, 0]]": (np.array([[0.0, -3.0], [-3.0, 0.0]]), [3.0, -3.0], [[r, r], [-r, r]]),
             "[[2, 5], [5, 2]]": (np.array([[2.0, 5.0], [5.0, 2.0]]), [7.0, -3.0], [[r, r], [r, -r]])}
    B = np.zeros((4, 4))
    B[:2, :2] = [[5.0, 1.0], [1.0, 5.0]]
    B[2:, 2:] = [[0.0, 2.0], [2.0, 0.0]]
    E = np.zeros((4, 4))
    E[:2, :2], E[2:, 2:] = [[r, r], [r, -r]], [[r, r], [r, -r]]
    cases["a block-diagonal 4 x 4 matrix with blocks [[5, 1], [1, 5]] and [[0, 2], [2, 0]]"] = (B, [6.0, 4.0, 2.0, -2.0], E[:, [0, 1, 2, 3]])
    for label, (S, w_exp, V_exp) in cases.items():
        n = len(S)
        norm = np.abs(w_exp).max()
        w, V = fields(symmetric_eig(S), ["w", "V"], "eigendecomposition")
        close(w, w_exp, rtol=0, atol=1e-8 * norm, name=f"eigenvalues of {label}",
              hint="Wilkinson shift with sign(0) = +1: np.sign(0) is 0")
        V = as_array(V, "V", shape=(n, n))
        gap = 2.0
        close_up_to_sign(V, V_exp, rtol=0, atol=2e-9 * norm / gap, name=f"eigenvectors of {label} (columns of V)")

# %%
# HIDDEN
def test_identity_zero_and_extreme_scales(symmetric_eig):
    """S = I (one eigenvalue repeated n times), S = 0, and matrices of size 1e-20 and 1e20."""
    # S = c I: every orthonormal V is correct, the test checks V^T V = I and w = c. S = 0: w = 0. Scaled
    # spectra: numpy.linalg.eigh oracle, tolerances relative to ||S|| as in the random test; an absolute
    # stopping threshold takes a matrix of size 1e-20 for diagonal at once.
    import numpy as np
    from mlmathkit_checks import as_array, close, close_up_to_sign, fields

    for label, S, w_exp in [("S = I (4 x 4)", np.eye(4), np.ones(4)), ("S = 2.5 I (3 x 3)", 2.5 * np.eye(3), np.full(3, 2.5)),
                            ("S = 0 (3 x 3)", np.zeros((3, 3)), np.zeros(3)), ("a 1 x 1 matrix", np.array([[-4.0]]), [-4.0])]:
        n = len(S)
        w, V = fields(symmetric_eig(S), ["w", "V"], "eigendecomposition")
        close(w, w_exp, rtol=1e-8, atol=1e-12, name=f"eigenvalues of {label}")
        V = as_array(V, "V", shape=(n, n))
        close(V.T @ V, np.eye(n), rtol=0, atol=1e-6, name=f"V^T V for {label}", hint="V must be orthogonal even when every vector is an eigenvector")
    rng = np.random.default_rng(3003)
    Q = np.linalg.qr(rng.normal(size=(5, 5)))[0]
    for scale in (1e-20, 1e-13, 1e20):
        lam = scale * np.array([3.0, -2.0, 1.0, -0.5, 2.5])
        S = (Q * lam) @ Q.T
        S = (S + S.T) / 2
        wo, Vo = np.linalg.eigh(S)
        wo, Vo = wo[::-1], Vo[:, ::-1]
        norm = np.abs(wo).max()
        w, V = fields(symmetric_eig(S), ["w", "V"], "eigendecomposition")
        close(w, wo, rtol=0, atol=1e-8 * norm, name=f"eigenvalues of a matrix of size {scale:g}",
              hint="the stopping rule must be relative to ||S||: a tiny matrix is not already diagonal")
        V = as_array(V, "V", shape=(5, 5))
        for j in range(5):
            gap = np.abs(np.delete(wo, j) - wo[j]).min()
            close_up_to_sign(V[:, [j]], Vo[:, [j]], rtol=0, atol=2e-9 * norm / gap, name=f"eigenvector {j} of a matrix of size {scale:g}")

# %%
# HIDDEN
def test_input_unchanged(symmetric_eig):
    """The caller's matrix is left unchanged by the call."""
    import numpy as np
    from mlmathkit_checks import close

    rng = np.random.default_rng(3004)
    B = rng.normal(size=(6, 6))
    S = (B + B.T) / 2
    S0 = S.copy()
    symmetric_eig(S)
    close(S, S0, rtol=0, atol=0, name="S after symmetric_eig(S)", hint="work on a copy of S: do not modify the input")

# %% [raw]
# # END TESTS

# %% [raw]
# # END QUESTION

# %% [raw]
# # BEGIN QUESTION
# name: q4_svd_lowrank

# %% [markdown]
# ## Question 4 — The SVD and the best rank-$k$ approximation (Eckart–Young)
#
# **Why it matters.** The singular value decomposition is the Swiss army knife of data analysis. Keeping
# only its top $k$ terms gives the *best possible* rank-$k$ approximation of a matrix: that is how
# recommender systems fill in a ratings matrix, how latent semantic analysis finds topics, how LoRA and
# model compression replace a large weight matrix by a thin product, and — on centred data — what PCA
# is (Questions 5 and 8). The theorem even tells you, for free, how large the error is.
#
# **The SVD.** Every $A\in\mathbb R^{m\times n}$ factors as $A = U\Sigma V^\top = \sum_{i=1}^{r}\sigma_i u_iv_i^\top$ with
# orthonormal $u_i\in\mathbb R^m$ and $v_i\in\mathbb R^n$ and singular values $\sigma_1\ge\sigma_2\ge\dots\ge\sigma_r > 0$
# ($r = \operatorname{rank}A$; in the reduced form, $\min(m,n)$ of them with zeros allowed). Geometrically, $A$ maps
# the orthonormal directions $v_i$ to the orthogonal directions $\sigma_iu_i$.
#
# **Truncation and Eckart–Young–Mirsky.** Let $A_k = \sum_{i\le k}\sigma_iu_iv_i^\top = U_k\Sigma_kV_k^\top$. Then
#
# $$A - A_k = \sum_{i>k}\sigma_iu_iv_i^\top$$
#
# is itself written as an SVD, so its largest singular value — its spectral norm — is $\sigma_{k+1}$, and its
# Frobenius norm is $\lVert A-A_k\rVert_F^2 = \operatorname{trace}\big((A-A_k)^\top(A-A_k)\big) = \sum_{i>k}\sigma_i^2$. The theorem
# says that no matrix $B$ of rank at most $k$ does better:
#
# $$\min_{\operatorname{rank}B\le k}\lVert A-B\rVert_2 = \sigma_{k+1},\qquad \min_{\operatorname{rank}B\le k}\lVert A-B\rVert_F = \Big(\sum_{i>k}\sigma_i^2\Big)^{1/2}.$$
#
# *Proof for the spectral norm.* The null space of $B$ has dimension at least $n-k$, so it meets the
# $(k+1)$-dimensional span of $v_1,\dots,v_{k+1}$ in some unit vector $z = \sum_{i\le k+1}c_iv_i$. Then
# $\lVert(A-B)z\rVert = \lVert Az\rVert = \big(\sum_{i\le k+1}\sigma_i^2c_i^2\big)^{1/2}\ge\sigma_{k+1}$.
#
# Mind the indexing: $\sigma_{k+1}$ (one-based) is `s[k]` in Python. When $k\ge$ the number of singular values,
# both errors are $0$.
#
# **Numerics.** Since $A^\top A = V\Sigma^2V^\top$, it is tempting to take `sqrt` of the eigenvalues of $A^\top A$.
# Don't: forming $A^\top A$ squares the condition number, and every singular value below about
# $\sqrt{\varepsilon}\,\sigma_1\approx10^{-8}\sigma_1$ is lost in round-off (or comes out as the square root of a
# negative number). `np.linalg.svd` works on $A$ directly and gets every $\sigma_i$ to within about
# $\varepsilon\,\sigma_1$.
#
# **Your task.** Implement `truncated_svd`, `best_rank_k` and `rank_k_errors`. Use
# `np.linalg.svd(A, full_matrices=False)`, which returns $U$, the singular values in descending order and
# $V^\top$ (not $V$!).
#
# *Hints.* Which index of `Vt` selects the $i$-th right singular vector? `U * s` scales the columns of `U`.
# The best rank-$0$ approximation is the zero matrix.

# %% [raw]
# # BEGIN SOLUTION

# %%
def truncated_svd(A, k):
    """The top-k singular triplets of A.

    A = U diag(s) V^T (reduced SVD, s descending); keep the first k columns of U and V and the
    first k singular values.

    Parameters
    ----------
    A : array of shape (m, n), float, tall (m > n), square or wide (m < n), of any rank
    k : int, 0 <= k <= min(m, n) (k = 0 gives arrays of shapes (m, 0), (0,), (0, n))

    Returns
    -------
    (U_k, s_k, Vt_k) : tuple
        U_k : array of shape (m, k), orthonormal columns (left singular vectors)
        s_k : array of shape (k,), the k largest singular values, descending, accurate to ~1e-15 * s[0]
        Vt_k : array of shape (k, n), orthonormal rows (right singular vectors, transposed)
        The signs are free but must match within each triple: A Vt_k[i] = s_k[i] U_k[:, i].

    Compute in float64: singular values are compared at atol 1e-12 * s[0], beyond float32. A is not modified.
    """
    # BEGIN SOLUTION
    U, s, Vt = np.linalg.svd(np.asarray(A, dtype=float), full_matrices=False)
    return U[:, :k], s[:k], Vt[:k]
    # END SOLUTION


def best_rank_k(A, k):
    """Best rank-k approximation of A (Eckart-Young): A_k = sum_{i<=k} s_i u_i v_i^T.

    Parameters
    ----------
    A : array of shape (m, n), float, tall, square or wide, of any rank
    k : int, 0 <= k <= min(m, n); for k >= rank(A), A_k = A

    Returns
    -------
    A_k : array of shape (m, n), float, of rank <= k (an (m, n) array of zeros for k = 0)

    Compared at atol 1e-6 * s[0], so float32 arithmetic is accepted. A is not modified.
    """
    # BEGIN SOLUTION
    U, s, Vt = truncated_svd(A, k)
    return (U * s) @ Vt
    # END SOLUTION


def rank_k_errors(s, k):
    """Errors of the best rank-k approximation, from the singular values alone.

    ||A - A_k||_2 = s_{k+1} (one-based; s[k] in Python),  ||A - A_k||_F = sqrt(sum_{i>k} s_i^2);
    both are 0 when k >= len(s).

    Parameters
    ----------
    s : array of shape (r,), float, singular values in descending order (ties and zeros allowed)
    k : int >= 0 (k = 0 keeps nothing; k >= r discards nothing)

    Returns
    -------
    (spectral, frobenius) : tuple of two floats

    Compared at rtol 1e-6: compute in float64. s is not modified.
    """
    # BEGIN SOLUTION
    tail = np.asarray(s, dtype=float)[k:]
    return tail.max(initial=0.0), np.sqrt(np.sum(tail**2))
    # END SOLUTION

# %% [raw]
# # END SOLUTION

# %% [raw]
# # BEGIN TESTS

# %%
def test_worked_example(truncated_svd, best_rank_k, rank_k_errors):
    # A = [[1, 0], [0, -3], [0, 0]]: singular values 3 and 1 (the -3 gives sigma = 3 with u = -e2 or v = -e2).
    # Best rank 1: keep the 3, A_1 = [[0, 0], [0, -3], [0, 0]]; errors: spectral 1, Frobenius 1.
    # For s = (3, 2, 1) and k = 1: spectral s_2 = 2, Frobenius sqrt(2^2 + 1^2) = sqrt(5).
    import numpy as np
    from mlmathkit_checks import as_scalar, close, fields

    A = np.array([[1.0, 0.0], [0.0, -3.0], [0.0, 0.0]])
    U, s, Vt = fields(truncated_svd(A, 1), ["U_k", "s_k", "Vt_k"], "truncated SVD")
    close(s, [3.0], name="largest singular value", hint="singular values are non-negative, largest first")
    close(best_rank_k(A, 1), [[0.0, 0.0], [0.0, -3.0], [0.0, 0.0]], atol=1e-6, name="best rank-1 approximation",
          hint="A_k = U_k diag(s_k) V_k^T; np.linalg.svd returns V^T, whose ROWS are the right singular vectors")
    spectral, frob = fields(rank_k_errors(np.array([3.0, 2.0, 1.0]), 1), ["spectral", "frobenius"], "errors")
    close(as_scalar(spectral, "spectral error"), 2.0, name="spectral error for s = (3, 2, 1), k = 1",
          hint="sigma_{k+1} in one-based notation is s[k] in Python")
    close(as_scalar(frob, "Frobenius error"), np.sqrt(5.0), name="Frobenius error for s = (3, 2, 1), k = 1",
          hint="the square root of the sum of the squared discarded singular values")
    # k = 3 = len(s) discards nothing: both errors are 0; k = 0 keeps nothing: A_0 is the zero matrix.
    spectral, frob = fields(rank_k_errors(np.array([3.0, 2.0, 1.0]), 3), ["spectral", "frobenius"], "errors")
    close([as_scalar(spectral, "spectral error"), as_scalar(frob, "Frobenius error")], [0.0, 0.0],
          name="errors for s = (3, 2, 1), k = 3", hint="nothing is discarded when k >= len(s)")
    close(best_rank_k(A, 0), np.zeros((3, 2)), name="best rank-0 approximation", hint="an (m, n) array of zeros")

# %%
def test_properties(truncated_svd, best_rank_k, rank_k_errors):
    import numpy as np
    from mlmathkit_checks import as_array, as_scalar, close, fields, require

    rng = np.random.default_rng(4)
    A = rng.normal(size=(8, 5))
    U, s, Vt = fields(truncated_svd(A, 2), ["U_k", "s_k", "Vt_k"], "truncated SVD")
    U, s, Vt = as_array(U, "U_k", shape=(8, 2)), as_array(s, "s_k", shape=(2,)), as_array(Vt, "Vt_k", shape=(2, 5))
    close(U.T @ U, np.eye(2), atol=1e-6, name="U_k^T U_k")
    close(Vt @ Vt.T, np.eye(2), atol=1e-6, name="Vt_k Vt_k^T", hint="Vt_k has the right singular vectors as ROWS")
    require(bool(s[0] >= s[1] >= 0), f"singular values must be non-negative and descending, got {s}")
    A2 = as_array(best_rank_k(A, 2), "A_2", shape=(8, 5))
    require(int(np.linalg.matrix_rank(A2, tol=1e-6)) == 2, "the best rank-2 approximation must have rank 2")
    s_all = np.linalg.svd(A, compute_uv=False)
    spectral, frob = fields(rank_k_errors(s_all, 2), ["spectral", "frobenius"], "errors")
    close(as_scalar(frob, "Frobenius error"), np.linalg.norm(A - A2), name="||A - A_2||_F compared with the tail singular values",
          hint="Eckart-Young: ||A - A_k||_F^2 is the sum of the squared discarded singular values")
    close(as_scalar(spectral, "spectral error"), np.linalg.norm(A - A2, 2), name="||A - A_2||_2")
    close(best_rank_k(A, 5), A, atol=1e-6, name="best rank-5 approximation of a rank-5 matrix")

# %%
# HIDDEN
def test_svd_against_scipy(truncated_svd, best_rank_k):
    """Random tall, square and wide matrices with well-separated singular values, several k."""
    # Oracle: scipy.linalg.svd with LAPACK's gesvd driver (numpy uses gesdd). Singular values well separated
    # (gap >= 0.1 s_1), so singular vectors are determined to ~1e-15 / 0.1; atol 1e-6 allows float32.
    import numpy as np
    from scipy.linalg import svd
    from mlmathkit_checks import as_array, close, close_up_to_sign, fields

    rng = np.random.default_rng(4001)
    for m, n, k in [(6, 4, 2), (4, 6, 3), (5, 5, 5), (30, 8, 3), (3, 10, 1), (7, 1, 1)]:
        r = min(m, n)
        sv = np.sort(rng.uniform(0.1, 1.0, size=r) + np.arange(r))[::-1] * rng.uniform(0.5, 5.0)
        A = (np.linalg.qr(rng.normal(size=(m, r)))[0] * sv) @ np.linalg.qr(rng.normal(size=(n, r)))[0].T
        Uo, so, Vto = svd(A, full_matrices=False, lapack_driver="gesvd")
        U, s, Vt = fields(truncated_svd(A, k), ["U_k", "s_k", "Vt_k"], "truncated SVD")
        tag = f"(A of shape ({m}, {n}), k={k})"
        close(s, so[:k], rtol=1e-6, atol=1e-8 * so[0], name=f"singular values {tag}")
        close_up_to_sign(U, Uo[:, :k], rtol=0, atol=1e-6, name=f"U_k {tag} (the FIRST k columns of U)")
        close_up_to_sign(Vt, Vto[:k], axis=1, rtol=0, atol=1e-6, name=f"Vt_k {tag} (the first k ROWS of V^T)")
        close(best_rank_k(A, k), (Uo[:, :k] * so[:k]) @ Vto[:k], rtol=0, atol=1e-6 * so[0], name=f"A_k {tag}")
        # the signs of u_i and v_i are free, but only together: A v_i = s_i u_i for each triple
        close(A @ as_array(Vt, "Vt_k").T, as_array(U, "U_k") * so[:k], rtol=0, atol=1e-6 * so[0],
              name=f"A V_k - U_k diag(s_k) {tag}", hint="flip u_i and v_i together: each triple must satisfy A v_i = s_i u_i")

# %%
# HIDDEN
def test_eckart_young(best_rank_k, rank_k_errors):
    """Every k from 0 up to min(m, n) on a rank-deficient tall matrix and a wide matrix."""
    # Closed form: ||A - A_k||_2 = s_{k+1}, ||A - A_k||_F^2 = sum_{i>k} s_i^2, checked with numpy.linalg.norm on the
    # student's A_k and on the oracle's singular values (scipy gesvd), for every k, on a rank-4 and a wide matrix.
    import numpy as np
    from scipy.linalg import svd
    from mlmathkit_checks import as_array, as_scalar, close, fields

    rng = np.random.default_rng(4002)
    cases = {"rank 4 (9 x 6)": rng.normal(size=(9, 4)) @ rng.normal(size=(4, 6)), "wide (4 x 9)": rng.normal(size=(4, 9)) * 3.0}
    for label, A in cases.items():
        so = svd(A, compute_uv=False, lapack_driver="gesvd")
        for k in range(len(so) + 1):
            Ak = as_array(best_rank_k(A, k), f"A_{k}", shape=A.shape)
            spectral, frob = fields(rank_k_errors(so, k), ["spectral", "frobenius"], "errors")
            expected = np.array([so[k] if k < len(so) else 0.0, np.sqrt(np.sum(so[k:] ** 2))])
            close(np.array([as_scalar(spectral, "spectral error"), as_scalar(frob, "Frobenius error")]), expected,
                  rtol=1e-6, atol=1e-10 * so[0], name=f"(spectral, Frobenius) errors for k={k}, {label}",
                  hint="the first discarded singular value, and the root of the sum of squares of all discarded ones")
            close(np.array([np.linalg.norm(A - Ak, 2), np.linalg.norm(A - Ak)]), expected, rtol=1e-6, atol=1e-6 * so[0],
                  name=f"(||A - A_k||_2, ||A - A_k||_F) for k={k}, {label}",
                  hint="Eckart-Young: the error of the truncated SVD equals the tail singular values")

# %%
# HIDDEN
def test_small_singular_values(truncated_svd, rank_k_errors):
    """Singular values spread over twelve orders of magnitude, tied singular values, and k = 0."""
    # Singular values 1 ... 1e-12. A backward-stable SVD gets each one to ~eps * s_1 ~ 1e-16 (atol 1e-12 leaves
    # a 1e3-1e4 margin); sqrt(eig(A^T A)) errs by ~sqrt(eps) ~ 1e-8 on the small ones. Oracle: scipy gesvd.
    # Also ties (s_2 = s_3): A_k is then not unique, but its errors are.
    import numpy as np
    from scipy.linalg import svd
    from mlmathkit_checks import as_scalar, close, fields

    rng = np.random.default_rng(4003)
    sv = np.logspace(0, -12, 7)
    A = (np.linalg.qr(rng.normal(size=(10, 7)))[0] * sv) @ np.linalg.qr(rng.normal(size=(7, 7)))[0].T
    so = svd(A, compute_uv=False, lapack_driver="gesvd")
    _, s, _ = fields(truncated_svd(A, 7), ["U_k", "s_k", "Vt_k"], "truncated SVD")
    close(s, so, rtol=0, atol=1e-12, name="singular values 1 ... 1e-12",
          hint="compute the SVD of A itself: the eigenvalues of A^T A lose every singular value below ~1e-8")
    spectral, frob = fields(rank_k_errors(np.array([5.0, 2.0, 2.0, 1.0]), 1), ["spectral", "frobenius"], "errors")
    close(np.array([as_scalar(spectral, "spectral error"), as_scalar(frob, "Frobenius error")]), [2.0, 3.0],
          name="errors for s = (5, 2, 2, 1), k = 1")
    spectral, frob = fields(rank_k_errors(np.array([5.0, 2.0]), 0), ["spectral", "frobenius"], "errors")
    close(np.array([as_scalar(spectral, "spectral error"), as_scalar(frob, "Frobenius error")]), [5.0, np.sqrt(29.0)],
          name="errors for k = 0 (the zero matrix)", hint="for k = 0 the error is the norm of A itself")

# %%
# HIDDEN
def test_rank_zero_and_full(best_rank_k):
    """k = 0 (nothing kept), k = min(m, n), and k above the rank of the matrix."""
    import numpy as np
    from mlmathkit_checks import close

    rng = np.random.default_rng(4004)
    A = rng.normal(size=(5, 3))
    close(best_rank_k(A, 0), np.zeros((5, 3)), atol=1e-12, name="best rank-0 approximation",
          hint="with k = 0 nothing is kept: the zero matrix of the shape of A")
    close(best_rank_k(A, 3), A, rtol=0, atol=1e-6, name="best rank-3 approximation of a 5 x 3 matrix")
    B = rng.normal(size=(6, 2)) @ rng.normal(size=(2, 6))
    close(best_rank_k(B, 4), B, rtol=0, atol=1e-6, name="best rank-4 approximation of a rank-2 matrix",
          hint="a matrix of rank 2 is its own best rank-4 approximation")

# %%
# HIDDEN
def test_shapes_signs_and_unchanged_input(truncated_svd, best_rank_k, rank_k_errors):
    """Shapes for k = 0 and for wide matrices, singular triples of a matrix with a repeated singular value, and inputs left unchanged."""
    # Closed forms: the shapes of the docstring; every singular triple satisfies A v_i = s_i u_i with orthonormal
    # u's and v's, whatever basis a repeated singular value gets. [I; 0] and [I, 0] have singular values all 1.
    import numpy as np
    from mlmathkit_checks import as_array, close, fields

    rng = np.random.default_rng(4005)
    A = rng.normal(size=(5, 8))
    A0 = A.copy()
    for k in (0, 2, 5):
        U, s, Vt = fields(truncated_svd(A, k), ["U_k", "s_k", "Vt_k"], "truncated SVD")
        U = as_array(U, f"U_k for a 5 x 8 matrix and k = {k}", shape=(5, k))
        s = as_array(s, f"s_k for a 5 x 8 matrix and k = {k}", shape=(k,))
        Vt = as_array(Vt, f"Vt_k for a 5 x 8 matrix and k = {k}", shape=(k, 8))
        close(A0 @ Vt.T, U * s, rtol=0, atol=1e-6 * np.linalg.norm(A0, 2), name=f"A V_k - U_k diag(s_k) for a 5 x 8 matrix, k = {k}",
              hint="each triple must satisfy A v_i = s_i u_i: flip u_i and v_i together")
    close(A, A0, rtol=0, atol=0, name="A after truncated_svd(A, k)", hint="do not modify the input")
    best_rank_k(A, 2)
    close(A, A0, rtol=0, atol=0, name="A after best_rank_k(A, 2)", hint="do not modify the input")
    s = np.array([4.0, 3.0, 1.0])
    rank_k_errors(s, 1)
    close(s, [4.0, 3.0, 1.0], rtol=0, atol=0, name="s after rank_k_errors(s, 1)", hint="do not modify the input")
    for label, M in [("[I; 0] (6 x 3)", np.eye(6, 3)), ("[I, 0] (3 x 6)", np.eye(3, 6))]:
        m, n = M.shape
        for k in (1, 3):
            U, s_k, Vt = fields(truncated_svd(M, k), ["U_k", "s_k", "Vt_k"], "truncated SVD")
            U, s_k, Vt = as_array(U, "U_k", shape=(m, k)), as_array(s_k, "s_k", shape=(k,)), as_array(Vt, "Vt_k", shape=(k, n))
            close(s_k, np.ones(k), rtol=1e-10, name=f"singular values of {label}, k = {k}")
            close(U.T @ U, np.eye(k), rtol=0, atol=1e-10, name=f"U_k^T U_k for {label}, k = {k}")
            close(Vt @ Vt.T, np.eye(k), rtol=0, atol=1e-10, name=f"Vt_k Vt_k^T for {label}, k = {k}")
            close(M @ Vt.T, U * s_k, rtol=0, atol=1e-10, name=f"A V_k - U_k diag(s_k) for {label}, k = {k}",
                  hint="each triple must satisfy A v_i = s_i u_i")
        close(best_rank_k(M, 3), M, rtol=0, atol=1e-10, name=f"best rank-3 approximation of {label}")

# %% [raw]
# # END TESTS

# %% [raw]
# # END QUESTION

# %% [raw]
# # BEGIN QUESTION
# name: q5_pca

# %% [markdown]
# ## Question 5 — Principal component analysis
#
# **Why it matters.** PCA is the default first step with high-dimensional data: to visualise it in 2-D,
# to compress it, to denoise it, to decorrelate features before another model, or to understand what
# varies in a data set (eigenfaces, the directions of variation in word embeddings or in a neural
# network's activations). Its three ingredients — centring, the SVD, and bookkeeping of variances — are
# each a classic source of bugs.
#
# **The derivation.** Let $X\in\mathbb R^{n\times d}$ hold $n$ samples as rows, with mean $\bar x$ and centred data
# $X_c = X - \mathbf 1\bar x^\top$; the sample covariance is $C = X_c^\top X_c/(n-1)$. The projection of the data on a
# unit vector $u$ has sample variance $u^\top Cu$. Maximising it subject to $u^\top u = 1$ with a Lagrange
# multiplier, $\nabla_u\big(u^\top Cu - \lambda(u^\top u-1)\big) = 2Cu - 2\lambda u = 0$: $u$ is an eigenvector of $C$ and the
# variance it captures is its eigenvalue, so the best direction is the top eigenvector. The second
# component maximises the variance among directions orthogonal to the first, and so on: the principal
# components are the eigenvectors of $C$ by decreasing eigenvalue.
#
# **Through the SVD.** With $X_c = U\Sigma V^\top$, $C = V\,\frac{\Sigma^2}{n-1}\,V^\top$ — already an eigendecomposition. So
#
# * the components are the rows of $V^\top$ (first $k$ rows: `components`, shape $(k, d)$);
# * the explained variances are $\lambda_j = \sigma_j^2/(n-1)$;
# * the explained-variance ratio is $\lambda_j/\sum_{i}\lambda_i$, where the sum runs over **all** $\min(n,d)$
#   components — the total variance $\operatorname{trace}C$ — not just the $k$ you keep;
# * the scores (projections) are $Z = (X-\mathbf 1\bar x^\top)V_k$ with $V_k = $ `components.T`, shape $(n, k)$;
# * the reconstruction from the scores is $\hat X = ZV_k^\top + \mathbf 1\bar x^\top$.
#
# Working on $X_c$ avoids forming $C$ (which squares the condition number, as in Question 4). These are
# scikit-learn's conventions (`PCA.components_`, `explained_variance_`, `explained_variance_ratio_`); the
# sign of each component is arbitrary, and the tests accept either.
#
# **Your task.** Implement `pca_fit`, `pca_transform` and `pca_reconstruct` with `numpy` (you may call your
# Question 4 functions). Do not use scikit-learn.
#
# *Hints.* Which axis is the sample axis? Forgetting to centre makes the first "component" point at the
# mean. With $k = d$ the reconstruction must give back $X$ exactly.

# %% [raw]
# # BEGIN SOLUTION

# %%
def pca_fit(X, k):
    """Principal component analysis of the rows of X, keeping k components.

    X - mean = U diag(s) V^T;  components = first k rows of V^T;  explained_variance_j = s_j^2 / (n - 1);
    explained_variance_ratio_j = s_j^2 / sum over ALL j of s_j^2.

    Parameters
    ----------
    X : array of shape (n, d), float, n >= 2 samples as rows; n > d and n <= d are both allowed
    k : int, 1 <= k <= min(n, d). When n <= d the centred data have rank at most n - 1, so with k = n the
        last component has variance 0 and its direction is arbitrary (any unit vector orthogonal to the
        others is accepted).

    Returns
    -------
    dict with keys
        "mean" : array (d,), the mean of the rows
        "components" : array (k, d), orthonormal rows, by decreasing variance (signs arbitrary)
        "explained_variance" : array (k,), descending
        "explained_variance_ratio" : array (k,), fractions of the total variance, sum <= 1

    Variances and ratios are compared at rtol 1e-4 and components at atol 1e-5, so float32 arithmetic is
    accepted. X is not modified (centre a copy).
    """
    # BEGIN SOLUTION
    X = np.asarray(X, dtype=float)
    mean = X.mean(axis=0)
    _, s, Vt = np.linalg.svd(X - mean, full_matrices=False)
    var = s**2 / (len(X) - 1)
    return {"mean": mean, "components": Vt[:k], "explained_variance": var[:k],
            "explained_variance_ratio": var[:k] / var.sum()}
    # END SOLUTION


def pca_transform(X, mean, components):
    """Scores (coordinates in the principal subspace): Z = (X - mean) @ components^T.

    Parameters
    ----------
    X : array of shape (n, d), float (new samples, not necessarily those the PCA was fitted on)
    mean : array of shape (d,), float
    components : array of shape (k, d), float, orthonormal rows (k < d, k = d allowed)

    Returns
    -------
    Z : array of shape (n, k), float

    Compared at atol 1e-4 * max|Z|, so float32 arithmetic is accepted. The inputs are not modified.
    """
    # BEGIN SOLUTION
    return (np.asarray(X, dtype=float) - mean) @ np.asarray(components, dtype=float).T
    # END SOLUTION


def pca_reconstruct(Z, mean, components):
    """Map scores back to data space: X_hat = Z @ components + mean.

    Parameters
    ----------
    Z : array of shape (n, k), float
    mean : array of shape (d,), float
    components : array of shape (k, d), float, orthonormal rows (k < d, k = d allowed)

    Returns
    -------
    X_hat : array of shape (n, d), float

    Compared at atol 1e-4 * max|X_hat|, so float32 arithmetic is accepted. The inputs are not modified.
    """
    # BEGIN SOLUTION
    return np.asarray(Z, dtype=float) @ np.asarray(components, dtype=float) + mean
    # END SOLUTION

# %% [raw]
# # END SOLUTION

# %% [raw]
# # BEGIN TESTS

# %%
def test_worked_example(pca_fit, pca_transform, pca_reconstruct):
    # Centred points (3, 4), (-3, -4), (-2, 1.5), (2, -1.5), shifted by (10, -5). Along u1 = (0.6, 0.8) the
    # coordinates are 5, -5, 0, 0: variance (25 + 25)/3 = 50/3; along u2 = (-0.8, 0.6) they are 0, 0, 2.5, -2.5:
    # variance 12.5/3 = 25/6. Ratios (50/3)/(125/6) = 0.8 and 0.2.
    import numpy as np
    from mlmathkit_checks import close, close_up_to_sign, fields

    X = np.array([[3.0, 4.0], [-3.0, -4.0], [-2.0, 1.5], [2.0, -1.5]]) + np.array([10.0, -5.0])
    mean, comps, var, ratio = fields(pca_fit(X, 2), ["mean", "components", "explained_variance", "explained_variance_ratio"], "PCA")
    close(mean, [10.0, -5.0], name="mean")
    close_up_to_sign(comps, [[0.6, 0.8], [-0.8, 0.6]], axis=1, atol=1e-6, name="components (ROWS of V^T from the SVD of the CENTRED data)")
    close(var, [50.0 / 3.0, 25.0 / 6.0], name="explained variance", hint="s_j^2 / (n - 1)")
    close(ratio, [0.8, 0.2], name="explained variance ratio")
    Z = pca_transform(X[:1], np.array([10.0, -5.0]), np.array([[0.6, 0.8]]))
    close(Z, [[5.0]], name="score of (13, -1) on (0.6, 0.8)", hint="subtract the mean before projecting")
    close(pca_reconstruct(np.array([[5.0]]), np.array([10.0, -5.0]), np.array([[0.6, 0.8]])), [[13.0, -1.0]],
          name="reconstruction of the score 5", hint="add the mean back")

# %%
def test_properties(pca_fit, pca_transform, pca_reconstruct):
    import numpy as np
    from mlmathkit_checks import as_array, close, fields, require

    rng = np.random.default_rng(5)
    X = rng.normal(size=(50, 4)) @ np.diag([3.0, 2.0, 1.0, 0.5]) + 7.0
    X_copy = X.copy()
    mean, comps, var, ratio = fields(pca_fit(X, 2), ["mean", "components", "explained_variance", "explained_variance_ratio"], "PCA")
    close(X, X_copy, rtol=0, atol=0, name="X after pca_fit(X, 2)", hint="do not modify the input: centre a copy (X - mean), not X -= mean")
    comps = as_array(comps, "components", shape=(2, 4))
    close(comps @ comps.T, np.eye(2), atol=1e-6, name="components @ components.T", hint="the components are orthonormal ROWS")
    var, ratio = as_array(var, "explained_variance", shape=(2,)), as_array(ratio, "explained_variance_ratio", shape=(2,))
    require(bool(var[0] >= var[1] > 0), f"explained variances must be positive and descending, got {var}")
    require(bool(0 < ratio.sum() < 1), f"with 2 of 4 components the ratios must sum to less than 1, got {ratio.sum():.4g}")
    m4, c4, v4 = fields(pca_fit(X, 4), ["mean", "components", "explained_variance"], "PCA")
    close(as_array(v4, "explained_variance").sum(), np.trace(np.cov(X, rowvar=False)), name="sum of all explained variances",
          hint="equals the total variance trace(C)")
    close(pca_reconstruct(pca_transform(X, m4, c4), m4, c4), X, atol=1e-6, name="reconstruction with k = d")

# %%
# HIDDEN
def test_fit_against_sklearn(pca_fit):
    """Random correlated data with shifted means: tall and wide, keeping some or all components."""
    # Oracle: sklearn.decomposition.PCA(svd_solver="full"). Data with well-separated variances (ratio >= 1.5
    # between consecutive ones), so components are determined to ~1e-15 / gap: atol 1e-6 allows float32
    # and the covariance-eigenvector route; variances rtol 1e-4 (float32 ~1e-6).
    import numpy as np
    from sklearn.decomposition import PCA
    from mlmathkit_checks import close, close_up_to_sign, fields

    rng = np.random.default_rng(5001)
    for n, d, k in [(100, 5, 2), (40, 6, 6), (200, 3, 1), (8, 20, 5), (60, 10, 4)]:
        scales = 1.6 ** -np.arange(d) * rng.uniform(1.0, 10.0)
        R = np.linalg.qr(rng.normal(size=(d, d)))[0]
        X = (rng.normal(size=(n, d)) * scales) @ R.T + rng.normal(scale=5.0, size=d)
        pca = PCA(n_components=k, svd_solver="full").fit(X)
        mean, comps, var, ratio = fields(pca_fit(X, k), ["mean", "components", "explained_variance", "explained_variance_ratio"], "PCA")
        tag = f"(n={n}, d={d}, k={k})"
        close(mean, pca.mean_, atol=1e-6, name=f"mean {tag}", hint="the mean of each feature (column)")
        close_up_to_sign(comps, pca.components_, axis=1, rtol=0, atol=1e-5, name=f"components {tag} (centre the data; first k ROWS of V^T)")
        close(var, pca.explained_variance_, rtol=1e-4, name=f"explained variance {tag}", hint="s_j^2 / (n - 1)")
        close(ratio, pca.explained_variance_ratio_, rtol=1e-4, name=f"explained variance ratio {tag}",
              hint="divide by the TOTAL variance over all components, not only the k kept ones")

# %%
# HIDDEN
def test_transform_and_reconstruct_against_sklearn(pca_transform, pca_reconstruct):
    """Scores and reconstructions of new samples with a fitted mean and three of six components."""
    # Oracle: a fitted sklearn PCA's transform and inverse_transform, with its own mean_ and components_.
    # Scores and data are O(10): atol 1e-4 max|.| (float32 errs by ~1e-6 relative).
    import numpy as np
    from sklearn.decomposition import PCA
    from mlmathkit_checks import close

    rng = np.random.default_rng(5002)
    X = rng.normal(size=(30, 6)) @ rng.normal(size=(6, 6)) + rng.normal(scale=10.0, size=6)
    pca = PCA(n_components=3, svd_solver="full").fit(X)
    X_new = rng.normal(size=(7, 6)) * 2.0 + 1.0
    Z = pca.transform(X_new)
    close(pca_transform(X_new, pca.mean_, pca.components_), Z, rtol=0, atol=1e-4 * np.abs(Z).max(), name="scores",
          hint="Z = (X - mean) @ components.T")
    X_hat = pca.inverse_transform(Z)
    close(pca_reconstruct(Z, pca.mean_, pca.components_), X_hat, rtol=0, atol=1e-4 * np.abs(X_hat).max(),
          name="reconstruction", hint="X_hat = Z @ components + mean")

# %%
# HIDDEN
def test_low_rank_and_nearly_equal_variances(pca_fit, pca_transform, pca_reconstruct):
    """Data on a plane inside a five-dimensional space, and data whose two largest variances are nearly equal."""
    # (a) Data on a 2-D affine plane in R^5: ratios (r1, r2, 0, 0, 0) and exact reconstruction with k = 2.
    # (b) Two nearly equal top variances: the individual components are ill-determined (Davis-Kahan), so
    # they are compared through the reconstruction and the spanned subspace (sklearn oracle).
    import numpy as np
    from sklearn.decomposition import PCA
    from mlmathkit_checks import as_array, close, fields, same_subspace

    rng = np.random.default_rng(5003)
    X = rng.normal(size=(40, 2)) @ rng.normal(size=(2, 5)) + rng.normal(size=5)
    pca = PCA(n_components=5, svd_solver="full").fit(X)
    mean, comps, _, ratio = fields(pca_fit(X, 5), ["mean", "components", "explained_variance", "explained_variance_ratio"], "PCA")
    close(ratio, pca.explained_variance_ratio_, rtol=0, atol=1e-5, name="explained variance ratio of rank-2 data")
    m2, c2 = fields(pca_fit(X, 2), ["mean", "components"], "PCA")
    close(pca_reconstruct(pca_transform(X, m2, c2), m2, c2), X, rtol=0, atol=1e-4 * np.abs(X).max(),
          name="reconstruction of rank-2 data with k = 2")
    Z = np.linalg.qr(rng.normal(size=(300, 4)) - rng.normal(size=(300, 4)).mean(axis=0))[0]
    Z = np.linalg.qr(Z - Z.mean(axis=0))[0] * np.sqrt(299)  # centred, orthogonal columns of sample variance 1
    X = (Z * np.array([2.0, 2.0 * (1 + 1e-9), 0.5, 0.1])) @ np.linalg.qr(rng.normal(size=(4, 4)))[0].T + 3.0
    pca = PCA(n_components=2, svd_solver="full").fit(X)
    m2, c2 = fields(pca_fit(X, 2), ["mean", "components"], "PCA")
    same_subspace(as_array(c2, "components", shape=(2, 4)).T, pca.components_.T, atol=1e-6,
                  name="span of the top-2 components (nearly equal variances)")
    X_hat = pca.inverse_transform(pca.transform(X))
    close(pca_reconstruct(pca_transform(X, m2, c2), m2, c2), X_hat, rtol=0, atol=1e-4 * np.abs(X_hat).max(),
          name="rank-2 reconstruction (nearly equal variances)")

# %%
# HIDDEN
def test_fewer_samples_than_features_and_unchanged_input(pca_fit, pca_transform, pca_reconstruct):
    """Fewer samples than features with k = n, and the caller's arrays left unchanged."""
    # n = 5 samples in d = 9: the centred data have rank 4 (closed form), so the 5th variance is 0 and its
    # component is any unit vector orthogonal to the others. Oracle for the first 4: sklearn PCA.
    import numpy as np
    from sklearn.decomposition import PCA
    from mlmathkit_checks import as_array, close, close_up_to_sign, fields

    rng = np.random.default_rng(5004)
    X = rng.normal(size=(5, 9)) * np.linspace(3.0, 0.5, 9) + rng.normal(scale=4.0, size=9)
    X0 = X.copy()
    pca = PCA(n_components=4, svd_solver="full").fit(X0)
    mean, comps, var, ratio = fields(pca_fit(X, 5), ["mean", "components", "explained_variance", "explained_variance_ratio"], "PCA")
    close(X, X0, rtol=0, atol=0, name="X after pca_fit(X, k)", hint="centre a copy (X - mean), not X itself (X -= mean)")
    close(mean, pca.mean_, atol=1e-6, name="mean (n = 5 < d = 9)")
    comps = as_array(comps, "components", shape=(5, 9))
    close(comps @ comps.T, np.eye(5), rtol=0, atol=1e-5, name="components @ components.T (n = 5, k = 5)",
          hint="the components are orthonormal rows, also the one of variance 0")
    close_up_to_sign(comps[:4], pca.components_, axis=1, rtol=0, atol=1e-5, name="first 4 components (n = 5 < d = 9)")
    var = as_array(var, "explained_variance", shape=(5,))
    close(var, np.r_[pca.explained_variance_, 0.0], rtol=1e-4, atol=1e-6 * var.max(), name="explained variance (n = 5 < d = 9, k = 5)",
          hint="s_j^2 / (n - 1); the n-th variance of n centred samples is 0")
    close(ratio, np.r_[pca.explained_variance_ratio_, 0.0], rtol=1e-4, atol=1e-7, name="explained variance ratio (n = 5 < d = 9, k = 5)")
    Z = pca_transform(X, mean, comps[:4])
    close(X, X0, rtol=0, atol=0, name="X after pca_transform(X, mean, components)", hint="do not modify the input")
    Zc = np.array(as_array(Z, "Z", shape=(5, 4)))
    Z0 = Zc.copy()
    pca_reconstruct(Zc, pca.mean_, pca.components_)
    close(Zc, Z0, rtol=0, atol=0, name="Z after pca_reconstruct(Z, mean, components)", hint="do not modify the input")

# %% [raw]
# # END TESTS

# %% [raw]
# # END QUESTION

# %% [raw]
# # BEGIN QUESTION
# name: q6_least_squares

# %% [markdown]
# ## Question 6 — Least squares: normal equations versus QR, and why conditioning matters
#
# **Why it matters.** Linear regression is the workhorse of statistics and ML, and solving a linear
# least-squares problem is also the inner step of Gauss–Newton, of iteratively reweighted least squares
# for logistic regression, and of many layer-wise fitting schemes. The formula everyone remembers, the
# normal equations, is fast and fine on well-conditioned data — and silently returns garbage on the
# ill-conditioned designs that polynomial features, nearly collinear features or badly scaled columns
# produce.
#
# **The normal equations.** Minimise $f(w) = \lVert y - Xw\rVert^2$ for $X\in\mathbb R^{n\times d}$ of full column rank. Its
# gradient is $\nabla f = -2X^\top(y - Xw)$; setting it to zero gives
#
# $$X^\top X\,w = X^\top y ,$$
#
# the statement (Question 1) that the residual is orthogonal to every column of $X$. $X^\top X$ is symmetric
# positive definite, so a Cholesky factorisation $X^\top X = LL^\top$ and two triangular solves finish the job
# (`scipy.linalg.cho_factor` / `cho_solve`).
#
# **Conditioning.** The condition number $\kappa(X) = \sigma_{\max}/\sigma_{\min}$ bounds how much relative
# perturbations of the data can be amplified in the solution. A *backward-stable* method computes the
# exact solution of a problem perturbed by about $\varepsilon\approx 2.2\times 10^{-16}$, so when the fit is good (small
# residual) its relative error is about $\kappa(X)\,\varepsilon$. But $\kappa(X^\top X) = \kappa(X)^2$: the normal
# equations work with a matrix whose condition number is squared, and lose about twice as many digits —
# with $\kappa(X) = 10^7$ the QR answer keeps 9 digits and the normal-equations answer at most 2 (for
# $\kappa \gtrsim 10^8$ Cholesky may even report that $X^\top X$ is not positive definite).
#
# **QR.** With the reduced QR decomposition $X = QR$ (Question 2), $Q^\top Q = I$ and $R$ upper triangular and
# invertible. Complete $Q$ to an orthogonal matrix $[Q,\ Q_\perp]$; multiplying by it does not change norms, so
#
# $$\lVert y - Xw\rVert^2 = \lVert Q^\top y - Rw\rVert^2 + \lVert Q_\perp^\top y\rVert^2 ,$$
#
# minimised by solving the triangular system $Rw = Q^\top y$ by back substitution. $X^\top X$ is never formed.
# (Note $R^\top R = X^\top X$: QR computes the Cholesky factor of $X^\top X$ without squaring anything.)
#
# **Your task.** Implement `lstsq_normal_equations` (Cholesky of $X^\top X$) and `lstsq_qr` (`np.linalg.qr` in
# reduced mode, then `scipy.linalg.solve_triangular`). Do not call `np.linalg.lstsq`, `np.linalg.pinv`,
# `np.linalg.inv` or `scipy.linalg.lstsq`.
#
# *Hints.* `solve_triangular(R, b)` assumes an upper-triangular `R` by default. Check both functions on a
# system with an exact solution. Then run the plot cell below: it shows the two error curves, slopes 1
# and 2 in $\kappa$.

# %% [raw]
# # BEGIN SOLUTION

# %%
def lstsq_normal_equations(X, y):
    """Least-squares solution w = argmin ||y - X w||^2 from the normal equations X^T X w = X^T y (Cholesky).

    Parameters
    ----------
    X : array of shape (n, d), float, n >= d (n = d allowed), full column rank and well conditioned:
        condition number at most 100 (the normal equations lose about cond(X)^2 * eps). The entries
        may have any scale (1e-6 to 1e6): add nothing to X^T X. Beyond that, raising
        numpy.linalg.LinAlgError when Cholesky fails is acceptable (not tested).
    y : array of shape (n,), float

    Returns
    -------
    w : array of shape (d,), float

    Compared at rtol 1e-4, so float32 arithmetic is accepted. The inputs are not modified.
    """
    # BEGIN SOLUTION
    from scipy.linalg import cho_factor, cho_solve

    X = np.asarray(X, dtype=float)
    return cho_solve(cho_factor(X.T @ X), X.T @ y)
    # END SOLUTION


def lstsq_qr(X, y):
    """Least-squares solution w = argmin ||y - X w||^2 from the reduced QR decomposition: R w = Q^T y.

    Parameters
    ----------
    X : array of shape (n, d), float, n >= d (n = d allowed), full column rank, condition number up to
        ~1e8, entries of any scale (1e-6 to 1e6)
    y : array of shape (n,), float

    Returns
    -------
    w : array of shape (d,), float, relative error ~ cond(X) * 1e-16 when the residual is small

    Compute in float64: float32 arithmetic loses cond(X) * 6e-8, far too much at cond 1e7. The inputs
    are not modified.
    """
    # BEGIN SOLUTION
    from scipy.linalg import solve_triangular

    Q, R = np.linalg.qr(np.asarray(X, dtype=float))
    return solve_triangular(R, Q.T @ y)
    # END SOLUTION

# %% [raw]
# # END SOLUTION

# %% [markdown]
# **Plot (not graded).** For condition numbers $\kappa = 10^0, 10^1, \dots, 10^7$, build $X = U\operatorname{diag}(\sigma)V^\top$
# ($50\times 8$, singular values from $1$ down to $1/\kappa$), a true $w$ and $y = Xw$, and plot the relative error
# $\lVert\hat w - w\rVert/\lVert w\rVert$ of both methods against $\kappa$ on log–log axes, with the reference lines
# $\varepsilon\kappa$ and $\varepsilon\kappa^2$.

# %% [raw]
# # BEGIN SOLUTION

# %%
# BEGIN SOLUTION
rng_plot = np.random.default_rng(6)
kappas = np.logspace(0, 7, 15)
U_plot = np.linalg.qr(rng_plot.normal(size=(50, 8)))[0]
V_plot = np.linalg.qr(rng_plot.normal(size=(8, 8)))[0]
w_plot = rng_plot.normal(size=8)
errors_plot = {"normal equations": [], "QR": []}
for kappa in kappas:
    X_plot = (U_plot * np.logspace(0, -np.log10(kappa), 8)) @ V_plot.T
    y_plot = X_plot @ w_plot
    for label, solver in [("normal equations", lstsq_normal_equations), ("QR", lstsq_qr)]:
        errors_plot[label].append(np.linalg.norm(solver(X_plot, y_plot) - w_plot) / np.linalg.norm(w_plot))
fig, ax = plt.subplots(figsize=(6, 4))
for label, errs in errors_plot.items():
    ax.loglog(kappas, errs, "o-", label=label)
ax.loglog(kappas, 2.2e-16 * kappas, "k:", label=r"$\varepsilon\kappa$")
ax.loglog(kappas, 2.2e-16 * kappas**2, "k--", label=r"$\varepsilon\kappa^2$")
ax.set(xlabel=r"condition number $\kappa(X)$", ylabel="relative error of $w$", title="Least squares: QR vs normal equations")
ax.legend()
plt.show()
# END SOLUTION

# %% [raw]
# # END SOLUTION

# %% [raw]
# # BEGIN TESTS

# %%
def test_worked_example(lstsq_normal_equations, lstsq_qr):
    # Fit y = w0 + w1 x through (0, 0), (1, 1), (2, 3): X^T X = [[3, 3], [3, 5]], X^T y = (4, 7), det = 6,
    # w = (1/6) [[5, -3], [-3, 3]] (4, 7) = (-1/6, 3/2).
    import numpy as np
    from mlmathkit_checks import close

    X = np.array([[1.0, 0.0], [1.0, 1.0], [1.0, 2.0]])
    y = np.array([0.0, 1.0, 3.0])
    close(lstsq_normal_equations(X, y), [-1 / 6, 1.5], name="normal-equations solution",
          hint="solve X^T X w = X^T y")
    close(lstsq_qr(X, y), [-1 / 6, 1.5], name="QR solution", hint="solve R w = Q^T y with the REDUCED QR")

# %%
def test_properties(lstsq_normal_equations, lstsq_qr):
    import numpy as np
    from mlmathkit_checks import as_array, close

    rng = np.random.default_rng(6)
    X, y = rng.normal(size=(20, 3)), rng.normal(size=20)
    for name, solver in [("normal equations", lstsq_normal_equations), ("QR", lstsq_qr)]:
        w = as_array(solver(X, y), f"w ({name})", shape=(3,))
        close(X.T @ (y - X @ w), np.zeros(3), atol=1e-4, name=f"X^T (y - X w) ({name})",
              hint="at the least-squares solution the residual is orthogonal to every column of X")
        w_true = np.array([1.0, -2.0, 0.5])
        close(solver(X, X @ w_true), w_true, name=f"solution of a consistent system ({name})")
        # scaling X by 2^-20 (~1e-6) scales w by 2^20: least squares has no preferred scale
        close(solver(X / 2**20, X @ w_true), w_true * 2**20, name=f"solution for X / 2^20 ({name})",
              hint="adding a fixed 'jitter' to X^T X is ridge regression, not least squares")
    # polynomial features of degree 9 (cond ~4e6) and y = X w exactly: QR keeps ~1e-9 relative accuracy,
    # the normal equations (cond^2 ~ 1e13) lose almost everything
    X = np.vander(np.linspace(0.0, 1.0, 60), 10, increasing=True)
    w_true = np.linspace(1.0, -1.0, 10)
    close(lstsq_qr(X, X @ w_true), w_true, rtol=0, atol=1e-5, name="QR solution for polynomial features of degree 9",
          hint="never form X^T X (or R^T R): solve R w = Q^T y by back substitution, in float64")

# %%
# HIDDEN
def test_random_against_lstsq(lstsq_normal_equations, lstsq_qr):
    """Random well-conditioned designs, tall and square, with noisy targets."""
    # Oracle: numpy.linalg.lstsq (SVD-based). Well-conditioned Gaussian designs (cond < 30): even the normal
    # equations lose only ~cond^2 eps ~ 1e-13 (float32: ~1e-5 relative), so rtol 1e-4 with atol 1e-6 ||w||.
    import numpy as np
    from mlmathkit_checks import close

    rng = np.random.default_rng(6001)
    for n, d in [(10, 1), (5, 5), (50, 4), (200, 10), (30, 6)]:
        X = rng.normal(size=(n, d)) * rng.uniform(0.1, 10.0)
        y = X @ rng.normal(size=d) + rng.normal(size=n)
        wo = np.linalg.lstsq(X, y, rcond=None)[0]
        for name, solver in [("normal equations", lstsq_normal_equations), ("QR", lstsq_qr)]:
            close(solver(X, y), wo, rtol=1e-4, atol=1e-6 * np.linalg.norm(wo), name=f"w ({name}, X of shape ({n}, {d}))",
                  hint="is it X^T X (d x d), and Q^T y (not Q y)?")

# %%
# HIDDEN
def test_qr_on_ill_conditioned_designs(lstsq_qr):
    """Ill-conditioned designs: singular values spread over seven orders of magnitude, and polynomial features."""
    # cond(X) = 1e7 (singular values 1 ... 1e-7) and polynomial features of degree 9 (cond ~4e6), with
    # y = X w (zero residual). Oracle: numpy.linalg.lstsq. Backward-stable methods agree to ~cond * eps ~ 1e-9
    # relative; the normal equations err by ~cond^2 * eps ~ 1e-2. atol = 1e3 * eps * cond * ||w|| sits between.
    import numpy as np
    from mlmathkit_checks import close

    rng = np.random.default_rng(6002)
    U = np.linalg.qr(rng.normal(size=(60, 8)))[0]
    V = np.linalg.qr(rng.normal(size=(8, 8)))[0]
    designs = {"singular values 1 ... 1e-7": (U * np.logspace(0, -7, 8)) @ V.T,
               "polynomial features of degree 9": np.vander(np.linspace(0.0, 1.0, 60), 10, increasing=True)}
    for label, X in designs.items():
        y = X @ rng.normal(size=X.shape[1])
        wo = np.linalg.lstsq(X, y, rcond=None)[0]
        kappa = np.linalg.cond(X)
        close(lstsq_qr(X, y), wo, rtol=0, atol=1e3 * 2.2e-16 * kappa * np.linalg.norm(wo), name=f"w for {label}",
              hint="never form X^T X: its condition number is cond(X)^2. Solve R w = Q^T y by back substitution")

# %%
# HIDDEN
def test_edge_cases(lstsq_normal_equations, lstsq_qr):
    """A single feature, a square invertible system, and a zero target."""
    # One feature (w = x.y / x.x), a square invertible system (exact solve), y = 0 (w = 0).
    import numpy as np
    from mlmathkit_checks import close

    rng = np.random.default_rng(6003)
    x, y = rng.normal(size=(12, 1)), rng.normal(size=12)
    A = rng.normal(size=(4, 4)) + 4 * np.eye(4)
    b = rng.normal(size=4)
    for name, solver in [("normal equations", lstsq_normal_equations), ("QR", lstsq_qr)]:
        close(solver(x, y), [float(x[:, 0] @ y / (x[:, 0] @ x[:, 0]))], name=f"one feature ({name})",
              hint="X of shape (n, 1): w has shape (1,)")
        close(solver(A, b), np.linalg.solve(A, b), name=f"square system ({name})")
        close(solver(A, np.zeros(4)), np.zeros(4), atol=1e-12, name=f"y = 0 ({name})")

# %%
# HIDDEN
def test_tiny_and_huge_scales(lstsq_normal_equations, lstsq_qr):
    """Designs whose entries are tiny (about 1e-6) or huge (about 1e6), and the caller's arrays left unchanged."""
    # Scaling X by c scales w by 1/c (closed form); scaling by a power of two is exact, so the oracle is
    # numpy.linalg.lstsq on the unscaled design. Entries ~1e-6 make X^T X ~1e-11: a fixed jitter 1e-8 I
    # dominates it. cond(X) < 30: rtol 1e-4 as in the random test.
    import numpy as np
    from mlmathkit_checks import close

    rng = np.random.default_rng(6004)
    X0 = rng.normal(size=(25, 4)) + np.array([0.0, 1.0, -2.0, 0.5])
    y0 = X0 @ np.array([1.0, -2.0, 0.5, 3.0]) + 0.3 * rng.normal(size=25)
    wo = np.linalg.lstsq(X0, y0, rcond=None)[0]
    for name, solver in [("normal equations", lstsq_normal_equations), ("QR", lstsq_qr)]:
        for ex, ey in [(-20, 0), (20, 0), (-20, -20), (20, 20)]:
            X, y = np.ldexp(X0, ex), np.ldexp(y0, ey)
            Xc, yc = X.copy(), y.copy()
            w = solver(X, y)
            close(w, np.ldexp(wo, ey - ex), rtol=1e-4, atol=1e-6 * np.abs(np.ldexp(wo, ey - ex)).max(),
                  name=f"w ({name}) for X of size 2^{ex} and y of size 2^{ey}",
                  hint="least squares is scale-free: adding a fixed 'jitter' to X^T X is ridge regression, not least squares")
            close(X, Xc, rtol=0, atol=0, name=f"X after the call ({name})", hint="do not modify the inputs")
            close(y, yc, rtol=0, atol=0, name=f"y after the call ({name})", hint="do not modify the inputs")

# %% [raw]
# # END TESTS

# %% [raw]
# # END QUESTION

# %% [raw]
# # BEGIN QUESTION
# name: q7_ridge

# %% [markdown]
# ## Question 7 — Ridge regression in closed form, with an unpenalised intercept
#
# **Why it matters.** Ridge regression — least squares plus an $\ell_2$ penalty — is the simplest
# regulariser, the linear-model version of weight decay, the MAP estimate under a Gaussian prior (Chapter 1,
# Question 7) and the basis of kernel ridge regression. It makes the problem well posed when features
# are collinear or outnumber the samples. One detail matters in practice: the intercept must **not** be
# penalised, or the model's predictions would change when you merely shift the target (measure
# temperatures in Kelvin instead of Celsius, say).
#
# **The math.** Minimise over $w\in\mathbb R^d$ and $b\in\mathbb R$
#
# $$J(w, b) = \lVert y - Xw - b\mathbf 1\rVert^2 + \lambda\lVert w\rVert^2 ,\qquad \lambda > 0 .$$
#
# *The intercept.* $\partial J/\partial b = -2\,\mathbf 1^\top(y - Xw - b\mathbf 1) = 0$ gives $b = \bar y - \bar x^\top w$ (means
# over the $n$ samples). Substituting, $y - Xw - b\mathbf 1 = (y - \bar y\mathbf 1) - (X - \mathbf 1\bar x^\top)w = y_c - X_cw$: with an
# unpenalised intercept, ridge is ridge **on centred data**, followed by $b = \bar y - \bar x^\top w$.
#
# *The weights.* $\nabla_w\big(\lVert y_c - X_cw\rVert^2 + \lambda\lVert w\rVert^2\big) = -2X_c^\top(y_c - X_cw) + 2\lambda w = 0$:
#
# $$(X_c^\top X_c + \lambda I)\,w = X_c^\top y_c .$$
#
# The matrix has eigenvalues $\ge\lambda > 0$, so it is invertible even when $d > n$ or features are
# duplicated. (Since $X_c^\top\mathbf 1 = 0$, $X_c^\top y_c = X_c^\top y$.)
#
# *The SVD view.* With $X_c = U\Sigma V^\top$ (reduced),
#
# $$w(\lambda) = V\operatorname{diag}\!\Big(\frac{\sigma_i}{\sigma_i^2+\lambda}\Big)U^\top y_c
# = \sum_i \underbrace{\frac{\sigma_i^2}{\sigma_i^2+\lambda}}_{\text{filter factor}}\ \frac{u_i^\top y_c}{\sigma_i}\, v_i .$$
#
# Least squares would use $u_i^\top y_c/\sigma_i$ in every direction; ridge multiplies it by a filter factor
# in $(0, 1)$ that is $\approx1$ for directions of large variance and $\approx0$ for directions of tiny variance —
# exactly those where least squares amplifies noise. One SVD gives $w(\lambda)$ for every $\lambda$: the
# *regularisation path*. (A zero singular value gets filter factor $0$: use the formula on the left, not
# $1/\sigma_i$.)
#
# **Your task.** Implement `ridge_fit` (solve the $d\times d$ system) and `ridge_path` (one SVD of $X_c$ for
# all $\lambda$ at once) with `numpy`. Do not use scikit-learn.
#
# *Hints.* Check the one-feature case by hand: $w = \sum_i x_{c,i}y_{c,i}/(\sum_i x_{c,i}^2 + \lambda)$. When
# $\lambda\to\infty$, $w\to0$ and $b\to\bar y$; when $\lambda\to0$ you get ordinary least squares with an
# intercept.

# %% [raw]
# # BEGIN SOLUTION

# %%
def ridge_fit(X, y, lam):
    """Ridge regression with an unpenalised intercept.

    (w, b) = argmin ||y - X w - b 1||^2 + lam ||w||^2:
    (X_c^T X_c + lam I) w = X_c^T y_c,  b = ybar - xbar^T w,  with X_c, y_c the centred data.

    Parameters
    ----------
    X : array of shape (n, d), float (d may exceed n; columns may be collinear, duplicated or exactly
        constant - a constant feature gets weight 0)
    y : array of shape (n,), float
    lam : float > 0

    Returns
    -------
    (w, b) : tuple
        w : array of shape (d,), float
        b : float, the intercept

    Compared at rtol 1e-4 (atol 1e-4 * max|w|), so float32 arithmetic is accepted. The inputs are not modified.
    """
    # BEGIN SOLUTION
    X = np.asarray(X, dtype=float)
    x_mean = X.mean(axis=0)
    Xc = X - x_mean
    w = np.linalg.solve(Xc.T @ Xc + lam * np.eye(X.shape[1]), Xc.T @ y)
    return w, np.mean(y) - x_mean @ w
    # END SOLUTION


def ridge_path(X, y, lams):
    """Ridge solutions for many penalties from one SVD of the centred data.

    X_c = U diag(s) V^T:  w(lam) = V diag(s / (s^2 + lam)) U^T y_c,  b(lam) = ybar - xbar^T w(lam).

    Parameters
    ----------
    X : array of shape (n, d), float (d may exceed n; columns may be collinear, duplicated or exactly
        constant: X_c may have singular values that are exactly 0, whose filter factor is 0)
    y : array of shape (n,), float
    lams : array of shape (L,), float, each > 0, in any order

    Returns
    -------
    (W, b) : tuple
        W : array of shape (L, d), row l is w(lams[l])
        b : array of shape (L,), the intercepts

    Compared at rtol 1e-4 (atol 1e-4 * max|w|), so float32 arithmetic is accepted. The inputs are not modified.
    """
    # BEGIN SOLUTION
    X = np.asarray(X, dtype=float)
    x_mean = X.mean(axis=0)
    U, s, Vt = np.linalg.svd(X - x_mean, full_matrices=False)
    filters = s / (s**2 + np.asarray(lams, dtype=float)[:, None])  # (L, r)
    W = (filters * (U.T @ y)) @ Vt
    return W, np.mean(y) - W @ x_mean
    # END SOLUTION

# %% [raw]
# # END SOLUTION

# %% [raw]
# # BEGIN TESTS

# %%
def test_worked_example(ridge_fit, ridge_path):
    # x = (0, 1, 2), y = (1, 3, 5): x_c = (-1, 0, 1), y_c = (-2, 0, 2), sum x_c y_c = 4, sum x_c^2 = 2.
    # lam = 2: w = 4 / (2 + 2) = 1, b = 3 - 1 * 1 = 2.  lam -> 0: least squares w = 2, b = 1.
    import numpy as np
    from mlmathkit_checks import as_scalar, close, fields

    X, y = np.array([[0.0], [1.0], [2.0]]), np.array([1.0, 3.0, 5.0])
    w, b = fields(ridge_fit(X, y, 2.0), ["w", "b"], "ridge fit")
    close(w, [1.0], name="w for lam = 2", hint="w = sum x_c y_c / (sum x_c^2 + lam) with centred x and y")
    close(as_scalar(b, "b"), 2.0, name="b for lam = 2", hint="the intercept is NOT penalised: b = ybar - xbar w")
    W, bs = fields(ridge_path(X, y, np.array([1e-12, 2.0])), ["W", "b"], "ridge path")
    close(W, [[2.0], [1.0]], name="W for lams = (1e-12, 2)", hint="one row per penalty")
    close(bs, [1.0, 2.0], name="intercepts for lams = (1e-12, 2)")

# %%
def test_properties(ridge_fit, ridge_path):
    import numpy as np
    from mlmathkit_checks import as_array, as_scalar, close, fields, require

    rng = np.random.default_rng(7)
    X = rng.normal(size=(30, 4)) + 3.0
    y = X @ np.array([1.0, -2.0, 0.5, 0.0]) + 10.0 + rng.normal(size=30)
    w, b = fields(ridge_fit(X, y, 1.0), ["w", "b"], "ridge fit")
    w2, b2 = fields(ridge_fit(X, y + 100.0, 1.0), ["w", "b"], "ridge fit")
    close(w2, w, name="w after adding 100 to y", hint="shifting y must only shift the (unpenalised) intercept")
    close(as_scalar(b2, "b") - as_scalar(b, "b"), 100.0, name="change of b after adding 100 to y")
    w0, b0 = fields(ridge_fit(X, y, 1e12), ["w", "b"], "ridge fit")
    close(w0, np.zeros(4), atol=1e-6, name="w for lam = 1e12", hint="a huge penalty shrinks w to 0 ...")
    close(as_scalar(b0, "b"), y.mean(), name="b for lam = 1e12", hint="... and the intercept to the mean of y")
    W, bs = fields(ridge_path(X, y, np.array([0.1, 1.0, 10.0, 100.0])), ["W", "b"], "ridge path")
    norms = np.linalg.norm(as_array(W, "W", shape=(4, 4)), axis=1)
    require(bool(np.all(np.diff(norms) < 0)), f"|w(lam)| must decrease as lam grows, got {np.round(norms, 4)}")
    close(as_array(W, "W")[1], w, name="ridge_path row for lam = 1 compared with ridge_fit")

# %%
# HIDDEN
def test_fit_against_sklearn(ridge_fit):
    """Random designs with shifted, differently scaled features: tall and wide, small and large penalties."""
    # Oracle: sklearn.linear_model.Ridge(alpha=lam, fit_intercept=True, solver="svd"), which minimises exactly
    # ||y - X w - b||^2 + alpha ||w||^2. cond(X_c^T X_c + lam I) < 1e4 here: float32 errs by < 1e-4 relative to
    # max |w|, hence atol 1e-4 max|w| (entries of w can be near 0).
    import numpy as np
    from sklearn.linear_model import Ridge
    from mlmathkit_checks import as_scalar, close, fields

    rng = np.random.default_rng(7001)
    for n, d, lam in [(30, 3, 0.1), (50, 10, 5.0), (10, 20, 1.0), (100, 1, 100.0), (25, 6, 1e-3)]:
        X = rng.normal(size=(n, d)) * rng.uniform(0.5, 3.0, size=d) + rng.normal(scale=5.0, size=d)
        y = X @ rng.normal(size=d) + rng.normal(scale=10.0) + rng.normal(size=n)
        model = Ridge(alpha=lam, fit_intercept=True, solver="svd").fit(X, y)
        w, b = fields(ridge_fit(X, y, lam), ["w", "b"], "ridge fit")
        tag = f"(n={n}, d={d}, lam={lam:g})"
        close(w, model.coef_, rtol=1e-4, atol=1e-4 * np.abs(model.coef_).max(), name=f"w {tag}",
              hint="centre X and y, then solve (X_c^T X_c + lam I) w = X_c^T y_c")
        close(as_scalar(b, "b"), model.intercept_, rtol=1e-4, atol=1e-4 * np.abs(y).max(), name=f"b {tag}",
              hint="do not penalise the intercept: b = ybar - xbar^T w")

# %%
# HIDDEN
def test_path_against_sklearn(ridge_path):
    """Penalties over four orders of magnitude on a tall design and on a wide one (more features than samples)."""
    # Oracle: sklearn Ridge refitted for each penalty; a wide problem (d > n) makes X_c rank-deficient
    # (a zero singular value must get filter factor 0).
    import numpy as np
    from sklearn.linear_model import Ridge
    from mlmathkit_checks import as_array, close, fields

    rng = np.random.default_rng(7002)
    lams = np.logspace(-1, 3, 5)
    for n, d in [(40, 5), (8, 15)]:
        X = rng.normal(size=(n, d)) + rng.normal(scale=3.0, size=d)
        y = X @ rng.normal(size=d) + 4.0 + 0.5 * rng.normal(size=n)
        W, bs = fields(ridge_path(X, y, lams), ["W", "b"], "ridge path")
        W, bs = as_array(W, "W", shape=(5, d)), as_array(bs, "b", shape=(5,))
        for i, lam in enumerate(lams):
            model = Ridge(alpha=lam, fit_intercept=True, solver="svd").fit(X, y)
            tag = f"(n={n}, d={d}, lam={lam:g})"
            close(W[i], model.coef_, rtol=1e-4, atol=1e-4 * np.abs(model.coef_).max(), name=f"w {tag}",
                  hint="filter factors s / (s^2 + lam) applied to U^T y_c, then rotate back with V")
            close(bs[i], model.intercept_, rtol=1e-4, atol=1e-4 * np.abs(y).max(), name=f"b {tag}")

# %%
# HIDDEN
def test_collinear_and_constant_features(ridge_fit, ridge_path):
    """A duplicated feature together with an exactly constant one."""
    # Duplicated feature: X^T X is singular, ridge splits the weight equally (w1 = w2, by symmetry).
    # A constant feature is zero after centring and gets weight 0. Oracle: sklearn Ridge (svd solver).
    import numpy as np
    from sklearn.linear_model import Ridge
    from mlmathkit_checks import as_array, as_scalar, close, fields

    rng = np.random.default_rng(7003)
    x = rng.normal(size=20)
    X = np.column_stack([x, x, np.full(20, 3.0), rng.normal(size=20)])
    y = 2.0 * x + X[:, 3] + 1.0 + 0.1 * rng.normal(size=20)
    model = Ridge(alpha=0.5, fit_intercept=True, solver="svd").fit(X, y)
    w, b = fields(ridge_fit(X, y, 0.5), ["w", "b"], "ridge fit")
    w = as_array(w, "w", shape=(4,))
    close(w, model.coef_, rtol=1e-4, atol=1e-6, name="w with a duplicated and a constant feature")
    close(w[0], w[1], atol=1e-6, name="weights of two identical features", hint="by symmetry the penalty splits them equally")
    close(as_scalar(b, "b"), model.intercept_, rtol=1e-4, name="b with a duplicated and a constant feature")
    W, bs = fields(ridge_path(X, y, np.array([0.5])), ["W", "b"], "ridge path")
    close(W, model.coef_[None, :], rtol=1e-4, atol=1e-6, name="ridge_path with a duplicated and a constant feature")

# %%
# HIDDEN
def test_exactly_constant_feature(ridge_fit, ridge_path):
    """An exactly constant feature among independent ones, with penalties in decreasing order, and the caller's arrays left unchanged."""
    # After centring the constant column is exactly 0: X_c has a singular value exactly 0, whose filter
    # factor s / (s^2 + lam) is 0 (writing it as (s^2 / (s^2 + lam)) / s gives 0/0). Its weight is 0
    # (closed form); the others come from sklearn Ridge (svd solver). Tolerances as in the random test.
    import numpy as np
    from sklearn.linear_model import Ridge
    from mlmathkit_checks import as_array, as_scalar, close, fields

    rng = np.random.default_rng(7004)
    n = 16
    X = np.column_stack([rng.normal(size=n) * 2.0 + 1.0, np.full(n, -2.5), rng.normal(size=n) - 3.0])
    y = X @ np.array([1.5, 0.0, -0.7]) + 2.0 + 0.2 * rng.normal(size=n)
    X0, y0 = X.copy(), y.copy()
    lams = np.array([10.0, 1.0, 0.1])
    W, bs = fields(ridge_path(X, y, lams), ["W", "b"], "ridge path")
    W, bs = as_array(W, "W", shape=(3, 3)), as_array(bs, "b", shape=(3,))
    close(X, X0, rtol=0, atol=0, name="X after ridge_path", hint="do not modify the inputs (centre copies)")
    close(y, y0, rtol=0, atol=0, name="y after ridge_path", hint="do not modify the inputs (centre copies)")
    for i, lam in enumerate(lams):
        model = Ridge(alpha=lam, fit_intercept=True, solver="svd").fit(X0, y0)
        scale = np.abs(model.coef_).max()
        close(W[i], model.coef_, rtol=1e-4, atol=1e-4 * scale, name=f"ridge_path w with a constant feature (lam={lam:g})",
              hint="a zero singular value gets filter factor s / (s^2 + lam) = 0: never divide by s")
        close(bs[i], model.intercept_, rtol=1e-4, atol=1e-4 * np.abs(y0).max(), name=f"ridge_path b with a constant feature (lam={lam:g})")
        w, b = fields(ridge_fit(X, y, lam), ["w", "b"], "ridge fit")
        close(w, model.coef_, rtol=1e-4, atol=1e-4 * scale, name=f"ridge_fit w with a constant feature (lam={lam:g})")
        close(as_scalar(b, "b"), model.intercept_, rtol=1e-4, atol=1e-4 * np.abs(y0).max(), name=f"ridge_fit b with a constant feature (lam={lam:g})")
        close(X, X0, rtol=0, atol=0, name="X after ridge_fit", hint="do not modify the inputs (centre copies)")
        close(y, y0, rtol=0, atol=0, name="y after ridge_fit", hint="do not modify the inputs (centre copies)")

# %% [raw]
# # END TESTS

# %% [raw]
# # END QUESTION

# %% [raw]
# # BEGIN QUESTION
# name: q8_eigendigits

# %% [markdown]
# ## Question 8 — Eigendigits: PCA on images of handwritten digits
#
# **Why it matters.** Images are long vectors — an $8\times8$ grey-scale digit is a point in $\mathbb R^{64}$, a
# photo a point in $\mathbb R^{10^6}$ — but natural images occupy a tiny part of that space. PCA of face images
# gave the classic *eigenfaces*; here you compute *eigendigits* and answer the practical question of every
# PCA: **how many components do I need?** The answer comes from one curve, the reconstruction error
# against $k$, which by Eckart–Young (Question 4) you can read straight off the singular values.
#
# **The math.** Centre the images, $X_c = X - \mathbf 1\bar x^\top = U\Sigma V^\top$. Reconstructing every image from its top
# $k$ scores (Question 5) gives $\hat X_c = X_cV_kV_k^\top = U_k\Sigma_kV_k^\top$, the best rank-$k$ approximation of $X_c$, so
#
# $$\text{err}(k) = \frac1n\sum_{i=1}^n\lVert x_i - \hat x_i\rVert^2 = \frac1n\lVert X_c - U_k\Sigma_kV_k^\top\rVert_F^2 = \frac1n\sum_{j>k}\sigma_j^2 .$$
#
# This is the **mean squared reconstruction error per image** (summed over pixels, averaged over
# images — divide by $n$, not $n-1$). It starts at $\text{err}(0) = \frac1n\sum_i\lVert x_i-\bar x\rVert^2$ (every image
# replaced by the mean image), decreases with $k$, and reaches $0$ at $k = \operatorname{rank}X_c$. One SVD gives the
# whole curve: no reconstruction needed.
#
# To keep a fraction $f$ of the variance, choose the **smallest** $k$ whose cumulative explained-variance
# ratio reaches it: $\sum_{j\le k}\sigma_j^2 / \sum_j\sigma_j^2 \ge f$. An exact tie counts as reaching $f$: with two
# equal variances, $f = 0.5$ needs $k = 1$. (scikit-learn's `PCA(n_components=0.95)` makes the same choice except at
# exact ties, where it asks for strictly more than $f$ and takes one component more.)
#
# **Your task.** Implement `pca_reconstruction_errors` and `n_components_for_variance` with `numpy` (you may
# call your functions from Questions 4 and 5). Then draw the figure described below the functions.
#
# *Hints.* `np.cumsum` of the reversed squared singular values gives all the tail sums at once. There are
# only $\min(n, d)$ singular values but $k$ may go up to $d$. Count components from 1: if the first
# component alone reaches $f$, the answer is $1$.

# %%
from sklearn.datasets import load_digits

digits = load_digits()
X_digits, y_digits = digits.data, digits.target  # (1797, 64) pixel intensities 0..16, labels 0..9

# %% [raw]
# # BEGIN SOLUTION

# %%
def pca_reconstruction_errors(X, ks):
    """Mean squared reconstruction error per sample of PCA with k components, for each k in ks.

    err(k) = (1/n) sum_i ||x_i - x_hat_i||^2 = (1/n) sum_{j > k} s_j^2, with s the singular values of X - mean.

    Parameters
    ----------
    X : array of shape (n, d), float (n < d allowed: then at most n - 1 singular values are nonzero)
    ks : sequence of ints, each 0 <= k <= d, in any order (repeats allowed); k may exceed min(n, d)

    Returns
    -------
    errors : array of shape (len(ks),), float, errors[i] is err(ks[i]); non-increasing in k, 0 for
        k >= rank of X - mean

    Compared at rtol 1e-6: compute in float64 (float32 is not accurate enough). X is not modified.
    """
    # BEGIN SOLUTION
    X = np.asarray(X, dtype=float)
    s = np.linalg.svd(X - X.mean(axis=0), compute_uv=False)
    tails = np.append(np.cumsum(s[::-1] ** 2)[::-1], 0.0)  # tails[k] = sum_{j >= k} s_j^2 for k = 0..len(s)
    return tails[np.minimum(ks, len(s))] / len(X)
    # END SOLUTION


def n_components_for_variance(X, frac):
    """Smallest k such that the top-k principal components explain at least a fraction frac of the variance.

    k = min { k : sum_{j<=k} s_j^2 / sum_j s_j^2 >= frac }, with s the singular values of X - mean.

    Parameters
    ----------
    X : array of shape (n, d), float, not constant (the total variance sum_j s_j^2 must be > 0)
    frac : float, 0 < frac < 1

    Returns
    -------
    k : int, 1 <= k <= min(n, d). An exact tie counts: if the top k components explain exactly frac, the
        answer is k (scikit-learn's PCA(n_components=frac) would take k + 1 there, it asks for > frac).

    Compute in float64. X is not modified.
    """
    # BEGIN SOLUTION
    X = np.asarray(X, dtype=float)
    s = np.linalg.svd(X - X.mean(axis=0), compute_uv=False)
    cumulative = np.cumsum(s**2) / np.sum(s**2)
    return int(np.searchsorted(cumulative, frac)) + 1
    # END SOLUTION

# %% [raw]
# # END SOLUTION

# %% [markdown]
# **Plot (not graded).** Draw three panels for the digits: (1) the reconstruction error against
# $k = 0,\dots,64$ (log scale on the error axis), with the $k$ that keeps 90% of the variance marked;
# (2) the mean image and the first 7 principal components reshaped to $8\times8$ — the *eigendigits*;
# (3) one digit of each class reconstructed with $k = 2, 5, 10, 20$ components, next to the original.

# %% [raw]
# # BEGIN SOLUTION

# %%
# BEGIN SOLUTION
ks_plot = np.arange(65)
errs_plot = pca_reconstruction_errors(X_digits, ks_plot)
k90 = n_components_for_variance(X_digits, 0.9)
pca_digits = pca_fit(X_digits, 20)
fig = plt.figure(figsize=(13, 6.5))
ax = fig.add_subplot(1, 3, 1)
ax.semilogy(ks_plot[:-1], errs_plot[:-1], ".-")
ax.axvline(k90, color="k", ls=":", label=f"90% of the variance: k = {k90}")
ax.set(xlabel="number of components k", ylabel="mean squared error per image", title="Reconstruction error")
ax.legend()
images = [pca_digits["mean"]] + list(pca_digits["components"][:7])
for i, img in enumerate(images):
    a = fig.add_subplot(4, 6, 6 * (i // 2) + 3 + i % 2)
    a.imshow(img.reshape(8, 8), cmap="gray" if i == 0 else "RdBu")
    a.set_title("mean" if i == 0 else f"PC {i}", fontsize=8)
    a.axis("off")
picks = [int(np.flatnonzero(y_digits == c)[0]) for c in range(0, 10, 2)]
for row, idx in enumerate(picks):
    for col, k in enumerate([2, 5, 10, 20, None]):
        a = fig.add_subplot(5, 10, 10 * row + 6 + col)
        if k is None:
            img = X_digits[idx]
        else:
            comps = pca_digits["components"][:k]
            img = pca_reconstruct(pca_transform(X_digits[idx:idx + 1], pca_digits["mean"], comps), pca_digits["mean"], comps)[0]
        a.imshow(img.reshape(8, 8), cmap="gray_r")
        a.axis("off")
        if row == 0:
            a.set_title("original" if k is None else f"k = {k}", fontsize=8)
plt.tight_layout()
plt.show()
# END SOLUTION

# %% [raw]
# # END SOLUTION

# %% [raw]
# # BEGIN TESTS

# %%
def test_worked_example(pca_reconstruction_errors, n_components_for_variance):
    # Points (1, 0), (-1, 0), (0, 0.5), (0, -0.5) (mean 0). Keeping nothing: err(0) = (1 + 1 + 0.25 + 0.25)/4 = 0.625.
    # Keeping the x-axis: only the y-coordinates are lost, err(1) = (0.25 + 0.25)/4 = 0.125; err(2) = 0.
    # Variance fractions: 2/2.5 = 0.8 on the first component, so 75% needs k = 1 and 90% needs k = 2.
    import numpy as np
    from mlmathkit_checks import as_scalar, close

    X = np.array([[1.0, 0.0], [-1.0, 0.0], [0.0, 0.5], [0.0, -0.5]])
    close(pca_reconstruction_errors(X, [0, 1, 2]), [0.625, 0.125, 0.0], atol=1e-9, name="errors for k = 0, 1, 2",
          hint="the mean over images of the squared distance between each image and its reconstruction")
    close(as_scalar(n_components_for_variance(X, 0.75), "k"), 1.0, name="components for 75% of the variance")
    close(as_scalar(n_components_for_variance(X, 0.9), "k"), 2.0, name="components for 90% of the variance",
          hint="the smallest k whose cumulative explained-variance ratio is >= frac (counting from 1)")
    # Two equal variances: the first component explains exactly 50%, which reaches frac = 0.5 (a tie counts).
    X = np.array([[1.0, 0.0], [-1.0, 0.0], [0.0, 1.0], [0.0, -1.0]])
    close(as_scalar(n_components_for_variance(X, 0.5), "k"), 1.0, name="components for 50% with two equal variances",
          hint="cumulative ratio >= frac: an exact tie counts as reaching frac")

# %%
def test_properties_on_digits(pca_reconstruction_errors):
    import numpy as np
    from sklearn.datasets import load_digits
    from mlmathkit_checks import as_array, close, require

    X = load_digits().data
    errs = as_array(pca_reconstruction_errors(X, list(range(65))), "errors", shape=(65,))
    require(bool(np.all(np.diff(errs) <= 1e-9 * errs[0])), "the reconstruction error must not increase with k")
    # rtol 1e-6: dividing by n - 1 instead of n changes the answer by 1/1796 ~ 5.6e-4
    close(errs[0], np.mean(np.sum((X - X.mean(axis=0)) ** 2, axis=1)), rtol=1e-6, name="error with k = 0",
          hint="with no component every image is replaced by the mean image")
    close(errs[64], 0.0, atol=1e-9 * errs[0], name="error with k = 64 = d", hint="all components reproduce the data exactly")

# %%
# HIDDEN
def test_errors_against_sklearn_digits(pca_reconstruction_errors):
    """The digits data set, for numbers of components from 1 to 60."""
    # Oracle: explicit reconstruction with sklearn PCA (inverse_transform of transform) on the digits. Tail sums of
    # squared singular values are computed to ~1e-13 relative; rtol 1e-6 (atol 1e-9 err(0) for the tiny tails).
    import numpy as np
    from sklearn.datasets import load_digits
    from sklearn.decomposition import PCA
    from mlmathkit_checks import close

    X = load_digits().data
    ks = [1, 2, 5, 10, 20, 40, 60]
    expected = []
    for k in ks:
        pca = PCA(n_components=k, svd_solver="full").fit(X)
        expected.append(np.mean(np.sum((X - pca.inverse_transform(pca.transform(X))) ** 2, axis=1)))
    expected = np.array(expected)
    err0 = np.mean(np.sum((X - X.mean(axis=0)) ** 2, axis=1))
    close(pca_reconstruction_errors(X, ks), expected, rtol=1e-6, atol=1e-9 * err0, name=f"errors on the digits for k = {ks}",
          hint="(1/n) times the sum of the DISCARDED squared singular values of the centred data")

# %%
# HIDDEN
def test_errors_random_and_wide(pca_reconstruction_errors):
    """Random data for every k from 0 to d, including fewer samples than features."""
    # Random data, every k from 0 to d, including a wide matrix (n < d: only n - 1 nonzero singular values).
    # Oracle: explicit reconstruction with sklearn PCA, and err(0) in closed form.
    import numpy as np
    from sklearn.decomposition import PCA
    from mlmathkit_checks import close

    rng = np.random.default_rng(8002)
    for n, d in [(50, 6), (6, 10)]:
        X = rng.normal(size=(n, d)) @ rng.normal(size=(d, d)) + rng.normal(scale=4.0, size=d)
        err0 = np.mean(np.sum((X - X.mean(axis=0)) ** 2, axis=1))
        expected = [err0]
        for k in range(1, d + 1):
            if k <= min(n, d):
                pca = PCA(n_components=k, svd_solver="full").fit(X)
                expected.append(np.mean(np.sum((X - pca.inverse_transform(pca.transform(X))) ** 2, axis=1)))
            else:
                expected.append(0.0)
        close(pca_reconstruction_errors(X, list(range(d + 1))), np.array(expected), rtol=1e-6, atol=1e-9 * err0,
              name=f"errors for k = 0..{d} (n={n}, d={d})", hint="k can exceed the number of singular values: the error is then 0")

# %%
# HIDDEN
def test_n_components_against_sklearn(n_components_for_variance):
    """The digits data set and random data, for fractions of the variance from 30% to 99%."""
    # Oracle: sklearn PCA(n_components=frac) picks the smallest k whose cumulative ratio exceeds frac; it
    # agrees with "reaches" (>=) away from exact ties, which these fractions are.
    import numpy as np
    from sklearn.datasets import load_digits
    from sklearn.decomposition import PCA
    from mlmathkit_checks import as_scalar, close

    rng = np.random.default_rng(8003)
    data = {"digits": load_digits().data, "random": rng.normal(size=(80, 12)) * 1.3 ** -np.arange(12)}
    for label, X in data.items():
        for frac in (0.3, 0.5, 0.8, 0.9, 0.95, 0.99):
            expected = PCA(n_components=frac, svd_solver="full").fit(X).n_components_
            close(as_scalar(n_components_for_variance(X, frac), "k"), float(expected), rtol=0, atol=0.05,
                  name=f"components for {frac:.0%} of the variance ({label})",
                  hint="cumulative sum of s_j^2 / total; the answer counts components from 1")

# %%
# HIDDEN
def test_ties_order_and_unchanged_input(pca_reconstruction_errors, n_components_for_variance):
    """A fraction of the variance reached exactly (a tie), ks in decreasing order with repeats, and the caller's array left unchanged."""
    # Closed forms. Four points on two axes, at distance a from their mean, plus a constant third feature:
    # the two nonzero variances are equal (bitwise: the SVD, eigvalsh and torch all return the same number
    # twice), so the first component explains exactly half of the variance and frac = 0.5 is reached by
    # k = 1. err(0) = a^2 (every point at distance a from the mean), err(1) = a^2 / 2, err(k >= 2) = 0.
    import numpy as np
    from mlmathkit_checks import as_array, as_scalar, close

    for a in (1.0, 3.0, 0.25):
        X = np.array([[a, 0.0, 7.0], [-a, 0.0, 7.0], [0.0, a, 7.0], [0.0, -a, 7.0]]) + np.array([1.0, -2.0, 0.0])
        X0 = X.copy()
        close(as_scalar(n_components_for_variance(X, 0.5), "k"), 1.0, rtol=0, atol=0.05,
              name=f"components for 50% of the variance, two equal variances (scale {a:g})",
              hint="the smallest k whose cumulative ratio is >= frac: an exact tie counts as reaching frac")
        close(as_scalar(n_components_for_variance(X, 0.4), "k"), 1.0, rtol=0, atol=0.05, name=f"components for 40% (scale {a:g})")
        close(as_scalar(n_components_for_variance(X, 0.6), "k"), 2.0, rtol=0, atol=0.05, name=f"components for 60% (scale {a:g})")
        close(X, X0, rtol=0, atol=0, name="X after n_components_for_variance(X, frac)", hint="do not modify the input")
        # each image has squared distance a^2 from the mean; one component keeps half of the images exactly
        ks = [3, 1, 0, 2, 1, 0]
        expected = {0: a * a, 1: a * a / 2, 2: 0.0, 3: 0.0}
        close(pca_reconstruction_errors(X, ks), [expected[k] for k in ks], rtol=1e-9, atol=1e-12 * a * a,
              name=f"errors for ks = {ks} (scale {a:g})", hint="errors[i] belongs to ks[i], whatever the order of ks")
        close(X, X0, rtol=0, atol=0, name="X after pca_reconstruction_errors(X, ks)", hint="do not modify the input")

# %% [raw]
# # END TESTS

# %% [raw]
# # END QUESTION
