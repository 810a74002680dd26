export { crc32 } from './crc32.js';
export { ZipFormatError } from './errors.js';
export { readZip, type ReadZipOptions, type ZipEntryInfo, type ZipReader } from './reader.js';
export { writeZip, type WriteZipOptions, type ZipInputEntry } from './writer.js';
export type { InflateRaw } from './inflate.js';
export { readZipFile, type ZipFileReader } from './file.js';
