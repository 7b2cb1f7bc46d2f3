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

