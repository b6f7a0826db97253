# report: https://github.com/jfzhang95/pytorch-video-recognition/blob/ca37de9f69a961f22a821c157e9ccf47a601904d/train.py#L118
# family: optimizer-misuse
# expect: 27
# runtime: asserts scheduler.step() at the top of the train phase runs the StepLR schedule one epoch early for both lr groups
import warnings
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Conv3d(3, 4, 3, padding=1), nn.ReLU(), nn.AdaptiveAvgPool3d(1), nn.Flatten(), nn.Linear(4, 5))
lr = 1e-3
train_params = [{'params': model[0].parameters(), 'lr': lr},
                {'params': model[4].parameters(), 'lr': lr * 10}]
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(train_params, lr=lr, momentum=0.9, weight_decay=5e-4)
scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=2, gamma=0.1)
loaders = {'train': [(torch.randn(2, 3, 4, 8, 8), torch.tensor([0, 3]))],
           'val': [(torch.randn(2, 3, 4, 8, 8), torch.tensor([1, 2]))]}
train_lrs = []

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    for epoch in range(3):
        for phase in ['train', 'val']:
            running_loss = 0.0
            if phase == 'train':
                scheduler.step()
                model.train()
                train_lrs.append([g['lr'] for g in optimizer.param_groups])
            else:
                model.eval()
            for inputs, labels in loaders[phase]:
                optimizer.zero_grad()
                if phase == 'train':
                    outputs = model(inputs)
                else:
                    with torch.no_grad():
                        outputs = model(inputs)
                loss = criterion(outputs, labels)
                if phase == 'train':
                    loss.backward()
                    optimizer.step()
                running_loss += loss.item() * inputs.size(0)

assert any("before `optimizer.step()`" in str(w.message) for w in caught)
# with step_size=2 epoch 1 should still train at lr; it already trains at lr * 0.1
assert abs(train_lrs[1][0] - lr * 0.1) < 1e-12 and abs(train_lrs[1][1] - lr) < 1e-12
