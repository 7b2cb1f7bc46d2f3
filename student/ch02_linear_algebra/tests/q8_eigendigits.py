from otter.test_files import test_case

OK_FORMAT = False

name = "q8_eigendigits"
points = 2.0

@test_case(name="test_worked_example", points=None, hidden=False)
def test_worked_example(pca_reconstruction_errors, n_components_for_variance):
    from mlmathkit_checks import guarded as _guarded
    pca_reconstruction_errors = _guarded(pca_reconstruction_errors, 'pca_reconstruction_errors', ())
    n_components_for_variance = _guarded(n_components_for_variance, 'n_components_for_variance', ())
    import numpy as np
    from mlmathkit_checks import as_scalar, close
    X = np.array([[1.0, 0.0], [-1.0, 0.0], [0.0, 0.5], [0.0, -0.5]])
    close(pca_reconstruction_errors(X, [0, 1, 2]), [0.625, 0.125, 0.0], atol=1e-09, name='errors for k = 0, 1, 2', hint='the mean over images of the squared distance between each image and its reconstruction')
    close(as_scalar(n_components_for_variance(X, 0.75), 'k'), 1.0, name='components for 75% of the variance')
    close(as_scalar(n_components_for_variance(X, 0.9), 'k'), 2.0, name='components for 90% of the variance', hint='the smallest k whose cumulative explained-variance ratio is >= frac (counting from 1)')
    X = np.array([[1.0, 0.0], [-1.0, 0.0], [0.0, 1.0], [0.0, -1.0]])
    close(as_scalar(n_components_for_variance(X, 0.5), 'k'), 1.0, name='components for 50% with two equal variances', hint='cumulative ratio >= frac: an exact tie counts as reaching frac')

@test_case(name="test_properties_on_digits", points=None, hidden=False)
def test_properties_on_digits(pca_reconstruction_errors):
    from mlmathkit_checks import guarded as _guarded
    pca_reconstruction_errors = _guarded(pca_reconstruction_errors, 'pca_reconstruction_errors', ())
    import numpy as np
    from sklearn.datasets import load_digits
    from mlmathkit_checks import as_array, close, require
    X = load_digits().data
    errs = as_array(pca_reconstruction_errors(X, list(range(65))), 'errors', shape=(65,))
    require(bool(np.all(np.diff(errs) <= 1e-09 * errs[0])), 'the reconstruction error must not increase with k')
    close(errs[0], np.mean(np.sum((X - X.mean(axis=0)) ** 2, axis=1)), rtol=1e-06, name='error with k = 0', hint='with no component every image is replaced by the mean image')
    close(errs[64], 0.0, atol=1e-09 * errs[0], name='error with k = 64 = d', hint='all components reproduce the data exactly')

