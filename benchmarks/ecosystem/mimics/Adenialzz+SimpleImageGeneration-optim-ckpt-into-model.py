# report: https://github.com/Adenialzz/SimpleImageGeneration/blob/08359153d5d24d70dc912c93137ba8a0d02e1873/diffusion/ddpm/train.py#L31
# family: optimizer-misuse
# expect: 18
# runtime: raises RuntimeError: Error(s) in loading state_dict
import io
import torch
import torch.nn as nn

torch.manual_seed(0)
diffusion = nn.Linear(4, 4)
optimizer = torch.optim.Adam(diffusion.parameters(), lr=1e-3)
diffusion(torch.randn(2, 4)).sum().backward()
optimizer.step()
buf = io.BytesIO()
torch.save(optimizer.state_dict(), buf)
buf.seek(0)
state_dict = torch.load(buf, map_location='cpu')
diffusion.load_state_dict(state_dict)
