# report: https://github.com/HobbitLong/SupContrast/blob/66a8fe53880d6a1084b2e4e0db0a019024d6d41a/main_linear.py#L109
# family: removed-api
# expect: 34
# runtime: raises UnpicklingError: Weights only load failed
import argparse
import io

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
opt = argparse.Namespace(model="resnet50", temp=0.07, learning_rate=0.05)
encoder = nn.Sequential(nn.Linear(8, 6), nn.ReLU())
head = nn.Linear(6, 4)
optimizer = torch.optim.SGD(list(encoder.parameters()) + list(head.parameters()), lr=0.05, momentum=0.9)
for _ in range(2):
    x = torch.randn(4, 8)
    views = torch.cat([x + 0.1 * torch.randn_like(x), x + 0.1 * torch.randn_like(x)])
    f = F.normalize(head(encoder(views)), dim=1)
    f1, f2 = torch.split(f, [4, 4], dim=0)
    logits = f1 @ f2.t() / opt.temp
    loss = F.cross_entropy(logits, torch.arange(4))
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()

buf = io.BytesIO()
state = {"opt": opt, "model": nn.ModuleDict({"encoder": encoder, "head": head}).state_dict(),
         "optimizer": optimizer.state_dict(), "epoch": 2}
torch.save(state, buf)  # save_model(model, optimizer, opt, epoch, save_file)
buf.seek(0)
# main_linear.set_model
ckpt = torch.load(buf, map_location="cpu")
state_dict = ckpt["model"]
