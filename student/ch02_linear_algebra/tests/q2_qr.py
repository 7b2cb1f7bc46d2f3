from otter.test_files import test_case

OK_FORMAT = False

name = "q2_qr"
points = 3.0

@test_case(name="test_worked_example", points=None, hidden=False)
def test_worked_example(qr_decomposition):
    from mlmathkit_checks import guarded as _guarded
    qr_decomposition = _guarded(qr_decomposition, 'qr_decomposition', ('numpy.linalg.qr', 'scipy.linalg.qr'))
    import numpy as np
    from mlmathkit_checks import close, close_up_to_sign, fields
    A = np.array([[3.0, 1.0], [4.0, 2.0], [0.0, 0.0]])
    Q, R = fields(qr_decomposition(A), ['Q', 'R'], 'QR result')
    close_up_to_sign(Q, [[0.6, -0.8], [0.8, 0.6], [0.0, 0.0]], atol=1e-06, name='Q (reduced: shape (m, n) = (3, 2))')
    close_up_to_sign(R, [[5.0, 2.2], [0.0, 0.4]], axis=1, atol=1e-06, name='R (rows)')
    close(np.asarray(Q, dtype=float) @ np.asarray(R, dtype=float), A, atol=1e-06, name='Q @ R', hint='a column of Q and the matching row of R must flip sign together')

@test_case(name="test_properties", points=None, hidden=False)
def test_properties(qr_decomposition):
    from mlmathkit_checks import guarded as _guarded
    qr_decomposition = _guarded(qr_decomposition, 'qr_decomposition', ('numpy.linalg.qr', 'scipy.linalg.qr'))
    import numpy as np
    from mlmathkit_checks import as_array, close, fields
    rng = np.random.default_rng(2)
    A = rng.normal(size=(6, 4))
    Q, R = fields(qr_decomposition(A), ['Q', 'R'], 'QR result')
    Q, R = (as_array(Q, 'Q', shape=(6, 4)), as_array(R, 'R', shape=(4, 4)))
    close(Q.T @ Q, np.eye(4), atol=1e-05, name='Q^T Q', hint='the columns of Q must be orthonormal')
    close(np.tril(R, -1), np.zeros((4, 4)), atol=1e-05, name='entries of R below the diagonal', hint='R must be upper triangular')
    close(Q @ R, A, atol=1e-05, name='Q @ R', hint='the factors must multiply back to A')

@test_case(name="test_special_matrices", points=None, hidden=False)
def test_special_matrices(qr_decomposition):
    from mlmathkit_checks import guarded as _guarded
    qr_decomposition = _guarded(qr_decomposition, 'qr_decomposition', ('numpy.linalg.qr', 'scipy.linalg.qr'))
    import numpy as np
    from mlmathkit_checks import as_array, close, close_up_to_sign, fields
    T = np.array([[2.0, 1.0], [0.0, 3.0]])
    for label, A, Qe, Re in [('the identity', np.eye(3), np.eye(3), np.eye(3)), ('[[2, 1], [0, 3]]', T, np.eye(2), T), ('[[0, 1], [1, 1]]', np.array([[0.0, 1.0], [1.0, 1.0]]), np.array([[0.0, 1.0], [1.0, 0.0]]), np.array([[1.0, 1.0], [0.0, 1.0]]))]:
        Q, R = fields(qr_decomposition(A), ['Q', 'R'], 'QR result')
        close_up_to_sign(Q, Qe, atol=1e-06, name=f'Q for {label} (choose the Householder sign that adds, with sign(0) = +1)')
        close_up_to_sign(R, Re, axis=1, atol=1e-06, name=f'R for {label} (rows; zeros below the diagonal)')
    A = np.vander(np.linspace(0.0, 1.0, 40), 12)
    Q, R = fields(qr_decomposition(A), ['Q', 'R'], 'QR result')
    Q = as_array(Q, 'Q', shape=(40, 12))
    close(Q.T @ Q, np.eye(12), rtol=0, atol=0.001, name='Q^T Q for np.vander(np.linspace(0, 1, 40), 12)', hint='classical Gram-Schmidt (and A^T A) lose orthogonality on ill-conditioned columns: use Householder reflections')

