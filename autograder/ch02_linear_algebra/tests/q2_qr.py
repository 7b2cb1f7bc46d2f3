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

@test_case(name="test_random_against_numpy", points=None, hidden=True)
def test_random_against_numpy(qr_decomposition):
    """Random tall and square matrices of several sizes and scales, including a single column."""
    from mlmathkit_checks import guarded as _guarded
    qr_decomposition = _guarded(qr_decomposition, 'qr_decomposition', ('numpy.linalg.qr', 'scipy.linalg.qr'))
    import numpy as np
    from mlmathkit_checks import as_array, close, close_up_to_sign, fields
    rng = np.random.default_rng(2001)
    for m, n in [(1, 1), (3, 1), (4, 4), (5, 2), (10, 3), (25, 10), (60, 20)]:
        A = rng.normal(size=(m, n)) * rng.uniform(0.1, 10.0)
        Qo, Ro = np.linalg.qr(A)
        Q, R = fields(qr_decomposition(A), ['Q', 'R'], 'QR result')
        close_up_to_sign(Q, Qo, rtol=0, atol=0.0001, name=f'Q for A of shape ({m}, {n})')
        close_up_to_sign(R, Ro, axis=1, rtol=0, atol=0.0001 * np.abs(Ro).max(), name=f'R for A of shape ({m}, {n})')
        close(as_array(Q, 'Q') @ as_array(R, 'R'), A, rtol=0, atol=0.0001 * np.abs(A).max(), name=f'Q @ R ({m}, {n})', hint='is Q the product H_0 H_1 ... H_{n-1} (in this order)?')

@test_case(name="test_orthogonality_ill_conditioned", points=None, hidden=True)
def test_orthogonality_ill_conditioned(qr_decomposition):
    """Ill-conditioned tall matrices: polynomial features and singular values spread over ten orders of magnitude."""
    from mlmathkit_checks import guarded as _guarded
    qr_decomposition = _guarded(qr_decomposition, 'qr_decomposition', ('numpy.linalg.qr', 'scipy.linalg.qr'))
    import numpy as np
    from mlmathkit_checks import as_array, close, fields
    rng = np.random.default_rng(2002)
    U = np.linalg.qr(rng.normal(size=(40, 12)))[0]
    V = np.linalg.qr(rng.normal(size=(12, 12)))[0]
    cases = {'polynomial features (cond ~1e8)': np.vander(np.linspace(0.0, 1.0, 40), 12, increasing=True), 'singular values 1 ... 1e-10': U * np.logspace(0, -10, 12) @ V.T}
    for label, A in cases.items():
        Q, R = fields(qr_decomposition(A), ['Q', 'R'], 'QR result')
        Q, R = (as_array(Q, 'Q', shape=(40, 12)), as_array(R, 'R', shape=(12, 12)))
        close(Q.T @ Q, np.eye(12), rtol=0, atol=0.001, name=f'Q^T Q for {label}', hint='classical Gram-Schmidt loses orthogonality on ill-conditioned input: use Householder reflections')
        close(Q @ R, A, rtol=0, atol=0.0001 * np.abs(A).max(), name=f'Q @ R for {label}')
        close(np.tril(R, -1), np.zeros((12, 12)), rtol=0, atol=0.0001 * np.abs(A).max(), name=f'lower triangle of R for {label}')

@test_case(name="test_already_triangular", points=None, hidden=True)
def test_already_triangular(qr_decomposition):
    """Matrices whose columns already point along the axes: the identity, upper-triangular matrices, [I; 0], a permutation."""
    from mlmathkit_checks import guarded as _guarded
    qr_decomposition = _guarded(qr_decomposition, 'qr_decomposition', ('numpy.linalg.qr', 'scipy.linalg.qr'))
    import numpy as np
    from mlmathkit_checks import as_array, close, close_up_to_sign, fields
    rng = np.random.default_rng(2003)
    T = np.triu(rng.normal(size=(5, 5))) + np.diag(rng.uniform(1.0, 2.0, size=5))
    for label, A, Qe, Re in [('the identity', np.eye(4), np.eye(4), np.eye(4)), ('an upper-triangular matrix', T, np.eye(5), T), ('[I; 0]', np.eye(6, 3), np.eye(6, 3), np.eye(3)), ('a permutation', np.array([[0.0, 1.0], [1.0, 0.0]]), np.array([[0.0, 1.0], [1.0, 0.0]]), np.eye(2))]:
        Q, R = fields(qr_decomposition(A), ['Q', 'R'], 'QR result')
        close_up_to_sign(Q, Qe, rtol=0, atol=1e-05, name=f'Q for {label}')
        close_up_to_sign(R, Re, axis=1, rtol=0, atol=1e-05, name=f'R for {label}')
        close(as_array(Q, 'Q') @ as_array(R, 'R'), A, rtol=0, atol=1e-05, name=f'Q @ R for {label}')

@test_case(name="test_tall_factors_and_unchanged_input", points=None, hidden=True)
def test_tall_factors_and_unchanged_input(qr_decomposition):
    """Tall matrices (more rows than columns): reduced shapes, exact structure, and the caller's matrix left unchanged."""
    from mlmathkit_checks import guarded as _guarded
    qr_decomposition = _guarded(qr_decomposition, 'qr_decomposition', ('numpy.linalg.qr', 'scipy.linalg.qr'))
    import numpy as np
    from mlmathkit_checks import as_array, close, close_up_to_sign, fields
    rng = np.random.default_rng(2004)
    A = rng.normal(size=(9, 4)) * 3.0
    B = rng.normal(size=(7, 3))
    B[0, 0] = 0.0
    for label, M in [('a 9 x 4 matrix', A), ('a 7 x 3 matrix with a zero first entry', B)]:
        M0 = M.copy()
        Qo, Ro = np.linalg.qr(M0)
        m, n = M0.shape
        Q, R = fields(qr_decomposition(M), ['Q', 'R'], 'QR result')
        close(M, M0, rtol=0, atol=0, name=f'A after qr_decomposition(A) ({label})', hint='work on a copy: do not modify the input')
        Q, R = (as_array(Q, 'Q', shape=(m, n)), as_array(R, 'R', shape=(n, n)))
        close(np.tril(R, -1), np.zeros((n, n)), rtol=0, atol=0.0001 * np.abs(M0).max(), name=f'entries of R below the diagonal ({label})', hint='every column of the reduced matrix needs its reflection, also the last one when m > n')
        close(Q.T @ Q, np.eye(n), rtol=0, atol=0.0001, name=f'Q^T Q ({label})')
        close_up_to_sign(Q, Qo, rtol=0, atol=0.0001, name=f'Q ({label})')
        close_up_to_sign(R, Ro, axis=1, rtol=0, atol=0.0001 * np.abs(Ro).max(), name=f'R ({label})')
        close(Q @ R, M0, rtol=0, atol=0.0001 * np.abs(M0).max(), name=f'Q @ R ({label})')

