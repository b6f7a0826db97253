# report: https://github.com/aamini/introtodeeplearning/blob/fd8023c7804bd352fc7212ac3aa587bd90912653/xtra_labs/llm_finetune/draft.py#L184
# family: grad-missing
# expect: 19
# runtime: asserts lora_A and lora_B both start at zero, so every gradient of both is zero and the LoRA adapters never leave zero
import torch
import torch.nn as nn
import torch.nn.functional as F


class LoRALinear(nn.Module):
    def __init__(self, in_features, out_features, pretrained_weight, pretrained_bias, r=4, lora_alpha=8, lora_dropout=0.1):
        super().__init__()
        self.r = r
        self.weight = nn.Parameter(pretrained_weight)
        self.weight.requires_grad = False
        self.bias = nn.Parameter(pretrained_bias)
        self.bias.requires_grad = False
        # B is zero as in LoRA, but A must be random: with both zero no gradient ever reaches either
        self.lora_A = nn.Parameter(self.weight.new_zeros((r, in_features)))
        self.lora_B = nn.Parameter(self.weight.new_zeros((out_features, r)))
        self.scaling = lora_alpha / r
        self.lora_dropout = nn.Dropout(p=lora_dropout)

    def forward(self, x):
        result = F.linear(x, self.weight, bias=self.bias)
        result += (self.lora_dropout(x) @ self.lora_A.transpose(0, 1) @ self.lora_B.transpose(0, 1)) * self.scaling
        return result


torch.manual_seed(0)
base = nn.Linear(6, 3)
layer = LoRALinear(6, 3, base.weight, base.bias)
optimizer = torch.optim.Adam([p for p in layer.parameters() if p.requires_grad], lr=1e-2)
x, y = torch.randn(8, 6), torch.randint(0, 3, (8,))
for _ in range(5):
    loss = F.cross_entropy(layer(x), y)
    optimizer.zero_grad()
    loss.backward()
    assert torch.count_nonzero(layer.lora_A.grad) == 0 and torch.count_nonzero(layer.lora_B.grad) == 0
    optimizer.step()

assert torch.count_nonzero(layer.lora_A) == 0 and torch.count_nonzero(layer.lora_B) == 0  # nothing was learned
