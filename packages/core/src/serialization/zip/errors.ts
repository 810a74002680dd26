/** A ZIP archive that cannot be read: the message names the problem and, where known, the entry. */
export class ZipFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipFormatError';
  }
}
