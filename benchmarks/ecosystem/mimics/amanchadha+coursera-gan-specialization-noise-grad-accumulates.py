# report: https://github.com/amanchadha/coursera-gan-specialization/blob/4adf5f68a7d6018893d6505edaeec223c236d317/C1%20-%20Build%20Basic%20Generative%20Adversarial%20Networks/Week%204/C1W4B_Controllable_Generation.ipynb
# family: optimizer-misuse
# expect: 30
# runtime: asserts opt.zero_grad() (an optimizer over the classifier) never clears noise.grad, so each gradient-ascent step on the noise uses the sum of all earlier steps' gradients
import torch
from torch import nn

torch.manual_seed(0)
z_dim, n_images, grad_steps = 4, 3, 3
gen = nn.Sequential(nn.Linear(z_dim, 6), nn.Tanh())
classifier = nn.Sequential(nn.Linear(6, 5))
gen.eval()
classifier.eval()
opt = torch.optim.Adam(classifier.parameters(), lr=0.01)


def calculate_updated_noise(noise, weight):
    return noise + (noise.grad * weight)


def score_of(noise):
    return classifier(gen(noise))[:, 2].mean()


noise = torch.randn(n_images, z_dim).requires_grad_()
fresh = []
fake_image_history = []
for i in range(grad_steps):
    fresh.append(torch.autograd.grad(score_of(noise), noise)[0])
    opt.zero_grad()
    fake = gen(noise)
    fake_image_history += [fake]
    fake_classes_score = classifier(fake)[:, 2].mean()
    fake_classes_score.backward()
    noise.data = calculate_updated_noise(noise, 1 / grad_steps)

assert not torch.allclose(noise.grad, fresh[-1])
assert torch.allclose(noise.grad, sum(fresh), atol=1e-6)
