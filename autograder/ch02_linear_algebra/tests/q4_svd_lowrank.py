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

@test_case(name="test_svd_against_scipy", points=None, hidden=True)
def test_svd_against_scipy(truncated_svd, best_rank_k):
    """Random tall, square and wide matrices with well-separated singular values, several k."""
    from mlmathkit_checks import guarded as _guarded
    truncated_svd = _guarded(truncated_svd, 'truncated_svd', ())
    best_rank_k = _guarded(best_rank_k, 'best_rank_k', ())
    import numpy as np
    from scipy.linalg import svd
    from mlmathkit_checks import as_array, close, close_up_to_sign, fields
    rng = np.random.default_rng(4001)
    for m, n, k in [(6, 4, 2), (4, 6, 3), (5, 5, 5), (30, 8, 3), (3, 10, 1), (7, 1, 1)]:
        r = min(m, n)
        sv = np.sort(rng.uniform(0.1, 1.0, size=r) + np.arange(r))[::-1] * rng.uniform(0.5, 5.0)
        A = np.linalg.qr(rng.normal(size=(m, r)))[0] * sv @ np.linalg.qr(rng.normal(size=(n, r)))[0].T
        Uo, so, Vto = svd(A, full_matrices=False, lapack_driver='gesvd')
        U, s, Vt = fields(truncated_svd(A, k), ['U_k', 's_k', 'Vt_k'], 'truncated SVD')
        tag = f'(A of shape ({m}, {n}), k={k})'
        close(s, so[:k], rtol=1e-06, atol=1e-08 * so[0], name=f'singular values {tag}')
        close_up_to_sign(U, Uo[:, :k], rtol=0, atol=1e-06, name=f'U_k {tag} (the FIRST k columns of U)')
        close_up_to_sign(Vt, Vto[:k], axis=1, rtol=0, atol=1e-06, name=f'Vt_k {tag} (the first k ROWS of V^T)')
        close(best_rank_k(A, k), Uo[:, :k] * so[:k] @ Vto[:k], rtol=0, atol=1e-06 * so[0], name=f'A_k {tag}')
        close(A @ as_array(Vt, 'Vt_k').T, as_array(U, 'U_k') * so[:k], rtol=0, atol=1e-06 * so[0], name=f'A V_k - U_k diag(s_k) {tag}', hint='flip u_i and v_i together: each triple must satisfy A v_i = s_i u_i')

@test_case(name="test_eckart_young", points=None, hidden=True)
def test_eckart_young(best_rank_k, rank_k_errors):
    """Every k from 0 up to min(m, n) on a rank-deficient tall matrix and a wide matrix."""
    from mlmathkit_checks import guarded as _guarded
    best_rank_k = _guarded(best_rank_k, 'best_rank_k', ())
    rank_k_errors = _guarded(rank_k_errors, 'rank_k_errors', ())
    import numpy as np
    from scipy.linalg import svd
    from mlmathkit_checks import as_array, as_scalar, close, fields
    rng = np.random.default_rng(4002)
    cases = {'rank 4 (9 x 6)': rng.normal(size=(9, 4)) @ rng.normal(size=(4, 6)), 'wide (4 x 9)': rng.normal(size=(4, 9)) * 3.0}
    for label, A in cases.items():
        so = svd(A, compute_uv=False, lapack_driver='gesvd')
        for k in range(len(so) + 1):
            Ak = as_array(best_rank_k(A, k), f'A_{k}', shape=A.shape)
            spectral, frob = fields(rank_k_errors(so, k), ['spectral', 'frobenius'], 'errors')
            expected = np.array([so[k] if k < len(so) else 0.0, np.sqrt(np.sum(so[k:] ** 2))])
            close(np.array([as_scalar(spectral, 'spectral error'), as_scalar(frob, 'Frobenius error')]), expected, rtol=1e-06, atol=1e-10 * so[0], name=f'(spectral, Frobenius) errors for k={k}, {label}', hint='the first discarded singular value, and the root of the sum of squares of all discarded ones')
            close(np.array([np.linalg.norm(A - Ak, 2), np.linalg.norm(A - Ak)]), expected, rtol=1e-06, atol=1e-06 * so[0], name=f'(||A - A_k||_2, ||A - A_k||_F) for k={k}, {label}', hint='Eckart-Young: the error of the truncated SVD equals the tail singular values')

@test_case(name="test_small_singular_values", points=None, hidden=True)
def test_small_singular_values(truncated_svd, rank_k_errors):
    """Singular values spread over twelve orders of magnitude, tied singular values, and k = 0."""
    from mlmathkit_checks import guarded as _guarded
    truncated_svd = _guarded(truncated_svd, 'truncated_svd', ())
    rank_k_errors = _guarded(rank_k_errors, 'rank_k_errors', ())
    import numpy as np
    from scipy.linalg import svd
    from mlmathkit_checks import as_scalar, close, fields
    rng = np.random.default_rng(4003)
    sv = np.logspace(0, -12, 7)
    A = np.linalg.qr(rng.normal(size=(10, 7)))[0] * sv @ np.linalg.qr(rng.normal(size=(7, 7)))[0].T
    so = svd(A, compute_uv=False, lapack_driver='gesvd')
    _, s, _ = fields(truncated_svd(A, 7), ['U_k', 's_k', 'Vt_k'], 'truncated SVD')
    close(s, so, rtol=0, atol=1e-12, name='singular values 1 ... 1e-12', hint='compute the SVD of A itself: the eigenvalues of A^T A lose every singular value below ~1e-8')
    spectral, frob = fields(rank_k_errors(np.array([5.0, 2.0, 2.0, 1.0]), 1), ['spectral', 'frobenius'], 'errors')
    close(np.array([as_scalar(spectral, 'spectral error'), as_scalar(frob, 'Frobenius error')]), [2.0, 3.0], name='errors for s = (5, 2, 2, 1), k = 1')
    spectral, frob = fields(rank_k_errors(np.array([5.0, 2.0]), 0), ['spectral', 'frobenius'], 'errors')
    close(np.array([as_scalar(spectral, 'spectral error'), as_scalar(frob, 'Frobenius error')]), [5.0, np.sqrt(29.0)], name='errors for k = 0 (the zero matrix)', hint='for k = 0 the error is the norm of A itself')

@test_case(name="test_rank_zero_and_full", points=None, hidden=True)
def test_rank_zero_and_full(best_rank_k):
    """k = 0 (nothing kept), k = min(m, n), and k above the rank of the matrix."""
    from mlmathkit_checks import guarded as _guarded
    best_rank_k = _guarded(best_rank_k, 'best_rank_k', ())
    import numpy as np
    from mlmathkit_checks import close
    rng = np.random.default_rng(4004)
    A = rng.normal(size=(5, 3))
    close(best_rank_k(A, 0), np.zeros((5, 3)), atol=1e-12, name='best rank-0 approximation', hint='with k = 0 nothing is kept: the zero matrix of the shape of A')
    close(best_rank_k(A, 3), A, rtol=0, atol=1e-06, name='best rank-3 approximation of a 5 x 3 matrix')
    B = rng.normal(size=(6, 2)) @ rng.normal(size=(2, 6))
    close(best_rank_k(B, 4), B, rtol=0, atol=1e-06, name='best rank-4 approximation of a rank-2 matrix', hint='a matrix of rank 2 is its own best rank-4 approximation')

@test_case(name="test_shapes_signs_and_unchanged_input", points=None, hidden=True)
def test_shapes_signs_and_unchanged_input(truncated_svd, best_rank_k, rank_k_errors):
    """Shapes for k = 0 and for wide matrices, singular triples of a matrix with a repeated singular value, and inputs left unchanged."""
    from mlmathkit_checks import guarded as _guarded
    truncated_svd = _guarded(truncated_svd, 'truncated_svd', ())
    best_rank_k = _guarded(best_rank_k, 'best_rank_k', ())
    rank_k_errors = _guarded(rank_k_errors, 'rank_k_errors', ())
    import numpy as np
    from mlmathkit_checks import as_array, close, fields
    rng = np.random.default_rng(4005)
    A = rng.normal(size=(5, 8))
    A0 = A.copy()
    for k in (0, 2, 5):
        U, s, Vt = fields(truncated_svd(A, k), ['U_k', 's_k', 'Vt_k'], 'truncated SVD')
        U = as_array(U, f'U_k for a 5 x 8 matrix and k = {k}', shape=(5, k))
        s = as_array(s, f's_k for a 5 x 8 matrix and k = {k}', shape=(k,))
        Vt = as_array(Vt, f'Vt_k for a 5 x 8 matrix and k = {k}', shape=(k, 8))
        close(A0 @ Vt.T, U * s, rtol=0, atol=1e-06 * np.linalg.norm(A0, 2), name=f'A V_k - U_k diag(s_k) for a 5 x 8 matrix, k = {k}', hint='each triple must satisfy A v_i = s_i u_i: flip u_i and v_i together')
    close(A, A0, rtol=0, atol=0, name='A after truncated_svd(A, k)', hint='do not modify the input')
    best_rank_k(A, 2)
    close(A, A0, rtol=0, atol=0, name='A after best_rank_k(A, 2)', hint='do not modify the input')
    s = np.array([4.0, 3.0, 1.0])
    rank_k_errors(s, 1)
    close(s, [4.0, 3.0, 1.0], rtol=0, atol=0, name='s after rank_k_errors(s, 1)', hint='do not modify the input')
    for label, M in [('[I; 0] (6 x 3)', np.eye(6, 3)), ('[I, 0] (3 x 6)', np.eye(3, 6))]:
        m, n = M.shape
        for k in (1, 3):
            U, s_k, Vt = fields(truncated_svd(M, k), ['U_k', 's_k', 'Vt_k'], 'truncated SVD')
            U, s_k, Vt = (as_array(U, 'U_k', shape=(m, k)), as_array(s_k, 's_k', shape=(k,)), as_array(Vt, 'Vt_k', shape=(k, n)))
            close(s_k, np.ones(k), rtol=1e-10, name=f'singular values of {label}, k = {k}')
            close(U.T @ U, np.eye(k), rtol=0, atol=1e-10, name=f'U_k^T U_k for {label}, k = {k}')
            close(Vt @ Vt.T, np.eye(k), rtol=0, atol=1e-10, name=f'Vt_k Vt_k^T for {label}, k = {k}')
            close(M @ Vt.T, U * s_k, rtol=0, atol=1e-10, name=f'A V_k - U_k diag(s_k) for {label}, k = {k}', hint='each triple must satisfy A v_i = s_i u_i')
        close(best_rank_k(M, 3), M, rtol=0, atol=1e-10, name=f'best rank-3 approximation of {label}')

