# report: https://github.com/yihaosun1124/OfflineRL-Kit/issues/15
# family: backward-twice
# expect: 25
# runtime: raises RuntimeError: Trying to backward through the graph a second time
# twin: backward-twice-twin-critics-shared-encoder-ok.py
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
encoder = nn.Sequential(nn.Linear(5, 16), nn.ReLU())
critic1 = nn.Linear(16 + 2, 1)
critic2 = nn.Linear(16 + 2, 1)
enc_optim = torch.optim.Adam(encoder.parameters(), lr=1e-3)
critic1_optim = torch.optim.Adam(critic1.parameters(), lr=1e-3)
critic2_optim = torch.optim.Adam(critic2.parameters(), lr=1e-3)

obs, actions, target_q = torch.randn(8, 5), torch.randn(8, 2), torch.randn(8, 1)
features = torch.cat([encoder(obs), actions], dim=1)
critic1_loss = F.mse_loss(critic1(features), target_q)
critic2_loss = F.mse_loss(critic2(features), target_q)

enc_optim.zero_grad()
critic1_optim.zero_grad()
critic1_loss.backward()
critic1_optim.step()
critic2_optim.zero_grad()
critic2_loss.backward()
critic2_optim.step()
enc_optim.step()
