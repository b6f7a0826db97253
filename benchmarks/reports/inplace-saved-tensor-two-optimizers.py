# report: https://github.com/Gorilla-Lab-SCUT/MultiClassDA/issues/2
# family: inplace-saved-tensor
# expect: 38 40
# runtime: raises RuntimeError: one of the variables needed for gradient computation has been modified by an inplace operation
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)

feature_extractor = nn.Sequential(nn.Linear(10, 16), nn.ReLU())
classifier = nn.Linear(16, 2 * 4)  # source and target heads, 4 classes each
optimizer_classifier = torch.optim.SGD(classifier.parameters(), lr=0.01, momentum=0.9)
optimizer_feature_extractor = torch.optim.SGD(feature_extractor.parameters(), lr=0.01, momentum=0.9)


def symmetric_losses(source_x, source_y, target_x):
    logits_src = classifier(feature_extractor(source_x))
    logits_tgt = classifier(feature_extractor(target_x))
    # classifier: each head classifies the source batch, and the domains are told apart
    loss_classifier = F.cross_entropy(logits_src[:, :4], source_y) + F.cross_entropy(
        logits_src[:, 4:], source_y
    )
    # feature extractor: confuse the two heads on the target batch
    probs_tgt = F.softmax(logits_tgt, dim=1)
    confusion = -(probs_tgt[:, :4].sum(1).log() + probs_tgt[:, 4:].sum(1).log()).mean()
    return loss_classifier, confusion


for step in range(2):
    source_x, target_x = torch.randn(6, 10), torch.randn(6, 10)
    source_y = torch.randint(0, 4, (6,))
    loss_summary_classifier, loss_summary_feature_extractor = symmetric_losses(
        source_x, source_y, target_x
    )
    optimizer_classifier.zero_grad()
    loss_summary_classifier.backward(retain_graph=True)
    optimizer_classifier.step()
    optimizer_feature_extractor.zero_grad()
    loss_summary_feature_extractor.backward()
    optimizer_feature_extractor.step()
