# report: https://github.com/wabyking/TextClassificationBenchmark/blob/a73119c0cb8e83d49c2ec429733e50c8e3659098/utils.py#L79
# family: numpy-conversion
# expect: 24
# runtime: raises IndexError: too many indices for array
import numpy as np
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Embedding(30, 8), nn.Flatten(), nn.Dropout(0.2), nn.Linear(8 * 6, 3))
batches = [(torch.randint(0, 30, (4, 6)), torch.randint(0, 3, (4,))) for _ in range(2)]


def evaluation(model, test_iter):
    model.eval()
    accuracy = []
    for text, label in test_iter:
        predicted = model(text)
        prob, idx = torch.max(predicted, 1)
        precision = (idx == label).float().mean()  # a 0-dim tensor
        if torch.cuda.is_available():
            accuracy.append(precision.data.item())
        else:
            accuracy.append(precision.data.numpy()[0])  # a 0-d array has no index 0
    model.train()
    return np.mean(accuracy)


print(evaluation(model, batches))
