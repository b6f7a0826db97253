# report: https://github.com/salesforce/awd-lstm-lm/blob/1d466ec5875675ca6b6f0caacbb741240a29da9e/pointer.py#L107
# family: removed-api
# expect: 15
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch

torch.manual_seed(0)
ntokens = 6
output_flat = torch.randn(4, ntokens)
targets = torch.tensor([1, 2, 3, 4])
loss = 0
softmax_output_flat = torch.softmax(output_flat, dim=1)
for idx, p in enumerate(softmax_output_flat):
    target_loss = p[targets[idx].data]
    loss += (-torch.log(target_loss)).data[0]
print(loss)
