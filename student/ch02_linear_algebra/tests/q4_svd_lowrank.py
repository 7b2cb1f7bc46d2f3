from otter.test_files import test_case

OK_FORMAT = False

name = "q4_svd_lowrank"
points = 3.0

@test_case(name="test_worked_example", points=None, hidden=False)
def test_worked_example(truncated_svd, best_rank_k, rank_k_errors):
    from mlmathkit_checks import guarded as _guarded
    truncated_svd = _guarded(truncated_svd, 'truncated_svd', ())
    best_rank_k = _guarded(best_rank_k, 'best_rank_k', ())
    rank_k_errors = _guarded(rank_k_errors, 'rank_k_errors', ())
    import numpy as np
    from mlmathkit_checks import as_scalar, close, fields
    A = np.array([[1.0, 0.0], [0.0, -3.0], [0.0, 0.0]])
    U, s, Vt = fields(truncated_svd(A, 1), ['U_k', 's_k', 'Vt_k'], 'truncated SVD')
    close(s, [3.0], name='largest singular value', hint='singular values are non-negative, largest first')
    close(best_rank_k(A, 1), [[0.0, 0.0], [0.0, -3.0], [0.0, 0.0]], atol=1e-06, name='best rank-1 approximation', hint='A_k = U_k diag(s_k) V_k^T; np.linalg.svd returns V^T, whose ROWS are the right singular vectors')
    spectral, frob = fields(rank_k_errors(np.array([3.0, 2.0, 1.0]), 1), ['spectral', 'frobenius'], 'errors')
    close(as_scalar(spectral, 'spectral error'), 2.0, name='spectral error for s = (3, 2, 1), k = 1', hint='sigma_{k+1} in one-based notation is s[k] in Python')
    close(as_scalar(frob, 'Frobenius error'), np.sqrt(5.0), name='Frobenius error for s = (3, 2, 1), k = 1', hint='the square root of the sum of the squared discarded singular values')
    spectral, frob = fields(rank_k_errors(np.array([3.0, 2.0, 1.0]), 3), ['spectral', 'frobenius'], 'errors')
    close([as_scalar(spectral, 'spectral error'), as_scalar(frob, 'Frobenius error')], [0.0, 0.0], name='errors for s = (3, 2, 1), k = 3', hint='nothing is discarded when k >= len(s)')
    close(best_rank_k(A, 0), np.zeros((3, 2)), name='best rank-0 approximation', hint='an (m, n) array of zeros')

@test_case(name="test_properties", points=None, hidden=False)
def test_properties(truncated_svd, best_rank_k, rank_k_errors):
    from mlmathkit_checks import guarded as _guarded
    truncated_svd = _guarded(truncated_svd, 'truncated_svd', ())
    best_rank_k = _guarded(best_rank_k, 'best_rank_k', ())
    rank_k_errors = _guarded(rank_k_errors, 'rank_k_errors', ())
    import numpy as np
    from mlmathkit_checks import as_array, as_scalar, close, fields, require
    rng = np.random.default_rng(4)
    A = rng.normal(size=(8, 5))
    U, s, Vt = fields(truncated_svd(A, 2), ['U_k', 's_k', 'Vt_k'], 'truncated SVD')
    U, s, Vt = (as_array(U, 'U_k', shape=(8, 2)), as_array(s, 's_k', shape=(2,)), as_array(Vt, 'Vt_k', shape=(2, 5)))
    close(U.T @ U, np.eye(2), atol=1e-06, name='U_k^T U_k')
    close(Vt @ Vt.T, np.eye(2), atol=1e-06, name='Vt_k Vt_k^T', hint='Vt_k has the right singular vectors as ROWS')
    require(bool(s[0] >= s[1] >= 0), f'singular values must be non-negative and descending, got {s}')
    A2 = as_array(best_rank_k(A, 2), 'A_2', shape=(8, 5))
    require(int(np.linalg.matrix_rank(A2, tol=1e-06)) == 2, 'the best rank-2 approximation must have rank 2')
    s_all = np.linalg.svd(A, compute_uv=False)
    spectral, frob = fields(rank_k_errors(s_all, 2), ['spectral', 'frobenius'], 'errors')
    close(as_scalar(frob, 'Frobenius error'), np.linalg.norm(A - A2), name='||A - A_2||_F compared with the tail singular values', hint='Eckart-Young: ||A - A_k||_F^2 is the sum of the squared discarded singular values')
    close(as_scalar(spectral, 'spectral error'), np.linalg.norm(A - A2, 2), name='||A - A_2||_2')
    close(best_rank_k(A, 5), A, atol=1e-06, name='best rank-5 approximation of a rank-5 matrix')

