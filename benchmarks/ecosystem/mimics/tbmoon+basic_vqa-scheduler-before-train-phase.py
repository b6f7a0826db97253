# report: https://github.com/tbmoon/basic_vqa/blob/b03d1347c3d05f6fbc84867ae3496b55875d93d6/train.py#L61
# family: optimizer-misuse
# expect: 26
# runtime: asserts StepLR stepped at the start of the train phase before optimizer.step: the decay lands one epoch early
import warnings
import torch
import torch.nn as nn

torch.manual_seed(0)
img_fc = nn.Linear(8, 6)
qst = nn.Embedding(10, 6)
head = nn.Sequential(nn.Tanh(), nn.Dropout(0.5), nn.Linear(6, 4))
params = list(img_fc.parameters()) + list(qst.parameters()) + list(head.parameters())
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(params, lr=0.001)
scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=2, gamma=0.1)
data = {'train': [(torch.randn(3, 8), torch.randint(0, 10, (3,)), torch.randint(0, 4, (3,)))],
        'valid': [(torch.randn(3, 8), torch.randint(0, 10, (3,)), torch.randint(0, 4, (3,)))]}
lr_in_train = []

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    for epoch in range(3):
        for phase in ['train', 'valid']:
            if phase == 'train':
                scheduler.step()
                head.train()
                lr_in_train.append(optimizer.param_groups[0]['lr'])
            else:
                head.eval()
            for image, question, label in data[phase]:
                optimizer.zero_grad()
                with torch.set_grad_enabled(phase == 'train'):
                    output = head(img_fc(image) * qst(question))
                    loss = criterion(output, label)
                    if phase == 'train':
                        loss.backward()
                        optimizer.step()

assert any("before `optimizer.step()`" in str(w.message) for w in caught)
assert abs(lr_in_train[1] - 0.0001) < 1e-12  # step_size=2, yet epoch 1 already runs decayed
