# report: https://github.com/utkuozbulak/pytorch-cnn-visualizations/blob/ba22fa07c9f31964e6cfa669e80f3461e11c4ebc/src/generate_regularized_class_specific_samples.py#L89
# family: optimizer-misuse
# expect: 25
# runtime: asserts the gradient clipping is applied to the frozen model's parameters, not to the image the optimizer steps: the image update is unclipped
import torch
import torch.nn as nn
from torch.optim import SGD

torch.manual_seed(0)
model = nn.Sequential(nn.Conv2d(3, 4, 3), nn.ReLU(), nn.Flatten(), nn.Linear(4 * 4 * 4, 5))
model.eval()
target_class, clipping_value, lr = 2, 0.1, 6


def ascent_step(clip):
    torch.manual_seed(1)
    processed_image = torch.rand(1, 3, 6, 6).requires_grad_(True)
    start = processed_image.detach().clone()
    optimizer = SGD([processed_image], lr=lr, weight_decay=1e-4)
    class_loss = -model(processed_image)[0, target_class]
    model.zero_grad()
    class_loss.backward()
    grad_norm = processed_image.grad.norm().item()
    if clip:
        torch.nn.utils.clip_grad_norm_(model.parameters(), clipping_value)
    optimizer.step()
    return processed_image.detach() - start, grad_norm


step_clipped, grad_norm = ascent_step(True)
step_plain, _ = ascent_step(False)
assert grad_norm > clipping_value  # the image gradient is over the threshold
assert torch.equal(step_clipped, step_plain)  # yet clipping changed nothing in the image step
