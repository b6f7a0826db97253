# report: https://github.com/ritchieng/deep-learning-wizard/blob/e4ce284aac5487c86cdef223e669e76cf0c823f0/docs/deep_learning/boosting_models_pytorch/optimizers.ipynb
# family: removed-api
# expect: 23
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(12, 10))
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.Adadelta(model.parameters())
loader = [(torch.randn(4, 12), torch.randint(0, 10, (4,))) for _ in range(3)]
iter = 0
for epoch in range(1):
    for images, labels in loader:
        images = images.requires_grad_()
        optimizer.zero_grad()
        loss = criterion(model(images), labels)
        loss.backward()
        optimizer.step()
        iter += 1
        if iter % 2 == 0:
            print('Iteration: {}. Loss: {}.'.format(iter, loss.data[0]))
