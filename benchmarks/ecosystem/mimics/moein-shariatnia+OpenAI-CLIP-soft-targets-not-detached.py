# report: https://github.com/moein-shariatnia/OpenAI-CLIP/blob/73fea1f9b71a4982997ea4c75070a845b547abef/CLIP.py#L37
# family: gan-step
# expect: 29
# runtime: asserts the soft targets built from the model's own similarities are not detached: the loss also trains the targets
import torch
import torch.nn as nn
import torch.nn.functional as F


def cross_entropy(preds, targets):
    return (-targets * nn.LogSoftmax(dim=-1)(preds)).sum(1)


torch.manual_seed(0)
image_projection = nn.Sequential(nn.Linear(10, 6), nn.GELU(), nn.LayerNorm(6))
text_projection = nn.Sequential(nn.Linear(7, 6), nn.GELU(), nn.LayerNorm(6))
temperature = 1.0
images, texts = torch.randn(4, 10), torch.randn(4, 7)


def clip_loss(cut):
    image_projection.zero_grad()
    text_projection.zero_grad()
    image_embeddings = image_projection(images)
    text_embeddings = text_projection(texts)
    logits = (text_embeddings @ image_embeddings.T) / temperature
    images_similarity = image_embeddings @ image_embeddings.T
    texts_similarity = text_embeddings @ text_embeddings.T
    targets = F.softmax(
        (images_similarity + texts_similarity) / 2 * temperature, dim=-1
    )
    if cut:
        targets = targets.detach()
    texts_loss = cross_entropy(logits, targets)
    images_loss = cross_entropy(logits.T, targets.T)
    loss = ((images_loss + texts_loss) / 2.0).mean()
    loss.backward()
    return targets, image_projection[0].weight.grad.clone()


targets, grad_as_written = clip_loss(cut=False)
assert targets.requires_grad
_, grad_label_targets = clip_loss(cut=True)
assert not torch.allclose(grad_as_written, grad_label_targets)
