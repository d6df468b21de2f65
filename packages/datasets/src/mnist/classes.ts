/**
 * The class names of MNIST, indexed by label: the digits `'0'` … `'9'`.
 *
 * @example
 * ```ts
 * MNIST_CLASSES.length; // 10
 * MNIST_CLASSES[7];     // '7'
 * ```
 * @category MNIST
 */
export const MNIST_CLASSES: readonly string[] = Object.freeze(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);

/**
 * The class names of Fashion-MNIST, indexed by label, as published by Zalando Research (and used
 * by torchvision's `FashionMNIST.classes`).
 *
 * @example
 * ```ts
 * FASHION_MNIST_CLASSES.length; // 10
 * FASHION_MNIST_CLASSES[0];     // 'T-shirt/top'
 * FASHION_MNIST_CLASSES[9];     // 'Ankle boot'
 * ```
 * @category MNIST
 */
export const FASHION_MNIST_CLASSES: readonly string[] = Object.freeze([
  'T-shirt/top',
  'Trouser',
  'Pullover',
  'Dress',
  'Coat',
  'Sandal',
  'Shirt',
  'Sneaker',
  'Bag',
  'Ankle boot',
]);
