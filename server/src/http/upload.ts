import type { Request, RequestHandler, Response } from "express";
import multer from "multer";
import { AppError } from "./errors";

/**
 * What a multer or busboy error means to the user: a file over the limit is a clear 413 naming it; anything else
 * (a file in another field, no boundary, truncated or garbled parts, a closed request) comes from a malformed
 * request body: the client's fault, a 400, never a server error.
 */
export function uploadError(err: unknown, field: string, maxMb: number): AppError {
  if (err instanceof AppError) return err;
  const code = (err as { code?: string } | undefined)?.code;
  if (code === "LIMIT_FILE_SIZE")
    return new AppError(
      "payload_too_large",
      { maxMb },
      {
        vi: `Tệp vượt quá giới hạn ${maxMb} MB.`,
        en: `The file is larger than the ${maxMb} MB limit.`,
      },
    );
  if (code === "LIMIT_UNEXPECTED_FILE")
    return new AppError("validation_failed", [
      { path: field, message: `expected one file in field "${field}"` },
    ]);
  return new AppError(
    "validation_failed",
    [{ path: field, message: (err as Error | undefined)?.message || "malformed multipart body" }],
    {
      vi: "Không đọc được tệp gửi lên (dữ liệu gửi lên bị lỗi hoặc không đầy đủ). Vui lòng chọn lại tệp và gửi lại.",
      en: "The upload could not be read (the request body is malformed or incomplete). Please choose the file and send it again.",
    },
  );
}

/**
 * Reads one multipart file field into memory, with the configured size limit; a file over it gets a clear 413
 * naming the limit. Call it after authorization, so that nobody unauthorized makes us read their bytes.
 */
export function readUpload(field: string, maxMb: number) {
  const upload = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: maxMb * 1024 * 1024, files: 1, fields: 20, fieldSize: 64 * 1024 },
  });
  const handler: RequestHandler = upload.single(field);
  return (req: Request, res: Response): Promise<{ bytes: Buffer; name: string } | undefined> =>
    new Promise((resolve, reject) => {
      handler(req, res, (err?: unknown) => {
        if (err) return reject(uploadError(err, field, maxMb));
        resolve(
          req.file
            ? { bytes: req.file.buffer, name: Buffer.from(req.file.originalname, "latin1").toString("utf8") }
            : undefined,
        );
      });
    });
}
