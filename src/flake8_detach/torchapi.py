"""What the parts of torch's API that the analysis models do, as data."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

# torch.<name>(...) that builds a fresh tensor; requires_grad only when asked for.
FACTORIES = frozenset(
    """tensor from_numpy zeros ones empty full rand randn randint randperm arange range linspace
    logspace eye zeros_like ones_like empty_like full_like rand_like randn_like randint_like
    empty_strided Tensor FloatTensor DoubleTensor HalfTensor LongTensor IntTensor BoolTensor
    ByteTensor""".split()
)

# Namespaces whose functions compute tensors from tensors.
OP_NAMESPACES = ("torch.", "torch.nn.functional.", "torch.special.", "torch.linalg.", "torch.fft.")

# What unpickles a file torch.save() wrote, and what writes one.
LOADERS = frozenset(("torch.load", "torch.serialization.load"))
SAVERS = frozenset(("torch.save", "torch.serialization.save"))

# torch.<name>(...) that is not a tensor computation.
NOT_TENSOR_OPS = frozenset(
    """load save device dtype manual_seed seed initial_seed is_tensor is_storage is_grad_enabled
    is_inference_mode_enabled numel get_default_dtype set_default_dtype set_default_device
    set_printoptions compile no_grad enable_grad inference_mode set_grad_enabled finfo iinfo Size
    Generator get_rng_state set_rng_state set_num_threads get_num_threads
    use_deterministic_algorithms is_floating_point is_complex broadcast_shapes typename autocast
    as_tensor asarray""".split()
)

# Results that never require grad whatever the inputs (integer, boolean or index results).
NON_DIFFERENTIABLE = frozenset(
    """argmax argmin argsort eq ne lt le gt ge isnan isinf isfinite isclose nonzero bool long int
    short byte char all any logical_and logical_or logical_not logical_xor bincount
    count_nonzero randint_like searchsorted bucketize multinomial""".split()
)

# Of those, the ones whose result is a bool or integer tensor (randint_like keeps its input's dtype).
INTEGRAL_RESULTS = NON_DIFFERENTIABLE - {"randint_like"}
# And the ones that reduce every element to one value when given no dim (`x.argmax()`).
WHOLE_REDUCTIONS = frozenset("argmax argmin all any count_nonzero".split())
# torch.nn modules built with learnable parameters by default (`affine=False` and the like
# aside): layers, norms, embeddings, recurrent and attention blocks.
WEIGHTED_MODULES = frozenset(
    """Linear Bilinear LazyLinear Conv1d Conv2d Conv3d ConvTranspose1d ConvTranspose2d ConvTranspose3d
    LazyConv1d LazyConv2d LazyConv3d BatchNorm1d BatchNorm2d BatchNorm3d SyncBatchNorm LayerNorm GroupNorm
    Embedding EmbeddingBag RNN LSTM GRU RNNCell LSTMCell GRUCell MultiheadAttention PReLU
    TransformerEncoderLayer TransformerDecoderLayer Transformer""".split()
)
# Keywords that build such a module without parameters when False.
AFFINE_KEYWORDS = frozenset(("affine", "elementwise_affine"))

# Reductions whose names other objects use for something else (`gym.envs.registry.all()`,
# `Model.objects.all()`): only a tensor's are known to reduce.
GENERIC_METHOD_NAMES = frozenset(("all", "any"))

# torch.nn modules that hold no parameter (activations, dropout, pooling, padding, reshapes).
PARAMETERLESS_MODULES = frozenset(
    """ReLU ReLU6 LeakyReLU ELU SELU CELU GELU SiLU Mish Sigmoid Tanh Softmax Softmax2d LogSoftmax
    Softmin Softplus Softsign Hardtanh Hardsigmoid Hardswish Hardshrink Softshrink Tanhshrink
    LogSigmoid Threshold GLU RReLU Dropout Dropout1d Dropout2d Dropout3d AlphaDropout
    FeatureAlphaDropout Identity Flatten Unflatten MaxPool1d MaxPool2d MaxPool3d AvgPool1d AvgPool2d
    AvgPool3d AdaptiveAvgPool1d AdaptiveAvgPool2d AdaptiveAvgPool3d AdaptiveMaxPool1d
    AdaptiveMaxPool2d AdaptiveMaxPool3d LPPool1d LPPool2d MaxUnpool1d MaxUnpool2d MaxUnpool3d
    Upsample UpsamplingNearest2d UpsamplingBilinear2d PixelShuffle PixelUnshuffle ChannelShuffle
    ZeroPad1d ZeroPad2d ZeroPad3d ConstantPad1d ConstantPad2d ConstantPad3d ReflectionPad1d
    ReflectionPad2d ReflectionPad3d ReplicationPad1d ReplicationPad2d ReplicationPad3d
    CircularPad1d CircularPad2d CircularPad3d CosineSimilarity PairwiseDistance Fold Unfold""".split()
)

# Reductions and sorts that, given a dim, return (values, indices).
VALUES_AND_INDICES = frozenset("max min sort topk kthvalue mode median nanmedian cummax cummin".split())

# Factories that take the data (`torch.tensor([1.])`, `torch.FloatTensor([1])`), and those that
# take the size (`torch.ones(1)`).
DATA_FACTORIES = frozenset("tensor as_tensor Tensor FloatTensor DoubleTensor HalfTensor LongTensor IntTensor".split())
SIZED_FACTORIES = frozenset("zeros ones empty full rand randn".split())

# Integer and boolean dtypes: a tensor of one cannot require grad.
INTEGER_DTYPES = frozenset("long int64 int int32 short int16 int8 uint8 uint16 uint32 uint64 bool".split())
# Factories whose result is integral whatever they are given, and the legacy integer constructors.
INTEGRAL_FACTORIES = frozenset("randint randint_like randperm LongTensor IntTensor BoolTensor ByteTensor".split())
# Factories whose dtype follows their numbers where no dtype is given: integers give int64.
INFERRING_FACTORIES = frozenset(("tensor", "as_tensor", "arange", "range", "full"))

# Tensor methods whose result is a tensor computed from the receiver (and arguments).
TENSOR_METHODS = frozenset(
    """abs acos add addcdiv addcmul addmm amax amin asin atan atan2 baddbmm bfloat16 bmm ceil clamp
    clamp_max clamp_min clip clone contiguous cos cosh cpu cross cuda cumprod cumsum diag diagonal
    div dot double erf exp exp2 expand expand_as expm1 flatten flip float floor fmod gather half
    hypot index_add index_select lerp log log10 log1p log2 log_softmax logit logsumexp masked_fill
    masked_select matmul max maximum mean min minimum mm movedim mul nan_to_num narrow neg norm
    outer permute pow prod reciprocal relu remainder repeat reshape reshape_as roll round rsqrt
    scatter scatter_add select sigmoid sign sin sinh softmax sqrt square squeeze std sub sum
    swapaxes t tan tanh to transpose tril triu true_divide type_as unfold unsqueeze var view
    view_as where""".split()
) | NON_DIFFERENTIABLE

# Tensor methods and attributes whose result shares the receiver's storage.
VIEW_METHODS = frozenset(
    """view view_as t transpose permute squeeze unsqueeze expand expand_as narrow select unfold
    diagonal movedim swapaxes as_strided""".split()
)
VIEW_ATTRIBUTES = frozenset("T mT H mH real imag".split())

# Tensor methods that numpy arrays, Python containers and dataframes do not have: what they give
# is a tensor, even where the receiver is not known to be one (`(pred == y).float().mean()`).
TORCH_ONLY_METHODS = frozenset(
    """float double half bfloat16 long int cuda contiguous unsqueeze expand expand_as masked_fill
    permute clamp clamp_min clamp_max sigmoid relu softmax log_softmax type_as view_as narrow
    index_select""".split()
)

# Tensor methods whose result is not a tensor.
NON_TENSOR_METHODS = frozenset(
    """item tolist numpy size dim numel nelement element_size stride data_ptr is_contiguous
    get_device storage_offset is_floating_point equal allclose""".split()
)
NON_TENSOR_ATTRIBUTES = frozenset("shape device dtype ndim requires_grad is_leaf is_cuda".split())

# The attribute and method names of what torch.load(weights_only=True) may give: tensors and
# parameters, Python numbers, strings, bytes, containers, torch.Size, dtypes and devices. Any
# other name read on a loaded value shows the file held an object the weights-only unpickler
# refuses. tests/test_removed_apis.py checks the list against torch.
WEIGHTS_ONLY_NAMES = frozenset(
    """
    H T abbr abs abs_ absolute absolute_ acos acos_ acosh acosh_ add add_ addbmm addbmm_ addcdiv
    addcdiv_ addcmul addcmul_ addmm addmm_ addmv addmv_ addr addr_ adjoint all allclose amax
    amin aminmax angle any append apply_ arccos arccos_ arccosh arccosh_ arcsin arcsin_ arcsinh
    arcsinh_ arctan arctan2 arctan2_ arctan_ arctanh arctanh_ argmax argmin argsort argwhere
    as_integer_ratio as_strided as_strided_ as_strided_scatter as_subclass asin asin_ asinh
    asinh_ atan atan2 atan2_ atan_ atanh atanh_ backward baddbmm baddbmm_ bernoulli bernoulli_
    bfloat16 bincount bit_count bit_length bitwise_and bitwise_and_ bitwise_left_shift
    bitwise_left_shift_ bitwise_not bitwise_not_ bitwise_or bitwise_or_ bitwise_right_shift
    bitwise_right_shift_ bitwise_xor bitwise_xor_ bmm bool broadcast_to byte capitalize casefold
    cauchy_ ccol_indices cdouble ceil ceil_ center cfloat chalf char cholesky cholesky_inverse
    cholesky_solve chunk clamp clamp_ clamp_max clamp_max_ clamp_min clamp_min_ clear clip clip_
    clone coalesce col_indices conj conj_physical conj_physical_ conjugate const_data_ptr
    contiguous copy copy_ copysign copysign_ corrcoef cos cos_ cosh cosh_ count count_nonzero
    cov cpu cross crow_indices cuda cummax cummin cumprod cumprod_ cumsum cumsum_ data data_ptr
    decode deg2rad deg2rad_ denominator dense_dim dequantize det detach detach_ device diag
    diag_embed diagflat diagonal diagonal_scatter diff difference difference_update digamma
    digamma_ dim dim_order discard dist div div_ divide divide_ dot double dsplit dtype eig
    element_size encode endswith eq eq_ equal erf erf_ erfc erfc_ erfinv erfinv_ exp exp2 exp2_
    exp_ expand expand_as expandtabs expm1 expm1_ exponential_ extend fill_ fill_diagonal_ find
    fix fix_ flatten flip fliplr flipud float float_power float_power_ floor floor_ floor_divide
    floor_divide_ fmax fmin fmod fmod_ format format_map frac frac_ frexp from_bytes fromhex
    fromkeys gather gcd gcd_ ge ge_ geometric_ geqrf ger get get_device grad grad_dtype grad_fn
    greater greater_ greater_equal greater_equal_ gt gt_ half hardshrink hash_tensor heaviside
    heaviside_ hex histc histogram hsplit hypot hypot_ i0 i0_ igamma igamma_ igammac igammac_
    imag index index_add index_add_ index_copy index_copy_ index_fill index_fill_ index_put
    index_put_ index_reduce index_reduce_ index_select indices inner insert int int_repr
    intersection intersection_update inverse ipu is_coalesced is_complex is_conj is_contiguous
    is_cpu is_cuda is_distributed is_floating_point is_inference is_integer is_ipu is_leaf
    is_maia is_meta is_mkldnn is_mps is_mtia is_neg is_nested is_nonzero is_pinned is_quantized
    is_same_size is_set_to is_shared is_signed is_sparse is_sparse_csr is_vulkan is_xla is_xpu
    isalnum isalpha isascii isclose isdecimal isdigit isdisjoint isfinite isidentifier isinf
    islower isnan isneginf isnumeric isposinf isprintable isreal isspace issubset issuperset
    istft istitle isupper item items itemsize join keys kron kthvalue layout lcm lcm_ ldexp
    ldexp_ le le_ lerp lerp_ less less_ less_equal less_equal_ lgamma lgamma_ ljust log log10
    log10_ log1p log1p_ log2 log2_ log_ log_normal_ log_softmax logaddexp logaddexp2
    logcumsumexp logdet logical_and logical_and_ logical_not logical_not_ logical_or logical_or_
    logical_xor logical_xor_ logit logit_ logsumexp long lower lstrip lstsq lt lt_ lu lu_solve
    mH mT maketrans map2_ map_ masked_fill masked_fill_ masked_scatter masked_scatter_
    masked_select matmul matrix_exp matrix_power max maximum mean median min minimum mm mode
    module_load move_to_end moveaxis movedim msort mtia mul mul_ multinomial multiply multiply_
    mv mvlgamma mvlgamma_ name names nan_to_num nan_to_num_ nanmean nanmedian nanquantile nansum
    narrow narrow_copy nbytes ndim ndimension ne ne_ neg neg_ negative negative_ nelement new
    new_empty new_empty_strided new_full new_ones new_tensor new_zeros nextafter nextafter_
    nonzero nonzero_static norm normal_ not_equal not_equal_ numel numerator numpy orgqr ormqr
    outer output_nr partition permute pin_memory pinverse polygamma polygamma_ pop popitem
    positive pow pow_ prelu prod put put_ q_per_channel_axis q_per_channel_scales
    q_per_channel_zero_points q_scale q_zero_point qr qscheme quantile rad2deg rad2deg_ random_
    ravel real reciprocal reciprocal_ record_stream register_hook
    register_post_accumulate_grad_hook reinforce relu relu_ remainder remainder_ remove
    removeprefix removesuffix renorm renorm_ repeat repeat_interleave replace requires_grad
    requires_grad_ reshape reshape_as resize resize_ resize_as resize_as_ resize_as_sparse_
    resolve_conj resolve_neg retain_grad retains_grad reverse rfind rindex rjust roll rot90
    round round_ row_indices rpartition rsplit rsqrt rsqrt_ rstrip scatter scatter_ scatter_add
    scatter_add_ scatter_reduce scatter_reduce_ select select_scatter set_ setdefault sgn sgn_
    shape share_memory_ short sigmoid sigmoid_ sign sign_ signbit sin sin_ sinc sinc_ sinh sinh_
    size slice_inverse slice_scatter slogdet smm softmax solve sort sparse_dim sparse_mask
    sparse_resize_ sparse_resize_and_clear_ split split_with_sizes splitlines sqrt sqrt_ square
    square_ squeeze squeeze_ sspaddmm startswith std stft storage storage_offset storage_type
    stride strip sub sub_ subtract subtract_ sum sum_to_size svd swapaxes swapaxes_ swapcase
    swapdims swapdims_ symeig symmetric_difference symmetric_difference_update t t_ take
    take_along_dim tan tan_ tanh tanh_ tensor_split tile title to to_bytes to_complex to_dense
    to_mkldnn to_padded_tensor to_real to_sparse to_sparse_bsc to_sparse_bsr to_sparse_coo
    to_sparse_csc to_sparse_csr tolist topk trace translate transpose transpose_
    triangular_solve tril tril_ triu triu_ true_divide true_divide_ trunc trunc_ type type_as
    unbind unflatten unfold uniform_ union unique unique_consecutive unsafe_chunk unsafe_split
    unsafe_split_with_sizes unsqueeze unsqueeze_ untyped_storage update upper values var vdot
    view view_as vsplit where xlogy xlogy_ xpu zero_ zfill
    has_key iteritems iterkeys itervalues viewitems viewkeys viewvalues
    """.split()  # the last line: Python 2's dict methods, which old code calls on a state dict
)

# The hyperparameters torch.optim's optimizers keep per parameter group (their `defaults`):
# an optimizer reads them only from `param_groups`. tests/test_removed_apis.py checks the list
# against torch.
OPTIMIZER_HYPERPARAMETERS = frozenset(
    """adjust_lr_fn alpha amsgrad beta2_decay betas capturable centered d dampening
    decoupled_weight_decay differentiable eps etas foreach fused history_size
    initial_accumulator_value lambd line_search_fn lr lr_decay max_eval max_iter maximize momentum
    momentum_decay nesterov ns_coefficients ns_steps rho step_sizes t0 tolerance_change
    tolerance_grad weight_decay""".split()
)

# Methods ending in `_` that change autograd metadata, not the tensor's values.
NOT_DATA_WRITES = frozenset("requires_grad_ detach_ share_memory_ retain_grad_ record_stream_".split())

# Context managers and decorators that set the grad mode: name -> mode (None: set by an argument).
GRAD_MODE_SETTERS = {
    "torch.no_grad": False,
    "torch.inference_mode": False,
    "torch.enable_grad": True,
    "torch.set_grad_enabled": None,
}

# Context managers known to leave the grad mode alone (matched on the last name of the callee).
GRAD_NEUTRAL_CONTEXTS = frozenset(
    """autocast accumulate no_sync record_function profile nullcontext open tqdm catch_warnings
    suppress device stream sdp_kernel sdpa_kernel fork_rng patch raises warns redirect_stdout
    redirect_stderr TemporaryDirectory NamedTemporaryFile Lock RLock""".split()
)


def is_inplace_method(name: str) -> bool:
    """`add_`, `zero_`, `copy_`...: tensor methods that write into the receiver."""
    return name.endswith("_") and not name.startswith("_") and name not in NOT_DATA_WRITES


# Callables named like a model: calling one is the evidence that a result may carry a graph.
MODEL_NAME = re.compile(
    r"(^|_)(model|net|network|module|encoder|decoder|generator|discriminator|policy|actor|critic"
    r"|backbone|classifier|teacher|student|rnn|lstm|gru)(_|$)|^net[A-Z]",
    re.IGNORECASE,
)

# Ops whose backward needs a tensor they saved; a second backward() through them raises.
SAVING_OPS = frozenset(
    """mul div pow matmul mm bmm dot outer addmm baddbmm addcmul addcdiv exp exp2 expm1 log log1p
    log2 log10 sigmoid tanh softmax log_softmax relu sqrt rsqrt reciprocal sin cos tan norm prod
    cumprod std var logsumexp gather index_select masked_fill where maximum minimum max min amax
    amin linear conv1d conv2d conv3d layer_norm batch_norm group_norm embedding dropout gelu silu
    elu leaky_relu cross_entropy nll_loss mse_loss l1_loss binary_cross_entropy
    binary_cross_entropy_with_logits kl_div smooth_l1_loss huber_loss""".split()
)

# Ops that save their own output for backward: writing into that output in place breaks it.
OUTPUT_SAVING_OPS = frozenset("sigmoid tanh exp exp2 expm1 relu softmax log_softmax sqrt rsqrt reciprocal".split())

# torch.nn.functional losses besides the `*_loss` ones.
LOSS_FUNCTIONS = frozenset(
    """cross_entropy nll_loss mse_loss l1_loss binary_cross_entropy binary_cross_entropy_with_logits
    kl_div smooth_l1_loss huber_loss""".split()
)

# Callables conventionally named like a loss: their result carries the graph of the loss.
LOSS_NAME = re.compile(r"^(criterion|loss|loss_fn|loss_func|\w+_loss|\w+_criterion)$", re.IGNORECASE)


def is_loss_function(qualname: str) -> bool:
    """`torch.nn.functional.mse_loss`, `torch.nn.functional.cross_entropy`, ..."""
    namespace, _, last = qualname.rpartition(".")
    return namespace == "torch.nn.functional" and (last.endswith("_loss") or last in LOSS_FUNCTIONS)


# Methods that move or cast a tensor: the tensor itself when it is already there and of that type.
MOVES = frozenset("to cuda cpu".split())
# Methods whose result is on the receiver's device, as the receiver was placed.
SAME_PLACE_METHODS = frozenset("clone contiguous float double half bfloat16 requires_grad_".split())

# Reductions that give a 0-dim tensor when called without a dim: `x.sum()`, `torch.mean(x)`.
FULL_REDUCTIONS = frozenset("sum mean prod std var norm max min amax amin median logsumexp all any".split())
# Methods whose result has the receiver's shape (elementwise math, copies, moves, casts), or
# fewer dimensions (`squeeze()`: a 0-dim tensor stays 0-dim).
SHAPE_KEEPING_METHODS = frozenset(
    """abs neg exp log log1p sqrt rsqrt sigmoid tanh relu clamp clip add sub mul div pow float double half
    bfloat16 cpu cuda to clone detach contiguous type_as square sign floor ceil round reciprocal long int
    squeeze""".split()
)


@dataclass(frozen=True)
class RemovedFunction:
    """A torch function (or Tensor method) removed since 0.4 that old code still calls: the
    release that removed it, what calling it raises under torch 2.13 and with what message, its
    replacement, and a call that shows the effect (tests/test_removed_apis.py runs each under
    torch)."""

    name: str
    since: str
    error: str
    message: str
    replacement: str
    example: str


A = "torch.eye(3) + 2 * torch.eye(3)"  # a well-conditioned matrix for the examples
B = "torch.ones(3, 1)"
REMOVED_FUNCTIONS = (
    RemovedFunction("eig", "1.13", "RuntimeError", "torch.linalg.eig", "torch.linalg.eig", f"torch.eig({A})"),
    RemovedFunction("symeig", "2.0", "RuntimeError", "torch.linalg.eigh", "torch.linalg.eigh, with UPLO='U' for symeig's default",
                    f"torch.symeig({A})"),
    RemovedFunction("lstsq", "1.13", "RuntimeError", "torch.linalg.lstsq", "torch.linalg.lstsq, with the arguments swapped",
                    f"torch.lstsq({B}, {A})"),
    RemovedFunction("solve", "1.13", "RuntimeError", "deprecated since version 1.9 and is now removed",
                    "torch.linalg.solve, with the arguments swapped", f"torch.solve({B}, {A})"),
    RemovedFunction("matrix_rank", "1.13", "RuntimeError", "torch.linalg.matrix_rank", "torch.linalg.matrix_rank",
                    f"torch.matrix_rank({A})"),
    RemovedFunction("gels", "1.3", "AttributeError", "has no attribute 'gels'", "torch.linalg.lstsq, with the arguments swapped",
                    f"torch.gels({B}, {A})"),
    RemovedFunction("gesv", "1.2", "AttributeError", "has no attribute 'gesv'", "torch.linalg.solve, with the arguments swapped",
                    f"torch.gesv({B}, {A})"),
    RemovedFunction("potrf", "1.2", "AttributeError", "has no attribute 'potrf'", "torch.linalg.cholesky (upper=True for potrf's default)",
                    f"torch.potrf({A})"),
    RemovedFunction("potrs", "1.2", "AttributeError", "has no attribute 'potrs'", "torch.cholesky_solve", f"torch.potrs({B}, {A})"),
    RemovedFunction("potri", "1.2", "AttributeError", "has no attribute 'potri'", "torch.cholesky_inverse", f"torch.potri({A})"),
    RemovedFunction("pstrf", "1.2", "AttributeError", "has no attribute 'pstrf'", "torch.linalg.cholesky", f"torch.pstrf({A})"),
    RemovedFunction("trtrs", "1.2", "AttributeError", "has no attribute 'trtrs'", "torch.linalg.solve_triangular, with the arguments swapped",
                    f"torch.trtrs({B}, {A})"),
    RemovedFunction("btrifact", "1.2", "AttributeError", "has no attribute 'btrifact'", "torch.linalg.lu_factor", f"torch.btrifact({A})"),
    RemovedFunction("btrisolve", "1.2", "AttributeError", "has no attribute 'btrisolve'", "torch.lu_solve",
                    f"torch.btrisolve({B}, {A}, {A})"),
    RemovedFunction("rfft", "1.8", "AttributeError", "has no attribute 'rfft'", "torch.fft.rfft", "torch.rfft(torch.ones(4), 1)"),
    RemovedFunction("irfft", "1.8", "AttributeError", "has no attribute 'irfft'", "torch.fft.irfft", "torch.irfft(torch.ones(3, 2), 1)"),
    RemovedFunction("ifft", "1.8", "AttributeError", "has no attribute 'ifft'", "torch.fft.ifft", "torch.ifft(torch.ones(4, 2), 1)"),
    RemovedFunction("fft", "1.8", "TypeError", "'module' object is not callable",
                    "torch.fft.fft on torch.view_as_complex(x)", "torch.fft(torch.ones(4, 2), 1)"),
    RemovedFunction("btrifact_with_info", "1.2", "AttributeError", "has no attribute 'btrifact_with_info'",
                    "torch.linalg.lu_factor_ex", f"torch.btrifact_with_info({A})"),
    RemovedFunction("btriunpack", "1.2", "AttributeError", "has no attribute 'btriunpack'", "torch.lu_unpack",
                    f"torch.btriunpack({A}, torch.ones(3, dtype=torch.int32))"),
)

# Tensor methods removed since 0.3, called on a value known to be a tensor (`t.eig()`): the
# same fields, `name` the method's.
REMOVED_METHODS = (
    RemovedFunction("eig", "1.13", "RuntimeError", "deprecated since version 1.9 and is now removed", "torch.linalg.eig",
                    f"({A}).eig()"),
    RemovedFunction("symeig", "2.0", "RuntimeError", "deprecated since version 1.9 and is now removed",
                    "torch.linalg.eigh, with UPLO='U' for symeig's default", f"({A}).symeig()"),
    RemovedFunction("lstsq", "1.13", "RuntimeError", "deprecated since version 1.9 and is now removed",
                    "torch.linalg.lstsq, with the arguments swapped", f"{B}.lstsq({A})"),
    RemovedFunction("solve", "1.13", "RuntimeError", "deprecated since version 1.9 and is now removed",
                    "torch.linalg.solve, with the arguments swapped", f"{B}.solve({A})"),
    RemovedFunction("matrix_rank", "1.13", "AttributeError", "has no attribute 'matrix_rank'", "torch.linalg.matrix_rank",
                    f"({A}).matrix_rank()"),
    RemovedFunction("gels", "1.3", "AttributeError", "has no attribute 'gels'", "torch.linalg.lstsq, with the arguments swapped",
                    f"{B}.gels({A})"),
    RemovedFunction("gesv", "1.2", "AttributeError", "has no attribute 'gesv'", "torch.linalg.solve, with the arguments swapped",
                    f"{B}.gesv({A})"),
    RemovedFunction("potrf", "1.2", "AttributeError", "has no attribute 'potrf'", "torch.linalg.cholesky (upper=True for potrf's default)",
                    f"({A}).potrf()"),
    RemovedFunction("potrs", "1.2", "AttributeError", "has no attribute 'potrs'", "torch.cholesky_solve", f"{B}.potrs({A})"),
    RemovedFunction("potri", "1.2", "AttributeError", "has no attribute 'potri'", "torch.cholesky_inverse", f"({A}).potri()"),
    RemovedFunction("pstrf", "1.2", "AttributeError", "has no attribute 'pstrf'", "torch.linalg.cholesky", f"({A}).pstrf()"),
    RemovedFunction("trtrs", "1.2", "AttributeError", "has no attribute 'trtrs'", "torch.linalg.solve_triangular, with the arguments swapped",
                    f"{B}.trtrs({A})"),
    RemovedFunction("btrifact", "1.2", "AttributeError", "has no attribute 'btrifact'", "torch.linalg.lu_factor", f"({A}).btrifact()"),
    RemovedFunction("btrifact_with_info", "1.2", "AttributeError", "has no attribute 'btrifact_with_info'",
                    "torch.linalg.lu_factor_ex", f"({A}).btrifact_with_info()"),
    RemovedFunction("btrisolve", "1.2", "AttributeError", "has no attribute 'btrisolve'", "torch.lu_solve", f"{B}.btrisolve({A}, {A})"),
    RemovedFunction("rfft", "1.8", "AttributeError", "has no attribute 'rfft'", "torch.fft.rfft", "torch.ones(4).rfft(1)"),
    RemovedFunction("irfft", "1.8", "AttributeError", "has no attribute 'irfft'", "torch.fft.irfft", "torch.ones(3, 2).irfft(1)"),
    RemovedFunction("fft", "1.8", "AttributeError", "has no attribute 'fft'", "torch.fft.fft", "torch.ones(4, 2).fft(1)"),
    RemovedFunction("ifft", "1.8", "AttributeError", "has no attribute 'ifft'", "torch.fft.ifft", "torch.ones(4, 2).ifft(1)"),
    RemovedFunction("reinforce", "0.3", "RuntimeError", "reinforce() was removed",
                    "the log-probability of a torch.distributions sample, times the reward", "torch.ones(3).multinomial(1).reinforce(1.0)"),
)


@dataclass(frozen=True)
class ChangedKeyword:
    """A keyword of torch callables that old code gets wrong under torch 2.13: passed where it
    was removed (`variables=` of `torch.autograd.backward`), or left out where its default was
    removed (`num_samples=` of `multinomial`). The release of the change, what the call raises
    and with what message, what to write instead, a call that shows the effect
    (tests/test_removed_apis.py runs each under torch), and the fix where one is known."""

    # torch qualnames (`torch.optim.lr_scheduler.*`: every name there), and `Tensor.m` for the
    # method m of a value known to be a tensor
    callees: tuple
    keyword: str
    since: str
    error: str
    message: str
    advice: str
    example: str
    required: bool = False  # the call raises without the keyword, not with it
    position: Optional[int] = None  # a required keyword's place among the function's arguments
    renamed: Optional[str] = None  # the keyword's new name: the fix renames it (safe)
    inert: Optional[str] = None  # the value that did nothing: the fix drops the keyword (safe with it)
    old_default: Optional[str] = None  # a required keyword's old default: the fix passes it (safe)


LR_SCHEDULERS = "torch.optim.lr_scheduler.*"
CHANGED_KEYWORDS = (
    ChangedKeyword(("torch.autograd.backward",), "variables", "0.4", "TypeError", "unexpected keyword argument 'variables'",
                   "it is tensors= now", "torch.autograd.backward(variables=[(torch.ones(2, requires_grad=True) * 2).sum()])",
                   renamed="tensors"),
    ChangedKeyword(("torch.normal",), "means", "0.4", "TypeError", "received an invalid combination of arguments",
                   "it is mean= now", "torch.normal(means=torch.zeros(3), std=0.1)", renamed="mean"),
    ChangedKeyword((LR_SCHEDULERS,), "verbose", "2.7", "TypeError", "unexpected keyword argument 'verbose'",
                   "drop it; print(scheduler.get_last_lr()) to log",
                   "torch.optim.lr_scheduler.StepLR(torch.optim.SGD([torch.ones(1, requires_grad=True)]), 10, verbose=True)",
                   inert="False"),
    ChangedKeyword(("torch.multinomial", "Tensor.multinomial"), "num_samples", "0.4", "TypeError",
                   'missing 1 required positional arguments: "num_samples"', "num_samples=1 was the default",
                   "torch.ones(3).multinomial()", required=True, position=1, old_default="1"),
    ChangedKeyword(("torch.stft", "Tensor.stft"), "return_complex", "2.0", "RuntimeError",
                   "stft requires the return_complex parameter be given for real inputs",
                   "return_complex=True, and torch.view_as_real() for the old layout",
                   "torch.stft(torch.ones(64), 16)", required=True, position=9),
)


@dataclass(frozen=True)
class RemovedImport:
    """A torch module (every name in it), or a name in a module, removed since 0.4 that old code
    still imports: the release that removed it, what importing it raises under torch 2.13 and
    with what message, its replacement, and an import that shows the effect
    (tests/test_removed_apis.py runs each under torch)."""

    name: str
    since: str
    error: str
    message: str
    replacement: str
    example: str


REMOVED_IMPORTS = (
    RemovedImport("torch._six", "2.0", "ModuleNotFoundError", "No module named 'torch._six'",
                  "collections.abc, str, int, math.inf", "from torch._six import container_abcs"),
    RemovedImport("torch.utils.serialization.load_lua", "1.0", "ImportError", "cannot import name 'load_lua'",
                  "torchfile.load of the torchfile package", "from torch.utils.serialization import load_lua"),
    RemovedImport("torch.utils.ffi", "1.0", "ModuleNotFoundError", "No module named 'torch.utils.ffi'",
                  "torch.utils.cpp_extension", "from torch.utils.ffi import _wrap_function"),
    RemovedImport("torch.legacy", "1.0", "ModuleNotFoundError", "No module named 'torch.legacy'",
                  "torch.nn", "import torch.legacy.nn as lnn"),
    RemovedImport("torch.autograd.gradcheck.zero_gradients", "1.9", "ImportError", "cannot import name 'zero_gradients'",
                  "x.grad.zero_() (or x.grad = None) on each input", "from torch.autograd.gradcheck import zero_gradients"),
)
