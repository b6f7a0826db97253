# report: https://github.com/fyu/drn/blob/d75db2ee7070426db7a9264ee61cf489f8cf178c/segment.py#L215
# family: removed-api
# expect: 19
# runtime: asserts volatile=True is ignored: validation outputs record the segmenter's graph
import warnings
import torch
import torch.nn as nn

torch.manual_seed(0)
segmenter = nn.Sequential(nn.Conv2d(3, 5, 3, padding=1), nn.BatchNorm2d(5), nn.ReLU(), nn.Conv2d(5, 4, 1), nn.LogSoftmax(dim=1))
criterion = nn.NLLLoss(ignore_index=255)
val_loader = [(torch.rand(2, 3, 8, 8), torch.randint(0, 4, (2, 8, 8))) for _ in range(2)]
segmenter.eval()
graphs, losses = [], []
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    for images, labels in val_loader:
        # relied on as the no-grad switch
        input_var = torch.autograd.Variable(images, volatile=True)
        target_var = torch.autograd.Variable(labels, volatile=True)
        output = segmenter(input_var)
        loss = criterion(output, target_var)
        graphs.append(output.grad_fn is not None and loss.requires_grad)
        losses.append(loss.item())
assert any("volatile" in str(w.message) for w in caught)
assert all(graphs)
