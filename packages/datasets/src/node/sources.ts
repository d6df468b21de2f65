// Where MNIST and Fashion-MNIST can be downloaded, and the SHA-256 of each published file.

/**
 * A file to download and the SHA-256 (lowercase hex) its bytes must have.
 * @category Download
 */
export interface DownloadFile {
  /** File name, appended to each mirror's URL: one of the four standard names, with or without `.gz`. */
  readonly name: string;
  /** SHA-256 of the file's bytes, 64 hex digits. */
  readonly sha256: string;
}

/**
 * The four MNIST files (LeCun, Cortes & Burges) and their SHA-256. The digests are those the
 * files have had on every mirror since their publication (sizes 9,912,422 / 28,881 / 1,648,877 /
 * 4,542 bytes); they are the ones TensorFlow Datasets and many download scripts pin, and they match
 * the MD5 digests torchvision pins for the same files.
 * @category Download
 */
export const MNIST_FILES: readonly DownloadFile[] = [
  { name: 'train-images-idx3-ubyte.gz', sha256: '440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609' },
  { name: 'train-labels-idx1-ubyte.gz', sha256: '3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c' },
  { name: 't10k-images-idx3-ubyte.gz', sha256: '8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6' },
  { name: 't10k-labels-idx1-ubyte.gz', sha256: 'f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6' },
];

/**
 * The four Fashion-MNIST files (Xiao, Rasul & Vollgraf, Zalando Research) as published, and
 * their SHA-256.
 * @category Download
 */
export const FASHION_MNIST_FILES: readonly DownloadFile[] = [
  { name: 'train-images-idx3-ubyte.gz', sha256: '08dc20ab1689590a0bcd66e874647b6ee8464e2d501b5a3f1f78831db19a3fdc' },
  { name: 'train-labels-idx1-ubyte.gz', sha256: 'b0197879cbda89f3dc7b894f9fd52b858e68ea4182b6947c9d8c2b67e5f18dcc' },
  { name: 't10k-images-idx3-ubyte.gz', sha256: '78dcbbfb5a27efaf1b6c1d616caca68560be8766c5bffcb2791df9273a534229' },
  { name: 't10k-labels-idx1-ubyte.gz', sha256: '42bd18137a62d5998cdeae52bf3a0676ac6b706f5cf8439b47bb5b151ae3dccf' },
];

/**
 * Default MNIST mirrors, tried in order: PyTorch's copy on S3 (torchvision's first mirror) and the
 * Common Visual Data Foundation's copy on Google Cloud Storage (TensorFlow's). Every file is
 * checked against `MNIST_FILES`, whichever mirror served it.
 * @category Download
 */
export const MNIST_MIRRORS: readonly string[] = [
  'https://ossci-datasets.s3.amazonaws.com/mnist/',
  'https://storage.googleapis.com/cvdf-datasets/mnist/',
];

/**
 * Default Fashion-MNIST mirrors, tried in order: the authors' GitHub repository and their S3
 * website (plain HTTP, as torchvision uses it; the SHA-256 check makes the bytes trustworthy).
 * @category Download
 */
export const FASHION_MNIST_MIRRORS: readonly string[] = [
  'https://raw.githubusercontent.com/zalandoresearch/fashion-mnist/master/data/fashion/',
  'http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/',
];
