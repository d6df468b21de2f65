// Node loaders: IDX files on disk, MNIST / Fashion-MNIST directories, verified downloads.
export { readIdxFile } from './read-file.js';
export { writeIdxFile, type WriteIdxFileOptions } from './write-file.js';
export type { MnistKind } from './mnist-files.js';
export {
  loadMnistDir,
  loadFashionMnist,
  FASHION_MNIST_DEBIAN_DIR,
  type LoadMnistDirOptions,
  type LoadFashionMnistOptions,
} from './load-dir.js';
export { downloadMnist, type MnistDownload } from './download.js';
export type { DownloadMnistOptions, DownloadProgress } from './download-options.js';
export type { FetchLike } from './fetch-file.js';
export { DownloadError, type DownloadFailure, type DownloadErrorDetails } from './errors.js';
export {
  MNIST_FILES,
  FASHION_MNIST_FILES,
  MNIST_MIRRORS,
  FASHION_MNIST_MIRRORS,
  type DownloadFile,
} from './sources.js';
