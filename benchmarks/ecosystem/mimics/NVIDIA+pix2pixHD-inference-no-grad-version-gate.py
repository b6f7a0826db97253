# report: https://github.com/NVIDIA/pix2pixHD/blob/14b3b3c7fff413086e3b58df52096f16b6891172/models/pix2pixHD_model.py#L212
# family: no-grad-misuse
# expect: 18
# runtime: asserts the no_grad branch only runs on torch 0.4.x, so inference on any later torch records the generator's graph
import torch
import torch.nn as nn

torch.manual_seed(0)


class Synthesizer(nn.Module):
    def __init__(self):
        super(Synthesizer, self).__init__()
        self.netG = nn.Sequential(nn.Conv2d(4, 8, 3, padding=1), nn.InstanceNorm2d(8), nn.ReLU(True), nn.Conv2d(8, 3, 3, padding=1), nn.Tanh())

    def inference(self, label_map):
        input_label = torch.zeros(label_map.size(0), 4, label_map.size(2), label_map.size(3)).scatter_(1, label_map.long(), 1.0)
        if torch.__version__.startswith('0.4'):
            with torch.no_grad():
                fake_image = self.netG.forward(input_label)
        else:
            fake_image = self.netG.forward(input_label)
        return fake_image


model = Synthesizer()
generated = model.inference(torch.randint(0, 4, (1, 1, 8, 8)).float())
picture = generated.data[0]
assert not torch.__version__.startswith('0.4')
assert generated.requires_grad and generated.grad_fn is not None
