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

@test_case(name="test_gradients_against_torch", points=None, hidden=True)
def test_gradients_against_torch(two_layer_loss_grad):
    """Loss and gradients for several network sizes, weight decays and very large scores."""
    from mlmathkit_checks import guarded as _guarded
    two_layer_loss_grad = _guarded(two_layer_loss_grad, 'two_layer_loss_grad', ('torch.autograd', 'torch.optim', 'scipy.optimize', 'sklearn'))
    import numpy as np
    import torch
    from mlmathkit_checks import as_scalar, close, fields
    rng = np.random.default_rng(901)
    for n, d, m, K, lam, scale in [(20, 3, 5, 4, 0.0, 1.0), (50, 2, 16, 3, 0.05, 1.0), (1, 4, 3, 2, 0.3, 1.0), (30, 3, 8, 5, 0.01, 200.0)]:
        X, y = (rng.normal(size=(n, d)), rng.integers(0, K, size=n))
        params = [rng.normal(size=(d, m)), rng.normal(size=m) * 0.1, rng.normal(size=(m, K)) * scale, rng.normal(size=K)]
        tp = [torch.tensor(p, requires_grad=True) for p in params]
        S = torch.relu(torch.as_tensor(X) @ tp[0] + tp[1]) @ tp[2] + tp[3]
        loss = torch.nn.functional.cross_entropy(S, torch.as_tensor(y)) + lam / 2 * ((tp[0] ** 2).sum() + (tp[2] ** 2).sum())
        grads = torch.autograd.grad(loss, tp)
        got = fields(two_layer_loss_grad(*params, X, y, lam), ['loss', 'dW1', 'db1', 'dW2', 'db2'], 'result')
        tag = f"(n={n}, d={d}, m={m}, K={K}, lam={lam:g}{(', scores ~ 1e3' if scale > 1 else '')})"
        close(as_scalar(got[0], 'loss'), loss.item(), name=f'loss {tag}', hint="subtract each row's max score before exponentiating")
        for key, value, g in zip(['dW1', 'db1', 'dW2', 'db2'], got[1:], grads):
            g = g.numpy()
            close(value, g, rtol=1e-05, atol=1e-05 * np.abs(g).max(), name=f'{key} {tag}', hint='backward: dS = (P - Y)/n, dW2 = H^T dS + lam W2, dZ = dS W2^T * [Z > 0], dW1 = X^T dZ + lam W1')

@test_case(name="test_training_against_torch", points=None, hidden=True)
def test_training_against_torch(train_two_layer):
    """The losses and parameters of a training run, and the initial parameters left unchanged."""
    from mlmathkit_checks import guarded as _guarded
    train_two_layer = _guarded(train_two_layer, 'train_two_layer', ('torch.autograd', 'torch.optim', 'scipy.optimize', 'sklearn'))
    import numpy as np
    import torch
    import mlmathkit_fixtures as fx
    from mlmathkit_checks import close, fields
    X, y = fx.spirals(n_per_class=40, seed=3)
    rng = np.random.default_rng(902)
    init = [rng.normal(size=(2, 16)), np.zeros(16), rng.normal(size=(16, 3)) * 0.25, np.zeros(3)]
    lam, lr, n_steps = (0.01, 0.5, 40)
    tp = [torch.tensor(p, requires_grad=True) for p in init]
    losses = []
    for step in range(n_steps + 1):
        S = torch.relu(torch.as_tensor(X) @ tp[0] + tp[1]) @ tp[2] + tp[3]
        loss = torch.nn.functional.cross_entropy(S, torch.as_tensor(y)) + lam / 2 * ((tp[0] ** 2).sum() + (tp[2] ** 2).sum())
        losses.append(loss.item())
        if step == n_steps:
            break
        grads = torch.autograd.grad(loss, tp)
        with torch.no_grad():
            tp = [(p - lr * g).requires_grad_() for p, g in zip(tp, grads)]
    before = [p.copy() for p in init]
    out = fields(train_two_layer(*init, X, y, lam, lr, n_steps), ['W1', 'b1', 'W2', 'b2', 'losses'], 'training result')
    close(out[4], losses, rtol=1e-05, name='losses over 40 steps', hint='n_steps + 1 losses: before every step and after the last one')
    for key, value, p in zip(['W1', 'b1', 'W2', 'b2'], out[:4], tp):
        expected = p.detach().numpy()
        close(value, expected, rtol=0.0001, atol=1e-06 * np.abs(expected).max(), name=f'{key} after 40 steps')
    for key, a, b in zip(['W1', 'b1', 'W2', 'b2'], init, before):
        close(a, b, rtol=0, atol=0, name=f'initial {key} after training', hint='do not update the input arrays in place')

@test_case(name="test_relu_at_exactly_zero", points=None, hidden=True)
def test_relu_at_exactly_zero(two_layer_loss_grad):
    """Hidden pre-activations exactly 0 (zero inputs, zero biases, a zero weight column), where the ReLU derivative is 0."""
    from mlmathkit_checks import guarded as _guarded
    two_layer_loss_grad = _guarded(two_layer_loss_grad, 'two_layer_loss_grad', ('torch.autograd', 'torch.optim', 'scipy.optimize', 'sklearn'))
    import numpy as np
    import torch
    from mlmathkit_checks import as_scalar, close, fields, require
    rng = np.random.default_rng(903)
    n, d, m, K, lam = (12, 3, 5, 4, 0.02)
    X, y = (rng.normal(size=(n, d)), rng.integers(0, K, size=n))
    X[[0, 5, 9]] = 0.0
    W1, b1, W2, b2 = (rng.normal(size=(d, m)), np.zeros(m), rng.normal(size=(m, K)), rng.normal(size=K))
    W1[:, 2] = 0.0
    params = [W1, b1, W2, b2]
    copies = [p.copy() for p in params + [X]]
    tp = [torch.tensor(p, requires_grad=True) for p in params]
    S = torch.relu(torch.as_tensor(X) @ tp[0] + tp[1]) @ tp[2] + tp[3]
    loss = torch.nn.functional.cross_entropy(S, torch.as_tensor(y)) + lam / 2 * ((tp[0] ** 2).sum() + (tp[2] ** 2).sum())
    grads = torch.autograd.grad(loss, tp)
    got = fields(two_layer_loss_grad(*params, X, y, lam), ['loss', 'dW1', 'db1', 'dW2', 'db2'], 'result')
    close(as_scalar(got[0], 'loss'), loss.item(), name='loss with pre-activations exactly 0')
    for key, value, g in zip(['dW1', 'db1', 'dW2', 'db2'], got[1:], grads):
        g = g.numpy()
        close(value, g, rtol=1e-05, atol=1e-05 * np.abs(g).max(), name=f'{key} with pre-activations exactly 0', hint='the ReLU derivative is 1 where Z > 0 and 0 where Z <= 0 (0 at exactly 0, as in PyTorch)')
    require(all((bool(np.array_equal(p, q)) for p, q in zip(params + [X], copies))), 'two_layer_loss_grad changed one of its inputs')

