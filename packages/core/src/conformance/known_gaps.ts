/**
 * Where the replay of the PyTorch 1.13 goldens expects something else, and why.
 *
 * - `VERSION_TEXTS`: error texts that changed between PyTorch 1.13 (the goldens) and 2.1 (the
 *   target surface, DESIGN.md §4). The replay expects the 2.1 text, written by hand from the
 *   2.x source cited beside it.
 * - `KNOWN_GAPS`: cases the TypeScript API does not match yet. The replay asserts that exactly
 *   these fail (a fix must remove its entry) and prints them when it runs.
 * Keys are `<topic>/<case name>`.
 */

/** An expected error. */
export interface ErrorText {
  type: string;
  message: string;
  /** Where the 2.x text comes from. */
  source: string;
}

export const VERSION_TEXTS: Readonly<Record<string, ErrorText>> = Object.freeze({
  'views/error: narrow start out of range': {
    type: 'IndexError',
    message: 'start out of range (expected to be in range of [-5, 5], but got 7)',
    source: 'torch/_refs/__init__.py narrow (2.x): torch._check_with(IndexError, -dim_length <= start <= dim_length, ...)',
  },
  'indexing/error: tril 1d': {
    type: 'RuntimeError',
    message: 'tril: input tensor must have at least 2 dimensions',
    source: 'aten/src/ATen/native/TriangularOps.cpp (2.x): TORCH_CHECK(self.dim() >= 2, "tril: input tensor must have at least 2 dimensions")',
  },
  'indexing/error: index_select out of range': {
    type: 'IndexError',
    message: 'index out of range in self',
    source: 'aten/src/ATen/native/TensorAdvancedIndexing.cpp index_select_out_cpu_ (2.x): TORCH_CHECK_INDEX(..., "index out of range in self")',
  },
  'elementwise/error: masked_fill float mask': {
    type: 'RuntimeError',
    message: 'masked_fill_ only supports boolean masks, but got mask with dtype float',
    source: 'aten/src/ATen/native/TensorAdvancedIndexing.cpp masked_fill__cpu (2.x): TORCH_CHECK(mask.dtype() == ScalarType::Bool, "masked_fill_ only supports boolean masks, but got mask with dtype ", mask.dtype())',
  },
  'nn/error: max_pool2d pad too big': {
    type: 'RuntimeError',
    message: 'pad should be at most half of effective kernel size, but got pad=2, kernel_size=2 and dilation=1',
    source: 'aten/src/ATen/native/Pool.h pooling_output_shape_pad_lr (2.x)',
  },
});

export const KNOWN_GAPS: Readonly<Record<string, string>> = Object.freeze({
  'nn/error: conv2d float input double weight':
    '1.13: "expected scalar type Float but found Double"; TS raises "Input type (torch.FloatTensor) and weight type (torch.DoubleTensor) should be the same", 2.x adds " or input should be a MKLDNN tensor and weight is a dense tensor": not settled',
});
