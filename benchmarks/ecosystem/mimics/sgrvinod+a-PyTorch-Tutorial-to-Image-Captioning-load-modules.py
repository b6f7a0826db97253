# report: https://github.com/sgrvinod/a-PyTorch-Tutorial-to-Image-Captioning/blob/cc9c7e2f4017938d414178d3781fed8dbe442852/train.py#L68
# family: removed-api
# expect: 24
# runtime: raises UnpicklingError: Weights only load failed
import io

import torch
import torch.nn as nn

torch.manual_seed(0)
encoder = nn.Sequential(nn.Conv2d(3, 4, 3), nn.AdaptiveAvgPool2d((2, 2)))
decoder = nn.LSTMCell(4, 5)
decoder_optimizer = torch.optim.Adam(decoder.parameters(), lr=4e-4)
state = {'epoch': 0,
         'epochs_since_improvement': 0,
         'bleu-4': 0.1,
         'encoder': encoder,
         'decoder': decoder,
         'encoder_optimizer': None,
         'decoder_optimizer': decoder_optimizer}
buf = io.BytesIO()
torch.save(state, buf)  # save_checkpoint pickles the modules and optimizers themselves
buf.seek(0)
checkpoint = torch.load(buf)
decoder = checkpoint['decoder']
