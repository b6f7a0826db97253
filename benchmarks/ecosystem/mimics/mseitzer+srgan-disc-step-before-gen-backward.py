# report: https://github.com/mseitzer/srgan/blob/70f88fbac26b5a3659847965befea2fdd49eb625/training/adversarial_runner.py#L279
# family: gan-step
# expect: 42,43
# runtime: raises RuntimeError: modified by an inplace operation
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
gen = nn.Sequential(nn.Conv2d(3, 8, 3, padding=1), nn.ReLU(), nn.Conv2d(8, 3, 3, padding=1))
disc = nn.Sequential(nn.Conv2d(3, 8, 3, stride=2, padding=1), nn.LeakyReLU(0.2),
                     nn.Flatten(), nn.Linear(8 * 4 * 4, 1), nn.Sigmoid())
gen_optimizer = torch.optim.Adam(gen.parameters(), lr=1e-4)
disc_optimizer = torch.optim.Adam(disc.parameters(), lr=1e-4)
gen_weights = torch.tensor([1e-3, 1.0])
disc_weights = torch.tensor([1.0])


def update_step(optimizer, losses, weights):
    total_loss = torch.sum(torch.stack(losses) * weights)
    optimizer.zero_grad()
    total_loss.backward()
    optimizer.step()
    return total_loss


inp = torch.rand(4, 3, 8, 8)
target = torch.rand(4, 3, 8, 8)

out_gen = gen(inp)
prob_fake = disc(out_gen.detach())
prob_real = disc(target)
disc_losses = [F.binary_cross_entropy(prob_fake, torch.zeros_like(prob_fake))
               + F.binary_cross_entropy(prob_real, torch.ones_like(prob_real))]

# second pass through D without detach, so the generator gets adversarial gradients
prob_fake_g = disc(out_gen)
gen_losses = [F.binary_cross_entropy(prob_fake_g, torch.ones_like(prob_fake_g)),
              F.mse_loss(out_gen, target)]

# D is stepped first: its weights, saved by prob_fake_g's graph, change in place
total_disc_loss = update_step(disc_optimizer, disc_losses, disc_weights)
total_gen_loss = update_step(gen_optimizer, gen_losses, gen_weights)
print(total_disc_loss.item(), total_gen_loss.item())
