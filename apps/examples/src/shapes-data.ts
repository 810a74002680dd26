/**
 * The synthetic "shapes" dataset shipped in data/shapes.safetensors (written by
 * pytorch/make_dataset.py): 12×12 grayscale images of four classes (0 horizontal bar,
 * 1 vertical bar, 2 diagonal, 3 hollow square), 512 for training and 128 for testing.
 */
import { fileURLToPath } from 'node:url';
import { safetensors, type Tensor } from '@nncompat/core';

/** Images as float32 in [0, 1] (`uint8 / 255`, as the PyTorch scripts do) and int64 labels. */
export interface ShapesData {
  x_train: Tensor;
  y_train: Tensor;
  x_test: Tensor;
  y_test: Tensor;
}

/** Path of the shipped file. */
export const SHAPES_PATH = fileURLToPath(new URL('../data/shapes.safetensors', import.meta.url));

/**
 * Reads the dataset; `data['train_images'].float() / 255` etc., like the Python side.
 *
 * @example
 * const { x_train, y_train } = loadShapes();
 * x_train.shape; // [512, 1, 12, 12]
 */
export function loadShapes(path: string = SHAPES_PATH): ShapesData {
  const d = safetensors.load_file(path);
  const get = (k: string): Tensor => {
    const t = d.get(k);
    if (!t) throw new Error(`${path} has no tensor '${k}': is it the shipped shapes.safetensors?`);
    return t;
  };
  return {
    x_train: get('train_images').float().div(255),
    y_train: get('train_labels'),
    x_test: get('test_images').float().div(255),
    y_test: get('test_labels'),
  };
}
