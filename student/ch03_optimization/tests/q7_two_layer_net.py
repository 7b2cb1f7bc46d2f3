from otter.test_files import test_case

OK_FORMAT = False

name = "q7_two_layer_net"
points = 4.0

@test_case(name="test_worked_example", points=None, hidden=False)
def test_worked_example(two_layer_loss_grad):
    from mlmathkit_checks import guarded as _guarded
    two_layer_loss_grad = _guarded(two_layer_loss_grad, 'two_layer_loss_grad', ('torch.autograd', 'torch.optim', 'scipy.optimize', 'sklearn'))
    import numpy as np
    from mlmathkit_checks import as_scalar, close, fields
    lam = 0.1
    out = two_layer_loss_grad(np.eye(2), np.zeros(2), np.zeros((2, 2)), np.zeros(2), np.array([[1.0, 0.0]]), np.array([0]), lam)
    loss, dW1, db1, dW2, db2 = fields(out, ['loss', 'dW1', 'db1', 'dW2', 'db2'], 'result')
    close(as_scalar(loss, 'loss'), np.log(2) + lam, name='loss', hint='cross-entropy log 2 plus lam/2 (||W1||^2 + ||W2||^2)')
    close(dW2, [[-0.5, 0.5], [0.0, 0.0]], name='dW2', hint='H^T (P - Y) / n (+ lam W2)')
    close(db2, [-0.5, 0.5], name='db2')
    close(dW1, lam * np.eye(2), name='dW1', hint='only the weight decay lam W1 is left when W2 = 0')
    close(db1, [0.0, 0.0], name='db1')

@test_case(name="test_training_loss_falls", points=None, hidden=False)
def test_training_loss_falls(two_layer_loss_grad, train_two_layer):
    from mlmathkit_checks import guarded as _guarded
    two_layer_loss_grad = _guarded(two_layer_loss_grad, 'two_layer_loss_grad', ('torch.autograd', 'torch.optim', 'scipy.optimize', 'sklearn'))
    train_two_layer = _guarded(train_two_layer, 'train_two_layer', ('torch.autograd', 'torch.optim', 'scipy.optimize', 'sklearn'))
    import numpy as np
    import mlmathkit_fixtures as fx
    from mlmathkit_checks import as_array, fields, require
    X, y = fx.spirals(n_per_class=50, seed=1)
    rng = np.random.default_rng(7)
    W1, W2 = (rng.normal(size=(2, 32)), rng.normal(size=(32, 3)) * np.sqrt(1 / 32))
    b1, b2 = (np.zeros(32), np.zeros(3))
    grads = fields(two_layer_loss_grad(W1, b1, W2, b2, X, y, 0.001), ['loss', 'dW1', 'db1', 'dW2', 'db2'], 'result')[1:]
    for value, key, shape in zip(grads, ['dW1', 'db1', 'dW2', 'db2'], [(2, 32), (32,), (32, 3), (3,)]):
        as_array(value, key, shape=shape)
    result = train_two_layer(W1, b1, W2, b2, X, y, 0.001, 1.0, 300)
    losses = as_array(fields(result, ['W1', 'b1', 'W2', 'b2', 'losses'], 'training result')[4], 'losses', shape=(301,))
    require(losses[-1] < 0.6 * losses[0], f'the training loss should fall well below its start, got {losses[0]:.3f} -> {losses[-1]:.3f}')

