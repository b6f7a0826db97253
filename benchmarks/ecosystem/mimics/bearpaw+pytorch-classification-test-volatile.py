# report: https://github.com/bearpaw/pytorch-classification/blob/24f1c456f48c78133088c4eefd182ca9e6199b03/cifar.py#L306
# family: removed-api
# expect: 18
# runtime: asserts volatile=True is ignored: every test batch records the autograd graph through the model
import warnings
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Flatten(), nn.Linear(12, 10))
criterion = nn.CrossEntropyLoss()
testloader = [(torch.randn(4, 3, 2, 2), torch.randint(0, 10, (4,))) for _ in range(2)]
model.eval()
graphs = []
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    for batch_idx, (inputs, targets) in enumerate(testloader):
        inputs, targets = torch.autograd.Variable(inputs, volatile=True), torch.autograd.Variable(targets)
        outputs = model(inputs)
        loss = criterion(outputs, targets)
        graphs.append(loss.grad_fn is not None)
assert any("volatile" in str(w.message) for w in caught)
assert all(graphs)
