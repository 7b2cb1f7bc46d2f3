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

