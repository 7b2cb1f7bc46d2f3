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

