# report: https://github.com/meijieru/crnn.pytorch/blob/3cc7904c5ba20b18fcdc2d02ac2b24a9be9eafaf/utils.py#L134
# family: detach-alias
# expect: 13
# runtime: asserts resize_ through .data leaves the input buffer's shape unchanged, so the net is fed the preallocated shape with stale values
import torch

torch.manual_seed(0)
image = torch.FloatTensor(4, 3, 8, 8).zero_()  # preallocated input buffer
text = torch.IntTensor(4 * 5).zero_()


def load_data(v, data):
    v.data.resize_(data.size()).copy_(data)


batch_images = torch.rand(2, 1, 8, 16)
batch_text = torch.IntTensor([3, 1, 4, 1, 5])
load_data(image, batch_images)
load_data(text, batch_text)

assert image.shape == (4, 3, 8, 8)  # not the batch's (2, 1, 8, 16)
assert text.shape == (20,)  # the encoded labels are 5 long
assert text[5:].eq(0).all()  # stale tail fed to the loss as labels
conv = torch.nn.Conv2d(1, 2, 3, padding=1)
try:
    conv(image)
    fed = True
except RuntimeError:
    fed = False
assert not fed  # the 1-channel CRNN cannot even take the buffer
