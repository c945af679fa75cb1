import type { FastifyRequest } from 'fastify';
import { AppError } from './app-error';

/** @fastify/multipart's limits beyond the file's own size: more parts, files or fields than allowed. */
const TOO_MANY_PARTS = new Set(['FST_PARTS_LIMIT', 'FST_FILES_LIMIT', 'FST_FIELDS_LIMIT']);

export interface UploadRules {
  /** The form field that carries the file. */
  field: string;
  /** What the file is, for the messages: "the image", "the CSV". */
  what: string;
  maxBytes: number;
  tooLargeMessage: string;
}

/**
 * The bytes of the one file a multipart/form-data request carries in `rules.field`. Whatever is
 * wrong with the request is the client's to fix and answered as such: no boundary, a body cut
 * off or malformed (busboy's errors carry no code), a file or a form over the limits.
 */
export async function readUploadedFile(request: FastifyRequest, rules: UploadRules): Promise<Buffer> {
  if (!request.isMultipart())
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', `Send ${rules.what} as multipart/form-data in a field named ${rules.field}.`);
  try {
    const file = await request.file({ limits: { fileSize: rules.maxBytes, files: 1 } });
    if (!file || file.fieldname !== rules.field) {
      throw new AppError('VALIDATION_FAILED', `Send ${rules.what} in a field named ${rules.field}.`, [
        { field: rules.field, problems: [`${rules.field} is required`] },
      ]);
    }
    return await file.toBuffer();
  } catch (error) {
    throw uploadError(error, rules);
  }
}

/** What went wrong reading a multipart body, as the client's error to fix. */
function uploadError(error: unknown, rules: UploadRules): AppError {
  if (error instanceof AppError) return error;
  const code = (error as { code?: string }).code ?? '';
  if (code === 'FST_REQ_FILE_TOO_LARGE') return new AppError('PAYLOAD_TOO_LARGE', rules.tooLargeMessage);
  if (TOO_MANY_PARTS.has(code)) return new AppError('PAYLOAD_TOO_LARGE', `Send ${rules.what} alone, in one field named ${rules.field}.`);
  return new AppError('BAD_REQUEST', 'The multipart/form-data body is malformed (a boundary missing, or the body cut off).');
}

/**
 * The one file in `rules.field` and the text fields beside it, in whatever order the form sends
 * them; at most `maxFields` short fields.
 */
export async function readUploadedFileAndFields(
  request: FastifyRequest,
  rules: UploadRules & { maxFields: number },
): Promise<{ bytes: Buffer; fields: Record<string, string> }> {
  if (!request.isMultipart())
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', `Send ${rules.what} as multipart/form-data in a field named ${rules.field}.`);
  try {
    let bytes: Buffer | undefined;
    const fields: Record<string, string> = {};
    const parts = request.parts({ limits: { fileSize: rules.maxBytes, files: 1, fields: rules.maxFields, fieldSize: 1_000 } });
    for await (const part of parts) {
      if (part.type === 'file') {
        const content = await part.toBuffer();
        if (part.fieldname === rules.field) bytes = content;
      } else {
        fields[part.fieldname] = String(part.value);
      }
    }
    if (!bytes) {
      throw new AppError('VALIDATION_FAILED', `Send ${rules.what} in a field named ${rules.field}.`, [
        { field: rules.field, problems: [`${rules.field} is required`] },
      ]);
    }
    return { bytes, fields };
  } catch (error) {
    throw uploadError(error, rules);
  }
}
