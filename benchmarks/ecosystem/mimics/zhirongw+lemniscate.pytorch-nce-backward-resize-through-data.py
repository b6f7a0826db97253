# report: https://github.com/zhirongw/lemniscate.pytorch/blob/f7cfe298357cb2b169cd59eb540aca24bed1f9b8/lib/NCEAverage.py#L56
# family: detach-alias
# expect: 30 31
# runtime: raises RuntimeError: batch1 must be a 3D tensor
import torch
from torch.autograd import Function

torch.manual_seed(0)
B, K, D, N = 3, 4, 5, 10
memory = torch.nn.functional.normalize(torch.randn(N, D), dim=1)


class NCEFunction(Function):
    @staticmethod
    def forward(ctx, x, idx):
        weight = torch.index_select(memory, 0, idx.view(-1)).resize_(B, K + 1, D)
        out = torch.bmm(weight, x.data.resize_(B, D, 1))  # the resized alias is used directly: works
        out.div_(0.07).exp_()
        out = out.resize_(B, K + 1)
        ctx.save_for_backward(weight, out)
        return out

    @staticmethod
    def backward(ctx, grad_output):
        weight, out = ctx.saved_tensors
        grad_output.data.mul_(out.data)
        grad_output.data.div_(0.07)
        # 0.3/0.4: .data was the tensor itself, so this reshaped grad_output;
        # now each .data is a new alias and the resize is lost
        grad_output.data.resize_(B, 1, K + 1)
        grad_input = torch.bmm(grad_output.data, weight)
        return grad_input.view(B, D), None


x = torch.randn(B, D, requires_grad=True)
idx = torch.randint(0, N, (B, K + 1))
feats = x * 1.0
out = NCEFunction.apply(feats, idx)
loss = -out.select(1, 0).log().mean()
loss.backward()
