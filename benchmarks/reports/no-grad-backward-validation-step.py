# report: https://github.com/nianticlabs/monodepth2/issues/24
# family: no-grad-backward
# expect: 22 25
# runtime: raises RuntimeError: element 0 of tensors does not require grad and does not have a grad_fn
import torch
import torch.nn as nn

torch.manual_seed(0)


class Trainer:
    def __init__(self):
        self.model = nn.Sequential(nn.Conv2d(3, 4, 3, padding=1), nn.ReLU(), nn.Conv2d(4, 1, 1))
        self.optimizer = torch.optim.Adam(self.model.parameters(), lr=1e-4)

    def process_batch(self, images, depth):
        pred = self.model(images)
        return pred, {"loss": (pred - depth).abs().mean()}

    def val(self, images, depth):
        self.model.eval()
        with torch.no_grad():
            _, losses = self.process_batch(images, depth)
            self.optimizer.zero_grad()
            losses["loss"].backward()
            self.optimizer.step()
        self.model.train()
        return losses["loss"].item()


trainer = Trainer()
trainer.val(torch.randn(2, 3, 8, 8), torch.rand(2, 1, 8, 8))
