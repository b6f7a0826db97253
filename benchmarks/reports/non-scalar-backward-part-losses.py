# report: https://github.com/syfafterzy/PCB_RPP_for_reID/issues/16
# family: non-scalar-backward
# expect: 32
# runtime: raises RuntimeError: Mismatch in shape: grad_output[0] has a shape of torch.Size([1]) and output[0] has a shape of torch.Size([])
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
PARTS = 3


class PartClassifier(nn.Module):
    def __init__(self, dim=8, num_ids=5):
        super().__init__()
        self.backbone = nn.Conv2d(3, dim, 3, padding=1)
        self.heads = nn.ModuleList(nn.Linear(dim, num_ids) for _ in range(PARTS))

    def forward(self, x):
        feat = self.backbone(x)
        stripes = F.adaptive_avg_pool2d(feat, (PARTS, 1)).squeeze(-1)
        return [head(stripes[:, :, i]) for i, head in enumerate(self.heads)]


model = PartClassifier()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
images, pids = torch.randn(4, 3, 12, 6), torch.randint(0, 5, (4,))

outputs = model(images)
losses = [F.cross_entropy(out, pids) for out in outputs]
optimizer.zero_grad()
torch.autograd.backward(losses, [torch.ones(1) for _ in losses])
optimizer.step()
