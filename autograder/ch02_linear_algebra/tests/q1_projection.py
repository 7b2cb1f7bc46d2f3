from otter.test_files import test_case

OK_FORMAT = False

name = "q1_projection"
points = 2.0

@test_case(name="test_worked_example", points=None, hidden=False)
def test_worked_example(project_onto_line, projection_matrix):
    from mlmathkit_checks import guarded as _guarded
    project_onto_line = _guarded(project_onto_line, 'project_onto_line', ())
    projection_matrix = _guarded(projection_matrix, 'projection_matrix', ())
    import numpy as np
    from mlmathkit_checks import close
    close(project_onto_line(np.array([1.0, 2.0, 3.0]), np.array([1.0, 1.0, 0.0])), [1.5, 1.5, 0.0], name='projection of (1, 2, 3) onto the line through (1, 1, 0)', hint='p = (a.b / a.a) a: divide by the SQUARED norm of a')
    A = np.array([[1.0, 0.0], [1.0, 0.0], [0.0, 2.0]])
    close(projection_matrix(A), [[0.5, 0.5, 0.0], [0.5, 0.5, 0.0], [0.0, 0.0, 1.0]], name='projector onto the columns of [[1, 0], [1, 0], [0, 2]]', hint='P = A (A^T A)^{-1} A^T, an (m, m) matrix')

@test_case(name="test_properties", points=None, hidden=False)
def test_properties(project_onto_line, projection_matrix):
    from mlmathkit_checks import guarded as _guarded
    project_onto_line = _guarded(project_onto_line, 'project_onto_line', ())
    projection_matrix = _guarded(projection_matrix, 'projection_matrix', ())
    import numpy as np
    from mlmathkit_checks import as_array, close, symmetric
    rng = np.random.default_rng(1)
    a, b = (rng.normal(size=5), rng.normal(size=5))
    p = as_array(project_onto_line(b, a), 'p', shape=(5,))
    close(a @ (b - p), 0.0, atol=1e-06, name='a . (b - p)', hint='the residual must be orthogonal to a')
    close(p @ p + (b - p) @ (b - p), b @ b, name='|p|^2 + |b - p|^2', hint='Pythagoras: |b|^2 = |p|^2 + |b - p|^2')
    close(project_onto_line(b, -3.0 * a), p, name='projection onto the line through -3a', hint='the line through -3a is the line through a: the projection must not change')
    A = rng.normal(size=(7, 3))
    P = symmetric(as_array(projection_matrix(A), 'P', shape=(7, 7)), atol=1e-06, name='P')
    close(P @ P, P, atol=1e-05, name='P @ P', hint='a projector is idempotent: projecting twice changes nothing')
    close(P @ A, A, atol=1e-05, name='P @ A', hint='the columns of A are already in the subspace')
    close(np.trace(P), 3.0, name='trace of P', hint='the trace of a projector is the dimension of the subspace (here 3)')

@test_case(name="test_random_against_orthonormal_basis", points=None, hidden=True)
def test_random_against_orthonormal_basis(project_onto_line, projection_matrix):
    """Random tall and square matrices and random lines, with entries of different sizes."""
    from mlmathkit_checks import guarded as _guarded
    project_onto_line = _guarded(project_onto_line, 'project_onto_line', ())
    projection_matrix = _guarded(projection_matrix, 'projection_matrix', ())
    import numpy as np
    from scipy.linalg import orth
    from mlmathkit_checks import close
    rng = np.random.default_rng(1001)
    for m, n in [(2, 1), (5, 1), (6, 2), (10, 4), (30, 7), (12, 11)]:
        A = rng.normal(size=(m, n)) * rng.uniform(0.1, 10.0)
        U = orth(A)
        close(projection_matrix(A), U @ U.T, rtol=0, atol=0.0001, name=f'P for A of shape ({m}, {n})', hint='P = A (A^T A)^{-1} A^T')
        a, b = (A[:, 0], rng.normal(size=m) * 3.0)
        t = np.linalg.lstsq(a[:, None], b, rcond=None)[0][0]
        close(project_onto_line(b, a), t * a, atol=1e-05 * np.abs(b).max(), name=f'projection onto a line in R^{m}', hint='minimise |b - t a|^2 over t')

@test_case(name="test_subspace_not_basis", points=None, hidden=True)
def test_subspace_not_basis(projection_matrix):
    """Another basis of the same column space, a square invertible matrix, and a single column."""
    from mlmathkit_checks import guarded as _guarded
    projection_matrix = _guarded(projection_matrix, 'projection_matrix', ())
    import numpy as np
    from mlmathkit_checks import close
    rng = np.random.default_rng(1002)
    A = rng.normal(size=(9, 3))
    M = rng.normal(size=(3, 3)) + 3 * np.eye(3)
    close(projection_matrix(A @ M), projection_matrix(A), rtol=0, atol=0.0001, name='P(A M) compared with P(A)', hint='the projector depends only on the column space, not on the basis')
    close(projection_matrix(rng.normal(size=(4, 4)) + 4 * np.eye(4)), np.eye(4), rtol=0, atol=0.0001, name='P for a square invertible A', hint='the column space of an invertible matrix is all of R^m')
    a = np.array([3.0, 0.0, -4.0, 0.0])
    close(projection_matrix(a[:, None]), np.outer(a, a) / 25.0, rtol=0, atol=1e-06, name='P for one column a', hint='for a line, P = a a^T / (a^T a)')

@test_case(name="test_residual_and_complement", points=None, hidden=True)
def test_residual_and_complement(project_onto_line, projection_matrix):
    """Vectors orthogonal to the subspace or inside it, and b orthogonal to a or a negative multiple of a."""
    from mlmathkit_checks import guarded as _guarded
    project_onto_line = _guarded(project_onto_line, 'project_onto_line', ())
    projection_matrix = _guarded(projection_matrix, 'projection_matrix', ())
    import numpy as np
    from mlmathkit_checks import close
    rng = np.random.default_rng(1003)
    Q = np.linalg.qr(rng.normal(size=(8, 8)))[0]
    A = Q[:, :3] @ rng.normal(size=(3, 3))
    P = projection_matrix(A)
    close(np.asarray(P, dtype=float) @ Q[:, 3:], np.zeros((8, 5)), atol=0.0001, name='P applied to the orthogonal complement', hint='vectors orthogonal to every column of A must be sent to 0')
    b = Q[:, :3] @ rng.normal(size=3)
    close(np.asarray(P, dtype=float) @ b, b, atol=0.0001, name='P b for b in the column space')
    a = Q[:, 0] * 2.5
    close(project_onto_line(Q[:, 1] * 7.0, a), np.zeros(8), atol=1e-06, name='projection of a vector orthogonal to a')
    close(project_onto_line(-4.0 * a, a), -4.0 * a, name='projection of a multiple of a', hint='p = b when b is on the line')

@test_case(name="test_nearly_dependent_columns", points=None, hidden=True)
def test_nearly_dependent_columns(projection_matrix):
    """Tall matrices whose columns are nearly linearly dependent (condition number a thousand)."""
    from mlmathkit_checks import guarded as _guarded
    projection_matrix = _guarded(projection_matrix, 'projection_matrix', ())
    import numpy as np
    from scipy.linalg import orth
    from mlmathkit_checks import close
    rng = np.random.default_rng(1004)
    for m, n in [(30, 4), (12, 6), (8, 2)]:
        U = np.linalg.qr(rng.normal(size=(m, n)))[0]
        V = np.linalg.qr(rng.normal(size=(n, n)))[0]
        A = U * np.logspace(0, -3, n) @ V.T
        O = orth(A)
        close(projection_matrix(A), O @ O.T, rtol=0, atol=0.0001, name=f'P for nearly dependent columns, A of shape ({m}, {n})', hint='A^T A squares the condition number: in float32 that loses every digit here; use float64 or an orthonormal basis')

@test_case(name="test_tiny_and_huge_scales", points=None, hidden=True)
def test_tiny_and_huge_scales(project_onto_line, projection_matrix):
    """Vectors and matrices whose entries are tiny (about 1e-15) or huge (about 1e15)."""
    from mlmathkit_checks import guarded as _guarded
    project_onto_line = _guarded(project_onto_line, 'project_onto_line', ())
    projection_matrix = _guarded(projection_matrix, 'projection_matrix', ())
    import numpy as np
    from scipy.linalg import orth
    from mlmathkit_checks import close
    rng = np.random.default_rng(1005)
    a0, b0 = (rng.normal(size=6), rng.normal(size=6))
    t = np.linalg.lstsq(a0[:, None], b0, rcond=None)[0][0]
    for ea, eb in [(-50, 0), (50, 0), (-50, -50), (50, 50), (0, 50), (0, -50), (-50, 50)]:
        a, b = (np.ldexp(a0, ea), np.ldexp(b0, eb))
        p = np.ldexp(t * a0, eb)
        close(project_onto_line(b, a), p, atol=1e-05 * np.abs(b).max(), name=f'projection with |a| ~ 2^{ea} and |b| ~ 2^{eb}', hint='p = (a.b / a.a) a is unchanged when a is scaled; avoid absolute thresholds and additive epsilons')
    A0 = rng.normal(size=(9, 3))
    O = orth(A0)
    for e in (-40, 40):
        close(projection_matrix(np.ldexp(A0, e)), O @ O.T, rtol=0, atol=0.0001, name=f'P for A with entries ~ 2^{e}', hint='the projector depends only on the column space, not on the scale of A')

@test_case(name="test_inputs_unchanged", points=None, hidden=True)
def test_inputs_unchanged(project_onto_line, projection_matrix):
    """The caller's vectors and matrix are left unchanged by the call."""
    from mlmathkit_checks import guarded as _guarded
    project_onto_line = _guarded(project_onto_line, 'project_onto_line', ())
    projection_matrix = _guarded(projection_matrix, 'projection_matrix', ())
    import numpy as np
    from mlmathkit_checks import close
    rng = np.random.default_rng(1006)
    a, b, A = (rng.normal(size=5), rng.normal(size=5), rng.normal(size=(7, 3)))
    a0, b0, A0 = (a.copy(), b.copy(), A.copy())
    project_onto_line(b, a)
    close(a, a0, rtol=0, atol=0, name='a after project_onto_line(b, a)', hint='do not modify the input arrays')
    close(b, b0, rtol=0, atol=0, name='b after project_onto_line(b, a)', hint='do not modify the input arrays')
    projection_matrix(A)
    close(A, A0, rtol=0, atol=0, name='A after projection_matrix(A)', hint='do not modify the input array (work on a copy)')

