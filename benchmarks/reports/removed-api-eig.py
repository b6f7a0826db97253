# report: https://github.com/Jack-guo-xy/Python-IW-SSIM/issues/4
# family: removed-api
# expect: 14
# runtime: raises RuntimeError: This function was deprecated since version 1.9 and is now removed
import torch
import torch.nn.functional as F


def info_content_weights(subband, win=3, sigma_nsq=0.4):
    # Covariance of the neighbourhood vectors, then its eigenvalues, as in IW-SSIM.
    patches = F.unfold(subband, kernel_size=win)[0]
    patches = patches - patches.mean(dim=1, keepdim=True)
    C_u = patches @ patches.t() / patches.shape[1]
    eig_values, eig_vectors = torch.eig(C_u, eigenvectors=True)
    lambdas = eig_values[:, 0].clamp(min=0)
    s = (patches * patches).mean(0)
    weights = torch.log2(1 + s[:, None] * lambdas[None, :] / sigma_nsq).sum(1)
    return weights.mean()


torch.manual_seed(0)
ref = torch.rand(1, 1, 8, 8)
dist = (ref + 0.05 * torch.randn_like(ref)).requires_grad_()
w = info_content_weights(ref)
score = w * F.mse_loss(dist, ref)
score.backward()
