# report: https://github.com/facebookresearch/moco/issues/21
# family: inplace-saved-tensor
# expect: 26 34
# runtime: raises RuntimeError: one of the variables needed for gradient computation has been modified by an inplace operation
# twin: inplace-saved-tensor-moco-queue-ok.py
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)


class MoCo(nn.Module):
    def __init__(self, dim=8, queue_size=16, temperature=0.07):
        super().__init__()
        self.encoder_q = nn.Linear(12, dim)
        self.encoder_k = nn.Linear(12, dim)
        self.encoder_k.load_state_dict(self.encoder_q.state_dict())
        self.temperature = temperature
        self.register_buffer("queue", F.normalize(torch.randn(dim, queue_size), dim=0))
        self.register_buffer("queue_ptr", torch.zeros(1, dtype=torch.long))

    @torch.no_grad()
    def _dequeue_and_enqueue(self, keys):
        ptr, batch = int(self.queue_ptr), keys.shape[0]
        self.queue[:, ptr:ptr + batch] = keys.T
        self.queue_ptr[0] = (ptr + batch) % self.queue.shape[1]

    def forward(self, im_q, im_k):
        q = F.normalize(self.encoder_q(im_q), dim=1)
        with torch.no_grad():
            k = F.normalize(self.encoder_k(im_k), dim=1)
        l_pos = (q * k).sum(dim=1, keepdim=True)
        l_neg = q @ self.queue
        logits = torch.cat([l_pos, l_neg], dim=1) / self.temperature
        labels = torch.zeros(logits.shape[0], dtype=torch.long)
        self._dequeue_and_enqueue(k)
        return logits, labels


model = MoCo()
optimizer = torch.optim.SGD(model.encoder_q.parameters(), lr=0.03)
x = torch.randn(4, 12)
logits, labels = model(x + 0.1 * torch.randn_like(x), x + 0.1 * torch.randn_like(x))
loss = F.cross_entropy(logits, labels)
optimizer.zero_grad()
loss.backward()
optimizer.step()
