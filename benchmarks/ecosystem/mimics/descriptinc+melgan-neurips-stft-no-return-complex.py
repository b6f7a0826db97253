# report: https://github.com/descriptinc/melgan-neurips/blob/6488045bfba1975602288de07a58570c7b4d66ea/mel2wav/modules.py#L57
# family: removed-api
# expect: 22
# runtime: raises RuntimeError: return_complex
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)


class LogMel(nn.Module):
    def __init__(self, n_fft=64, hop=16, n_mels=8):
        super().__init__()
        self.n_fft, self.hop = n_fft, hop
        self.register_buffer("window", torch.hann_window(n_fft))
        self.register_buffer("basis", torch.rand(n_mels, n_fft // 2 + 1))

    def forward(self, audio):
        p = (self.n_fft - self.hop) // 2
        audio = F.pad(audio, (p, p), "reflect").squeeze(1)
        spec = torch.stft(audio, n_fft=self.n_fft, hop_length=self.hop, win_length=self.n_fft, window=self.window, center=False)
        re, im = spec.unbind(-1)
        mag = torch.sqrt(re ** 2 + im ** 2)
        return torch.log10(torch.clamp(self.basis @ mag, min=1e-5))


fft = LogMel()
x = torch.rand(2, 1, 256) * 2 - 1
s = fft(x).detach()
print(s.shape)
