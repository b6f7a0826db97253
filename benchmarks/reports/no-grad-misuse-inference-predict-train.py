# report: https://blog.gitcode.com/0cf5ed0bc11c4df11283f865590535fa.html
# family: no-grad-misuse
# expect: 17 24
# runtime: raises RuntimeError: element 0 of tensors does not require grad and does not have a grad_fn
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)


class Predictor:
    def setup(self):
        self.model = nn.Sequential(nn.Linear(6, 16), nn.ReLU(), nn.Linear(16, 6))
        self.optimizer = torch.optim.Adam(self.model.parameters(), lr=1e-3)

    @torch.inference_mode()
    def predict(self, reference, target, finetune_steps=3):
        """Personalize on the user's reference pair, then predict."""
        self.model.train()
        for _ in range(finetune_steps):
            loss = F.mse_loss(self.model(reference), target)
            self.optimizer.zero_grad()
            loss.backward()
            self.optimizer.step()
        self.model.eval()
        return self.model(reference)


predictor = Predictor()
predictor.setup()
output = predictor.predict(torch.randn(2, 6), torch.randn(2, 6))
