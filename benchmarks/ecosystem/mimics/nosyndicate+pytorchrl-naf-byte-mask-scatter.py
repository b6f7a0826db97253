# report: https://github.com/nosyndicate/pytorchrl/blob/c4fb69ffebaa7f56b4210388f9eea7d42ca853e4/pytorchrl/q_functions/normalized_adv_function.py#L127
# family: removed-api
# expect: 23
# runtime: raises RuntimeError: masked_scatter_ only supports boolean masks
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
obs_dim, action_dim = 3, 2
v = nn.Sequential(nn.Linear(obs_dim, 8), nn.ReLU(), nn.Linear(8, 1))
mu = nn.Sequential(nn.Linear(obs_dim, 8), nn.ReLU(), nn.Linear(8, action_dim), nn.Tanh())
l_net = nn.Sequential(nn.Linear(obs_dim, 8), nn.ReLU(), nn.Linear(8, action_dim * (action_dim + 1) // 2))
formation_mask = Variable(torch.ones(action_dim, action_dim).type(torch.ByteTensor).tril())
strict_lower_tri_mask = Variable(torch.ones(action_dim, action_dim).tril(-1))
diag_mask = Variable(torch.eye(action_dim))
optimizer = torch.optim.Adam(list(v.parameters()) + list(mu.parameters()) + list(l_net.parameters()), lr=1e-3)


def naf_q(obs_var, actions_var):
    v_var, mu_var, l_var = v(obs_var), mu(obs_var), l_net(obs_var)
    zero_matrices = Variable(torch.zeros(len(obs_var), action_dim, action_dim))
    l_matrices_var = zero_matrices.masked_scatter_(formation_mask, l_var)
    l_matrices_var = l_matrices_var * strict_lower_tri_mask + torch.exp(l_matrices_var) * diag_mask
    p_var = torch.bmm(l_matrices_var, l_matrices_var.transpose(2, 1))
    u_minus_mu = (actions_var - mu_var).unsqueeze(2)
    a_var = -0.5 * torch.bmm(torch.bmm(u_minus_mu.transpose(2, 1), p_var), u_minus_mu)[:, :, 0]
    return v_var + a_var


obs, actions, ys = torch.randn(4, obs_dim), torch.rand(4, action_dim) * 2 - 1, torch.randn(4, 1)
loss = nn.MSELoss()(naf_q(obs, actions), ys)
optimizer.zero_grad()
loss.backward()
optimizer.step()
