from otter.test_files import test_case

OK_FORMAT = False

name = "q6_least_squares"
points = 3.0

@test_case(name="test_worked_example", points=None, hidden=False)
def test_worked_example(lstsq_normal_equations, lstsq_qr):
    from mlmathkit_checks import guarded as _guarded
    lstsq_normal_equations = _guarded(lstsq_normal_equations, 'lstsq_normal_equations', ('numpy.linalg.lstsq', 'numpy.linalg.pinv', 'numpy.linalg.inv', 'scipy.linalg.lstsq'))
    lstsq_qr = _guarded(lstsq_qr, 'lstsq_qr', ('numpy.linalg.lstsq', 'numpy.linalg.pinv', 'numpy.linalg.inv', 'scipy.linalg.lstsq'))
    import numpy as np
    from mlmathkit_checks import close
    X = np.array([[1.0, 0.0], [1.0, 1.0], [1.0, 2.0]])
    y = np.array([0.0, 1.0, 3.0])
    close(lstsq_normal_equations(X, y), [-1 / 6, 1.5], name='normal-equations solution', hint='solve X^T X w = X^T y')
    close(lstsq_qr(X, y), [-1 / 6, 1.5], name='QR solution', hint='solve R w = Q^T y with the REDUCED QR')

@test_case(name="test_properties", points=None, hidden=False)
def test_properties(lstsq_normal_equations, lstsq_qr):
    from mlmathkit_checks import guarded as _guarded
    lstsq_normal_equations = _guarded(lstsq_normal_equations, 'lstsq_normal_equations', ('numpy.linalg.lstsq', 'numpy.linalg.pinv', 'numpy.linalg.inv', 'scipy.linalg.lstsq'))
    lstsq_qr = _guarded(lstsq_qr, 'lstsq_qr', ('numpy.linalg.lstsq', 'numpy.linalg.pinv', 'numpy.linalg.inv', 'scipy.linalg.lstsq'))
    import numpy as np
    from mlmathkit_checks import as_array, close
    rng = np.random.default_rng(6)
    X, y = (rng.normal(size=(20, 3)), rng.normal(size=20))
    for name, solver in [('normal equations', lstsq_normal_equations), ('QR', lstsq_qr)]:
        w = as_array(solver(X, y), f'w ({name})', shape=(3,))
        close(X.T @ (y - X @ w), np.zeros(3), atol=0.0001, name=f'X^T (y - X w) ({name})', hint='at the least-squares solution the residual is orthogonal to every column of X')
        w_true = np.array([1.0, -2.0, 0.5])
        close(solver(X, X @ w_true), w_true, name=f'solution of a consistent system ({name})')
        close(solver(X / 2 ** 20, X @ w_true), w_true * 2 ** 20, name=f'solution for X / 2^20 ({name})', hint="adding a fixed 'jitter' to X^T X is ridge regression, not least squares")
    X = np.vander(np.linspace(0.0, 1.0, 60), 10, increasing=True)
    w_true = np.linspace(1.0, -1.0, 10)
    close(lstsq_qr(X, X @ w_true), w_true, rtol=0, atol=1e-05, name='QR solution for polynomial features of degree 9', hint='never form X^T X (or R^T R): solve R w = Q^T y by back substitution, in float64')

@test_case(name="test_random_against_lstsq", points=None, hidden=True)
def test_random_against_lstsq(lstsq_normal_equations, lstsq_qr):
    """Random well-conditioned designs, tall and square, with noisy targets."""
    from mlmathkit_checks import guarded as _guarded
    lstsq_normal_equations = _guarded(lstsq_normal_equations, 'lstsq_normal_equations', ('numpy.linalg.lstsq', 'numpy.linalg.pinv', 'numpy.linalg.inv', 'scipy.linalg.lstsq'))
    lstsq_qr = _guarded(lstsq_qr, 'lstsq_qr', ('numpy.linalg.lstsq', 'numpy.linalg.pinv', 'numpy.linalg.inv', 'scipy.linalg.lstsq'))
    import numpy as np
    from mlmathkit_checks import close
    rng = np.random.default_rng(6001)
    for n, d in [(10, 1), (5, 5), (50, 4), (200, 10), (30, 6)]:
        X = rng.normal(size=(n, d)) * rng.uniform(0.1, 10.0)
        y = X @ rng.normal(size=d) + rng.normal(size=n)
        wo = np.linalg.lstsq(X, y, rcond=None)[0]
        for name, solver in [('normal equations', lstsq_normal_equations), ('QR', lstsq_qr)]:
            close(solver(X, y), wo, rtol=0.0001, atol=1e-06 * np.linalg.norm(wo), name=f'w ({name}, X of shape ({n}, {d}))', hint='is it X^T X (d x d), and Q^T y (not Q y)?')

@test_case(name="test_qr_on_ill_conditioned_designs", points=None, hidden=True)
def test_qr_on_ill_conditioned_designs(lstsq_qr):
    """Ill-conditioned designs: singular values spread over seven orders of magnitude, and polynomial features."""
    from mlmathkit_checks import guarded as _guarded
    lstsq_qr = _guarded(lstsq_qr, 'lstsq_qr', ('numpy.linalg.lstsq', 'numpy.linalg.pinv', 'numpy.linalg.inv', 'scipy.linalg.lstsq'))
    import numpy as np
    from mlmathkit_checks import close
    rng = np.random.default_rng(6002)
    U = np.linalg.qr(rng.normal(size=(60, 8)))[0]
    V = np.linalg.qr(rng.normal(size=(8, 8)))[0]
    designs = {'singular values 1 ... 1e-7': U * np.logspace(0, -7, 8) @ V.T, 'polynomial features of degree 9': np.vander(np.linspace(0.0, 1.0, 60), 10, increasing=True)}
    for label, X in designs.items():
        y = X @ rng.normal(size=X.shape[1])
        wo = np.linalg.lstsq(X, y, rcond=None)[0]
        kappa = np.linalg.cond(X)
        close(lstsq_qr(X, y), wo, rtol=0, atol=1000.0 * 2.2e-16 * kappa * np.linalg.norm(wo), name=f'w for {label}', hint='never form X^T X: its condition number is cond(X)^2. Solve R w = Q^T y by back substitution')

@test_case(name="test_edge_cases", points=None, hidden=True)
def test_edge_cases(lstsq_normal_equations, lstsq_qr):
    """A single feature, a square invertible system, and a zero target."""
    from mlmathkit_checks import guarded as _guarded
    lstsq_normal_equations = _guarded(lstsq_normal_equations, 'lstsq_normal_equations', ('numpy.linalg.lstsq', 'numpy.linalg.pinv', 'numpy.linalg.inv', 'scipy.linalg.lstsq'))
    lstsq_qr = _guarded(lstsq_qr, 'lstsq_qr', ('numpy.linalg.lstsq', 'numpy.linalg.pinv', 'numpy.linalg.inv', 'scipy.linalg.lstsq'))
    import numpy as np
    from mlmathkit_checks import close
    rng = np.random.default_rng(6003)
    x, y = (rng.normal(size=(12, 1)), rng.normal(size=12))
    A = rng.normal(size=(4, 4)) + 4 * np.eye(4)
    b = rng.normal(size=4)
    for name, solver in [('normal equations', lstsq_normal_equations), ('QR', lstsq_qr)]:
        close(solver(x, y), [float(x[:, 0] @ y / (x[:, 0] @ x[:, 0]))], name=f'one feature ({name})', hint='X of shape (n, 1): w has shape (1,)')
        close(solver(A, b), np.linalg.solve(A, b), name=f'square system ({name})')
        close(solver(A, np.zeros(4)), np.zeros(4), atol=1e-12, name=f'y = 0 ({name})')

@test_case(name="test_tiny_and_huge_scales", points=None, hidden=True)
def test_tiny_and_huge_scales(lstsq_normal_equations, lstsq_qr):
    """Designs whose entries are tiny (about 1e-6) or huge (about 1e6), and the caller's arrays left unchanged."""
    from mlmathkit_checks import guarded as _guarded
    lstsq_normal_equations = _guarded(lstsq_normal_equations, 'lstsq_normal_equations', ('numpy.linalg.lstsq', 'numpy.linalg.pinv', 'numpy.linalg.inv', 'scipy.linalg.lstsq'))
    lstsq_qr = _guarded(lstsq_qr, 'lstsq_qr', ('numpy.linalg.lstsq', 'numpy.linalg.pinv', 'numpy.linalg.inv', 'scipy.linalg.lstsq'))
    import numpy as np
    from mlmathkit_checks import close
    rng = np.random.default_rng(6004)
    X0 = rng.normal(size=(25, 4)) + np.array([0.0, 1.0, -2.0, 0.5])
    y0 = X0 @ np.array([1.0, -2.0, 0.5, 3.0]) + 0.3 * rng.normal(size=25)
    wo = np.linalg.lstsq(X0, y0, rcond=None)[0]
    for name, solver in [('normal equations', lstsq_normal_equations), ('QR', lstsq_qr)]:
        for ex, ey in [(-20, 0), (20, 0), (-20, -20), (20, 20)]:
            X, y = (np.ldexp(X0, ex), np.ldexp(y0, ey))
            Xc, yc = (X.copy(), y.copy())
            w = solver(X, y)
            close(w, np.ldexp(wo, ey - ex), rtol=0.0001, atol=1e-06 * np.abs(np.ldexp(wo, ey - ex)).max(), name=f'w ({name}) for X of size 2^{ex} and y of size 2^{ey}', hint="least squares is scale-free: adding a fixed 'jitter' to X^T X is ridge regression, not least squares")
            close(X, Xc, rtol=0, atol=0, name=f'X after the call ({name})', hint='do not modify the inputs')
            close(y, yc, rtol=0, atol=0, name=f'y after the call ({name})', hint='do not modify the inputs')

