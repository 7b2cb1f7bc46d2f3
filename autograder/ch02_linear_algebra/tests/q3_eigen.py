from otter.test_files import test_case

OK_FORMAT = False

name = "q3_eigen"
points = 3.0

@test_case(name="test_worked_example", points=None, hidden=False)
def test_worked_example(symmetric_eig):
    from mlmathkit_checks import guarded as _guarded
    symmetric_eig = _guarded(symmetric_eig, 'symmetric_eig', ())
    import numpy as np
    from mlmathkit_checks import close, close_up_to_sign, fields
    w, V = fields(symmetric_eig(np.array([[2.0, 1.0], [1.0, 2.0]])), ['w', 'V'], 'eigendecomposition')
    close(w, [3.0, 1.0], name='eigenvalues of [[2, 1], [1, 2]]', hint='eigenvalues in DESCENDING order')
    r = 1 / np.sqrt(2)
    close_up_to_sign(V, [[r, r], [r, -r]], atol=1e-06, name='eigenvectors of [[2, 1], [1, 2]] (unit COLUMNS of V, same order as the eigenvalues)')
    w, V = fields(symmetric_eig(np.array([[0.0, 2.0], [2.0, 0.0]])), ['w', 'V'], 'eigendecomposition')
    close(w, [2.0, -2.0], name='eigenvalues of [[0, 2], [2, 0]]', hint='plain QR iteration never converges for lambda and -lambda: use the Wilkinson shift with sign(0) = +1')
    close_up_to_sign(V, [[r, r], [r, -r]], atol=1e-06, name='eigenvectors of [[0, 2], [2, 0]]')
    w, V = fields(symmetric_eig(1e-13 * np.array([[2.0, 1.0], [1.0, 2.0]])), ['w', 'V'], 'eigendecomposition')
    close(w, [3e-13, 1e-13], rtol=1e-06, atol=0, name='eigenvalues of 1e-13 * [[2, 1], [1, 2]]', hint='the stopping rule must be relative to ||S||: a tiny matrix is not already diagonal')

@test_case(name="test_properties", points=None, hidden=False)
def test_properties(symmetric_eig):
    from mlmathkit_checks import guarded as _guarded
    symmetric_eig = _guarded(symmetric_eig, 'symmetric_eig', ())
    import numpy as np
    from mlmathkit_checks import as_array, close, fields, require
    rng = np.random.default_rng(3)
    B = rng.normal(size=(6, 6))
    S = (B + B.T) / 2
    w, V = fields(symmetric_eig(S), ['w', 'V'], 'eigendecomposition')
    w, V = (as_array(w, 'w', shape=(6,)), as_array(V, 'V', shape=(6, 6)))
    require(bool(np.all(np.diff(w) <= 0)), f'eigenvalues must be sorted in descending order, got {np.round(w, 4)}')
    close(V.T @ V, np.eye(6), atol=1e-06, name='V^T V', hint='the eigenvectors must be orthonormal columns')
    scale = np.linalg.norm(S)
    close(S @ V, V * w, rtol=0, atol=1e-07 * scale, name='S V - V diag(w)', hint='column i of V must satisfy S v_i = w_i v_i')
    close(w.sum(), np.trace(S), atol=1e-07 * scale, name='sum of the eigenvalues', hint='it equals the trace of S')

@test_case(name="test_random_spectra_against_eigh", points=None, hidden=True)
def test_random_spectra_against_eigh(symmetric_eig):
    """Random symmetric matrices of sizes 1 to 20 with well-separated eigenvalues of both signs."""
    from mlmathkit_checks import guarded as _guarded
    symmetric_eig = _guarded(symmetric_eig, 'symmetric_eig', ())
    import numpy as np
    from mlmathkit_checks import as_array, close, close_up_to_sign, fields
    rng = np.random.default_rng(3001)
    for n in (1, 2, 3, 5, 8, 12, 20):
        lam = np.linspace(-1.0, 1.0, n) + rng.uniform(-0.2, 0.2, size=n) / max(n, 2)
        lam = lam * rng.uniform(0.5, 20.0) + rng.normal()
        Q = np.linalg.qr(rng.normal(size=(n, n)))[0]
        S = Q * lam @ Q.T
        S = (S + S.T) / 2
        wo, Vo = np.linalg.eigh(S)
        wo, Vo = (wo[::-1], Vo[:, ::-1])
        norm = np.abs(wo).max()
        w, V = fields(symmetric_eig(S), ['w', 'V'], 'eigendecomposition')
        close(w, wo, rtol=0, atol=1e-08 * norm, name=f'eigenvalues (n={n})', hint='descending order; is your stopping rule relative to the size of S?')
        V = as_array(V, 'V', shape=(n, n))
        for j in range(n):
            gap = np.abs(np.delete(wo, j) - wo[j]).min() if n > 1 else norm
            close_up_to_sign(V[:, [j]], Vo[:, [j]], rtol=0, atol=2e-09 * norm / gap, name=f'eigenvector {j} (n={n}; the COLUMNS of V, in the order of the eigenvalues)')

@test_case(name="test_hard_spectra", points=None, hidden=True)
def test_hard_spectra(symmetric_eig):
    """Opposite eigenvalues of equal magnitude, repeated, nearly equal and zero eigenvalues, a diagonal matrix, tiny and huge scales."""
    from mlmathkit_checks import guarded as _guarded
    symmetric_eig = _guarded(symmetric_eig, 'symmetric_eig', ())
    import numpy as np
    from mlmathkit_checks import as_array, close, close_up_to_sign, fields, same_subspace
    rng = np.random.default_rng(3002)
    spectra = {'+-2 and +-1': [2.0, -2.0, 1.0, -1.0, 0.5], 'repeated 3, 3, -2, -2': [3.0, 3.0, 1.0, -2.0, -2.0], 'nearly equal 1, 1 + 1e-10': [1.0, 1.0 + 1e-10, 0.5, -0.25], 'zeros (rank 2)': [4.0, 0.0, 0.0, 1.5, 0.0], 'scale 1e-12': list(1e-12 * np.array([3.0, -1.0, 2.0, 0.5])), 'scale 1e12': list(1000000000000.0 * np.array([3.0, -1.0, 2.0, 0.5])), 'distinct diagonal': 'diag'}
    for label, lam in spectra.items():
        if lam == 'diag':
            S = np.diag([0.3, -2.0, 5.0, 1.0])
        else:
            Q = np.linalg.qr(rng.normal(size=(len(lam), len(lam))))[0]
            S = Q * np.array(lam) @ Q.T
            S = (S + S.T) / 2
        wo, Vo = np.linalg.eigh(S)
        wo, Vo = (wo[::-1], Vo[:, ::-1])
        norm = np.abs(wo).max()
        n = len(wo)
        w, V = fields(symmetric_eig(S), ['w', 'V'], 'eigendecomposition')
        close(w, wo, rtol=0, atol=1e-08 * norm, name=f'eigenvalues ({label})', hint='shift the QR iteration (Wilkinson shift) and stop relative to ||S||')
        V = as_array(V, 'V', shape=(n, n))
        close(V.T @ V, np.eye(n), rtol=0, atol=1e-06, name=f'V^T V ({label})')
        clusters, start = ([], 0)
        for j in range(1, n + 1):
            if j == n or wo[j - 1] - wo[j] > 1e-06 * norm:
                clusters.append(list(range(start, j)))
                start = j
        for idx in clusters:
            gap = min((abs(wo[i] - wo[j]) for i in idx for j in range(n) if j not in idx), default=norm)
            if len(idx) == 1:
                close_up_to_sign(V[:, idx], Vo[:, idx], rtol=0, atol=2e-09 * norm / gap, name=f'eigenvector {idx[0]} ({label})')
            else:
                same_subspace(V[:, idx], Vo[:, idx], atol=2e-09 * norm / gap, name=f'eigenvectors {idx} ({label})')

@test_case(name="test_graph_laplacian", points=None, hidden=True)
def test_graph_laplacian(symmetric_eig):
    """Graph Laplacians: a path (tridiagonal, mostly exact zeros) and two disconnected cliques (repeated eigenvalues)."""
    from mlmathkit_checks import guarded as _guarded
    symmetric_eig = _guarded(symmetric_eig, 'symmetric_eig', ())
    import numpy as np
    from mlmathkit_checks import as_array, close, close_up_to_sign, fields, same_subspace
    n = 6
    P = 2 * np.eye(n) - np.eye(n, k=1) - np.eye(n, k=-1)
    P[0, 0] = P[-1, -1] = 1.0
    k = np.arange(n)[::-1]
    lam = 2 - 2 * np.cos(np.pi * k / n)
    vecs = np.cos(np.pi * np.outer(np.arange(n) + 0.5, k) / n)
    w, V = fields(symmetric_eig(P), ['w', 'V'], 'eigendecomposition')
    close(w, lam, rtol=0, atol=1e-08 * 4, name='eigenvalues of the Laplacian of a path of 6 nodes', hint='a tridiagonal matrix has exact zeros in its last row: deflate on the whole off-diagonal row')
    close_up_to_sign(V, vecs / np.linalg.norm(vecs, axis=0), rtol=0, atol=2e-09 * 4 / (2 - 2 * np.cos(np.pi / n)), name='eigenvectors of the Laplacian of a path (columns of V)')
    W = np.zeros((7, 7))
    W[:3, :3] = 1.0
    W[3:, 3:] = 1.0
    np.fill_diagonal(W, 0.0)
    L = np.diag(W.sum(axis=1)) - W
    w, V = fields(symmetric_eig(L), ['w', 'V'], 'eigendecomposition')
    close(w, [4.0, 4.0, 4.0, 3.0, 3.0, 0.0, 0.0], rtol=0, atol=1e-07, name='eigenvalues of the Laplacian of two cliques')
    V = as_array(V, 'V', shape=(7, 7))
    indicators = np.stack([np.r_[np.ones(3), np.zeros(4)], np.r_[np.zeros(3), np.ones(4)]], axis=1)
    same_subspace(V[:, 5:], indicators, atol=1e-06, name='eigenvectors of the eigenvalue 0 (should span the indicators of the connected components)')
    on_clique = np.zeros((7, 4))
    on_clique[3:] = np.eye(4) - 0.25
    same_subspace(V[:, :3], on_clique, atol=1e-06, name='eigenvectors of the eigenvalue 4')

@test_case(name="test_exact_symmetric_blocks", points=None, hidden=True)
def test_exact_symmetric_blocks(symmetric_eig):
    """Matrices whose trailing 2 x 2 block has equal diagonal entries, with eigenvalues lambda and -lambda."""
    from mlmathkit_checks import guarded as _guarded
    symmetric_eig = _guarded(symmetric_eig, 'symmetric_eig', ())
    import numpy as np
    from mlmathkit_checks import as_array, close, close_up_to_sign, fields
    r = 1 / np.sqrt(2)
    cases = {'[[0, 1], [1, 0]]': (np.array([[0.0, 1.0], [1.0, 0.0]]), [1.0, -1.0], [[r, r], [r, -r]]), '[[0, -3], [-3, 0]]': (np.array([[0.0, -3.0], [-3.0, 0.0]]), [3.0, -3.0], [[r, r], [-r, r]]), '[[2, 5], [5, 2]]': (np.array([[2.0, 5.0], [5.0, 2.0]]), [7.0, -3.0], [[r, r], [r, -r]])}
    B = np.zeros((4, 4))
    B[:2, :2] = [[5.0, 1.0], [1.0, 5.0]]
    B[2:, 2:] = [[0.0, 2.0], [2.0, 0.0]]
    E = np.zeros((4, 4))
    E[:2, :2], E[2:, 2:] = ([[r, r], [r, -r]], [[r, r], [r, -r]])
    cases['a block-diagonal 4 x 4 matrix with blocks [[5, 1], [1, 5]] and [[0, 2], [2, 0]]'] = (B, [6.0, 4.0, 2.0, -2.0], E[:, [0, 1, 2, 3]])
    for label, (S, w_exp, V_exp) in cases.items():
        n = len(S)
        norm = np.abs(w_exp).max()
        w, V = fields(symmetric_eig(S), ['w', 'V'], 'eigendecomposition')
        close(w, w_exp, rtol=0, atol=1e-08 * norm, name=f'eigenvalues of {label}', hint='Wilkinson shift with sign(0) = +1: np.sign(0) is 0')
        V = as_array(V, 'V', shape=(n, n))
        gap = 2.0
        close_up_to_sign(V, V_exp, rtol=0, atol=2e-09 * norm / gap, name=f'eigenvectors of {label} (columns of V)')

@test_case(name="test_identity_zero_and_extreme_scales", points=None, hidden=True)
def test_identity_zero_and_extreme_scales(symmetric_eig):
    """S = I (one eigenvalue repeated n times), S = 0, and matrices of size 1e-20 and 1e20."""
    from mlmathkit_checks import guarded as _guarded
    symmetric_eig = _guarded(symmetric_eig, 'symmetric_eig', ())
    import numpy as np
    from mlmathkit_checks import as_array, close, close_up_to_sign, fields
    for label, S, w_exp in [('S = I (4 x 4)', np.eye(4), np.ones(4)), ('S = 2.5 I (3 x 3)', 2.5 * np.eye(3), np.full(3, 2.5)), ('S = 0 (3 x 3)', np.zeros((3, 3)), np.zeros(3)), ('a 1 x 1 matrix', np.array([[-4.0]]), [-4.0])]:
        n = len(S)
        w, V = fields(symmetric_eig(S), ['w', 'V'], 'eigendecomposition')
        close(w, w_exp, rtol=1e-08, atol=1e-12, name=f'eigenvalues of {label}')
        V = as_array(V, 'V', shape=(n, n))
        close(V.T @ V, np.eye(n), rtol=0, atol=1e-06, name=f'V^T V for {label}', hint='V must be orthogonal even when every vector is an eigenvector')
    rng = np.random.default_rng(3003)
    Q = np.linalg.qr(rng.normal(size=(5, 5)))[0]
    for scale in (1e-20, 1e-13, 1e+20):
        lam = scale * np.array([3.0, -2.0, 1.0, -0.5, 2.5])
        S = Q * lam @ Q.T
        S = (S + S.T) / 2
        wo, Vo = np.linalg.eigh(S)
        wo, Vo = (wo[::-1], Vo[:, ::-1])
        norm = np.abs(wo).max()
        w, V = fields(symmetric_eig(S), ['w', 'V'], 'eigendecomposition')
        close(w, wo, rtol=0, atol=1e-08 * norm, name=f'eigenvalues of a matrix of size {scale:g}', hint='the stopping rule must be relative to ||S||: a tiny matrix is not already diagonal')
        V = as_array(V, 'V', shape=(5, 5))
        for j in range(5):
            gap = np.abs(np.delete(wo, j) - wo[j]).min()
            close_up_to_sign(V[:, [j]], Vo[:, [j]], rtol=0, atol=2e-09 * norm / gap, name=f'eigenvector {j} of a matrix of size {scale:g}')

@test_case(name="test_input_unchanged", points=None, hidden=True)
def test_input_unchanged(symmetric_eig):
    """The caller's matrix is left unchanged by the call."""
    from mlmathkit_checks import guarded as _guarded
    symmetric_eig = _guarded(symmetric_eig, 'symmetric_eig', ())
    import numpy as np
    from mlmathkit_checks import close
    rng = np.random.default_rng(3004)
    B = rng.normal(size=(6, 6))
    S = (B + B.T) / 2
    S0 = S.copy()
    symmetric_eig(S)
    close(S, S0, rtol=0, atol=0, name='S after symmetric_eig(S)', hint='work on a copy of S: do not modify the input')

